import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../src/compile/tf';
import { makeOptimizer } from '../src/train/optimizers';
import type { OptimizerName } from '../src/train/protocol';
import { TrainingSession } from '../src/train/session';
import { chain, sessionConfig, useCpu } from './helpers';

/* Found by the random-graph property tests (tests/property-training.test.ts): numTensors must return to where it started. */

beforeAll(useCpu);

describe('optimizers free every tensor they made', () => {
  it.each<OptimizerName>(['sgd', 'momentum', 'adam', 'rmsprop'])(
    '%s: a step then dispose leaves numTensors flat (momentum kept its learning-rate scalar: tfjs #4647)',
    (optimizer) => {
      const w = tf.variable(tf.tensor1d([1, 2]));
      const start = tf.memory().numTensors;
      const opt = makeOptimizer({ optimizer, learningRate: 0.1, batchSize: 8, l2: 0 });
      tf.tidy(() => {
        opt.minimize(() => tf.sum(tf.square(w)) as tf.Scalar);
      });
      opt.dispose();
      expect(tf.memory().numTensors).toBe(start);
      w.dispose();
    },
  );

  it('a momentum session reset five times holds as many tensors as before', async () => {
    const s = new TrainingSession(
      sessionConfig(chain([['dense', { units: 4 }]]), { samples: 60 }, { optimizer: 'momentum' }),
      () => {},
      { heatmapSize: 4 },
    );
    await s.runSteps(2);
    const start = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      await s.reset();
      await s.runSteps(2);
    }
    expect(tf.memory().numTensors).toBe(start);
    await s.dispose();
  });
});
