import * as tf from '../compile/tf';

/**
 * The kernels of every Dense layer (the Output node is one too), found by what the layer is, not
 * by a weight's generated name: tfjs names a second model's kernel "kernel_1", so a name test
 * finds nothing after any rebuild in the same worker.
 */
export function denseKernels(model: tf.LayersModel): tf.Variable[] {
  return model.layers
    .filter((l) => l.getClassName() === 'Dense')
    .map((l) => (l as unknown as { kernel: tf.LayersModel['weights'][number] }).kernel.read() as tf.Variable);
}

/** The L2 penalty l2 * sum over kernels of sum(W^2) (Keras's kernel_regularizer l2). Call inside a tidy. */
export function l2Penalty(kernels: readonly tf.Variable[], l2: number): tf.Scalar {
  if (kernels.length === 0) return tf.scalar(0);
  return tf.mul(l2, tf.addN(kernels.map((k) => tf.sum(tf.square(k))))) as tf.Scalar;
}
