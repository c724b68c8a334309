import { describe, expect, it } from 'vitest';
import { HEALTH_SHARE_LIMIT, healthSection, healthShares, healthTargets } from '../bench/health-report.mjs';

const reading = (
  steps: number,
  runningMs: number,
  stepsMs: number,
  healthMs: number,
  healthSamples: number,
) => ({
  steps,
  loop: { runningMs, stepsMs, healthMs, healthSamples },
});

describe('bench: training-health sampling cost', () => {
  it('turns two loop readings into the samples’ share, their extra over plain steps, and per-sample cost', () => {
    // 10 s of training: 10,010 steps of which 10 were sampled; plain steps 9,000 ms / 10,000 = 0.9 ms.
    const s = healthShares(reading(0, 0, 0, 0, 0), reading(10_010, 10_000, 9000, 50, 10));
    expect(s).toMatchObject({ runningMs: 10_000, steps: 10_010, samples: 10, sampleMs: 5, stepMs: 0.9 });
    expect(s?.share).toBeCloseTo(0.005, 12);
    // 50 ms − 10 × 0.9 ms = 41 ms beyond what the 10 steps would have cost anyway.
    expect(s?.extraShare).toBeCloseTo(0.0041, 12);
    expect(s?.samplesPerSecond).toBeCloseTo(1, 12);
    expect(healthShares(null, reading(1, 1, 1, 1, 1))).toBeNull();
    expect(healthShares(reading(0, 5, 0, 0, 0), reading(0, 5, 0, 0, 0))).toBeNull();
  });

  it('judges the 5% target only where samples were taken, and reports a table', () => {
    const results = {
      plan: { health: { trainMs: 8000, settleMs: 1500 } },
      health: {
        labs: [
          {
            id: 'default',
            label: 'default lab',
            backend: 'wasm',
            samples: 60,
            runningMs: 8000,
            share: 0.012,
          },
          { id: 'R2', label: 'R2', backend: 'wasm', samples: 3, runningMs: 8000, share: 0.051 },
          { id: 'big', label: 'big', backend: 'wasm', samples: 0, runningMs: 8000, share: 0 },
        ],
      },
    };
    expect(HEALTH_SHARE_LIMIT).toBe(0.05);
    expect(healthTargets(results).map((t) => [t.id, t.pass])).toEqual([
      ['health.share.default', true],
      ['health.share.R2', false],
      ['health.share.big', null],
    ]);
    const md = healthSection(results);
    expect(md).toMatch(/^## Training health sampling/);
    expect(md).toContain('| default lab | wasm |');
    expect(md).toContain('1.20%');
  });
});
