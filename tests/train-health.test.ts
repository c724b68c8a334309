import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../src/compile/compileGraph';
import * as tf from '../src/compile/tf';
import type { GraphContext } from '../src/graph/types';
import { healthLayers, measuredStep } from '../src/train/health/capture';
import { effectiveLearningRate, feedsOnlyBatchNorm, healthSample } from '../src/train/health/healthMath';
import { HEALTH_INTERVAL_MS, HealthSampler } from '../src/train/health/sampler';
import { makeOptimizer } from '../src/train/optimizers';
import { NO_PROBES, type TrainEvent } from '../src/train/protocol';
import { TrainingSession } from '../src/train/session';
import { chain, sessionConfig, useCpu } from './helpers';

beforeAll(useCpu);

const REGRESSION: GraphContext = { inputDim: 2, outputDim: 1, task: 'regression' };
const sgd = (learningRate: number) => makeOptimizer({ optimizer: 'sgd', learningRate, batchSize: 1, l2: 0 });

/** Input -> Output (one Dense 2 -> 1) with W = [0.5, -0.25], b = 0.1. */
function tinyNet() {
  const compiled = compileGraph(chain([]), REGRESSION, 1);
  const layer = compiled.model.getLayer('output');
  layer.setWeights([tf.tensor2d([[0.5], [-0.25]]), tf.tensor1d([0.1])]);
  return compiled;
}

describe('training health: norms against hand-computed values', () => {
  it('1 Dense 2 -> 1, MSE, SGD lr 0.5 on x = [1, 2], y = 0: ||g||, ||W||, ΔW = -lr·g exactly, the ratio', async () => {
    const compiled = tinyNet();
    const vars = compiled.model.trainableWeights.map((w) => w.read() as tf.Variable);
    const layers = healthLayers(compiled, chain([]));
    expect(layers.map((l) => [l.nodeId, l.followedByBatchNorm])).toEqual([['output', false]]);
    const x = tf.tensor2d([[1, 2]]);
    const y = tf.tensor2d([[0]]);
    const opt = sgd(0.5);
    // prediction 0.5·1 − 0.25·2 + 0.1 = 0.1; loss (0.1 − 0)² = 0.01; dL/dW = 2·0.1·x = [0.2, 0.4].
    const loss = () => tf.losses.meanSquaredError(y, compiled.model.apply(x) as tf.Tensor) as tf.Scalar;
    const out = measuredStep(opt, loss, vars, layers);
    expect((await out.loss.data())[0]).toBeCloseTo(0.01, 6);
    const norms = Array.from(await out.norms.data());
    expect(norms[0]).toBeCloseTo(Math.sqrt(0.2), 6); // ||g|| = sqrt(0.04 + 0.16)
    expect(norms[1]).toBeCloseTo(Math.sqrt(0.3125), 6); // ||W|| = sqrt(0.25 + 0.0625)
    expect(norms[2]).toBeCloseTo(0.5 * Math.sqrt(0.2), 6); // ||ΔW|| = lr·||g||
    // W after = W − lr·g = [0.5 − 0.1, −0.25 − 0.2]; b after = 0.1 − 0.5·0.2.
    const [kernel, bias] = compiled.model.getLayer('output').getWeights();
    expect(Array.from(await (kernel as tf.Tensor).data())).toEqual([
      expect.closeTo(0.4, 6),
      expect.closeTo(-0.45, 6),
    ]);
    expect((await (bias as tf.Tensor).data())[0]).toBeCloseTo(0, 6);
    const sample = healthSample(1, 0.5, layers, norms);
    expect(sample.layers[0]?.updateRatio).toBeCloseTo(0.4, 6); // 0.5·sqrt(0.2)/sqrt(0.3125)
    expect(sample.layers[0]?.effectiveLr).toBeNull();
    tf.dispose([out.loss, out.norms, x, y]);
    opt.dispose();
    compiled.dispose();
  });

  it('is the same step as optimizer.minimize and frees everything it made', async () => {
    const a = tinyNet();
    const b = tinyNet();
    const x = tf.tensor2d([
      [1, 2],
      [-1, 0.5],
    ]);
    const y = tf.tensor2d([[0.3], [-0.2]]);
    const lossOf = (m: typeof a) => () =>
      tf.losses.meanSquaredError(y, m.model.apply(x) as tf.Tensor) as tf.Scalar;
    const optA = makeOptimizer({ optimizer: 'adam', learningRate: 0.1, batchSize: 2, l2: 0 });
    const optB = makeOptimizer({ optimizer: 'adam', learningRate: 0.1, batchSize: 2, l2: 0 });
    const varsB = b.model.trainableWeights.map((w) => w.read() as tf.Variable);
    const layersB = healthLayers(b, chain([]));
    // Adam makes its slots on the first step: count after one step of each.
    optA.minimize(lossOf(a), true)?.dispose();
    tf.dispose(Object.values(measuredStep(optB, lossOf(b), varsB, layersB)));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      optA.minimize(lossOf(a), true)?.dispose();
      tf.dispose(Object.values(measuredStep(optB, lossOf(b), varsB, layersB)));
    }
    expect(tf.memory().numTensors).toBe(before);
    const wa = await a.model.getLayer('output').getWeights()[0]?.data();
    const wb = await b.model.getLayer('output').getWeights()[0]?.data();
    expect(Array.from(wb ?? [])).toEqual(Array.from(wa ?? []));
    tf.dispose([x, y]);
    optA.dispose();
    optB.dispose();
    a.dispose();
    b.dispose();
  });
});

describe('training health: effective learning rate after BatchNorm', () => {
  it('is lr/||W||² (van Laarhoven 2017)', () => {
    expect(effectiveLearningRate(0.5, Math.sqrt(0.3125))).toBeCloseTo(1.6, 12);
    expect(effectiveLearningRate(0.1, 2)).toBeCloseTo(0.025, 12);
    expect(effectiveLearningRate(0.1, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('applies to a Dense layer that feeds BatchNorm only; SGD moves it by lr·||g||', async () => {
    const graph = chain([
      ['dense', { units: 3 }],
      ['batchnorm', {}],
      ['dense', { units: 2 }],
      ['activation', {}],
    ]);
    expect(feedsOnlyBatchNorm(graph, 'n1')).toBe(true);
    expect(feedsOnlyBatchNorm(graph, 'n3')).toBe(false);
    expect(feedsOnlyBatchNorm(graph, 'output')).toBe(false);
    const events: TrainEvent[] = [];
    const s = new TrainingSession(sessionConfig(graph, {}, { optimizer: 'sgd', learningRate: 0.2 }), (e) =>
      events.push(e),
    );
    await s.setProbes({ ...NO_PROBES, health: true });
    await s.step();
    const health = events.flatMap((e) => (e.type === 'health' ? [e.sample] : []));
    expect(health).toHaveLength(1);
    const sample = health[0];
    expect(sample?.step).toBe(1);
    expect(sample?.layers.map((l) => l.nodeId)).toEqual(['n1', 'n3', 'output']);
    for (const l of sample?.layers ?? []) {
      expect(l.updateRatio).toBeCloseTo((0.2 * l.gradNorm) / l.weightNorm, 5);
      expect(l.gradNorm).toBeGreaterThan(0);
    }
    const [n1, n3] = sample?.layers ?? [];
    expect(n1?.effectiveLr).toBeCloseTo(0.2 / (n1?.weightNorm ?? 1) ** 2, 6);
    expect(n3?.effectiveLr).toBeNull();
    await s.dispose();
  });
});

describe('training health in the session', () => {
  const net = chain([
    ['dense', { units: 8 }],
    ['batchnorm', {}],
    ['activation', {}],
  ]);

  it('measures only while asked, and the run is the same step for step either way', async () => {
    const run = async (health: boolean) => {
      const events: TrainEvent[] = [];
      const s = new TrainingSession(sessionConfig(net, {}), (e) => events.push(e), { heatmapSize: 4 });
      await s.setProbes({ ...NO_PROBES, health });
      const losses: number[] = [];
      for (let i = 0; i < 6; i++) losses.push(...(await s.runSteps(5, health)));
      await s.dispose();
      return { losses, samples: events.filter((e) => e.type === 'health').length };
    };
    const on = await run(true);
    const off = await run(false);
    expect(on.samples).toBe(6);
    expect(off.samples).toBe(0);
    expect(on.losses).toEqual(off.losses);
  });

  it('leaves the tensor count flat however many steps it measures', async () => {
    const s = new TrainingSession(sessionConfig(net, {}), () => {}, { heatmapSize: 4 });
    await s.setProbes({ ...NO_PROBES, health: true });
    await s.runSteps(3, true);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) await s.runSteps(2, true);
    await s.step();
    expect(tf.memory().numTensors).toBe(before);
    await s.dispose();
  });
});

describe('training health when a measured step throws', () => {
  it('frees what the measured step made, names the step, and measures again once repaired', async () => {
    const graph = chain([['dense', { units: 6 }], ['layernorm'], ['activation', { fn: 'relu' }]]);
    const events: TrainEvent[] = [];
    const s = new TrainingSession(sessionConfig(graph, {}), (e) => events.push(e), { heatmapSize: 4 });
    await s.setProbes({ ...NO_PROBES, health: true });
    await s.runSteps(2, true);
    // n2 throws in training mode (the gradient pass), as a tfjs bug would.
    const layer = s.model.getLayer('n2') as unknown as {
      call: (inputs: unknown, kwargs: { training?: boolean }) => unknown;
    };
    const call = layer.call.bind(layer);
    layer.call = (inputs, kwargs) => {
      if (kwargs?.training) throw new TypeError("Cannot read properties of undefined (reading 'id')");
      return call(inputs, kwargs);
    };
    const before = tf.memory().numTensors;
    for (const n of [1, 3]) {
      const failure = await s.runSteps(n, true).then(
        () => null,
        (err: unknown) => err,
      );
      expect(String(failure)).toMatch(
        /Training stopped at step 2: a training step failed in LayerNorm \(n2\)/,
      );
      expect(tf.memory().numTensors).toBe(before);
    }
    expect(s.steps).toBe(2);
    layer.call = call;
    events.length = 0;
    await s.runSteps(2, true);
    expect(
      events.filter((e) => e.type === 'health').map((e) => e.type === 'health' && e.sample.step),
    ).toEqual([3]);
    await s.dispose();
  });
});

describe('training health cadence', () => {
  it('samples at once when turned on, then no sooner than its interval, or 19 times its cost', () => {
    let t = 1000;
    const h = new HealthSampler(() => t);
    expect(h.due()).toBe(false); // off
    h.setEnabled(true);
    expect(h.due()).toBe(true);
    h.ran(t - 500); // the first sample warms tfjs up: its cost does not count
    t += HEALTH_INTERVAL_MS;
    expect(h.due()).toBe(true);
    h.ran(t - 4); // a 4 ms sample: the nominal interval rules
    t += HEALTH_INTERVAL_MS - 1;
    expect(h.due()).toBe(false);
    t += 1;
    expect(h.due()).toBe(true);
    h.ran(t - 50); // a 50 ms sample: due 19 × 50 = 950 ms after it ended
    t += 949;
    expect(h.due()).toBe(false);
    t += 1;
    expect(h.due()).toBe(true);
    h.setEnabled(false);
    expect(h.due()).toBe(false);
  });

  it('keeps sampling within 5% of a simulated loop, cheap or dear (past the warm-up sample)', () => {
    for (const [groupMs, sampleMs] of [
      [25, 2],
      [25, 30],
      [200, 400],
    ] as const) {
      let t = 0;
      let sampling = 0;
      let samples = 0;
      const h = new HealthSampler(() => t);
      h.setEnabled(true);
      while (t < 600_000) {
        if (h.due()) {
          const t0 = t;
          t += sampleMs;
          if (samples++ > 0) sampling += sampleMs;
          h.ran(t0);
        } else t += groupMs;
      }
      expect(sampling / t).toBeLessThanOrEqual(0.05);
      expect(sampling / t).toBeGreaterThan(sampleMs < 10 ? 0.001 : 0.04);
    }
  });
});
