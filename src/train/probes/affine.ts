import { readLayerWeights } from '../../compile/affineWeights';
import * as tf from '../../compile/tf';
import { applyAffine, foldAffine } from '../../graph/fold';
import { inferAll } from '../infer';
import type { AffineReport } from '../protocol';
import type { ProbeContext } from './context';

/**
 * Folds the live network into one affine map y = x W' + b' (graph/fold) and checks it against
 * the model: the largest |folded(x) - model(x)| over the test set, on the output logits, in
 * inference mode. Only for graphs whose every node is affine at inference.
 */
export async function probeAffine(c: ProbeContext): Promise<AffineReport> {
  const { graph, ctx, data } = c.config;
  const map = foldAffine(graph, ctx.inputDim, await readLayerWeights(c.compiled.model, graph));
  const logits = tf.tidy(() => inferAll(c.compiled.model, c.tensors.xTest));
  const model = (await logits.data()) as Float32Array;
  logits.dispose();
  const n = data.yTest.length;
  const folded = applyAffine(map, data.xTest, n);
  let maxError = 0;
  for (let i = 0; i < model.length; i++) {
    maxError = Math.max(maxError, Math.abs((folded[i] as number) - (model[i] as number)));
  }
  return { step: c.step, map, maxError, testPoints: n };
}
