import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../src/compile/tf';
import { isDivergedLoss, SWEEP_EXPLOSION_FACTOR, sweepDivergence } from '../src/train/divergence';
import { SWEEP_DEFAULTS, type SweepPoint, type SweepRequest, sweepRates } from '../src/train/protocol';
import { runSweep } from '../src/train/sweep';
import { chain, sessionConfig, useCpu } from './helpers';

beforeAll(useCpu);

describe('learning-rate sweep: the rates', () => {
  it('is 6 rates log-spaced from 1e-3 to 3 (3 significant digits), 200 steps each by default', () => {
    const rates = sweepRates();
    expect(rates).toEqual([0.001, 0.00496, 0.0246, 0.122, 0.605, 3]);
    expect(SWEEP_DEFAULTS).toEqual({ from: 1e-3, to: 3, count: 6, steps: 200 });
    // Evenly spaced on a log scale: each rate is 3000^(1/5) ≈ 4.96 times the one before.
    for (let i = 1; i < rates.length; i++) {
      expect((rates[i] as number) / (rates[i - 1] as number)).toBeCloseTo(3000 ** 0.2, 1);
    }
    expect(sweepRates(0.01, 1, 3)).toEqual([0.01, 0.1, 1]);
    expect(sweepRates(0.5, 2, 1)).toEqual([0.5]);
  });
});

describe('learning-rate sweep: divergence marking (the app rule)', () => {
  it('marks NaN or infinite losses, and a loss that ends 10 times above its start', () => {
    expect(isDivergedLoss(Number.NaN)).toBe(true);
    expect(isDivergedLoss(Number.POSITIVE_INFINITY)).toBe(true);
    expect(isDivergedLoss(1e30)).toBe(false);
    expect(sweepDivergence({ initialLoss: 0.7, finalLoss: Number.NaN, badStep: 12 })).toBe(
      'the loss became NaN or infinite at step 12',
    );
    expect(sweepDivergence({ initialLoss: 0.7, finalLoss: Number.POSITIVE_INFINITY, badStep: null })).toBe(
      'the final loss is NaN or infinite',
    );
    expect(SWEEP_EXPLOSION_FACTOR).toBe(10);
    expect(sweepDivergence({ initialLoss: 0.7, finalLoss: 7.7, badStep: null })).toBe(
      'the loss ended 11× above where it started',
    );
    expect(sweepDivergence({ initialLoss: 1, finalLoss: 4.6e13, badStep: null })).toBe(
      'the loss ended 5e13× above where it started',
    );
    expect(sweepDivergence({ initialLoss: 0.7, finalLoss: 6.9, badStep: null })).toBeNull();
    expect(sweepDivergence({ initialLoss: 0.7, finalLoss: 0.05, badStep: null })).toBeNull();
  });
});

/** The default graph's shape and its no-normalization variant, on Circle. */
function request(rates: number[], steps: number): SweepRequest {
  const withBn = chain([
    ['dense', { units: 8 }],
    ['batchnorm', {}],
    ['activation', {}],
  ]);
  const plain = chain([
    ['dense', { units: 8 }],
    ['activation', {}],
  ]);
  const config = sessionConfig(withBn, {}, { optimizer: 'sgd', learningRate: 0.1 });
  return {
    runs: [
      { id: 'current', label: 'This lab', graph: withBn },
      { id: 'noNorm', label: 'Without normalization', graph: plain },
    ],
    rates,
    steps,
    ctx: config.ctx,
    data: config.data,
    hyper: config.hyper,
    seed: config.seed,
  };
}

describe('learning-rate sweep: the runs', () => {
  it('trains every lab at every rate in order, marks the run that blew up, and frees every tensor', async () => {
    const seen: SweepPoint[] = [];
    const before = tf.memory().numTensors;
    const points = await runSweep(request([0.05, 1e4], 30), (p) => seen.push(p));
    expect(tf.memory().numTensors).toBe(before);
    expect(seen).toEqual(points);
    expect(points.map((p) => [p.runId, p.rate])).toEqual([
      ['current', 0.05],
      ['current', 1e4],
      ['noNorm', 0.05],
      ['noNorm', 1e4],
    ]);
    const at = (runId: string, rate: number) => points.find((p) => p.runId === runId && p.rate === rate);
    // A sensible rate learns: finite, below where it began, not diverged, every step run.
    for (const runId of ['current', 'noNorm']) {
      const p = at(runId, 0.05);
      expect(p?.diverged).toBe(false);
      expect(p?.steps).toBe(30);
      expect(p?.finalLoss).toBeLessThan(p?.initialLoss ?? 0);
    }
    // SGD at 10,000 without normalization blows up: NaN/∞ part-way, or a loss far above its start.
    const blown = at('noNorm', 1e4);
    expect(blown?.diverged).toBe(true);
    expect(blown?.why).toMatch(/NaN or infinite|above where it started/);
    if (blown?.finalLoss === null) expect(blown.why).toMatch(/NaN or infinite/);
  });

  it('is reproducible: the same seed and rate give the same final loss', async () => {
    const a = await runSweep(request([0.1], 20), () => {});
    const b = await runSweep(request([0.1], 20), () => {});
    expect(a.map((p) => p.finalLoss)).toEqual(b.map((p) => p.finalLoss));
  });
});
