import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../src/compile/tf';
import { evaluateModel } from '../src/train/evaluate';
import { TrainingSession } from '../src/train/session';
import { chain, sessionConfig, useCpu } from './helpers';

beforeAll(useCpu);

const net = chain([['dense', { units: 8 }], ['batchnorm'], ['activation', { fn: 'tanh' }]]);

/** The model's outputs on rows of a flat 2-feature array, in inference mode, as numbers. */
function outputs(model: tf.LayersModel, flat: Float32Array): number[] {
  return tf.tidy(() =>
    Array.from(
      (model.apply(tf.tensor2d(flat, [flat.length / 2, 2]), { training: false }) as tf.Tensor).dataSync(),
    ),
  );
}

describe('evaluation: train and test measured the same way', () => {
  it('train loss is the inference-mode binary cross-entropy over the training rows (hand computed)', async () => {
    const config = sessionConfig(net, { dataset: 'moons', samples: 300 });
    const s = new TrainingSession(config, () => {}, { heatmapSize: 4 });
    await s.runSteps(30);
    const { trainLoss, testR2 } = await s.evaluate();
    const z = outputs(s.model, config.data.xTrain);
    const y = Array.from(config.data.yTrain);
    // Sigmoid cross-entropy from logits: max(z, 0) − z·y + log(1 + e^−|z|).
    const bce =
      z.reduce(
        (a, zi, i) => a + Math.max(zi, 0) - zi * (y[i] as number) + Math.log1p(Math.exp(-Math.abs(zi))),
        0,
      ) / z.length;
    expect(trainLoss).toBeCloseTo(bce, 5);
    expect(testR2).toBeNull();
    await s.dispose();
  });

  it('regression reports test R² = 1 − SSE/SST (hand computed) and no accuracy', async () => {
    const config = sessionConfig(net, { dataset: 'wave', samples: 300 });
    const s = new TrainingSession(config, () => {}, { heatmapSize: 4 });
    await s.runSteps(60);
    const { testR2, testAccuracy } = await s.evaluate();
    const p = outputs(s.model, config.data.xTest);
    const y = Array.from(config.data.yTest);
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const sse = y.reduce((a, yi, i) => a + (yi - (p[i] as number)) ** 2, 0);
    const sst = y.reduce((a, yi) => a + (yi - mean) ** 2, 0);
    expect(testR2).toBeCloseTo(1 - sse / sst, 4);
    expect(testAccuracy).toBeNull();
    await s.dispose();
  });

  it('a perfect regression has R² 1, a constant one 0', async () => {
    const x = tf.tensor2d([0, 0, 1, 0, 2, 0, 3, 0], [4, 2]);
    const y = tf.tensor2d([1, 3, 5, 7], [4, 1]);
    const input = tf.input({ shape: [2] });
    const dense = tf.layers.dense({ units: 1 });
    const model = tf.model({ inputs: input, outputs: dense.apply(input) as tf.SymbolicTensor });
    dense.setWeights([tf.tensor2d([2, 0], [2, 1]), tf.tensor1d([1])]);
    expect((await evaluateModel(model, x, y, 'regression')).testR2).toBeCloseTo(1, 6);
    dense.setWeights([tf.tensor2d([0, 0], [2, 1]), tf.tensor1d([4])]);
    expect((await evaluateModel(model, x, y, 'regression')).testR2).toBeCloseTo(0, 6);
    model.dispose();
    tf.dispose([x, y]);
  });
});
