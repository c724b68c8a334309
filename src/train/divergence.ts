import type { Hyper } from './protocol';

/**
 * Explains a loss that became NaN or Infinity, naming the likely cause a learner can act on.
 * Large steps overshoot and grow the weights without bound; with small steps the usual culprit
 * is activations that explode through deep stacks without normalization.
 */
export function divergenceMessage(step: number, loss: number, h: Hyper): string {
  const what = Number.isNaN(loss) ? 'NaN (not a number)' : 'infinite';
  const head = `Training paused at step ${step}: the loss became ${what}.`;
  const sgdLike = h.optimizer === 'sgd' || h.optimizer === 'momentum';
  if (h.learningRate >= (sgdLike ? 0.5 : 0.1)) {
    const suggest = sgdLike ? 0.1 : 0.01;
    return `${head} Likely cause: the learning rate ${h.learningRate} is too high: each step overshoots and the weights blow up. Lower it (try ${suggest}) and press Reset.`;
  }
  return `${head} Likely cause: activations or gradients exploded through the layers. Add BatchNorm or LayerNorm before the activations, lower the learning rate, or add L2, then press Reset.`;
}
