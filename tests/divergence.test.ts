import { describe, expect, it } from 'vitest';
import { divergenceMessage } from '../src/train/divergence';
import type { Hyper, OptimizerName } from '../src/train/protocol';

const hyper = (optimizer: OptimizerName, learningRate: number): Hyper => ({
  optimizer,
  learningRate,
  batchSize: 32,
  l2: 0,
});

const NORMALIZATION = /activations or gradients exploded.*Add BatchNorm or LayerNorm/;

describe('divergenceMessage', () => {
  it('names the learning rate when it is high (SGD 10) and suggests 0.1', () => {
    const text = divergenceMessage(12, Number.NaN, hyper('sgd', 10));
    expect(text).toBe(
      'Training paused at step 12: the loss became NaN (not a number). Likely cause: the learning rate 10 is too high: each step overshoots and the weights blow up. Lower it (try 0.1) and press Reset.',
    );
    expect(text).toContain('learning rate 10 is too high');
    expect(text).not.toMatch(NORMALIZATION);
  });

  it('names normalization when the learning rate is small', () => {
    const text = divergenceMessage(300, Number.NaN, hyper('adam', 0.001));
    expect(text).toMatch(/^Training paused at step 300: the loss became NaN \(not a number\)\./);
    expect(text).toMatch(NORMALIZATION);
    expect(text).toContain('lower the learning rate, or add L2');
    expect(text).not.toContain('too high');
  });

  it('says NaN for NaN and infinite for +/-Infinity', () => {
    const h = hyper('sgd', 0.01);
    expect(divergenceMessage(1, Number.NaN, h)).toContain('the loss became NaN (not a number).');
    expect(divergenceMessage(1, Number.POSITIVE_INFINITY, h)).toContain('the loss became infinite.');
    expect(divergenceMessage(1, Number.NEGATIVE_INFINITY, h)).toContain('the loss became infinite.');
    expect(divergenceMessage(1, Number.POSITIVE_INFINITY, h)).not.toContain('NaN');
  });

  // SGD-like optimizers overshoot from 0.5 (suggest 0.1); adaptive ones from 0.1 (suggest 0.01).
  it.each<[OptimizerName, number, string | null]>([
    ['sgd', 0.5, '0.1'],
    ['sgd', 0.49, null],
    ['momentum', 0.5, '0.1'],
    ['momentum', 0.3, null],
    ['adam', 0.1, '0.01'],
    ['adam', 0.099, null],
    ['rmsprop', 1, '0.01'],
    ['rmsprop', 0.05, null],
  ])('%s at learning rate %s -> suggests %s', (optimizer, lr, suggest) => {
    const text = divergenceMessage(5, Number.POSITIVE_INFINITY, hyper(optimizer, lr));
    if (suggest === null) {
      expect(text).toMatch(NORMALIZATION);
      expect(text).not.toContain('too high');
    } else {
      expect(text).toContain(`the learning rate ${lr} is too high`);
      expect(text).toContain(`(try ${suggest})`);
      expect(text).not.toMatch(NORMALIZATION);
    }
  });

  it('tells the person to press Reset either way', () => {
    expect(divergenceMessage(1, Number.NaN, hyper('sgd', 10))).toMatch(/press Reset\.$/);
    expect(divergenceMessage(1, Number.NaN, hyper('adam', 0.001))).toMatch(/press Reset\.$/);
  });
});
