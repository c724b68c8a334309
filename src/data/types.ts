import type { Task } from '../graph/types';

export type DatasetName = 'circle' | 'xor' | 'gaussian' | 'spiral' | 'moons' | 'spiral3' | 'wave';

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
}

/** A dataset split into train and test, as flat row-major typed arrays ready for tensors. */
export interface Dataset {
  readonly info: DatasetInfo;
  readonly xTrain: Float32Array;
  /** Class index (classification) or target value (regression), one per row. */
  readonly yTrain: Float32Array;
  readonly xTest: Float32Array;
  readonly yTest: Float32Array;
}
