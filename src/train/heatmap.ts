import * as tf from '../compile/tf';
import type { GraphContext } from '../graph/types';
import { affineFitR2 } from '../lib/linalg';
import { taskPrediction } from './loss';
import type { Heatmap } from './protocol';
import { inferOnce, type StoppableInfer } from './slices';

/**
 * The decision boundary: the model's predictions over the grid in inference mode (BatchNorm with
 * its running statistics; a grid pushed through in training mode would be normalized as one
 * batch), and how far its logits there are from affine: R^2 of their best least-squares affine
 * fit (1 means the network is affine over the plotted plane; with more than two inputs, the slice). `infer` computes the logits (one
 * pass by default; inferInSlices lets a Pause in between); null when it gave up.
 */
export async function computeHeatmap(
  model: tf.LayersModel,
  grid: tf.Tensor2D,
  gridValues: Float32Array,
  ctx: GraphContext,
  size: number,
  step: number,
  infer: StoppableInfer = inferOnce,
): Promise<Heatmap | null> {
  const logits = await infer(model, grid);
  if (!logits) return null;
  let pred: tf.Tensor | null = null;
  try {
    pred = tf.tidy(() => taskPrediction(ctx.task, logits));
    const channels = pred.shape[1] ?? 1;
    const outDim = logits.shape[1] ?? 1;
    const [z, values] = (await Promise.all([logits.data(), pred.data()])) as [Float32Array, Float32Array];
    // The fit is over the plotted plane: gridValues are its (across, up) pairs, whatever the input width.
    const nonlinearity = z.every(Number.isFinite) ? affineFitR2(gridValues, 2, z, outDim) : null;
    return { size, channels, values, step, nonlinearity };
  } finally {
    tf.dispose([logits, ...(pred ? [pred] : [])]);
  }
}
