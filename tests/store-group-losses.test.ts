import { describe, expect, it } from 'vitest';
import { createAppStore } from '../src/store/store';
import { appendGroups, MAX_GROUP_POINTS } from '../src/store/trainingSlice';
import type { Metrics } from '../src/train/protocol';

const metrics = (step: number, groupLosses: { x: number; y: number }[]): Metrics => ({
  step,
  epoch: 0,
  batchLoss: 0.5,
  trainLoss: 0.5,
  testLoss: 0.5,
  testAccuracy: 0.5,
  testR2: null,
  stepsPerSecond: 0,
  samplesPerSecond: 0,
  groupLosses,
});

describe('the loss chart keeps one point per readback group', () => {
  it('appends each report’s groups, from the first step on', () => {
    const store = createAppStore();
    store.getState().applyMetrics(metrics(0, []));
    store.getState().applyMetrics(
      metrics(3, [
        { x: 1, y: 0.7 },
        { x: 2, y: 0.69 },
        { x: 3, y: 0.68 },
      ]),
    );
    store.getState().applyMetrics(metrics(5, [{ x: 5, y: 0.6 }]));
    expect(store.getState().groupLosses.map((p) => p.x)).toEqual([1, 2, 3, 5]);
    store.getState().clearRun(null);
    expect(store.getState().groupLosses).toEqual([]);
  });

  it('a run that went back (reset, weights loaded at an earlier step) drops the points ahead of it', () => {
    const history = [1, 2, 3, 4, 5].map((x) => ({ x, y: 1 / x }));
    expect(appendGroups(history, metrics(3, [])).map((p) => p.x)).toEqual([1, 2, 3]);
    expect(appendGroups(history, metrics(4, [{ x: 2, y: 9 }])).map((p) => p.x)).toEqual([1, 2]);
    expect(appendGroups(history, metrics(4, [{ x: 2, y: 9 }])).at(-1)?.y).toBe(9);
    // Nothing new and nothing ahead: the same array (no store churn).
    expect(appendGroups(history, metrics(5, []))).toBe(history);
  });

  it('stays bounded over a long run, keeping the first group, the newest ones and the extremes', () => {
    let history: readonly { x: number; y: number }[] = [];
    let step = 0;
    for (let report = 0; report < 2000; report++) {
      const groups = Array.from({ length: 8 }, () => {
        step++;
        return { x: step, y: step === 7777 ? 42 : 1 / step };
      });
      history = appendGroups(history, metrics(step, groups));
      expect(history.length).toBeLessThanOrEqual(MAX_GROUP_POINTS);
    }
    expect(history[0]?.x).toBe(1);
    expect(history.at(-1)?.x).toBe(16_000);
    expect(history.some((p) => p.y === 42)).toBe(true);
    expect(history.slice(-MAX_GROUP_POINTS / 2).map((p) => p.x)[0]).toBe(16_000 - MAX_GROUP_POINTS / 2 + 1);
  });
});
