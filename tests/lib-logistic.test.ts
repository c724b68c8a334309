import { describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/datasets';
import { linearBaselineAccuracy } from '../src/data/linearBaseline';
import type { DataSettings } from '../src/data/types';
import { classifyLinear, fitLinearClassifier, linearAccuracy } from '../src/lib/logistic';
import { createRng } from '../src/lib/rng';

/** n points per class around the given centres, jittered uniformly by ±spread. */
function clusters(centres: readonly [number, number][], n: number, spread: number, seed: number) {
  const rng = createRng(seed);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    centres.forEach(([cx, cy], k) => {
      x.push(cx + rng.uniform(-spread, spread), cy + rng.uniform(-spread, spread));
      y.push(k);
    });
  }
  return { x: Float32Array.from(x), y: Float32Array.from(y) };
}

describe('fitLinearClassifier', () => {
  it('separates two separable clusters: 100% on train and on fresh test points', () => {
    const train = clusters(
      [
        [-2, 1],
        [2, -1],
      ],
      50,
      1.5,
      1,
    );
    const test = clusters(
      [
        [-2, 1],
        [2, -1],
      ],
      50,
      1.5,
      2,
    );
    const model = fitLinearClassifier(train.x, train.y, 2, 2);
    expect(model.converged).toBe(true);
    expect(linearAccuracy(model, train.x, train.y)).toBe(1);
    expect(linearAccuracy(model, test.x, test.y)).toBe(1);
  });

  it('separates three separable clusters with softmax regression', () => {
    const centres: [number, number][] = [
      [0, 4],
      [-4, -3],
      [4, -3],
    ];
    const model = fitLinearClassifier(clusters(centres, 40, 1, 3).x, clusters(centres, 40, 1, 3).y, 2, 3);
    const test = clusters(centres, 40, 1, 4);
    expect(linearAccuracy(model, test.x, test.y)).toBe(1);
    expect(Array.from(classifyLinear(model, [0, 4, -4, -3, 4, -3]))).toEqual([0, 1, 2]);
  });

  it('finds the maximum-likelihood weights by hand: 3:1 and 1:3 odds at x = -1 and +1 give w = -ln 3, b = 0', () => {
    // At x = -1: three of class 1, one of class 0 -> logit ln 3; at x = +1 the reverse -> -ln 3.
    const x = [-1, -1, -1, -1, 1, 1, 1, 1];
    const y = [1, 1, 1, 0, 0, 0, 0, 1];
    const model = fitLinearClassifier(x, y, 1, 2, { ridge: 0 });
    expect(model.converged).toBe(true);
    expect(model.weights[0]?.[0]).toBeCloseTo(-Math.log(3), 10);
    expect(model.bias[0]).toBeCloseTo(0, 10);
    // Shifted and scaled inputs (x' = 10 x + 5) give the same fit in their own coordinates.
    const moved = fitLinearClassifier(
      x.map((v) => 10 * v + 5),
      y,
      1,
      2,
      { ridge: 0 },
    );
    expect(moved.weights[0]?.[0]).toBeCloseTo(-Math.log(3) / 10, 10);
    expect(moved.bias[0]).toBeCloseTo(Math.log(3) / 2, 10); // w' * 5 + b' = 0 at the old x = 0
  });

  it('with no usable feature learns the class frequencies: biases ln(3/2) and ln(5/2) for counts 2, 3, 5', () => {
    const y = [0, 0, 1, 1, 1, 2, 2, 2, 2, 2];
    const x = y.map(() => 7); // constant feature
    const model = fitLinearClassifier(x, y, 1, 3);
    expect(model.bias[0]).toBeCloseTo(Math.log(3 / 2), 8);
    expect(model.bias[1]).toBeCloseTo(Math.log(5 / 2), 8);
    expect(model.weights[0]).toEqual([0, 0]);
    // It predicts the majority class everywhere.
    expect(linearAccuracy(model, [0, 1, 100], [2, 2, 2])).toBe(1);
  });

  it('gets exactly 50% on symmetric XOR: by symmetry the optimum is w = 0, b = 0, and z = 0 predicts class 0', () => {
    const x = [1, 1, -1, -1, 1, -1, -1, 1];
    const y = [1, 1, 0, 0];
    const model = fitLinearClassifier(x, y, 2, 2);
    expect(Math.abs(model.weights[0]?.[0] ?? 1)).toBeLessThan(1e-12);
    expect(Math.abs(model.weights[1]?.[0] ?? 1)).toBeLessThan(1e-12);
    expect(Math.abs(model.bias[0] ?? 1)).toBeLessThan(1e-12);
    expect(linearAccuracy(model, x, y)).toBe(0.5);
  });

  it('is deterministic and blind to the input scale (features are standardised)', () => {
    const settings: DataSettings = {
      dataset: 'moons',
      samples: 300,
      noise: 0.2,
      trainFraction: 0.5,
      seed: 5,
      inputScale: 1,
    };
    const one = linearBaselineAccuracy(generateDataset(settings));
    expect(linearBaselineAccuracy(generateDataset(settings))).toBe(one);
    expect(linearBaselineAccuracy(generateDataset({ ...settings, inputScale: 20 }))).toBe(one);
    // Moons is nearly, not quite, linearly separable.
    expect(one).toBeGreaterThan(0.8);
    expect(one).toBeLessThan(1);
  });
});

describe('linearBaselineAccuracy', () => {
  const base: DataSettings = {
    dataset: 'gaussian',
    samples: 400,
    noise: 0,
    trainFraction: 0.5,
    seed: 1,
    inputScale: 1,
  };

  it('gives 100% on two well-separated Gaussians and about chance on Circle and XOR', () => {
    expect(linearBaselineAccuracy(generateDataset(base))).toBe(1);
    for (const dataset of ['circle', 'xor'] as const) {
      const acc = linearBaselineAccuracy(generateDataset({ ...base, dataset, noise: 0.1 })) ?? -1;
      expect(acc).toBeGreaterThan(0.35);
      expect(acc).toBeLessThan(0.7);
    }
  });

  it('scores 3-class spirals and has no accuracy for regression', () => {
    const acc = linearBaselineAccuracy(generateDataset({ ...base, dataset: 'spiral3' })) ?? -1;
    expect(acc).toBeGreaterThan(0.2);
    expect(acc).toBeLessThan(0.7);
    expect(linearBaselineAccuracy(generateDataset({ ...base, dataset: 'wave' }))).toBeNull();
  });
});
