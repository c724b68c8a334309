import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../src/compile/tf';
import type { TrainEvent } from '../src/train/protocol';
import { TrainingSession } from '../src/train/session';
import { chain, sessionConfig, useCpu } from './helpers';

beforeAll(useCpu);

const reluNet = chain([
  ['dense', { units: 16 }],
  ['activation', { fn: 'relu' }],
  ['dense', { units: 16 }],
  ['activation', { fn: 'relu' }],
]);

describe('TrainingSession', () => {
  it('drives the loss down on XOR with a ReLU net and classifies the test set', async () => {
    const events: TrainEvent[] = [];
    const s = new TrainingSession(sessionConfig(reluNet, { dataset: 'xor' }), (e) => events.push(e), {
      heatmapSize: 10,
    });
    const first = await s.runSteps(10);
    await s.runSteps(380);
    const last = await s.runSteps(10);
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    expect(mean(last)).toBeLessThan(mean(first) * 0.4);
    const { testAccuracy } = await s.evaluate();
    expect(testAccuracy).toBeGreaterThan(0.9);
    await s.dispose();
  });

  it.each<['layernorm', { center?: boolean; scale?: boolean }]>([
    ['layernorm', { center: false }],
    ['layernorm', { scale: false }],
    ['layernorm', { center: false, scale: false }],
  ])('trains a %s with %j: switched-off gamma stays 1 and beta 0', async (kind, params) => {
    const graph = chain([
      ['dense', { units: 3 }],
      [kind, params],
    ]);
    const s = new TrainingSession(sessionConfig(graph, { dataset: 'gaussian' }), () => {}, {
      heatmapSize: 4,
    });
    const losses = await s.runSteps(30);
    expect(losses.every(Number.isFinite)).toBe(true);
    const weights = await s.getWeights();
    if (params.scale === false) expect(weights.n2?.gamma).toEqual([1, 1, 1]);
    if (params.center === false) expect(weights.n2?.beta).toEqual([0, 0, 0]);
    await s.dispose();
  });

  it('reproduces the same initial weights and loss curve from the same seed', async () => {
    const run = async (seed: number) => {
      const s = new TrainingSession(sessionConfig(reluNet, { dataset: 'xor' }, {}, seed), () => {}, {
        heatmapSize: 4,
      });
      const w = Array.from((await s.model.getWeights()[0]?.data()) ?? []);
      const losses = await s.runSteps(40);
      await s.dispose();
      return { w, losses };
    };
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);
    expect(a.w).toEqual(b.w);
    expect(a.losses).toEqual(b.losses);
    expect(a.w).not.toEqual(c.w);
  });

  it('reset returns to the same initial weights and curve', async () => {
    const s = new TrainingSession(sessionConfig(reluNet, { dataset: 'circle' }), () => {}, {
      heatmapSize: 4,
    });
    const before = await s.runSteps(25);
    await s.reset();
    expect(s.steps).toBe(0);
    const after = await s.runSteps(25);
    expect(after).toEqual(before);
    await s.dispose();
  });

  it('keeps the tensor count flat: after 500 steps it equals the count after the first', async () => {
    const graph = chain([
      ['dense', { units: 8 }],
      ['batchnorm'],
      ['activation', { fn: 'relu' }],
      ['layernorm'],
      ['dense', { units: 4 }],
    ]);
    const s = new TrainingSession(sessionConfig(graph, { dataset: 'circle' }, { l2: 0.001 }), () => {}, {
      heatmapSize: 8,
    });
    await s.runSteps(1);
    await s.reportMetrics();
    await s.reportHeatmap();
    const afterFirst = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) {
      await s.runSteps(50);
      await s.reportMetrics();
      await s.reportHeatmap();
    }
    expect(s.steps).toBe(501);
    expect(tf.memory().numTensors).toBe(afterFirst);
    const base = afterFirst;
    await s.dispose();
    expect(tf.memory().numTensors).toBeLessThan(base);
  });

  it('pauses with a message naming the learning rate when the loss becomes NaN', async () => {
    const events: TrainEvent[] = [];
    const graph = chain([
      ['dense', { units: 16 }],
      ['dense', { units: 16 }],
      ['dense', { units: 16 }],
    ]);
    const s = new TrainingSession(
      sessionConfig(graph, { dataset: 'wave' }, { optimizer: 'sgd', learningRate: 10 }),
      (e) => events.push(e),
      { heatmapSize: 4, chunkMs: 5, metricsIntervalMs: 5 },
    );
    s.start();
    const deadline = Date.now() + 20_000;
    while (s.isRunning && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(s.isRunning).toBe(false);
    const diverged = events.find((e) => e.type === 'diverged');
    expect(diverged).toBeDefined();
    expect(diverged?.type === 'diverged' && diverged.message).toMatch(/learning rate 10 is too high/);
    expect(events.at(-1)).toEqual({ type: 'status', running: false });
    await s.dispose();
  });

  it('runs its own loop: start emits metrics and heatmaps, pause stops it', async () => {
    const events: TrainEvent[] = [];
    const s = new TrainingSession(sessionConfig(reluNet, { dataset: 'circle' }), (e) => events.push(e), {
      heatmapSize: 20,
      metricsIntervalMs: 20,
      heatmapIntervalMs: 40,
    });
    s.start();
    await new Promise((r) => setTimeout(r, 600));
    await s.pause();
    const stepsAtPause = s.steps;
    await new Promise((r) => setTimeout(r, 100));
    expect(s.steps).toBe(stepsAtPause);
    const metrics = events.filter((e) => e.type === 'metrics');
    const heatmaps = events.filter((e) => e.type === 'heatmap');
    expect(metrics.length).toBeGreaterThan(3);
    expect(heatmaps.length).toBeGreaterThan(1);
    const h = heatmaps.at(-1);
    expect(h?.type === 'heatmap' && h.heatmap.values.length).toBe(400);
    const m = metrics.at(-1);
    expect(m?.type === 'metrics' && m.metrics.step).toBe(stepsAtPause);
    // The report sent on pause keeps a train loss even when no step ran since the previous report.
    expect(m?.type === 'metrics' && m.metrics.trainLoss).toBeGreaterThan(0);
    const sp = new TrainingSession(sessionConfig(reluNet, { dataset: 'circle' }), () => {}, {
      heatmapSize: 4,
    });
    await sp.runSteps(3);
    const first = await sp.reportMetrics();
    const again = await sp.reportMetrics();
    expect(again.trainLoss).toBe(first.trainLoss);
    await sp.dispose();
    await s.dispose();
  });

  it('trains the 3-class spiral with softmax outputs that sum to 1', async () => {
    const events: TrainEvent[] = [];
    const s = new TrainingSession(sessionConfig(reluNet, { dataset: 'spiral3' }), (e) => events.push(e), {
      heatmapSize: 5,
    });
    await s.runSteps(5);
    await s.reportHeatmap();
    const h = events.find((e) => e.type === 'heatmap');
    if (h?.type !== 'heatmap') throw new Error('no heatmap');
    expect(h.heatmap.channels).toBe(3);
    const v = h.heatmap.values;
    expect((v[0] as number) + (v[1] as number) + (v[2] as number)).toBeCloseTo(1, 5);
    await s.dispose();
  });

  it('trains BatchNorm with center or scale off, keeping the switched-off beta at 0 and gamma at 1', async () => {
    const cases: Record<string, boolean>[] = [
      { center: false },
      { scale: false },
      { center: false, scale: false },
    ];
    for (const params of cases) {
      const s = new TrainingSession(
        sessionConfig(
          chain([
            ['dense', { units: 4 }],
            ['batchnorm', params],
          ]),
          {},
        ),
        () => {},
        { heatmapSize: 4 },
      );
      const losses = await s.runSteps(30);
      expect(losses.every(Number.isFinite)).toBe(true);
      const bn = s.model.getLayer('n2');
      const value = async (key: string) => {
        const w = bn.weights.find((v) => (v.originalName ?? v.name).endsWith(`/${key}`));
        return Array.from((await w?.read().data()) ?? []);
      };
      if (params.center === false) expect(await value('beta')).toEqual([0, 0, 0, 0]);
      else expect(await value('beta')).not.toEqual([0, 0, 0, 0]);
      if (params.scale === false) expect(await value('gamma')).toEqual([1, 1, 1, 1]);
      await s.dispose();
    }
  });

  it('hands out its trained weights and takes them back: another session then predicts the same', async () => {
    const config = sessionConfig(reluNet, { dataset: 'xor' });
    const a = new TrainingSession(config, () => {}, { heatmapSize: 4 });
    await a.runSteps(120);
    const weights = await a.getWeights();
    expect(Object.keys(weights)).toEqual(expect.arrayContaining(['n1', 'n3', 'output']));
    expect(weights.n1?.kernel).toHaveLength(2 * 16);
    const b = new TrainingSession(config, () => {}, { heatmapSize: 4 });
    expect(await b.setWeights(weights)).toBeNull();
    expect(await b.evaluate()).toEqual(await a.evaluate());
    // Weights that do not fit this graph are refused whole, naming the misfit.
    expect(await b.setWeights({ n1: { kernel: [1, 2, 3] } })).toMatch(
      /kernel of n1 has 3 values; this graph needs 32/,
    );
    expect(await b.setWeights({ ghost: { kernel: [1] } })).toMatch(/"ghost"/);
    expect(await b.evaluate()).toEqual(await a.evaluate());
    await a.dispose();
    await b.dispose();
  });
});

describe('TrainingSession.start(untilStep)', () => {
  it('stops by itself exactly at the step asked for, reports as on Pause, and trains on when started again', async () => {
    const events: TrainEvent[] = [];
    const s = new TrainingSession(sessionConfig(reluNet, { dataset: 'circle' }), (e) => events.push(e), {
      heatmapSize: 4,
    });
    s.start(137);
    await expect.poll(() => s.isRunning, { timeout: 20_000 }).toBe(false);
    expect(s.steps).toBe(137);
    const last = events.filter((e) => e.type === 'metrics').at(-1);
    expect(last?.type === 'metrics' && last.metrics.step).toBe(137);
    expect(events.at(-1)?.type === 'status' || events.some((e) => e.type === 'status' && !e.running)).toBe(
      true,
    );
    s.start(100); // a limit already passed is no limit
    await new Promise((r) => setTimeout(r, 50));
    await s.pause();
    expect(s.steps).toBeGreaterThan(137);
    await s.dispose();
  });
});
