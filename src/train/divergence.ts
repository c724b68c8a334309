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

/**
 * The app's divergence rule: a loss that is NaN or infinite means the weights blew up (the running
 * loop pauses on it; see TrainingSession.runSteps).
 */
export function isDivergedLoss(loss: number): boolean {
  return !Number.isFinite(loss);
}

/**
 * A sweep run whose train loss ends above this many times where it started has blown up even
 * though it stayed finite (a binary net that starts at ln 2 ≈ 0.69 and ends above 6.9 is
 * confidently wrong on most points).
 */
export const SWEEP_EXPLOSION_FACTOR = 10;

/**
 * Why a learning-rate sweep run counts as diverged, or null when it did not: a batch loss that
 * became NaN or infinite (the app's rule, at `badStep`), a final train loss that is not finite, or
 * one above SWEEP_EXPLOSION_FACTOR times the initial train loss.
 */
export function sweepDivergence(run: {
  readonly initialLoss: number;
  readonly finalLoss: number;
  /** The first step whose batch loss was NaN or infinite, or null. */
  readonly badStep: number | null;
}): string | null {
  if (run.badStep !== null) return `the loss became NaN or infinite at step ${run.badStep}`;
  if (isDivergedLoss(run.finalLoss)) return 'the final loss is NaN or infinite';
  if (Number.isFinite(run.initialLoss) && run.finalLoss > SWEEP_EXPLOSION_FACTOR * run.initialLoss) {
    const times = run.finalLoss / run.initialLoss;
    const factor = times < 1e4 ? times.toFixed(0) : times.toExponential(0).replace('e+', 'e');
    return `the loss ended ${factor}× above where it started`;
  }
  return null;
}
