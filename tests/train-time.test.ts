import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../src/compile/tf';
import { timeTraining, WARMUP_STEPS } from '../src/train/timeTraining';
import { chain, sessionConfig, useCpu } from './helpers';

beforeAll(useCpu);

describe('timeTraining: how fast a model trains on the active backend (the racing worker)', () => {
  const config = sessionConfig(
    chain([
      ['dense', { units: 8 }],
      ['batchnorm', {}],
      ['activation', { fn: 'relu' }],
    ]),
    {},
  );

  it('times groups of steps after an untimed warm-up, for the time asked, and leaves no tensor behind', async () => {
    // A fake clock: every reading moves 1 ms on, so 40 "ms" is a fixed number of readings.
    let t = 0;
    const before = tf.memory().numTensors;
    const timing = await timeTraining(config, 40, () => ++t);
    expect(tf.memory().numTensors).toBe(before);
    expect(WARMUP_STEPS).toBe(3);
    expect(timing.steps).toBeGreaterThanOrEqual(3);
    expect(timing.ms).toBeGreaterThanOrEqual(40);
    expect(timing.stepsPerSecond).toBeCloseTo((timing.steps * 1000) / timing.ms, 10);
  });

  it('times at least 3 steps even when one step outlasts the window', async () => {
    let t = 0;
    const timing = await timeTraining(config, 1, () => (t += 10));
    expect(timing.steps).toBeGreaterThanOrEqual(3);
    expect(timing.steps).toBeLessThanOrEqual(7);
  });
});
