import { chainLab } from '../build';
import type { Lesson } from '../types';
import { dense } from './nets';

/** Lesson 6: LayerNorm over two features, without center and scale, outputs ±1: a step. */
export const lesson6: Lesson = {
  id: 'layernorm-width-two-is-a-step',
  title: 'LayerNorm of width 2 is a step',
  goal:
    'With only two features and no learned scale or shift, LayerNorm subtracts the mean of the two values ' +
    'and divides by their spread. Train Dense(2) → LayerNorm (center and scale off) on Gaussian and look ' +
    'at what comes out of the LayerNorm in the Distributions panel.',
  lab: chainLab([dense('dense1', 2), ['ln1', 'layernorm', { center: false, scale: false, epsilon: 1e-5 }]], {
    data: { dataset: 'gaussian', seed: 2 },
    panel: 'distributions',
  }),
  focusNodeId: 'ln1',
  probePoint: null,
  prediction: {
    question: 'What do the LayerNorm’s outputs look like over the test points?',
    choices: [
      'A bell curve around 0',
      'Two spikes, at −1 and +1',
      'Spread evenly between −1 and +1',
      'Whatever the Dense layer outputs, shifted to mean 0',
    ],
    answer: 1,
    reveal:
      'For two values a and b the mean is (a + b)/2 and the standard deviation |a − b|/2, so LayerNorm outputs ' +
      '(a − b)/|a − b| and its negative: ±1, only the sign of a − b survives. The layer is a step across the ' +
      'line a = b, rounded off only within about √ε of it, which is why epsilon is 0.00001 here; a step is ' +
      'not affine, so the affine fit R² stays well below 1 even though the boundary is straight.',
  },
  steps: [
    'Make your prediction, then press Train.',
    'In Distributions (node ln1), see two spikes at −1 and +1 on the “after” side.',
    'Read the share of outputs within 0.001 of ±1.',
    'Try epsilon 0.1 on the LayerNorm node: the spikes smear out, because √ε is now comparable to |a − b|.',
  ],
  stepBudget: 200,
  checks: [
    { kind: 'unitShareAtLeast', threshold: 0.99, run: 'current' },
    { kind: 'r2AtMost', threshold: 0.9, run: 'current' },
  ],
  compare: null,
};
