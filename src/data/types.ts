import type { Task } from '../graph/types';
import type { CsvChoice } from './csv/types';

/** The generated datasets. */
export type BuiltinName = 'circle' | 'xor' | 'gaussian' | 'spiral' | 'moons' | 'spiral3' | 'wave';
/** A generated dataset, or 'csv': data imported from a CSV file (described by DataSettings.csv). */
export type DatasetName = BuiltinName | 'csv';

/** What a person chooses about the data. */
export interface DataSettings {
  readonly dataset: DatasetName;
  /** Number of points, 50..5000. */
  readonly samples: number;
  /** Noise level, 0..1 (each generator scales it to its own geometry). */
  readonly noise: number;
  /** Share of points used for training, 0.1..0.9; the rest is the test set. */
  readonly trainFraction: number;
  readonly seed: number;
  /**
   * Every input coordinate is multiplied by this, 0.01..100 (1: the generator's own [-5, 5]
   * square). Large scales push unnormalized pre-activations into tanh's saturated region.
   */
  readonly inputScale: number;
  /**
   * The imported file and the columns chosen from it, when `dataset` is 'csv' (null or absent
   * otherwise). Samples and noise do not apply to imported data; the split, seed and input scale do.
   */
  readonly csv?: CsvChoice | null;
}

export interface DatasetInfo {
  readonly name: DatasetName;
  readonly label: string;
  readonly task: Task;
  /** Classes for classification (2 for binary); 1 for regression. */
  readonly classes: number;
  readonly inputDim: number;
  /** Width of the network's output: 1 for binary and regression, `classes` for multiclass. */
  readonly outputDim: number;
  /**
   * The square [lo, hi]^2 that the decision-boundary grid covers. DATASETS holds the unscaled
   * square; generateDataset returns info whose domain is multiplied by the input scale.
   */
  readonly domain: readonly [number, number];
  /** One name per input feature, in the order the network sees them ("x1", "x2" for generated sets). */
  readonly featureNames: readonly string[];
  /** Class names by class index (classification; "0", "1", … for generated sets); null for regression. */
  readonly classLabels: readonly string[] | null;
}

/**
 * How imported features (and a regression target) were standardized: z = (x − mean) / sd, with
 * the mean and the population standard deviation of the training split (an sd of 0 counts as 1).
 */
export interface Standardization {
  readonly featureNames: readonly string[];
  readonly mean: readonly number[];
  readonly sd: readonly number[];
  /** The regression target's own mean and sd (its values are standardized too); null for classes. */
  readonly target: { readonly name: string; readonly mean: number; readonly sd: number } | null;
  /** Rows left out because a chosen cell was unusable. */
  readonly droppedRows: number;
}

/** A dataset split into train and test, as flat row-major typed arrays ready for tensors. */
export interface Dataset {
  readonly info: DatasetInfo;
  readonly xTrain: Float32Array;
  /** Class index (classification) or target value (regression), one per row. */
  readonly yTrain: Float32Array;
  readonly xTest: Float32Array;
  readonly yTest: Float32Array;
  /** Imported data only: how its features were standardized. */
  readonly standardization?: Standardization;
}
