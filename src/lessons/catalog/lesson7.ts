import { chainLab } from '../build';
import type { Lesson } from '../types';
import { BN_BEFORE_TANH, DENSE_TANH, PLAIN_SGD, SCALED_CIRCLE } from './nets';

const DATA = { ...SCALED_CIRCLE, seed: 1 };

/** Lesson 7: inputs ×20 saturate tanh and stall SGD; BatchNorm before tanh fixes it. */
export const lesson7: Lesson = {
  id: 'tanh-needs-inputs-near-zero',
  title: 'tanh needs its inputs near 0',
  goal:
    'tanh is steep only near 0: beyond |x| > 2 its slope is under 0.07, so gradients through it almost ' +
    'vanish. Scale Circle’s inputs by 20, train a tanh network with plain gradient descent (SGD), pin that ' +
    'run, then train the same network with BatchNorm before each tanh on the same data and seed.',
  lab: chainLab(DENSE_TANH, { data: DATA, hyper: PLAIN_SGD, panel: 'distributions' }),
  focusNodeId: 'act1',
  probePoint: null,
  prediction: {
    question: 'Inputs ×20, plain SGD, no normalization. What happens?',
    choices: [
      'It trains fine: the first Dense layer simply learns smaller weights',
      'Most tanh inputs sit in the flat region and training stalls',
      'The loss becomes NaN',
    ],
    answer: 1,
    reveal:
      'The first Dense layer multiplies inputs of size up to 100 by weights of size about 0.5, so most tanh ' +
      'inputs land far beyond ±2, where tanh′(x) = 1 − tanh²(x) is nearly 0; backpropagation multiplies every ' +
      'gradient by that slope, so SGD barely moves the weights. BatchNorm before tanh rescales each unit to ' +
      'mean 0 and variance 1 over the batch, whatever the input scale, and tanh works in its steep part again.',
  },
  steps: [
    'Make your prediction, then press Train (the optimizer is SGD).',
    'In Distributions (the first tanh), read the share of its inputs in the saturated region |x| > 2.',
    'At step 600, pin this run.',
    'Open the comparison, BatchNorm before each tanh, and train it the same 600 steps.',
    'Compare the saturated share and the test accuracy of the two runs.',
  ],
  stepBudget: 600,
  checks: [
    { kind: 'regionShareAtLeast', threshold: 0.5, run: 'pinned' },
    { kind: 'accuracyAtMost', threshold: 0.75, run: 'pinned' },
    { kind: 'regionShareAtMost', threshold: 0.3, run: 'current' },
    { kind: 'accuracyAtLeast', threshold: 0.95, run: 'current' },
    { kind: 'accuracyGapAtLeast', threshold: 0.2, run: 'current' },
  ],
  compare: {
    title: 'BatchNorm before tanh',
    lab: chainLab(BN_BEFORE_TANH, { data: DATA, hyper: PLAIN_SGD, panel: 'distributions' }),
    focusNodeId: 'act1',
  },
};
