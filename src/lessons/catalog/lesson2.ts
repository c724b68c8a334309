import { chainLab } from '../build';
import type { Lesson } from '../types';
import { DENSE_BN } from './nets';

/** Lesson 2: the fold W′, b′ matches the trained network to float32 rounding. */
export const lesson2: Lesson = {
  id: 'fold-is-the-network',
  title: 'The folded map is the network',
  goal:
    'The banner claims the whole network is one affine map. Check it on Moons: the “Equivalent affine ' +
    'map” panel folds the trained weights of every layer into one W′ and b′, feeds the test set through ' +
    'both the folded map and the real network, and reports the largest difference.',
  lab: chainLab(DENSE_BN, { data: { dataset: 'moons', seed: 1 }, panel: 'affine' }),
  focusNodeId: null,
  probePoint: null,
  prediction: {
    question: 'After training, how far apart are the folded map and the network on the test set?',
    choices: [
      'Exactly 0',
      'About float32 rounding, around 1e-7',
      'About 0.1: folding is an approximation',
      'It depends on the learning rate',
    ],
    answer: 1,
    reveal:
      'Folding is exact algebra: each BatchNorm becomes s = γ / √(σ² + ε), W′ = W diag(s) and b′ = (b − μ) s + β, ' +
      'and these compose layer by layer into one map. The only difference is rounding: the network computes ' +
      'in float32 one layer at a time, the fold in float64 all at once, so they differ by about 1e-7.',
  },
  steps: [
    'Make your prediction, then press Train.',
    'In “Equivalent affine map”, read W′, b′ and the largest |fold − model| over the test set.',
    'Pause at any moment and look again: the fold always uses the current weights, so it always matches.',
  ],
  stepBudget: 300,
  checks: [
    { kind: 'foldErrorBelow', threshold: 1e-5, run: 'current' },
    { kind: 'bannerShown', run: 'current' },
  ],
  compare: null,
};
