import * as tf from '../../compile/tf';

/**
 * Runs `fn` (which calls the model in training mode) and then puts every BatchNorm running mean
 * and variance back as it was. tfjs-layers updates the moving averages on every training-mode
 * call (moving = moving * momentum + batch * (1 - momentum)), so a probe would otherwise nudge
 * the statistics the model is evaluated with. The non-trainable weights are exactly those.
 */
export function withFrozenBatchNorm<T>(model: tf.LayersModel, fn: () => T): T {
  const vars = model.nonTrainableWeights;
  const saved = vars.map((v) => tf.keep(v.read().clone()));
  try {
    return fn();
  } finally {
    vars.forEach((v, i) => {
      v.write(saved[i] as tf.Tensor);
    });
    tf.dispose(saved);
  }
}
