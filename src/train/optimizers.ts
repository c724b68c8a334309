import * as tf from '../compile/tf';
import type { Hyper } from './protocol';

/** Builds the optimizer a person picked. Momentum is SGD with heavy-ball momentum 0.9. */
export function makeOptimizer(h: Hyper): tf.Optimizer {
  switch (h.optimizer) {
    case 'sgd':
      return tf.train.sgd(h.learningRate);
    case 'momentum':
      return tf.train.momentum(h.learningRate, 0.9);
    case 'rmsprop':
      return tf.train.rmsprop(h.learningRate);
    case 'adam':
      return tf.train.adam(h.learningRate);
  }
}

export const HYPER_LIMITS = {
  learningRate: { min: 1e-6, max: 10 },
  batchSize: { min: 1, max: 1024 },
  l2: { min: 0, max: 1 },
} as const;

export const DEFAULT_HYPER: Hyper = { optimizer: 'adam', learningRate: 0.03, batchSize: 32, l2: 0 };
