import { DATA_LIMITS } from '../data/datasets';
import type { FloatParam, IntParam } from '../graph/registry';

const float = (
  key: string,
  label: string,
  min: number,
  max: number,
  help: string,
  minExclusive = false,
): FloatParam => ({
  key,
  label,
  type: 'float',
  min,
  max,
  minExclusive,
  default: min,
  help,
});
const int = (key: string, label: string, min: number, max: number, help: string): IntParam => ({
  key,
  label,
  type: 'int',
  min,
  max,
  default: min,
  help,
});

/** Limits of the toolbar's numeric settings, checked like node parameters. */
export const SETTING_SPECS = {
  samples: int('samples', 'Samples', DATA_LIMITS.samples.min, DATA_LIMITS.samples.max, 'Number of points.'),
  noise: float(
    'noise',
    'Noise',
    DATA_LIMITS.noise.min,
    DATA_LIMITS.noise.max,
    'How much the points are jittered.',
  ),
  trainFraction: float(
    'trainFraction',
    'Train split',
    DATA_LIMITS.trainFraction.min,
    DATA_LIMITS.trainFraction.max,
    'Share of points used for training; the rest is the test set.',
  ),
  seed: int(
    'seed',
    'Seed',
    DATA_LIMITS.seed.min,
    DATA_LIMITS.seed.max,
    'Same seed, same points and same initial weights.',
  ),
  learningRate: float('learningRate', 'Learning rate', 0, 10, 'Step size of the optimizer.', true),
  batchSize: int('batchSize', 'Batch size', 1, 1024, 'Points per training step.'),
  l2: float('l2', 'L2', 0, 1, 'Weight decay: adds l2 * sum(W^2) to the loss.'),
  pointX: float(
    'pointX',
    'Point x',
    -6,
    6,
    'First coordinate of the probed point (or click the decision boundary).',
  ),
  pointY: float(
    'pointY',
    'Point y',
    -6,
    6,
    'Second coordinate of the probed point (or click the decision boundary).',
  ),
} as const;
