import { chainLab } from '../build';
import type { Lesson } from '../types';
import { DENSE_BN_RELU } from './nets';

/** Lesson 4: in training mode a point's BatchNorm output depends on its batch-mates; at inference it cannot. */
export const lesson4: Lesson = {
  id: 'batch-mates-matter-in-training',
  title: 'Batch-mates matter in training, not at inference',
  goal:
    'In training mode BatchNorm normalizes each batch with that batch’s own mean and variance, so one ' +
    'point’s output depends on the other points in its batch. At inference it uses running averages ' +
    'instead. The “Batch dependence” panel puts one point into many different batches and plots its ' +
    'output at a BatchNorm node in both modes.',
  lab: chainLab(DENSE_BN_RELU, { data: { dataset: 'circle', seed: 1 }, panel: 'batch' }),
  focusNodeId: 'bn1',
  probePoint: [1.5, 1],
  prediction: {
    question: 'Put the same point into 60 different batches. How much does its BatchNorm output move?',
    choices: [
      'A lot in both modes',
      'It moves in training mode and not at all at inference',
      'Not at all: a point’s output depends only on the point',
      'It moves at inference and not in training mode',
    ],
    answer: 1,
    reveal:
      'Training mode computes (x − μ_B) / √(σ²_B + ε) with μ_B and σ²_B taken over the batch, so new ' +
      'batch-mates change μ_B and σ²_B and the output moves, most in small batches. Inference mode uses the ' +
      'stored running mean and variance, which are constants, so the output cannot depend on the batch: ' +
      'its spread is exactly 0.',
  },
  steps: [
    'Make your prediction, then press Train.',
    'In “Batch dependence” (node bn1), compare the training-mode spread with the inference-mode one.',
    'Look at the batch sizes: the smaller the batch, the more its mates pull the point.',
    'Click the decision boundary to probe another point.',
  ],
  stepBudget: 200,
  checks: [
    { kind: 'trainingSpreadAbove', threshold: 0.05, run: 'current' },
    { kind: 'inferenceSpreadAtMost', threshold: 1e-6, run: 'current' },
  ],
  compare: null,
};
