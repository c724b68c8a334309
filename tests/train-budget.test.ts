import { beforeAll, describe, expect, it } from 'vitest';
import { budgeted, isDue } from '../src/train/budget';
import { NO_PROBES } from '../src/train/protocol';
import { TrainingSession } from '../src/train/session';
import { chain, sessionConfig, useCpu } from './helpers';

beforeAll(useCpu);

describe('refresh budget', () => {
  it('keeps the nominal interval for a cheap refresh and 19x the cost for a dear one (at most 5%)', () => {
    expect(budgeted(300, null)).toBe(300);
    expect(budgeted(300, 10)).toBe(300);
    expect(budgeted(300, 50)).toBe(950);
    expect(50 / (budgeted(300, 50) + 50)).toBeCloseTo(0.05, 10);
  });

  it('counts the interval from the end of the last refresh: 20 times its cost start to start, 5%', () => {
    // A 50 ms refresh that ended at 1050 (began at 1000) is due again at 1050 + 19 * 50 = 2000.
    expect(isDue(1999, 1050, 300, 50)).toBe(false);
    expect(isDue(2000, 1050, 300, 50)).toBe(true);
    expect(50 / (2000 - 1000)).toBe(0.05);
    // A cheap one keeps its nominal interval, from its end.
    expect(isDue(1349, 1050, 300, 1)).toBe(false);
    expect(isDue(1350, 1050, 300, 1)).toBe(true);
    expect(isDue(0, Number.NEGATIVE_INFINITY, 300, null)).toBe(true);
  });

  it('a probe round that cost 100 ms comes again 1.9 s after it ended, 2 s after it began (5%)', async () => {
    let t = 1000;
    let reports = 0;
    const s = new TrainingSession(
      sessionConfig(
        chain([
          ['dense', { units: 4 }],
          ['batchnorm', {}],
        ]),
        {},
      ),
      (e) => {
        // The probe's report moves the clock on by 100 ms, as a slow probe would.
        if (e.type === 'distributions') {
          reports++;
          t += 100;
        }
      },
      { heatmapSize: 4, now: () => t },
    );
    await s.setProbes({ ...NO_PROBES, distributions: { nodeId: 'n2', mode: 'inference' } });
    expect(reports).toBe(1);
    // The round began at 1000 and ended at 1100: due again at 1100 + 19 * 100 = 3000.
    t = 2990;
    await s.reportProbes(false);
    expect(reports).toBe(1);
    t = 3000;
    await s.reportProbes(false);
    expect(reports).toBe(2);
    await s.dispose();
  });
});
