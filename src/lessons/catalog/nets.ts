import type { ChainSpec } from '../build';

/** A Dense node of `units` units (8 unless said). Ids are those the lessons' focus nodes name. */
export const dense = (id: string, units = 8): ChainSpec => [id, 'dense', { units }];
/** A BatchNorm node with the default momentum 0.9 and epsilon 0.001. */
export const batchNorm = (id: string): ChainSpec => [id, 'batchnorm'];
/** A ReLU activation node. */
export const relu = (id: string): ChainSpec => [id, 'activation', { fn: 'relu' }];
/** A tanh activation node. */
export const tanh = (id: string): ChainSpec => [id, 'activation', { fn: 'tanh' }];

/** Dense(8) → BatchNorm → Dense(8) → BatchNorm: affine at inference. */
export const DENSE_BN: readonly ChainSpec[] = [
  dense('dense1'),
  batchNorm('bn1'),
  dense('dense2'),
  batchNorm('bn2'),
];

/** The same with ReLU after each BatchNorm (the app's default graph). */
export const DENSE_BN_RELU: readonly ChainSpec[] = [
  dense('dense1'),
  batchNorm('bn1'),
  relu('act1'),
  dense('dense2'),
  batchNorm('bn2'),
  relu('act2'),
];

/** Dense(8) → tanh → Dense(8) → tanh: no normalization. */
export const DENSE_TANH: readonly ChainSpec[] = [
  dense('dense1'),
  tanh('act1'),
  dense('dense2'),
  tanh('act2'),
];

/** BatchNorm before each tanh. */
export const BN_BEFORE_TANH: readonly ChainSpec[] = [
  dense('dense1'),
  batchNorm('bn1'),
  tanh('act1'),
  dense('dense2'),
  batchNorm('bn2'),
  tanh('act2'),
];

/** BatchNorm after each tanh. */
export const BN_AFTER_TANH: readonly ChainSpec[] = [
  dense('dense1'),
  tanh('act1'),
  batchNorm('bn1'),
  dense('dense2'),
  tanh('act2'),
  batchNorm('bn2'),
];

/** Circle scaled ×20 for lessons 7 and 8 (tanh saturation). */
export const SCALED_CIRCLE = { dataset: 'circle', inputScale: 20 } as const;

/** Plain SGD: Adam divides each step by the gradient's own size, which hides saturation. */
export const PLAIN_SGD = { optimizer: 'sgd', learningRate: 0.1 } as const;

/** The data lessons 1 and 3 share (seed included), so their accuracies compare. */
export const CIRCLE_500 = { dataset: 'circle', samples: 500, seed: 1 } as const;

/** Adam at 0.01: it settles closer to the best affine map than at 0.03, so lesson 1 compares fairly. */
export const SLOW_ADAM = { learningRate: 0.01 } as const;
