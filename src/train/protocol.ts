/**
 * The typed protocol between the UI and the training worker. Plain data only: the UI never
 * sees a tensor. (Types only: importing this file pulls no tfjs into the main bundle.)
 */
import type { TfjsArtifacts, TfjsOutput } from '../export/tfjsModel';
import type { Graph, GraphContext } from '../graph/types';
import type { HealthSample, SweepPoint, SweepRequest } from './healthTypes';
import type {
  AffineReport,
  BatchDependenceReport,
  DistributionReport,
  ProbeRequest,
  WarpReport,
} from './probeTypes';

export * from './healthTypes';
export * from './probeTypes';

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export type BackendPref = 'auto' | BackendName;
export const BACKEND_PREFS: readonly BackendPref[] = ['auto', 'webgl', 'wasm', 'cpu'];

/** What WebGL2 the browser offers: on a hardware GPU, a software rasterizer (SwiftShader, llvmpipe), or none. */
export type WebglKind = 'hardware' | 'software' | 'none';

export interface BackendInfo {
  readonly name: BackendName;
  /** Why this backend runs, in words: "auto: WebGL2 on a hardware GPU (…)" or a fallback reason. */
  readonly reason: string;
  /** The WebGL renderer string when one was probed. */
  readonly renderer?: string;
  /** What WebGL2 the probe found (auto races WebGL against WASM only on 'hardware'). */
  readonly webgl?: WebglKind;
}

export type OptimizerName = 'sgd' | 'momentum' | 'adam' | 'rmsprop';

export interface Hyper {
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  readonly batchSize: number;
  /** L2 penalty on Dense kernels: loss + l2 * sum(W^2). */
  readonly l2: number;
}

/** The data the worker trains on, as transferable typed arrays (row-major, ctx.inputDim features a row). */
export interface DataPayload {
  readonly xTrain: Float32Array;
  readonly yTrain: Float32Array;
  readonly xTest: Float32Array;
  readonly yTest: Float32Array;
  readonly domain: readonly [number, number];
}

export interface SessionConfig {
  readonly graph: Graph;
  readonly ctx: GraphContext;
  readonly data: DataPayload;
  readonly hyper: Hyper;
  readonly seed: number;
  /**
   * The two inputs the decision boundary, the warped grid and the batch-dependence point vary
   * (across, up; up -1 with a single input); every other input is held at 0, the mean of
   * standardized features. Absent: inputs 0 and 1.
   */
  readonly plane?: readonly [number, number];
}

/**
 * One readback group of training steps as the loss chart draws it: x is the step after the
 * group's last step, y the mean of its training-mode batch losses (non-finite when it diverged).
 */
export interface GroupLoss {
  readonly x: number;
  readonly y: number;
}

export interface Metrics {
  readonly step: number;
  readonly epoch: number;
  /**
   * Mean of the training-mode mini-batch losses since the last report (null before any step):
   * what the optimizer saw, with BatchNorm using each batch's own statistics.
   */
  readonly batchLoss: number | null;
  /** Loss over the training set in inference mode, measured exactly as testLoss is. */
  readonly trainLoss: number | null;
  readonly testLoss: number;
  /** Share of test points classified right, 0..1; null for regression. */
  readonly testAccuracy: number | null;
  /** Regression only: R² of the test predictions (1 − SSE/SST); null for classification. */
  readonly testR2: number | null;
  readonly stepsPerSecond: number;
  readonly samplesPerSecond: number;
  /**
   * The first step (and training time) at which test accuracy reached 0.9, 0.95 and 0.99, in the
   * order reached; measured at each report, so within one readback group of the step itself.
   */
  readonly crossings?: readonly { readonly threshold: number; readonly step: number; readonly ms: number }[];
  /** One point per readback group since the previous report (the loss chart's batch-loss line). */
  readonly groupLosses?: readonly GroupLoss[];
}

export interface Heatmap {
  /**
   * Grid is size x size over domain^2 of the plane's two inputs (the others at 0), row 0 at the
   * top (largest value of the input shown up).
   */
  readonly size: number;
  /** Values per cell: 1 (binary probability or regression value) or k class probabilities. */
  readonly channels: number;
  readonly values: Float32Array;
  readonly step: number;
  /**
   * R^2 of the best least-squares affine fit to the output logits over the grid: 1 means the
   * network computes an affine map there; null when it could not be computed.
   */
  readonly nonlinearity: number | null;
}

export type TrainEvent =
  | { readonly type: 'metrics'; readonly metrics: Metrics }
  | { readonly type: 'heatmap'; readonly heatmap: Heatmap }
  | { readonly type: 'status'; readonly running: boolean }
  | { readonly type: 'diverged'; readonly step: number; readonly message: string }
  /** Training stopped on an error; `nodeId` names the node to blame when one was found. */
  | { readonly type: 'error'; readonly message: string; readonly nodeId?: string }
  | { readonly type: 'backend'; readonly backend: BackendInfo }
  | { readonly type: 'distributions'; readonly report: DistributionReport }
  | { readonly type: 'affine'; readonly report: AffineReport }
  | { readonly type: 'batchDependence'; readonly report: BatchDependenceReport }
  | { readonly type: 'warp'; readonly report: WarpReport }
  /** A probe failed (e.g. the node vanished mid-flight); the panel says so, training goes on. */
  | { readonly type: 'probeError'; readonly probe: keyof ProbeRequest; readonly message: string }
  /** Something the person should know that does not block training (e.g. a recovered GPU loss). */
  | { readonly type: 'notice'; readonly message: string }
  /** Training health of every weighted layer at a sampled step (only while the Training health tab is open). */
  | { readonly type: 'health'; readonly sample: HealthSample };

/** Trained weights as plain numbers: node id -> weight name (kernel, bias, gamma, …) -> flat values. */
export type NodeWeights = Readonly<Record<string, Readonly<Record<string, readonly number[]>>>>;

export type LoadResult =
  | {
      readonly ok: true;
      readonly paramCounts: Readonly<Record<string, number>>;
      readonly totalParams: number;
    }
  | { readonly ok: false; readonly message: string };

/** What the TF.js model export asks of the worker. */
export interface ModelExportRequest {
  /** True: the live, trained weights; false: the seed's initial weights (what Reset gives). */
  readonly trained: boolean;
}

/**
 * The model in TF.js's layers format, saved from a copy (the live model is never changed), with
 * sigmoid/softmax appended for classification (see MODEL_OUTPUT_NOTE); or why it could not be made.
 */
export type ModelExportResult =
  | {
      readonly ok: true;
      readonly artifacts: TfjsArtifacts;
      readonly output: TfjsOutput;
      /** The step of the weights (null: initial weights). */
      readonly step: number | null;
    }
  | { readonly ok: false; readonly message: string };

/** Cheap diagnostics of the worker's engine (the benchmark and bug reports read them). */
export interface Diagnostics {
  /** The active tfjs backend. */
  readonly backend: string;
  /** tf.memory(): live tensors and their bytes. */
  readonly numTensors: number;
  readonly numBytes: number;
  /** Steps trained by the current session (0 when none is loaded). */
  readonly steps: number;
  /** How long the last decision-boundary refresh took (ms), null before the first. */
  readonly heatmapMs: number | null;
  /** How long the last probe run that computed something took (ms), null before the first. */
  readonly probeMs: number | null;
  /** Where the running loop's time went since the session was built (zeros when none is loaded). */
  readonly loop: LoopTotals;
}

/**
 * Wall time (ms) the training loop has spent while running, in all and by activity, added up since
 * the session was built; two readings give each activity's share of training (e.g. Δheatmap/Δrunning).
 */
export interface LoopTotals {
  /** All the time inside the running loop, yields to incoming messages included. */
  readonly runningMs: number;
  /** Training steps and their loss readbacks. */
  readonly stepsMs: number;
  readonly metricsMs: number;
  readonly heatmapMs: number;
  readonly probeMs: number;
  /** Decision-boundary refreshes completed while running. */
  readonly heatmaps: number;
  /** Probe runs that reported while running. */
  readonly probeRuns: number;
  /** Training-health samples: the whole one-step group each rides on, its readback included. */
  readonly healthMs: number;
  readonly healthSamples: number;
}

/** What the worker exposes (through comlink). Every call is async across the thread boundary. */
export interface WorkerApi {
  init(pref: BackendPref, onEvent: (e: TrainEvent) => void): Promise<BackendInfo>;
  load(config: SessionConfig): Promise<LoadResult>;
  /** Starts training; with `untilStep`, it stops by itself exactly at that step. */
  start(untilStep?: number): Promise<void>;
  /** Steps per animation frame (slow motion, redrawn every frame), or null for full speed. */
  setSpeed(stepsPerFrame: number | null): Promise<void>;
  pause(): Promise<void>;
  step(): Promise<void>;
  reset(): Promise<void>;
  setHyper(hyper: Hyper): Promise<void>;
  /** Which analyses the open panels want; computed now when paused, and a few times a second while training. */
  setProbes(request: ProbeRequest): Promise<void>;
  /** Which two inputs the boundary's slice shows (see SessionConfig.plane); redrawn now when paused. */
  setPlane(plane: readonly [number, number]): Promise<void>;
  /** The live weights of the model (lab files and code exports "with trained weights"). */
  getWeights(): Promise<NodeWeights>;
  /** Puts saved weights (trained to `step`, when known) into the model; returns why they do not fit, or null. */
  setWeights(weights: NodeWeights, step?: number): Promise<string | null>;
  /** The model as TF.js files (model.json + weights.bin content); the weights' buffer is transferred. */
  exportModel(request: ModelExportRequest): Promise<ModelExportResult>;
  dispose(): Promise<void>;
  /** Diagnostics: forces a WebGL context loss (WEBGL_lose_context) to exercise recovery. */
  loseGpuContext(): Promise<boolean>;
  /** Diagnostics: tensor counts and the last heatmap and probe durations. */
  diagnostics(): Promise<Diagnostics>;
  /**
   * A learning-rate sweep in this worker (a second worker, so the person's run is untouched): each
   * run at each rate, reported through `onPoint` as it ends; returns every point.
   */
  sweep(request: SweepRequest, onPoint: (point: SweepPoint) => void): Promise<SweepPoint[]>;
  /**
   * Auto's race, in a second instance of this worker (store/autoBackend.ts): switches to
   * `backend` (software WebGL refused unless `allowSoftware`), builds the model, warms it up
   * (WebGL compiles its shaders then) and times training steps for about `ms`. Rejects, saying
   * why, when the backend cannot start or a step throws. Leaves no model behind.
   */
  raceTime(
    backend: 'webgl' | 'wasm',
    config: SessionConfig,
    ms: number,
    allowSoftware: boolean,
  ): Promise<BackendTiming>;
}

/** Auto's race: how fast one backend trained a model in the racing worker. */
export interface BackendTiming {
  readonly stepsPerSecond: number;
  /** Steps timed (after the untimed warm-up steps) and the wall time they took (ms). */
  readonly steps: number;
  readonly ms: number;
}
