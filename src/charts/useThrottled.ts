import { useEffect, useRef, useState } from 'react';

/**
 * How often the recharts charts redraw at most while their data changes (ms). A recharts redraw
 * costs several milliseconds of main thread (its store re-runs its selectors), so the live charts
 * redraw together, twice a second, in one frame: at most 2 busy frames a second, so the 95th
 * percentile frame stays an ordinary one (the decision boundary, a canvas, still redraws at the
 * training's own pace).
 */
export const REDRAW_MS = 500;

/** Charts whose new value waits for the next shared redraw, and that redraw's timer. */
const pending = new Map<object, () => void>();
let timer: ReturnType<typeof setTimeout> | null = null;

function redraw(): void {
  timer = null;
  const passes = [...pending.values()];
  pending.clear();
  // One task: React batches every chart's update into one render and one commit.
  for (const pass of passes) pass();
}

/** Redraws every waiting chart now (tests; the app lets the shared timer do it). */
export function flushRedraws(): void {
  if (timer) clearTimeout(timer);
  redraw();
}

/**
 * `value` as a chart should draw it: the first one at once, later ones at the next shared redraw
 * (at most REDRAW_MS later, all charts together), so live series changing ten or sixty times a
 * second redraw twice a second.
 */
export function useThrottled<T>(value: T): T {
  const [shown, setShown] = useState(value);
  const key = useRef<object>({});
  useEffect(() => {
    const me = key.current;
    if (Object.is(value, shown)) {
      pending.delete(me);
      return;
    }
    pending.set(me, () => setShown(() => value));
    timer ??= setTimeout(redraw, REDRAW_MS);
  }, [value, shown]);
  useEffect(() => {
    const me = key.current;
    return () => {
      pending.delete(me);
    };
  }, []);
  return shown;
}
