import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../src/compile/tf';
import type { Graph } from '../src/graph/types';
import type { ProbeRequest, TrainEvent } from '../src/train/protocol';
import { NO_PROBES } from '../src/train/protocol';
import { TrainingSession } from '../src/train/session';
import { chain, sessionConfig, useCpu } from './helpers';

beforeAll(useCpu);

/** Dense(8) -> BN -> Dense(8) -> BN -> Output: affine at inference. */
const affineNet = chain([
  ['dense', { units: 8 }],
  ['batchnorm', {}],
  ['dense', { units: 8 }],
  ['batchnorm', {}],
]);
/** The same with ReLU after each BatchNorm. */
const reluNet = chain([
  ['dense', { units: 8 }],
  ['batchnorm', {}],
  ['activation', { fn: 'relu' }],
  ['dense', { units: 8 }],
  ['batchnorm', {}],
  ['activation', { fn: 'relu' }],
]);

type Report<T extends TrainEvent['type']> = Extract<TrainEvent, { type: T }>;

/** A session trained `steps` steps; `probe` sets a request and returns the events it produced. */
async function trained(graph: Graph, steps: number, dataset: 'circle' | 'xor' = 'circle') {
  const events: TrainEvent[] = [];
  const s = new TrainingSession(sessionConfig(graph, { dataset }), (e) => events.push(e), {
    heatmapSize: 30,
  });
  if (steps > 0) await s.runSteps(steps);
  const probe = async (request: Partial<ProbeRequest>) => {
    events.length = 0;
    await s.setProbes({ ...NO_PROBES, ...request });
    return [...events];
  };
  const one = async <T extends TrainEvent['type']>(type: T, request: Partial<ProbeRequest>) => {
    const got = (await probe(request)).find((e) => e.type === type || e.type === 'probeError');
    if (!got || got.type === 'probeError') throw new Error(`no ${type}: ${JSON.stringify(got)}`);
    return got as Report<T>;
  };
  return { s, events, probe, one };
}

const movingStats = async (s: TrainingSession) =>
  Promise.all(s.model.nonTrainableWeights.map(async (w) => Array.from(await w.read().data())));

describe('probes: equivalent affine map', () => {
  it('folds a trained Dense/BatchNorm net into W′, b′ that match the model to 1e-5 on the test set', async () => {
    const { s, one } = await trained(affineNet, 150);
    const { report } = await one('affine', { affine: true });
    expect(report.map.W).toHaveLength(2);
    expect(report.map.W[0]).toHaveLength(1);
    expect(report.map.b).toHaveLength(1);
    expect(report.testPoints).toBe(200);
    expect(report.maxError).toBeLessThan(1e-5);
    expect(report.step).toBe(150);
    await s.dispose();
  });

  it('does not fold a network with ReLU in it', async () => {
    const { s, probe } = await trained(reluNet, 0);
    expect((await probe({ affine: true })).filter((e) => e.type === 'affine')).toHaveLength(0);
    await s.dispose();
  });

  it('scores the affine net R² = 1 on the grid and a trained ReLU net clearly below', async () => {
    const score = async (graph: Graph) => {
      const { s, events } = await trained(graph, 300);
      await s.reportHeatmap();
      const h = events.filter((e): e is Report<'heatmap'> => e.type === 'heatmap').at(-1);
      await s.dispose();
      return h?.heatmap.nonlinearity ?? Number.NaN;
    };
    expect(await score(affineNet)).toBeGreaterThan(0.999999);
    expect(await score(reluNet)).toBeLessThan(0.8);
  });
});

describe('probes: distributions', () => {
  it('gives before/after histograms and moments of a BatchNorm node, and its running vs batch statistics', async () => {
    const { s, one } = await trained(affineNet, 100);
    const { report } = await one('distributions', { distributions: { nodeId: 'n2', mode: 'training' } });
    expect(report.width).toBe(8);
    expect(report.units).toHaveLength(8);
    expect(report.probeSize).toBe(200);
    expect(report.pooled.before.n).toBe(200 * 8);
    expect(report.pooled.before.counts.reduce((a, b) => a + b, 0)).toBe(1600);
    const bn = report.batchNorm;
    expect(bn?.runningMean).toHaveLength(8);
    expect(bn?.runningVariance).toHaveLength(8);
    // The batch statistics are the moments of the node's input over the probe batch.
    report.units.forEach((u, i) => {
      expect(bn?.batchMean[i]).toBeCloseTo(u.before.mean, 5);
      expect(bn?.batchVariance[i]).toBeCloseTo(u.before.std ** 2, 4);
    });
    // Running statistics are a moving average over training batches: close to, not equal to, these.
    expect(bn?.runningMean).not.toEqual(bn?.batchMean);
    expect(report.regionLabel).toBeNull();
    await s.dispose();
  });

  it('in training mode with gamma 1 and beta 0 the output has mean 0 and std 1 per unit (x̂ = (x − μ_B)/√(σ²_B + ε))', async () => {
    const { s, one } = await trained(affineNet, 0);
    const { report } = await one('distributions', { distributions: { nodeId: 'n2', mode: 'training' } });
    for (const u of report.units) {
      expect(u.after.mean).toBeCloseTo(0, 4);
      const v = u.before.std ** 2;
      expect(u.after.std).toBeCloseTo(Math.sqrt(v / (v + 1e-3)), 3);
    }
    await s.dispose();
  });

  it('leaves the BatchNorm running statistics untouched when probing in training mode', async () => {
    const { s, one } = await trained(affineNet, 50);
    const before = await movingStats(s);
    await one('distributions', { distributions: { nodeId: 'n4', mode: 'training' } });
    await one('batchDependence', { batch: { nodeId: 'n2', unit: 0, point: [1, 1] } });
    expect(await movingStats(s)).toEqual(before);
    await s.dispose();
  });

  it('counts the dead share of a ReLU input', async () => {
    const { s, one } = await trained(reluNet, 20);
    const { report } = await one('distributions', { distributions: { nodeId: 'n3', mode: 'inference' } });
    expect(report.regionLabel).toBe('dead (x < 0)');
    const share = report.pooled.region ?? -1;
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
    // After ReLU nothing is negative.
    expect(report.pooled.after.lo).toBeGreaterThanOrEqual(0);
    await s.dispose();
  });
});

describe('probes: share of outputs at ±1 (unitShare)', () => {
  /** Input -> Dense(2) -> LayerNorm(no center, no scale) -> Output. */
  const stepNet = (epsilon: number) =>
    chain([
      ['dense', { units: 2 }],
      ['layernorm', { center: false, scale: false, epsilon }],
    ]);

  it.each([1e-3, 1e-5])(
    'matches the hand count for LayerNorm of width 2 (epsilon %f): y = ±d/√(d² + ε), d = |a − b|/2',
    async (epsilon) => {
      const { s, one } = await trained(stepNet(epsilon), 0);
      // Dense = identity, so the LayerNorm sees the raw point (a, b) = (x, y).
      expect(await s.setWeights({ n1: { kernel: [1, 0, 0, 1], bias: [0, 0] } })).toBeNull();
      const { report } = await one('distributions', { distributions: { nodeId: 'n2', mode: 'inference' } });
      const x = sessionConfig(stepNet(epsilon), { dataset: 'circle' }).data.xTest;
      const n = report.probeSize;
      let near = 0;
      let borderline = 0;
      for (let i = 0; i < n; i++) {
        const d = Math.abs((x[2 * i] as number) - (x[2 * i + 1] as number)) / 2;
        const gap = 1 - d / Math.sqrt(d * d + epsilon);
        if (gap <= 1e-3) near++;
        if (Math.abs(gap - 1e-3) < 1e-6) borderline++;
      }
      // Both units of a row are at ±1 together; float32 may flip a row that sits on the edge.
      expect(Math.abs(report.unitShare - near / n)).toBeLessThanOrEqual(borderline / n);
      expect(report.unitShare).toBeLessThan(1);
      // A smaller epsilon sharpens the step: only rows with |a − b| < 0.14 miss at ε = 1e-5.
      if (epsilon === 1e-5) expect(report.unitShare).toBeGreaterThan(0.9);
      // The two units always sum to 0: one is +y, the other -y.
      expect(report.pooled.after.mean).toBeCloseTo(0, 6);
      await s.dispose();
    },
  );

  it('is small for a BatchNorm, whose outputs spread over a bell curve', async () => {
    const { s, one } = await trained(affineNet, 50);
    const { report } = await one('distributions', { distributions: { nodeId: 'n2', mode: 'training' } });
    expect(report.unitShare).toBeLessThan(0.02);
    expect(report.unitShare).toBeGreaterThanOrEqual(0);
    await s.dispose();
  });
});

describe('probes: batch dependence', () => {
  it('is zero in inference mode and non-zero in training mode', async () => {
    const { s, one } = await trained(affineNet, 100);
    const { report } = await one('batchDependence', { batch: { nodeId: 'n2', unit: 3, point: [1.5, 1] } });
    expect(report.unit).toBe(3);
    expect(report.inferenceSpread).toBe(0);
    expect(report.trainingSpread).toBeGreaterThan(0.05);
    const labels = report.groups.map((g) => g.label);
    expect(labels).toEqual([
      'class 0',
      'class 1',
      'mixed',
      'random',
      'n=2',
      'n=4',
      'n=8',
      'n=16',
      'n=32',
      'n=64',
    ]);
    for (const g of report.groups) expect(g.values).toHaveLength(6);
    await s.dispose();
  });

  it('reports a probe error, not a crash, for a node without output units it can read', async () => {
    const { s, probe } = await trained(affineNet, 0);
    const events = await probe({ batch: { nodeId: 'nope', unit: 0, point: [0, 0] } });
    // A node of another graph is skipped quietly (the next request will be right).
    expect(events).toEqual([]);
    await s.dispose();
  });
});

describe('probes: warped grid', () => {
  it('keeps grid lines straight through Dense and BatchNorm and bends them through ReLU', async () => {
    const { s, one } = await trained(reluNet, 200);
    const at = async (nodeId: string) => (await one('warp', { warp: { nodeId } })).report;
    const dense = await at('n1');
    expect(dense.projected).toBe(true);
    expect(dense.lines).toHaveLength(18);
    expect(dense.bend).toBeLessThan(1e-4);
    expect((await at('n2')).bend).toBeLessThan(1e-4);
    expect((await at('n6')).bend).toBeGreaterThan(0.01);
    await s.dispose();
  });

  it('says why a 1-unit node has no grid', async () => {
    const { s, probe } = await trained(affineNet, 0);
    const [e] = await probe({ warp: { nodeId: 'output' } });
    expect(e?.type).toBe('probeError');
    expect(e?.type === 'probeError' && e.message).toMatch(/1 unit/);
    await s.dispose();
  });
});

describe('probes: memory', () => {
  it('leaves no tensors behind, however often they run', async () => {
    const { s, probe } = await trained(affineNet, 10);
    const all: ProbeRequest = {
      distributions: { nodeId: 'n2', mode: 'training' },
      affine: true,
      batch: { nodeId: 'n4', unit: 0, point: [0, 0] },
      warp: { nodeId: 'n3' },
      health: true,
    };
    await probe(all);
    const start = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await probe(all);
    expect(tf.memory().numTensors).toBe(start);
    await s.dispose();
  });
});
