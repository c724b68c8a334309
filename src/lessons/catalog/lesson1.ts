import { chainLab } from '../build';
import type { Lesson } from '../types';
import { CIRCLE_500, DENSE_BN, SLOW_ADAM } from './nets';

/** Lesson 1: a Dense/BatchNorm stack without activations is one affine map. */
export const lesson1: Lesson = {
  id: 'bn-cannot-replace-relu',
  title: 'Can BatchNorm replace ReLU?',
  goal:
    'BatchNorm divides by a standard deviation, a square root, so it looks nonlinear. Train Dense(8) → ' +
    'BatchNorm → Dense(8) → BatchNorm on Circle, with no activation anywhere, and compare its test ' +
    'accuracy with the best linear classifier (logistic regression) fitted on the same split. If ' +
    'BatchNorm were a nonlinearity, this network could draw a circle.',
  lab: chainLab(DENSE_BN, { data: CIRCLE_500, hyper: SLOW_ADAM, panel: 'affine' }),
  focusNodeId: null,
  probePoint: null,
  prediction: {
    question: 'Only Dense and BatchNorm layers, no activation. How will this network do on Circle?',
    choices: [
      'It fits the circle, like the network with ReLU (above 95%)',
      'No better than a straight line: about the best linear classifier',
      'It cannot train at all: the loss becomes NaN',
    ],
    answer: 1,
    reveal:
      'At inference BatchNorm uses fixed running statistics, so y = γ (x − μ) / √(σ² + ε) + β is a scale ' +
      'and a shift per unit: an affine map, and the square root is taken of the fixed σ², never of x. ' +
      'A chain of affine maps is one affine map y = x W′ + b′, so the network can only draw a straight ' +
      'boundary, and on Circle it does about as well as logistic regression.',
  },
  steps: [
    'Make your prediction, then press Train.',
    'Read the banner over the canvas: the network is one affine map.',
    'The “Equivalent affine map” panel shows that map: W′ and b′ are the whole network folded into one layer.',
    'Compare the test accuracy with the best linear classifier: they end within 3 points.',
    'The checks are decided at step 600.',
  ],
  stepBudget: 600,
  checks: [
    { kind: 'accuracyWithinLinear', threshold: 0.03, run: 'current' },
    { kind: 'bannerShown', run: 'current' },
    { kind: 'foldShown', run: 'current' },
  ],
  compare: null,
};
