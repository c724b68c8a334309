import { describe, expect, it } from 'vitest';
import { LoopClock, NO_LOOP_TIME } from '../src/train/loopClock';
import { MAX_GROUP, nextGroup } from '../src/train/sessionOptions';

describe('loop clock', () => {
  it('adds up wall time by activity and counts refreshes', async () => {
    let t = 0;
    const clock = new LoopClock(() => t);
    expect(clock.totals).toEqual(NO_LOOP_TIME);
    await clock.time('runningMs', async () => {
      await clock.time('stepsMs', async () => {
        t += 30;
      });
      await clock.time('heatmapMs', async () => {
        t += 5;
      });
      clock.count('heatmaps');
    });
    // A refresh that throws still counts its time.
    await expect(
      clock.time('probeMs', async () => {
        t += 2;
        throw new Error('probe failed');
      }),
    ).rejects.toThrow('probe failed');
    expect(clock.totals).toEqual({
      ...NO_LOOP_TIME,
      runningMs: 35,
      stepsMs: 30,
      heatmapMs: 5,
      probeMs: 2,
      heatmaps: 1,
    });
  });
});

describe('step groups', () => {
  it('doubles a quick whole group up to the cap, halves one that overran a chunk, else keeps it', () => {
    expect(nextGroup(4, 10, true, 25)).toBe(8);
    expect(nextGroup(48, 1, true, 25)).toBe(MAX_GROUP);
    expect(nextGroup(4, 10, false, 25)).toBe(4); // a group cut short (a step budget) does not grow
    expect(nextGroup(4, 20, true, 25)).toBe(4);
    expect(nextGroup(4, 26, true, 25)).toBe(2);
    expect(nextGroup(1, 900, true, 25)).toBe(1);
  });
});
