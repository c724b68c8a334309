import type { AppStore } from './store';

/**
 * Keeps the live run's wall clock (runsSlice.runClock): time adds up while the status is
 * 'running', and starts over with a new run (metrics cleared, or the step going back). A pinned
 * run's "wall time" is this clock when it was pinned.
 */
export function connectRunClock(store: AppStore, now: () => number = () => Date.now()): () => void {
  return store.subscribe((s, prev) => {
    const step = s.metrics?.step ?? 0;
    const restarted = (s.metrics === null && prev.metrics !== null) || step < (prev.metrics?.step ?? 0);
    const running = s.status === 'running';
    if (!restarted && running === (prev.status === 'running')) return;
    const t = now();
    let { ms, since } = s.runClock;
    if (restarted) {
      ms = 0;
      since = running ? t : null;
    } else if (running) since = t;
    else {
      ms += since === null ? 0 : Math.max(0, t - since);
      since = null;
    }
    s.setRunClock({ ms, since });
  });
}
