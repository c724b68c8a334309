import type { StateCreator } from 'zustand';
import { compactSeries, type XY } from '../lib/downsample';
import type { BackendInfo, BackendPref, Heatmap, Hyper, Metrics } from '../train/protocol';
import { refuseIfLocked } from './locks';
import type { AppState } from './types';

export type TrainStatus = 'starting' | 'loading' | 'ready' | 'running' | 'invalid' | 'failed';

export interface LossPoint {
  readonly step: number;
  readonly train: number | null;
  readonly test: number;
  /** Test accuracy at this step (null for regression). */
  readonly accuracy?: number | null;
}

/**
 * One step a frame: a newcomer watches the default graph learn Circle over a couple of seconds
 * (it reaches 95% in about a hundred steps); "Full speed" is one click away.
 */
export const DEFAULT_SPEED = 1;

/** Keep at most this many loss points; beyond it every other point is dropped (long runs stay light). */
export const MAX_LOSS_POINTS = 1200;

/**
 * Keep at most this many per-group loss points: the newest half at full resolution, the older ones
 * thinned keeping their extremes (compactSeries), so a long run stays light.
 */
export const MAX_GROUP_POINTS = 4000;

/**
 * The run's per-group batch losses with a metrics report's new ones appended: points at or after
 * the first new one (a run that went back, e.g. reset) or after the report's step are dropped.
 */
export function appendGroups(history: readonly XY[], m: Metrics): readonly XY[] {
  const incoming = m.groupLosses ?? [];
  const from = Math.min(incoming[0]?.x ?? Number.POSITIVE_INFINITY, m.step + 1);
  let next = history;
  if ((next.at(-1)?.x ?? Number.NEGATIVE_INFINITY) >= from) next = next.filter((p) => p.x < from);
  if (incoming.length === 0) return next;
  return compactSeries([...next, ...incoming], MAX_GROUP_POINTS);
}

export interface TrainingSlice {
  hyper: Hyper;
  /** Steps per animation frame (slow motion, the boundary redrawn every frame), or null: full speed. */
  speed: number | null;
  setSpeed: (stepsPerFrame: number | null) => void;
  backendPref: BackendPref;
  backend: BackendInfo | null;
  status: TrainStatus;
  metrics: Metrics | null;
  lossHistory: readonly LossPoint[];
  /** One point per readback group from the first step on (x: step, y: mean batch loss); see appendGroups. */
  groupLosses: readonly XY[];
  heatmap: Heatmap | null;
  /** Why training stopped on its own (NaN, an error), until the next reset or load. */
  trainingProblem: string | null;
  /**
   * 'diverged': the weights are NaN, only Reset helps (Train is refused). 'error': a step threw;
   * the weights are intact and Train tries again.
   */
  trainingProblemKind: 'diverged' | 'error' | null;
  /** The node a training error was traced to (marked on the canvas), if any. */
  problemNodeId: string | null;
  /** Weight counts per node from the compiled model. */
  compiledParams: Readonly<Record<string, number>> | null;
  /** Why the engine or the model build failed (status 'failed'). */
  failure: string | null;
  setFailure: (text: string | null) => void;
  setHyper: (patch: Partial<Hyper>) => void;
  setBackendPref: (pref: BackendPref) => void;
  /** Called by the bridge: training state from the worker, as plain data. */
  applyMetrics: (m: Metrics) => void;
  applyHeatmap: (h: Heatmap) => void;
  setStatus: (s: TrainStatus) => void;
  setBackend: (b: BackendInfo | null) => void;
  setTrainingProblem: (
    text: string | null,
    options?: { kind?: 'diverged' | 'error'; nodeId?: string | null },
  ) => void;
  /** Puts back a run's loss curve and group losses (a run carried to another backend). */
  setLossHistory: (history: readonly LossPoint[], groups?: readonly XY[]) => void;
  clearRun: (compiledParams: Readonly<Record<string, number>> | null) => void;
  setCompiledParams: (p: Readonly<Record<string, number>>) => void;
}

export const createTrainingSlice: StateCreator<AppState, [], [], TrainingSlice> = (set, get) => ({
  hyper: { optimizer: 'adam', learningRate: 0.03, batchSize: 32, l2: 0 },
  speed: DEFAULT_SPEED,
  setSpeed: (speed) => set({ speed }),
  backendPref: 'auto',
  backend: null,
  status: 'starting',
  metrics: null,
  lossHistory: [],
  groupLosses: [],
  heatmap: null,
  trainingProblem: null,
  trainingProblemKind: null,
  problemNodeId: null,
  compiledParams: null,
  failure: null,
  setFailure: (failure) => set({ failure }),
  setHyper: (patch) => {
    if (!refuseIfLocked(get, 'training')) set({ hyper: { ...get().hyper, ...patch } });
  },
  setBackendPref: (backendPref) => set({ backendPref }),
  applyMetrics: (m) => {
    let history = get().lossHistory;
    const last = history.at(-1);
    if (last && m.step <= last.step) history = history.filter((p) => p.step < m.step);
    const point = { step: m.step, train: m.trainLoss, test: m.testLoss, accuracy: m.testAccuracy };
    let next = [...history, point];
    if (next.length > MAX_LOSS_POINTS) next = next.filter((_, i) => i % 2 === 0 || i === next.length - 1);
    set({ metrics: m, lossHistory: next, groupLosses: appendGroups(get().groupLosses, m) });
  },
  applyHeatmap: (heatmap) => set({ heatmap }),
  setLossHistory: (lossHistory, groups) => set({ lossHistory, groupLosses: groups ?? [] }),
  setStatus: (status) => set({ status }),
  setBackend: (backend) => set({ backend }),
  setTrainingProblem: (trainingProblem, options = {}) =>
    set({
      trainingProblem,
      trainingProblemKind: trainingProblem === null ? null : (options.kind ?? 'diverged'),
      problemNodeId: trainingProblem === null ? null : (options.nodeId ?? null),
    }),
  setCompiledParams: (compiledParams) => set({ compiledParams }),
  clearRun: (compiledParams) =>
    set({
      metrics: null,
      lossHistory: [],
      groupLosses: [],
      heatmap: null,
      trainingProblem: null,
      trainingProblemKind: null,
      problemNodeId: null,
      compiledParams,
    }),
});
