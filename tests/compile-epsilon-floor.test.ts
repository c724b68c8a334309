import { beforeAll, describe, expect, it } from 'vitest';
import { EPSILON_FLOOR } from '../src/graph/registry';
import type { Graph } from '../src/graph/types';
import { TrainingSession } from '../src/train/session';
import { chain, sessionConfig, trackedCompile, useCpu } from './helpers';

/* Found by the random-graph property tests (tests/property-training.test.ts): an epsilon at the edge of its range gave NaN. */

beforeAll(useCpu);
const compile = trackedCompile();

describe(`an epsilon too small for float32 (the model uses ${EPSILON_FLOOR})`, () => {
  const losses = async (graph: Graph, batchSize: number) => {
    const config = sessionConfig(graph, { samples: 60 }, { optimizer: 'sgd', learningRate: 0.01, batchSize });
    const s = new TrainingSession(config, () => {}, { heatmapSize: 4 });
    const out = await s.runSteps(3);
    await s.dispose();
    return out;
  };

  it('BatchNorm, epsilon 5e-324 (0 in float32), batch of 1: the loss stays finite (was NaN from step 2)', async () => {
    const got = await losses(chain([['batchnorm', { epsilon: Number.MIN_VALUE }]]), 1);
    expect(got.every(Number.isFinite), String(got)).toBe(true);
  });

  it('LayerNorm of width 1, epsilon 1e-30 (its gradient -(var + eps)^(-3/2) / 2 overflowed): the loss stays finite', async () => {
    const got = await losses(
      chain([
        ['dense', { units: 1 }],
        ['layernorm', { epsilon: 1e-30 }],
      ]),
      8,
    );
    expect(got.every(Number.isFinite), String(got)).toBe(true);
  });

  it('an epsilon at or above the floor is used as it is', () => {
    const c = compile(
      chain([
        ['batchnorm', { epsilon: 1e-5 }],
        ['layernorm', { epsilon: 1e-30 }],
      ]),
    );
    expect(c.model.getLayer('n1').getConfig().epsilon).toBe(1e-5);
    expect(c.model.getLayer('n2').getConfig().epsilon).toBe(EPSILON_FLOOR);
  });
});
