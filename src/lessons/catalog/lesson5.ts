import { chainLab } from '../build';
import type { Lesson } from '../types';
import { dense } from './nets';

/** Lesson 5: LayerNorm without any activation fits XOR. */
export const lesson5: Lesson = {
  id: 'layernorm-is-a-nonlinearity',
  title: 'LayerNorm is a nonlinearity',
  goal:
    'LayerNorm also divides by a standard deviation, but each sample’s own, taken over its features. ' +
    'Train Dense(3) → LayerNorm → Dense(3) → LayerNorm, with no activation anywhere, on XOR, which no ' +
    'straight line can separate.',
  lab: chainLab([dense('dense1', 3), ['ln1', 'layernorm'], dense('dense2', 3), ['ln2', 'layernorm']], {
    data: { dataset: 'xor', seed: 2 },
    panel: 'warp',
  }),
  focusNodeId: 'ln1',
  probePoint: null,
  prediction: {
    question: 'No activation anywhere. Can Dense(3) → LayerNorm → Dense(3) → LayerNorm fit XOR?',
    choices: ['No: like BatchNorm it is affine, so about 50%', 'Yes: above 95%'],
    answer: 1,
    reveal:
      'LayerNorm computes (x − mean(x)) / √(var(x) + ε) over the features of one sample, so the divisor changes ' +
      'from point to point and the output is not an affine function of the input (doubling x leaves it ' +
      'unchanged). That per-sample division bends the boundary enough to carve out XOR’s quadrants, and the ' +
      'affine fit R² falls near 0 (Ni et al., ICML 2024).',
  },
  steps: [
    'Make your prediction, then press Train.',
    'In “Warped grid” (node ln1), watch straight grid lines bend: LayerNorm is not affine.',
    'Read the affine fit R² under the decision boundary.',
    'The checks are decided at step 500.',
  ],
  stepBudget: 500,
  checks: [
    { kind: 'accuracyAtLeast', threshold: 0.95, run: 'current' },
    { kind: 'r2AtMost', threshold: 0.2, run: 'current' },
    { kind: 'bannerHidden', run: 'current' },
  ],
  compare: null,
};
