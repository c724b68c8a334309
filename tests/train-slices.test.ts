import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../src/compile/tf';
import { evaluateModel } from '../src/train/evaluate';
import { computeHeatmap } from '../src/train/heatmap';
import type { TrainEvent } from '../src/train/protocol';
import { TrainingSession } from '../src/train/session';
import { inferInSlices, inferOnce, type SliceControl, SliceSizer } from '../src/train/slices';
import { chain, sessionConfig, useCpu } from './helpers';

beforeAll(useCpu);

const net = chain([
  ['dense', { units: 8 }],
  ['batchnorm'],
  ['activation', { fn: 'relu' }],
  ['dense', { units: 4 }],
]);

/** A trained session (BatchNorm's running statistics moved away from 0 and 1). */
async function trained(): Promise<TrainingSession> {
  const s = new TrainingSession(sessionConfig(net, { dataset: 'circle' }), () => {}, { heatmapSize: 12 });
  await s.runSteps(40);
  return s;
}

/** Slices driven by a clock that moves `msPerCall` at every reading, counting the yields. */
function control(targetMs: number, firstRows: number, stopAfterSlices = Number.POSITIVE_INFINITY) {
  let t = 0;
  let slices = 0;
  const c = {
    yields: 0,
    sizer: new SliceSizer(targetMs, firstRows),
    now: () => {
      t += 5;
      return t;
    },
    stop: () => slices++ >= stopAfterSlices,
    yieldNow: async () => {
      c.yields++;
      await new Promise((r) => setImmediate(r));
    },
  } satisfies SliceControl & { yields: number };
  return c;
}

describe('slice sizing', () => {
  it('sizes each slice to the target from the mean cost per row of the last slices (hand computed)', () => {
    const s = new SliceSizer(50, 64);
    expect(s.rows()).toBe(64);
    s.record(64, 32); // 0.5 ms a row: 50 / 0.5
    expect(s.rows()).toBe(100);
    s.record(100, 100); // mean of 0.5 and 1: 50 / 0.75 = 66.7
    expect(s.rows()).toBe(66);
    s.record(66, 0); // mean of 0.75 and 0: 50 / 0.375 = 133.3
    expect(s.rows()).toBe(133);
    s.record(0, 10); // no rows: ignored
    expect(s.rows()).toBe(133);
    const dear = new SliceSizer(50, 64);
    dear.record(64, 6400); // 100 ms a row: never fewer than one row
    expect(dear.rows()).toBe(1);
  });

  it('lets everything through in one slice when a slice measured no time (WebGL queues its passes)', () => {
    const s = new SliceSizer(50, 64);
    s.record(64, 0);
    expect(s.rows()).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('inference in slices', () => {
  it('gives the rows of one pass, slice by slice, with a yield between slices', async () => {
    const s = await trained();
    const grid = tf.randomUniform([150, 2], -6, 6, 'float32', 3) as tf.Tensor2D;
    const whole = tf.tidy(() => s.model.apply(grid, { training: false }) as tf.Tensor);
    // Every slice "takes" 5 ms (one clock reading before it, one after): the cost per row is the
    // mean of the last two, so the slices are 10, 10/0.5 = 20, 10/0.375 = 26, 10/0.2837 = 35,
    // 10/0.2133 = 46 rows and the last 13: six slices, five yields.
    const c = control(10, 10);
    const sliced = await inferInSlices(s.model, grid, c);
    expect(sliced?.shape).toEqual([150, 1]);
    expect(Array.from((await sliced?.data()) ?? [])).toEqual(Array.from(await whole.data()));
    expect(c.yields).toBe(5);
    tf.dispose([grid, whole, sliced as tf.Tensor]);
    await s.dispose();
  });

  it('gives up between slices when told to, leaving no tensor behind', async () => {
    const s = await trained();
    const grid = tf.randomUniform([150, 2], -6, 6) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    const c = control(10, 10, 3);
    expect(await inferInSlices(s.model, grid, c)).toBeNull();
    expect(c.yields).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
    grid.dispose();
    await s.dispose();
  });

  it('evaluates and draws the boundary in slices exactly as in one pass', async () => {
    const s = await trained();
    const cfg = sessionConfig(net, { dataset: 'circle' });
    const x = tf.tensor2d(cfg.data.xTest, [cfg.data.yTest.length, 2]);
    const y = tf.tensor2d(cfg.data.yTest, [cfg.data.yTest.length, 1]);
    const train = { x, y };
    const c = control(10, 16);
    const sliced = (m: tf.LayersModel, rows: tf.Tensor2D) => inferInSlices(m, rows, c);
    const once = await evaluateModel(s.model, x, y, 'binary', train);
    expect(await evaluateModel(s.model, x, y, 'binary', train, sliced)).toEqual(once);
    const grid = tf.randomUniform([64, 2], -6, 6) as tf.Tensor2D;
    const values = await grid.data();
    const ctx = cfg.ctx;
    const a = await computeHeatmap(s.model, grid, values as Float32Array, ctx, 8, 40, inferOnce);
    const b = await computeHeatmap(s.model, grid, values as Float32Array, ctx, 8, 40, sliced);
    expect(b).toEqual(a);
    const before = tf.memory().numTensors;
    const stopping = control(10, 16, 1);
    const gaveUp = (m: tf.LayersModel, rows: tf.Tensor2D) => inferInSlices(m, rows, stopping);
    expect(await evaluateModel(s.model, x, y, 'binary', train, gaveUp)).toBeNull();
    expect(await computeHeatmap(s.model, grid, values as Float32Array, ctx, 8, 40, gaveUp)).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y, grid]);
    await s.dispose();
  });
});

describe('a Pause during a long refresh', () => {
  it('gives the running loop’s boundary refresh up at the next slice, then reports the paused model once', async () => {
    const events: TrainEvent[] = [];
    // The boundary is due after every chunk and cut into one-row slices (a target of 1 µs).
    const s = new TrainingSession(sessionConfig(net, { dataset: 'circle' }), (e) => events.push(e), {
      heatmapSize: 40,
      heatmapIntervalMs: 0,
      metricsIntervalMs: 1e9,
      sliceMs: 0.001,
    });
    await s.runSteps(1);
    const base = tf.memory().numTensors;
    s.start();
    // Where the loop lets other work in, between chunks it holds no extra tensor; inside a sliced
    // refresh it holds the slices done so far.
    let polls = 0;
    do {
      polls++;
      await new Promise((r) => setImmediate(r));
    } while (tf.memory().numTensors <= base && polls < 100_000);
    expect(tf.memory().numTensors).toBeGreaterThan(base);
    const heatmaps = () => events.filter((e) => e.type === 'heatmap').length;
    const before = heatmaps();
    await s.pause();
    // The refresh under way was given up: the only boundary since is the paused model's.
    expect(heatmaps()).toBe(before + 1);
    expect(tf.memory().numTensors).toBe(base);
    const loop = s.timings.loop;
    expect(loop.heatmapMs).toBeGreaterThan(0);
    expect(loop.runningMs).toBeGreaterThanOrEqual(loop.heatmapMs + loop.stepsMs);
    await s.dispose();
  });
});
