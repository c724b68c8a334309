import type { FloatParam, IntParam } from '../graph/registry';
import { SETTING_SPECS as LAB_SPECS } from '../share/specs';

/** A lab setting's spec (one table of limits, in share/specs) with the toolbar's help text. */
const withHelp = <T extends IntParam | FloatParam>(spec: T, help: string): T => ({ ...spec, help });

const coordinate = (key: string, label: string): FloatParam => ({
  key,
  label,
  type: 'float',
  min: -6,
  max: 6,
  default: 0,
  help: `${label === 'Point x' ? 'First' : 'Second'} coordinate of the probed point (or click the decision boundary).`,
});

/** Limits of the toolbar's numeric settings, checked like node parameters. */
export const SETTING_SPECS = {
  samples: withHelp(LAB_SPECS.samples, 'Number of points.'),
  noise: withHelp(LAB_SPECS.noise, 'How much the points are jittered.'),
  trainFraction: withHelp(
    LAB_SPECS.trainFraction,
    'Share of points used for training; the rest is the test set.',
  ),
  seed: withHelp(LAB_SPECS.seed, 'Same seed, same points and same initial weights.'),
  inputScale: withHelp(
    LAB_SPECS.inputScale,
    'Multiplies every input coordinate (and the plotted square): 20 puts unnormalized tanh inputs far from 0.',
  ),
  learningRate: withHelp(LAB_SPECS.learningRate, 'Step size of the optimizer.'),
  batchSize: withHelp(LAB_SPECS.batchSize, 'Points per training step.'),
  l2: withHelp(LAB_SPECS.l2, 'Weight decay: adds l2 * sum(W^2) to the loss.'),
  pointX: coordinate('pointX', 'Point x'),
  pointY: coordinate('pointY', 'Point y'),
} as const;
