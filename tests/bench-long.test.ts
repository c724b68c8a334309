import { describe, expect, it } from 'vitest';
import { BIG_NET, blockParams } from '../bench/labs.mjs';
import { bigNetSection, soakSection } from '../bench/markdown-long.mjs';
import { loopShares, series } from '../bench/stats.mjs';
import { LONG_LIMITS, longRunTargets } from '../bench/targets.mjs';
import { analyzeGraph } from '../src/graph/validate';

const totals = (
  runningMs: number,
  heatmapMs: number,
  probeMs: number,
  heatmaps: number,
  probeRuns: number,
) => ({
  runningMs,
  stepsMs: runningMs - heatmapMs - probeMs - 100,
  metricsMs: 100,
  heatmapMs,
  probeMs,
  heatmaps,
  probeRuns,
});

describe('bench series and loop shares', () => {
  it('summarizes a series by first, last, min, max and the largest drift from the first', () => {
    const s = series([100, 108, 95, null, 104]);
    expect(s).toMatchObject({ n: 4, first: 100, last: 104, min: 95, max: 108 });
    // |108 / 100 − 1| = 0.08 beats |95 / 100 − 1| = 0.05.
    expect(s.maxDrift).toBeCloseTo(0.08, 12);
    expect(series([]).first).toBeNull();
    expect(series([0, 3]).maxDrift).toBeNull();
  });

  it('turns two readings of the loop totals into shares of the running time between them', () => {
    const a = totals(10_000, 400, 200, 2, 5);
    const b = totals(70_000, 2800, 3200, 3, 11);
    const s = loopShares(a, b);
    // 60 s of training: heatmap (2800 − 400) / 60000 = 4%, probes 3000 / 60000 = 5%.
    expect(s?.runningMs).toBe(60_000);
    expect(s?.heatmapShare).toBeCloseTo(0.04, 12);
    expect(s?.probeShare).toBeCloseTo(0.05, 12);
    expect(s?.metricsShare).toBe(0);
    expect(s?.stepsShare).toBeCloseTo((b.stepsMs - a.stepsMs) / 60_000, 12);
    expect(s?.heatmaps).toBe(1);
    expect(s?.probeRuns).toBe(6);
    expect(loopShares(a, a)).toBeNull();
    expect(loopShares(null, b)).toBeNull();
  });
});

describe('bench big net', () => {
  it('is a valid 20-block Dense(512) net with the weights counted by hand', () => {
    const analysis = analyzeGraph(BIG_NET.graph, { inputDim: 2, outputDim: 1, task: 'binary' });
    expect(analysis.issues).toEqual([]);
    // (2*512 + 512 + 4*512) + 19 * (512*512 + 512 + 4*512) + (512 + 1)
    expect(BIG_NET.params).toBe(3584 + 19 * 264_704 + 513);
    expect(analysis.totalParams).toBe(BIG_NET.params);
    expect(blockParams(BIG_NET.hidden)).toBe(5_033_473);
    expect(BIG_NET.data.samples).toBe(5000);
  });
});

const latency = (max: number, timedOut = 0) => ({ n: 3, p50: max / 2, p95: max, max, timedOut });

function results(over: Record<string, unknown> = {}) {
  return {
    plan: { bignet: { trainMs: 20_000 }, soak: { warmupMs: 300_000 } },
    machine: { cores: 2 },
    bignet: {
      label: 'big',
      params: 5_033_473,
      backend: 'wasm',
      frames: { n: 1000, p50: 16.7, p95: 18, max: 40 },
      longTasks: { n: 0, totalMs: 0, max: null },
      steps: 40,
      loop: loopShares(totals(0, 0, 0, 0, 0), totals(60_000, 2400, 1200, 2, 8)),
      cpuPercent: { workers: 98, pageMain: 3 },
      summary: { selectionMs: latency(12), pauseMs: latency(640), pauseStatusMs: latency(630) },
      unitsEdit: { node: 'dense10', units: 256, ms: 8, rebuiltMs: 15_000 },
      pauses: [{ afterMs: 2300, ms: 640, statusMs: 630, stepsAfterClick: 1, finalReportMs: 15_000 }],
    },
    soak: {
      minutes: 2,
      panels: ['Distributions'],
      samples: [0, 1, 2].map((minute) => ({ minute, step: minute * 100, numTensors: 58, numBytes: 95_468 })),
      summary: {
        numTensors: series([58, 58, 58]),
        heapUsedBytes: series([7.0e6, 7.5e6, 7.2e6]),
        domNodes: series([775, 790, 781]),
        steps: 200,
      },
    },
    ...over,
  };
}

describe('bench long-run targets and report', () => {
  it('judges the big net and the soak against the issue’s limits', () => {
    const byId = Object.fromEntries(longRunTargets(results()).map((t) => [t.id, t]));
    expect(byId['big.frameP95']).toMatchObject({ value: 18, pass: true });
    expect(byId['big.pause']).toMatchObject({ value: 640, pass: false });
    expect(byId['big.heatmapShare']).toMatchObject({ value: 0.04, pass: true });
    expect(byId['big.probeShare']?.pass).toBe(true);
    expect(byId['big.select']?.pass).toBe(true);
    expect(byId['big.unitsEdit']?.pass).toBe(true);
    expect(byId['soak.tensors']?.pass).toBe(true);
    // 7.5 / 7.0 − 1 = 7.1% ≤ 10%; DOM 790 / 775 − 1 = 1.9% ≤ 2%.
    expect(byId['soak.heap']?.pass).toBe(true);
    expect(byId['soak.dom']?.pass).toBe(true);
    expect(LONG_LIMITS.pauseMs).toBe(250);
  });

  it('misses on growth, a timed-out try or a share over 5%, and says "not measured" with no refresh', () => {
    const r = results();
    r.soak.summary.heapUsedBytes = series([7.0e6, 7.8e6]);
    r.soak.summary.numTensors = series([58, 59]);
    r.bignet.summary.selectionMs = latency(12, 1);
    r.bignet.loop = loopShares(totals(0, 0, 0, 0, 0), totals(60_000, 3600, 0, 0, 0));
    const byId = Object.fromEntries(longRunTargets(r).map((t) => [t.id, t]));
    expect(byId['soak.heap']?.pass).toBe(false);
    expect(byId['soak.tensors']?.pass).toBe(false);
    expect(byId['big.select']?.pass).toBe(false);
    expect(byId['big.heatmapShare']?.pass).toBeNull();
    expect(byId['big.probeShare']?.pass).toBeNull();
    const none = Object.fromEntries(longRunTargets({}).map((t) => [t.id, t]));
    expect(Object.values(none).every((t) => t.pass === null)).toBe(true);
  });

  it('renders the big net and soak sections with their figures', () => {
    const big = bigNetSection(results());
    expect(big).toContain('| 17 ms | 18 ms | 40 ms | 0 (0 ms in all, longest –) | 40 |');
    expect(big).toContain('| Pause → Train button back | 3 | 320 ms | 640 ms | 0 |');
    expect(big).toContain('training worker 98%');
    // 60 s of training, 2400 ms of heatmap: 4.0% over 2 refreshes.
    expect(big).toContain('| 60.0 s |');
    expect(big).toContain('4.0% (2)');
    const soak = soakSection(results());
    expect(soak).toContain('| Worker tensors | 58 | 58 | 58 | 58 |');
    expect(soak).toContain('| JS heap after GC | 7.00 MB | 7.20 MB | 7.00 MB | 7.50 MB |');
    expect(bigNetSection({})).toBe('');
    expect(soakSection({})).toBe('');
  });
});
