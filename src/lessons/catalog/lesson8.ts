import { chainLab } from '../build';
import type { Lesson } from '../types';
import { BN_AFTER_TANH, BN_BEFORE_TANH, PLAIN_SGD, SCALED_CIRCLE } from './nets';

const DATA = { ...SCALED_CIRCLE, seed: 1 };

/** Lesson 8: BatchNorm → tanh trains on inputs ×20, tanh → BatchNorm does not. */
export const lesson8: Lesson = {
  id: 'bn-before-or-after-tanh',
  title: 'Before or after the activation?',
  goal:
    'Where BatchNorm goes matters. On Circle scaled ×20, with the same seed and plain SGD, train ' +
    'Dense → BatchNorm → tanh, pin it, then train Dense → tanh → BatchNorm and compare.',
  lab: chainLab(BN_BEFORE_TANH, { data: DATA, hyper: PLAIN_SGD, panel: 'distributions' }),
  focusNodeId: 'act1',
  probePoint: null,
  prediction: {
    question: 'Inputs ×20. Which order trains better?',
    choices: ['BatchNorm before tanh', 'tanh before BatchNorm', 'No difference: both normalize'],
    answer: 0,
    reveal:
      'BatchNorm after tanh normalizes what tanh has already flattened: with inputs ×20 most tanh inputs are ' +
      'beyond ±2, its outputs are nearly ±1 and its slope nearly 0, and nothing after it can bring the ' +
      'gradient back. BatchNorm before tanh puts tanh’s inputs at mean 0 and variance 1, in its steep part. ' +
      'Research figures on circles ×20: about 100% against about 63%.',
  },
  steps: [
    'Make your prediction, then press Train: BatchNorm comes before each tanh.',
    'At step 600, pin this run.',
    'Open the comparison, tanh before each BatchNorm, and train it the same 600 steps.',
    'Compare the test accuracies, and in Distributions the first tanh’s saturated share.',
  ],
  stepBudget: 600,
  checks: [
    { kind: 'accuracyAtLeast', threshold: 0.95, run: 'pinned' },
    { kind: 'accuracyAtMost', threshold: 0.75, run: 'current' },
    { kind: 'regionShareAtLeast', threshold: 0.5, run: 'current' },
    { kind: 'accuracyGapAtLeast', threshold: 0.2, run: 'pinned' },
  ],
  compare: {
    title: 'tanh before BatchNorm',
    lab: chainLab(BN_AFTER_TANH, { data: DATA, hyper: PLAIN_SGD, panel: 'distributions' }),
    focusNodeId: 'act1',
  },
};
