import { chainLab } from '../build';
import type { Lesson } from '../types';
import { CIRCLE_500, DENSE_BN_RELU, SLOW_ADAM } from './nets';

/** Lesson 3: a ReLU after each BatchNorm makes the same network fit Circle. */
export const lesson3: Lesson = {
  id: 'one-relu-changes-everything',
  title: 'One ReLU changes everything',
  goal:
    'Put a ReLU after each BatchNorm of the first lesson’s network and train it on the same Circle data ' +
    'with the same seed. The banner disappears, and the decision boundary can bend around the inner disc.',
  lab: chainLab(DENSE_BN_RELU, { data: CIRCLE_500, hyper: SLOW_ADAM, panel: 'distributions' }),
  focusNodeId: 'act1',
  probePoint: null,
  prediction: {
    question: 'What test accuracy will the network with ReLU reach on Circle?',
    choices: [
      'About the same as without ReLU, near the linear classifier',
      'Between 70% and 80%',
      'Above 95%',
    ],
    answer: 2,
    reveal:
      'ReLU, max(0, x), bends at 0, so the network is no longer one affine map but a piecewise-linear one with ' +
      'many pieces, and 8 + 8 units give enough pieces to surround the inner disc. The BatchNorm layers are ' +
      'still affine at inference; the ReLU after them is what makes the network nonlinear, as the affine ' +
      'fit R² near 0 shows.',
  },
  steps: [
    'Make your prediction, then press Train.',
    'No banner now: ReLU is not affine.',
    'In Distributions (the first ReLU), see the share of its inputs in the dead region x < 0.',
    'The checks are decided at step 600.',
  ],
  stepBudget: 600,
  checks: [
    { kind: 'accuracyAtLeast', threshold: 0.95, run: 'current' },
    { kind: 'bannerHidden', run: 'current' },
    { kind: 'r2AtMost', threshold: 0.5, run: 'current' },
  ],
  compare: null,
};
