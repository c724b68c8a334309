import { beforeAll, describe, expect, it } from 'vitest';
import { budgeted } from '../src/train/budget';
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

  it('a probe round that cost 100 ms does not come again before 1.9 s (400 ms when cheap)', async () => {
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
    const start = 1000;
    t = start + 500;
    await s.reportProbes(false);
    expect(reports).toBe(1);
    t = start + 1950;
    await s.reportProbes(false);
    expect(reports).toBe(2);
    await s.dispose();
  });
});
