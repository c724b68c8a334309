import type { BackendName, SweepPoint, SweepRequest } from '../train/protocol';
import type { AppStore } from './store';
import { planSweep } from './sweepPlan';

/** A running sweep: every point when it ends; cancel stops it at once (its worker is ended). */
export interface SweepJob {
  readonly done: Promise<readonly SweepPoint[]>;
  cancel(): void;
}

/**
 * Runs learning-rate sweeps away from the person's run (the app: a second training worker per
 * sweep, see src/app/createSweepEngine.ts; a fake in tests).
 */
export interface SweepEngine {
  start(backend: BackendName, request: SweepRequest, onPoint: (point: SweepPoint) => void): SweepJob;
}

/** The Learning-rate sweep button and its Cancel. */
export interface SweepCommands {
  start(): void;
  cancel(): void;
}

/**
 * Connects the Training health panel's sweep to an engine: plans the sweep from the current lab
 * (sweepPlan.ts), runs it on the backend training uses now, and puts its points into the store as
 * they come. One sweep at a time; the training run is never touched.
 */
export function connectSweep(
  store: AppStore,
  engine: SweepEngine,
  options: { readonly steps?: number } = {},
): SweepCommands {
  let job: SweepJob | null = null;
  /** Bumped by every start and cancel: a stale job's late points and endings are dropped. */
  let generation = 0;
  const st = () => store.getState();
  return {
    start: () => {
      if (job) return;
      const plan = planSweep(st(), options.steps);
      if (!plan.ok) {
        st().startSweep({ runs: [], rates: [], steps: 0, note: null, settings: '' });
        st().endSweep('failed', plan.message);
        return;
      }
      const mine = ++generation;
      const { request, note, settings } = plan;
      st().startSweep({
        runs: request.runs.map(({ id, label }) => ({ id, label })),
        rates: request.rates,
        steps: request.steps,
        note,
        settings,
      });
      const backend = st().backend?.name ?? 'cpu';
      const current = engine.start(backend, request, (p) => {
        if (mine === generation) st().addSweepPoint(p);
      });
      job = current;
      current.done.then(
        (points) => {
          if (mine !== generation) return;
          job = null;
          st().endSweep('done', undefined, points);
        },
        (err: unknown) => {
          if (mine !== generation) return;
          job = null;
          st().endSweep('failed', `The sweep stopped: ${err instanceof Error ? err.message : String(err)}.`);
        },
      );
    },
    cancel: () => {
      if (!job) return;
      generation++;
      job.cancel();
      job = null;
      st().endSweep('cancelled');
    },
  };
}
