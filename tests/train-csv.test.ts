import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../src/compile/tf';
import { csvDataset } from '../src/data/csv/dataset';
import { readCsvText } from '../src/data/csv/read';
import type { CsvChoice } from '../src/data/csv/types';
import { DEFAULT_DATA } from '../src/data/datasets';
import type { Heatmap, SessionConfig, TrainEvent } from '../src/train/protocol';
import { NO_PROBES } from '../src/train/protocol';
import { TrainingSession } from '../src/train/session';
import { chain, useCpu } from './helpers';

beforeAll(useCpu);

/** The e2e fixture: 4 features (two of noise, two that separate 3 classes), 300 rows. */
async function fixtureConfig(plane?: readonly [number, number]): Promise<SessionConfig> {
  const text = readFileSync(new URL('../e2e/fixtures/four-features.csv', import.meta.url), 'utf8');
  const read = await readCsvText(text, 'four-features.csv');
  if (!read.ok) throw new Error(read.error);
  const t = read.table;
  const csv: CsvChoice = {
    file: t.name,
    hash: t.hash,
    rows: t.rows,
    columns: t.columns.map((c) => c.name),
    features: [0, 1, 2, 3],
    target: 4,
    task: 'multiclass',
    classes: 3,
    dropBadRows: false,
  };
  const ds = csvDataset(t, csv, { ...DEFAULT_DATA, dataset: 'csv', csv, seed: 2, trainFraction: 0.7 });
  const { info } = ds;
  return {
    graph: chain([
      ['dense', { units: 8 }],
      ['batchnorm', {}],
      ['activation', { fn: 'relu' }],
    ]),
    ctx: { inputDim: info.inputDim, outputDim: info.outputDim, task: info.task },
    data: { xTrain: ds.xTrain, yTrain: ds.yTrain, xTest: ds.xTest, yTest: ds.yTest, domain: info.domain },
    hyper: { optimizer: 'adam', learningRate: 0.05, batchSize: 32, l2: 0 },
    seed: 1,
    ...(plane ? { plane } : {}),
  };
}

const heatmaps = (events: TrainEvent[]) =>
  events
    .filter((e): e is Extract<TrainEvent, { type: 'heatmap' }> => e.type === 'heatmap')
    .map((e) => e.heatmap);

/** The most likely class in each heatmap cell. */
function classes(h: Heatmap): number[] {
  return Array.from({ length: h.size * h.size }, (_, i) => {
    const p = Array.from(h.values.subarray(i * h.channels, (i + 1) * h.channels));
    return p.indexOf(Math.max(...p));
  });
}

describe('training on imported data with four features', () => {
  it('learns the fixture, and its boundary is a slice over the two chosen features', async () => {
    const tensors = tf.memory().numTensors;
    const events: TrainEvent[] = [];
    const s = new TrainingSession(await fixtureConfig([2, 3]), (e) => events.push(e), { heatmapSize: 20 });
    await s.runSteps(300);
    const evaluation = await s.evaluate();
    expect(evaluation.testAccuracy).toBeGreaterThan(0.9);
    events.length = 0;
    await s.reportHeatmap();
    const [slice23] = heatmaps(events);
    expect(slice23?.channels).toBe(3);
    // Over the separating features all three classes show; over the noise features (the others at
    // their mean, 0, where classes meet), the picture holds fewer.
    expect(new Set(classes(slice23 as Heatmap)).size).toBe(3);
    events.length = 0;
    await s.setPlane([0, 1]);
    const [slice01] = heatmaps(events);
    expect(classes(slice01 as Heatmap)).not.toEqual(classes(slice23 as Heatmap));
    events.length = 0;
    await s.setPlane([2, 3]);
    expect(heatmaps(events)[0]?.values).toEqual(slice23?.values);
    await s.dispose();
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('a single feature: the boundary varies across only, and the probes still run', async () => {
    const config = await fixtureConfig();
    const d = config.ctx.inputDim;
    const pick = (x: Float32Array) =>
      Float32Array.from({ length: x.length / d }, (_, i) => x[i * d + 2] as number);
    const one: SessionConfig = {
      ...config,
      ctx: { ...config.ctx, inputDim: 1 },
      data: { ...config.data, xTrain: pick(config.data.xTrain), xTest: pick(config.data.xTest) },
      plane: [0, -1],
    };
    const events: TrainEvent[] = [];
    const s = new TrainingSession(one, (e) => events.push(e), { heatmapSize: 8 });
    await s.runSteps(30);
    events.length = 0;
    await s.reportHeatmap();
    const [h] = heatmaps(events);
    const rows = classes(h as Heatmap);
    // Every row of the grid is the same: only the horizontal position matters.
    for (let r = 1; r < 8; r++) expect(rows.slice(r * 8, r * 8 + 8)).toEqual(rows.slice(0, 8));
    events.length = 0;
    await s.setProbes({
      ...NO_PROBES,
      warp: { nodeId: 'n1' },
      batch: { nodeId: 'n2', unit: 0, point: [0.5, 2] },
    });
    expect(events.filter((e) => e.type === 'probeError')).toEqual([]);
    expect(events.some((e) => e.type === 'warp')).toBe(true);
    await s.dispose();
  });

  it('the warped grid and batch dependence live in the same slice', async () => {
    const events: TrainEvent[] = [];
    const s = new TrainingSession(await fixtureConfig([2, 3]), (e) => events.push(e), { heatmapSize: 10 });
    await s.runSteps(20);
    events.length = 0;
    await s.setProbes({
      ...NO_PROBES,
      warp: { nodeId: 'n1' },
      batch: { nodeId: 'n2', unit: 0, point: [1, -1] },
    });
    const warp = events.find((e) => e.type === 'warp');
    const batch = events.find((e) => e.type === 'batchDependence');
    expect(events.filter((e) => e.type === 'probeError')).toEqual([]);
    expect(warp?.type === 'warp' && warp.report.width).toBe(8);
    expect(batch?.type === 'batchDependence' && batch.report.trainingSpread).toBeGreaterThan(0);
    // Another slice moves the point to other inputs: the probe's output changes.
    const before = batch?.type === 'batchDependence' ? batch.report.inference : null;
    events.length = 0;
    await s.setPlane([0, 1]);
    const after = events.find((e) => e.type === 'batchDependence');
    expect(after?.type === 'batchDependence' && after.report.inference).not.toBe(before);
    await s.dispose();
  });
});
