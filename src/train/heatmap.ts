import * as tf from '../compile/tf';
import type { GraphContext } from '../graph/types';
import { affineFitR2 } from '../lib/linalg';
import { inferAll } from './infer';
import { taskPrediction } from './loss';
import type { Heatmap } from './protocol';

/**
 * The decision boundary: the model's predictions over the grid in inference mode (BatchNorm with
 * its running statistics; a grid pushed through in training mode would be normalized as one
 * batch), and how far its logits there are from affine: R^2 of their best least-squares affine
 * fit (1 means the network is affine over the plotted plane).
 */
export async function computeHeatmap(
  model: tf.LayersModel,
  grid: tf.Tensor2D,
  gridValues: Float32Array,
  ctx: GraphContext,
  size: number,
  step: number,
): Promise<Heatmap> {
  const [logits, pred] = tf.tidy(() => {
    const z = inferAll(model, grid);
    return [z, taskPrediction(ctx.task, z)];
  });
  const channels = pred.shape[1] ?? 1;
  const outDim = logits.shape[1] ?? 1;
  const [z, values] = (await Promise.all([logits.data(), pred.data()])) as [Float32Array, Float32Array];
  tf.dispose([logits, pred]);
  const nonlinearity = z.every(Number.isFinite) ? affineFitR2(gridValues, ctx.inputDim, z, outDim) : null;
  return { size, channels, values, step, nonlinearity };
}
