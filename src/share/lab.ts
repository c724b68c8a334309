import { DEFAULT_DATA } from '../data/datasets';
import type { DataSettings } from '../data/types';
import { defaultGraph } from '../graph/defaultGraph';
import type { Graph } from '../graph/types';
import type { ClassOptions } from './classroom';
import { CURRENT_VERSION } from './migrations';

/** Optimizers a lab can name; the same union as `OptimizerName` in src/train/protocol.ts. */
export type LabOptimizer = 'sgd' | 'momentum' | 'adam' | 'rmsprop';
/** Every optimizer, in menu order. */
export const LAB_OPTIMIZERS: readonly LabOptimizer[] = ['sgd', 'momentum', 'adam', 'rmsprop'];

/**
 * Training hyperparameters, the same shape as `Hyper` in src/train/protocol.ts (share may not
 * import train/): learningRate in (0, 10], batchSize an integer in 1..1024, l2 in [0, 1].
 */
export interface LabHyper {
  readonly optimizer: LabOptimizer;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly l2: number;
}

/** Which backend a person asked for; the same union as `BackendPref` in src/train/protocol.ts. */
export type LabBackendPref = 'auto' | 'webgl' | 'wasm' | 'cpu';
/** Every backend preference, in menu order. */
export const LAB_BACKEND_PREFS: readonly LabBackendPref[] = ['auto', 'webgl', 'wasm', 'cpu'];

/** The analysis panels under the canvas (the same union as `PanelId` in src/store/probeSlice.ts); 'runs': the pinned runs. */
export type LabPanelId = 'distributions' | 'affine' | 'batch' | 'warp' | 'health' | 'runs';
/**
 * Every panel id. 'health' and 'runs' (issue 12) came after schema version 3 without a bump: they
 * only add values, so every older link and file reads as before.
 */
export const LAB_PANEL_IDS: readonly LabPanelId[] = [
  'distributions',
  'affine',
  'batch',
  'warp',
  'health',
  'runs',
];
/** Whether the Distributions panel runs BatchNorm with running (inference) or batch (training) statistics. */
export type LabDistMode = 'inference' | 'training';
/** Both distribution modes. */
export const LAB_DIST_MODES: readonly LabDistMode[] = ['inference', 'training'];

/** Which panel is open (null: panels hidden) and the Distributions panel's mode. */
export interface LabPanels {
  readonly open: LabPanelId | null;
  readonly distMode: LabDistMode;
}

/**
 * Everything a saved or shared lab holds: the graph, the dataset settings (seed included), the
 * hyperparameters, the backend preference and the open panel. `version` is the schema version
 * it was written in; a decoded lab always carries CURRENT_VERSION (older ones are migrated).
 */
export interface Lab {
  readonly version: number;
  readonly graph: Graph;
  readonly data: DataSettings;
  readonly hyper: LabHyper;
  readonly backendPref: LabBackendPref;
  readonly panels: LabPanels;
  /** An instructor's locks, hidden sections and lesson (a class link); null for an ordinary lab. */
  readonly classroom: ClassOptions | null;
}

/** Trained weights a lab file may carry: node id -> weight name -> flat values (row-major). */
export type LabWeights = Readonly<Record<string, Readonly<Record<string, readonly number[]>>>>;

/** The default hyperparameters: Adam, learning rate 0.03, batch 32, no L2. */
export const DEFAULT_HYPER: LabHyper = { optimizer: 'adam', learningRate: 0.03, batchSize: 32, l2: 0 };

/** The lab a first visit shows: the default graph on Circle, Adam, auto backend, Distributions open. */
export function defaultLab(): Lab {
  return {
    version: CURRENT_VERSION,
    graph: defaultGraph(),
    data: { ...DEFAULT_DATA },
    hyper: { ...DEFAULT_HYPER },
    backendPref: 'auto',
    panels: { open: 'distributions', distMode: 'inference' },
    classroom: null,
  };
}
