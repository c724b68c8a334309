import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../src/compile/compileGraph';
import * as tf from '../src/compile/tf';
import type { TfjsArtifacts, TfjsModelFacts } from '../src/export/tfjsModel';
import { buildTfjsZip, splitCsv } from '../src/export/tfjsZip';
import type { ExportData } from '../src/export/types';
import { makeNode } from '../src/graph/defaultGraph';
import type { Graph } from '../src/graph/types';
import { exportModelArtifacts } from '../src/train/modelExport';
import type { SessionConfig } from '../src/train/protocol';
import { TrainingSession } from '../src/train/session';
import { sessionConfig, useCpu } from './helpers';

beforeAll(useCpu);

/**
 * Input -> Dense(4) -> BatchNorm (center off) -> GELU ─┐
 *       └-> Dense(4) -> LayerNorm (scale off) ────────── Add -> Concatenate(with Dense(3) of Input)
 *       -> Swish -> Output: every joint and both norms, with a switched-off weight each.
 */
function dagGraph(): Graph {
  const nodes = [
    makeNode('input', 'input', 0, 0),
    makeNode('d1', 'dense', 0, 100, { units: 4 }),
    makeNode('bn', 'batchnorm', 0, 200, { center: false }),
    makeNode('gelu', 'activation', 0, 300, { fn: 'gelu' }),
    makeNode('d2', 'dense', 200, 100, { units: 4 }),
    makeNode('ln', 'layernorm', 200, 200, { scale: false }),
    makeNode('add', 'add', 100, 400),
    makeNode('d3', 'dense', 400, 100, { units: 3 }),
    makeNode('cat', 'concatenate', 100, 500),
    makeNode('act', 'activation', 100, 600, { fn: 'swish' }),
    makeNode('output', 'output', 100, 700),
  ];
  const wires: [string, string][] = [
    ['input', 'd1'],
    ['d1', 'bn'],
    ['bn', 'gelu'],
    ['input', 'd2'],
    ['d2', 'ln'],
    ['gelu', 'add'],
    ['ln', 'add'],
    ['input', 'd3'],
    ['add', 'cat'],
    ['d3', 'cat'],
    ['cat', 'act'],
    ['act', 'output'],
  ];
  return { nodes, edges: wires.map(([source, target]) => ({ id: `${source}-${target}`, source, target })) };
}

const dataOf = (c: SessionConfig): ExportData => ({
  name: 'test data',
  featureNames: ['x1', 'x2'],
  xTrain: c.data.xTrain,
  yTrain: c.data.yTrain,
  xTest: c.data.xTest,
  yTest: c.data.yTest,
});

const factsOf = (c: SessionConfig, step: number | null): TfjsModelFacts => ({
  ...c.ctx,
  featureNames: ['x1', 'x2'],
  step,
  output: c.ctx.task === 'regression' ? 'values' : 'probabilities',
  datasetName: 'test data',
});

/** Unzips the export and loads it the way a TF.js user would (tf.io.fromMemory stands in for the files). */
async function loadFromZip(zip: Uint8Array) {
  const files = unzipSync(zip);
  const modelJson = JSON.parse(strFromU8(files['model.json'] as Uint8Array));
  const bin = files['weights.bin'] as Uint8Array;
  const manifest = modelJson.weightsManifest as { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  expect(manifest).toHaveLength(1);
  expect(manifest[0]?.paths).toEqual(['weights.bin']);
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
  const model = await loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: manifest[0]?.weights,
      weightData,
    }),
  );
  return { model, files, modelJson };
}

/** The largest absolute difference between the loaded model's outputs and `expected`, on `x`. */
function maxDiff(model: tf.LayersModel, x: tf.Tensor2D, expected: tf.Tensor): number {
  return tf.tidy(() => {
    const got = model.predict(x) as tf.Tensor;
    expect(got.shape).toEqual(expected.shape);
    return tf.max(tf.abs(tf.sub(got, expected))).dataSync()[0] as number;
  });
}

/** What the app's model gives, through the head the export appends (sigmoid, softmax or none). */
function appOutputs(model: tf.LayersModel, x: tf.Tensor2D, task: SessionConfig['ctx']['task']): tf.Tensor {
  return tf.tidy(() => {
    const logits = model.predict(x) as tf.Tensor;
    return task === 'binary' ? tf.sigmoid(logits) : task === 'multiclass' ? tf.softmax(logits) : logits;
  });
}

describe('TF.js model export: model.json + weights.bin load back with tf.loadLayersModel', () => {
  const cases = [
    { task: 'binary', data: { dataset: 'circle' } },
    { task: 'multiclass', data: { dataset: 'spiral3' } },
    { task: 'regression', data: { dataset: 'wave' } },
  ] as const;
  for (const { task, data } of cases) {
    it(`a trained ${task} DAG with BN (center off), LN (scale off), Add and Concatenate: same outputs to 1e-6`, async () => {
      const config = sessionConfig(dagGraph(), { ...data, samples: 200 });
      expect(config.ctx.task).toBe(task);
      const session = new TrainingSession(config, () => {}, { heatmapSize: 4 });
      await session.runSteps(8);
      const before = tf.memory().numTensors;
      const res = await exportModelArtifacts(config, session.model, session.steps, { trained: true });
      expect(tf.memory().numTensors, 'the copy is freed').toBe(before);
      if (!res.ok) throw new Error(res.message);
      expect(res.step).toBe(8);
      expect(res.output).toBe(task === 'regression' ? 'values' : 'probabilities');
      expect(res.artifacts.format).toBe('layers-model');

      const zip = buildTfjsZip(res.artifacts, factsOf(config, res.step), dataOf(config));
      const { model, files, modelJson } = await loadFromZip(zip);
      expect(Object.keys(files).sort()).toEqual([
        'README.txt',
        'model.json',
        'test.csv',
        'train.csv',
        'weights.bin',
      ]);
      expect(modelJson.userDefinedMetadata.normlab).toMatchObject({ task, trainedToStep: 8 });
      const x = tf.tensor2d(config.data.xTest, [config.data.xTest.length / 2, 2]);
      const expected = appOutputs(session.model, x, task);
      const diff = maxDiff(model, x, expected);
      console.log(`TF.js export round trip (${task}): largest output difference ${diff.toExponential(2)}`);
      expect(diff).toBeLessThanOrEqual(1e-6);
      // The weights really are the trained ones: the seed's initial model differs.
      const fresh = compileGraph(config.graph, config.ctx, config.seed);
      const initial = appOutputs(fresh.model, x, task);
      expect(maxDiff(model, x, initial)).toBeGreaterThan(1e-3);
      tf.dispose([x, expected, initial]);
      fresh.dispose();
      model.dispose();
      await session.dispose();
    });
  }

  it('without trained weights: the seed initial weights (what Reset gives), step null', async () => {
    const config = sessionConfig(dagGraph(), { samples: 100 });
    const session = new TrainingSession(config, () => {}, { heatmapSize: 4 });
    await session.runSteps(5);
    const res = await exportModelArtifacts(config, session.model, session.steps, { trained: false });
    if (!res.ok) throw new Error(res.message);
    expect(res.step).toBeNull();
    const { model } = await loadFromZip(buildTfjsZip(res.artifacts, factsOf(config, null), null));
    const fresh = compileGraph(config.graph, config.ctx, config.seed);
    const x = tf.tensor2d(config.data.xTest, [config.data.xTest.length / 2, 2]);
    const expected = appOutputs(fresh.model, x, 'binary');
    expect(maxDiff(model, x, expected)).toBeLessThanOrEqual(1e-6);
    tf.dispose([x, expected]);
    fresh.dispose();
    model.dispose();
    await session.dispose();
  });

  it('the live model is only read: its outputs and layers are the same after the export', async () => {
    const config = sessionConfig(dagGraph(), { samples: 100 });
    const session = new TrainingSession(config, () => {}, { heatmapSize: 4 });
    await session.runSteps(3);
    const x = tf.tensor2d([0.5, -1, 2, 0.25], [2, 2]);
    const before = tf.tidy(() => session.model.predict(x) as tf.Tensor);
    const layers = session.model.layers.length;
    const res = await exportModelArtifacts(config, session.model, session.steps, { trained: true });
    expect(res.ok).toBe(true);
    expect(session.model.layers.length).toBe(layers);
    expect(maxDiff(session.model, x, before)).toBe(0);
    tf.dispose([x, before]);
    await session.dispose();
  });

  it('a live model that does not match the graph: refused with the reason, nothing leaked', async () => {
    const config = sessionConfig(dagGraph(), { samples: 100 });
    const other = compileGraph(makeChain(), config.ctx, 1);
    const before = tf.memory().numTensors;
    const res = await exportModelArtifacts(config, other.model, 3, { trained: true });
    expect(res.ok).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
    other.dispose();
  });

  it('refuses artifacts whose weights.bin would not match the manifest', () => {
    const artifacts: TfjsArtifacts = {
      modelTopology: {},
      format: 'layers-model',
      generatedBy: 'test',
      convertedBy: null,
      weightSpecs: [{ name: 'd/kernel', shape: [2, 3], dtype: 'float32' }],
      weightData: new ArrayBuffer(20),
    };
    const facts = factsOf(sessionConfig(dagGraph(), { samples: 50 }), null);
    expect(() => buildTfjsZip(artifacts, facts, null)).toThrow(
      'The weights hold 20 bytes; the manifest needs 24.',
    );
  });

  it('writes the data as CSV that reads back to the same float32 values', () => {
    const x = new Float32Array([0.1, -2.5, 1e-7, 3.3333333]);
    const y = new Float32Array([1, 0]);
    const text = splitCsv(['a', 'b'], x, y);
    const rows = text.trim().split('\n');
    expect(rows[0]).toBe('a,b,y');
    const back = rows.slice(1).flatMap((r) => r.split(',').map(Number));
    expect(Float32Array.from(back)).toEqual(new Float32Array([0.1, -2.5, 1, 1e-7, 3.3333333, 0]));
  });
});

function makeChain(): Graph {
  const nodes = [
    makeNode('input', 'input', 0, 0),
    makeNode('d1', 'dense', 0, 100, { units: 5 }),
    makeNode('output', 'output', 0, 200),
  ];
  return {
    nodes,
    edges: [
      { id: 'a', source: 'input', target: 'd1' },
      { id: 'b', source: 'd1', target: 'output' },
    ],
  };
}
