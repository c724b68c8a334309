import * as tf from '../compile/tf';
import type { Hyper } from './protocol';

/**
 * tfjs 4.22's MomentumOptimizer.dispose() frees its momentum scalar and accumulators but not the
 * learning-rate scalar `c` it inherits from SGD (SGDOptimizer.dispose frees it; Momentum's override
 * does not call it: tfjs issue #4647), so every rebuild (Reset, a new learning rate) left one
 * tensor behind. This dispose frees it too.
 */
function freeingLearningRate(opt: tf.MomentumOptimizer): tf.MomentumOptimizer {
  const own = opt.dispose.bind(opt);
  opt.dispose = () => {
    own();
    (opt as unknown as { c?: tf.Tensor }).c?.dispose();
  };
  return opt;
}

/** Builds the optimizer a person picked. Momentum is SGD with heavy-ball momentum 0.9. */
export function makeOptimizer(h: Hyper): tf.Optimizer {
  switch (h.optimizer) {
    case 'sgd':
      return tf.train.sgd(h.learningRate);
    case 'momentum':
      return freeingLearningRate(tf.train.momentum(h.learningRate, 0.9));
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
