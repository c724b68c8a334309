import type { StateCreator } from 'zustand';
import type { HealthSample, SweepPoint, SweepRun } from '../train/protocol';
import type { AppState } from './types';

/** Keep at most this many health samples; beyond it every other one is dropped (the last is kept). */
export const MAX_HEALTH_SAMPLES = 600;

/** The quantity the Training health chart shows. */
export type HealthMetric = 'gradNorm' | 'weightNorm' | 'updateRatio' | 'effectiveLr';

/** Where a learning-rate sweep stands. */
export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** A learning-rate sweep as the panel shows it: what runs, the points so far, and what to say. */
export interface SweepState {
  readonly status: SweepStatus;
  readonly runs: readonly Pick<SweepRun, 'id' | 'label'>[];
  readonly rates: readonly number[];
  readonly steps: number;
  readonly points: readonly SweepPoint[];
  /** Said beside the result (e.g. there is no variant without normalization to compare). */
  readonly note: string | null;
  /** Why the sweep could not start or failed; null otherwise. */
  readonly message: string | null;
  /** The settings it ran with, in words (optimizer, batch size, seed). */
  readonly settings: string;
}

/** No sweep yet. */
export const NO_SWEEP: SweepState = {
  status: 'idle',
  runs: [],
  rates: [],
  steps: 0,
  points: [],
  note: null,
  message: null,
  settings: '',
};

export interface HealthSlice {
  /** Training-health samples of the current run, oldest first (only while the tab was open). */
  health: readonly HealthSample[];
  healthMetric: HealthMetric;
  sweep: SweepState;
  /** Called by the bridge with the worker's samples; a step at or before the last starts over (a reset). */
  applyHealth: (sample: HealthSample) => void;
  clearHealth: () => void;
  setHealthMetric: (metric: HealthMetric) => void;
  /** A sweep began with these runs, rates and words (points cleared). */
  startSweep: (sweep: Omit<SweepState, 'status' | 'points' | 'message'>) => void;
  addSweepPoint: (point: SweepPoint) => void;
  /**
   * A sweep ended (done, with every point: they may overtake the last progress message) or was
   * cancelled, or could not run (failed, with why).
   */
  endSweep: (
    status: Exclude<SweepStatus, 'idle' | 'running'>,
    message?: string,
    points?: readonly SweepPoint[],
  ) => void;
}

export const createHealthSlice: StateCreator<AppState, [], [], HealthSlice> = (set, get) => ({
  health: [],
  healthMetric: 'updateRatio',
  sweep: NO_SWEEP,
  applyHealth: (sample) => {
    let next = get().health;
    const last = next.at(-1);
    if (last && sample.step <= last.step) next = next.filter((p) => p.step < sample.step);
    next = [...next, sample];
    if (next.length > MAX_HEALTH_SAMPLES) next = next.filter((_, i) => i % 2 === 0 || i === next.length - 1);
    set({ health: next });
  },
  clearHealth: () => set({ health: [] }),
  setHealthMetric: (healthMetric) => set({ healthMetric }),
  startSweep: (sweep) => set({ sweep: { ...sweep, status: 'running', points: [], message: null } }),
  addSweepPoint: (point) => {
    const sweep = get().sweep;
    if (sweep.status === 'running') set({ sweep: { ...sweep, points: [...sweep.points, point] } });
  },
  endSweep: (status, message, points) => {
    const sweep = get().sweep;
    set({ sweep: { ...sweep, status, message: message ?? null, points: points ?? sweep.points } });
  },
});
