import type { Graph, Task } from '../graph/types';

/**
 * What every exporter (PyTorch, Keras, TF.js) takes: plain data only, never tensors, so
 * src/export stays free of tfjs, React and the store.
 */

/** Training hyperparameters, the same shape as LabHyper in src/share/lab.ts. */
export interface ExportHyper {
  readonly optimizer: 'sgd' | 'momentum' | 'adam' | 'rmsprop';
  readonly learningRate: number;
  readonly batchSize: number;
  /** L2 penalty factor on Dense kernels (tfjs: l2 * sum(w^2) added to the loss). */
  readonly l2: number;
}

/** The dataset the exported script trains and evaluates on, split as in the app. */
export interface ExportData {
  /** "Circle", "iris.csv": shown in the generated file's header comment. */
  readonly name: string;
  /** One name per feature column (x1, x2 for the built-in sets). */
  readonly featureNames: readonly string[];
  /** Row-major, inputDim values per row. */
  readonly xTrain: Float32Array;
  /** Class index (classification) or target value (regression), one per row. */
  readonly yTrain: Float32Array;
  readonly xTest: Float32Array;
  readonly yTest: Float32Array;
  /**
   * Imported data only: the rows above are already standardized, z = (x - mean) / sd with the
   * training split's statistics (a regression target too, when `target` is given); class names
   * by index for classification.
   */
  readonly standardization?: {
    readonly mean: readonly number[];
    readonly sd: readonly number[];
    readonly target: { readonly name: string; readonly mean: number; readonly sd: number } | null;
  };
  readonly classLabels?: readonly string[] | null;
}

/** Trained weights: node id -> tfjs weight name ("kernel", "bias", "gamma", "moving_mean", ...) -> row-major values. */
export type ExportWeights = Readonly<Record<string, Readonly<Record<string, readonly number[]>>>>;

export interface ExportInput {
  /** The lab's name or title, for the generated file's header comment (optional). */
  readonly labName?: string;
  readonly graph: Graph;
  readonly task: Task;
  readonly inputDim: number;
  /** Width of the network's output: 1 for binary and regression, the class count for multiclass. */
  readonly outputDim: number;
  readonly hyper: ExportHyper;
  readonly seed: number;
  /** Null: the script has no data and says so (it still builds the model). */
  readonly data: ExportData | null;
  /** Null: the script starts from a fresh initialization. */
  readonly weights: ExportWeights | null;
  /** The step the weights were trained to, for the header comment. */
  readonly weightsStep: number | null;
}

/** What an exporter gives back: a file name and its text, or the reasons it refused. */
export type ExportResult =
  | { readonly ok: true; readonly fileName: string; readonly text: string }
  | { readonly ok: false; readonly problems: readonly string[] };
