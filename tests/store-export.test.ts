import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportInput } from '../src/export/types';
import { labFromJson } from '../src/share';
import { runExport } from '../src/store/exportActions';
import { exportInputOf, featureNamesOf, graphExportProblems } from '../src/store/exportInput';
import { createAppStore } from '../src/store/store';
import { connectTrainer, type TrainerClient, type TrainerCommands } from '../src/store/trainerBridge';
import type { ModelExportRequest, ModelExportResult, NodeWeights } from '../src/train/protocol';
import { quietClient } from './fakeTrainer';

/** What the PyTorch writer was given (the real one is another branch's; this test is about the plumbing). */
const given: ExportInput[] = [];
vi.mock('../src/export/pytorch', () => ({
  exportPyTorch: (input: ExportInput) => {
    given.push(input);
    return { ok: true, fileName: 'model.py', text: 'print("hello")\n' };
  },
}));
vi.mock('../src/export/keras', () => ({
  exportKeras: () => ({ ok: false, problems: ['Keras cannot do this today.'] }),
}));

const WEIGHTS: NodeWeights = { dense1: { kernel: [1, 2, 3] } };

/** Trainer commands whose readbacks answer with fixed values (and count the model exports). */
function fakeTrainer(model: ModelExportResult | null = null) {
  const requests: ModelExportRequest[] = [];
  const trainer: TrainerCommands = {
    train: () => {},
    pause: () => {},
    step: () => {},
    reset: () => {},
    weights: async () => WEIGHTS,
    exportModel: async (request) => {
      requests.push(request);
      return model;
    },
    idle: async () => {},
    disconnect: () => {},
  };
  return { trainer, requests };
}

const fresh = () => {
  const store = createAppStore();
  return { store, st: () => store.getState() };
};

afterEach(() => {
  given.length = 0;
});

describe('exportInputOf: the current lab as an exporter input', () => {
  it('takes task and widths from the dataset, the settings, the seed, the rows and the weights', () => {
    const { st } = fresh();
    st().setData({ dataset: 'spiral3', seed: 7 });
    st().setHyper({ optimizer: 'rmsprop', learningRate: 0.01, l2: 0.001 });
    const made = exportInputOf(st(), { withData: true, weights: WEIGHTS, weightsStep: 120 });
    if (!made.ok) throw new Error(made.problems.join(' '));
    const { input } = made;
    expect(input).toMatchObject({ task: 'multiclass', inputDim: 2, outputDim: 3, seed: 7, weightsStep: 120 });
    expect(input.hyper).toEqual({ optimizer: 'rmsprop', learningRate: 0.01, batchSize: 32, l2: 0.001 });
    expect(input.graph).toBe(st().graph);
    expect(input.weights).toBe(WEIGHTS);
    expect(input.data?.featureNames).toEqual(['x1', 'x2']);
    expect(input.data?.name).toBe(st().dataset.info.label);
    expect(input.data?.xTrain).toBe(st().dataset.xTrain);
    expect(input.data?.yTest).toBe(st().dataset.yTest);
  });

  it('leaves the data out when not asked, and the step out when there are no weights', () => {
    const { st } = fresh();
    const made = exportInputOf(st(), { withData: false, weights: null, weightsStep: 50 });
    expect(made.ok && made.input).toMatchObject({
      data: null,
      weights: null,
      weightsStep: null,
      task: 'binary',
    });
  });

  it('names features x1..xN, or the dataset own names when it has one per input', () => {
    const info = fresh().st().dataset.info;
    expect(featureNamesOf({ ...info, inputDim: 4 })).toEqual(['x1', 'x2', 'x3', 'x4']);
    expect(featureNamesOf({ ...info, featureNames: ['petal', 'sepal'] } as typeof info)).toEqual([
      'petal',
      'sepal',
    ]);
  });

  it('an invalid graph: refused with every problem of the graph, tied to its node', () => {
    const { st } = fresh();
    st().removeNodes(['bn1']);
    const problems = graphExportProblems(st());
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.endsWith('[dense1]') || p.endsWith('[act1]'))).toBe(true);
    expect(exportInputOf(st(), { withData: true, weights: null, weightsStep: null })).toEqual({
      ok: false,
      problems,
    });
  });
});

describe('runExport: the Export menu items', () => {
  it('Lab file: today’s lab file, with the trained weights when asked', async () => {
    const { store } = fresh();
    const { trainer } = fakeTrainer();
    const plain = await runExport('lab', { withWeights: false, withData: true }, store, trainer);
    expect(plain).toMatchObject({ kind: 'download', fileName: 'normlab-lab.json', note: null });
    const heavy = await runExport('lab', { withWeights: true, withData: true }, store, trainer);
    if (heavy.kind !== 'download') throw new Error(heavy.kind);
    expect(heavy.fileName).toBe('normlab-lab-with-weights.json');
    const back = labFromJson(heavy.bytes as string);
    expect(back.ok && back.weights).toEqual(WEIGHTS);
  });

  it('Lab file with weights but no model yet: the file without them, and a note saying so', async () => {
    const { store } = fresh();
    const { trainer } = fakeTrainer();
    trainer.weights = async () => null;
    const out = await runExport('lab', { withWeights: true, withData: true }, store, trainer);
    expect(out).toMatchObject({
      kind: 'download',
      fileName: 'normlab-lab.json',
      note: 'The model is not built yet, so the file holds no weights.',
    });
  });

  it('PyTorch: the writer gets the lab, the data and the weights with their step, and a preview comes back', async () => {
    const { store, st } = fresh();
    st().applyMetrics({ ...metricsAt(240) });
    const { trainer } = fakeTrainer();
    const out = await runExport('pytorch', { withWeights: true, withData: true }, store, trainer);
    expect(out).toEqual({
      kind: 'preview',
      title: 'PyTorch (.py)',
      fileName: 'model.py',
      text: 'print("hello")\n',
      note: null,
    });
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({ weights: WEIGHTS, weightsStep: 240, task: 'binary' });
    expect(given[0]?.data?.xTrain).toBe(st().dataset.xTrain);
    await runExport('pytorch', { withWeights: false, withData: false }, store, trainer);
    expect(given[1]).toMatchObject({ weights: null, weightsStep: null, data: null });
  });

  it('a writer that refuses: its reasons, named after the menu item', async () => {
    const { store } = fresh();
    const out = await runExport(
      'keras',
      { withWeights: false, withData: true },
      store,
      fakeTrainer().trainer,
    );
    expect(out).toEqual({
      kind: 'refused',
      message: 'Keras (.py) export refused: Keras cannot do this today.',
    });
  });

  it('an invalid graph: code and model exports are refused with its problems; a lab file still saves it', async () => {
    const { store, st } = fresh();
    st().removeNodes(['bn1']);
    const problems = graphExportProblems(st());
    const { trainer, requests } = fakeTrainer();
    for (const kind of ['pytorch', 'keras', 'tfjs'] as const) {
      const out = await runExport(kind, { withWeights: true, withData: true }, store, trainer);
      if (out.kind !== 'refused') throw new Error(`${kind} was not refused`);
      expect(out.message).toMatch(/export refused: fix the graph first \(\d+ problems?, marked in red\): /);
      for (const p of problems) expect(out.message).toContain(p);
      expect(out.message.endsWith('Your lab is unchanged.')).toBe(true);
    }
    expect(given).toHaveLength(0);
    expect(requests).toHaveLength(0);
    expect(await runExport('lab', { withWeights: false, withData: true }, store, trainer)).toMatchObject({
      kind: 'download',
    });
  });

  it('TF.js: asks the engine for trained or initial weights, and zips model.json, weights.bin and the data', async () => {
    const { store, st } = fresh();
    const weightData = new Float32Array([1, 2, 3, 4]).buffer;
    const model: ModelExportResult = {
      ok: true,
      output: 'probabilities',
      step: 12,
      artifacts: {
        modelTopology: { class_name: 'Model' },
        format: 'layers-model',
        generatedBy: 'test',
        convertedBy: null,
        weightSpecs: [{ name: 'output/kernel', shape: [4], dtype: 'float32' }],
        weightData,
      },
    };
    const { trainer, requests } = fakeTrainer(model);
    const out = await runExport('tfjs', { withWeights: true, withData: true }, store, trainer);
    if (out.kind !== 'download') throw new Error(out.kind === 'refused' ? out.message : out.kind);
    expect(requests).toEqual([{ trained: true }]);
    expect(out.fileName).toBe('normlab-model-tfjs.zip');
    const files = unzipSync(out.bytes as Uint8Array);
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'model.json',
      'test.csv',
      'train.csv',
      'weights.bin',
    ]);
    const json = JSON.parse(strFromU8(files['model.json'] as Uint8Array));
    expect(json.weightsManifest).toEqual([{ paths: ['weights.bin'], weights: model.artifacts.weightSpecs }]);
    expect(json.userDefinedMetadata.normlab).toMatchObject({
      task: 'binary',
      trainedToStep: 12,
      inputDim: 2,
    });
    expect(new Float32Array((files['weights.bin'] as Uint8Array).slice().buffer)).toEqual(
      new Float32Array([1, 2, 3, 4]),
    );
    const train = strFromU8(files['train.csv'] as Uint8Array)
      .trim()
      .split('\n');
    expect(train[0]).toBe('x1,x2,y');
    expect(train).toHaveLength(st().dataset.yTrain.length + 1);

    const bare = await runExport('tfjs', { withWeights: false, withData: false }, store, trainer);
    expect(requests[1]).toEqual({ trained: false });
    if (bare.kind !== 'download') throw new Error(bare.kind);
    expect(Object.keys(unzipSync(bare.bytes as Uint8Array)).sort()).toEqual([
      'README.txt',
      'model.json',
      'weights.bin',
    ]);
  });

  it('TF.js with no model or a failing engine: refused with the reason', async () => {
    const { store } = fresh();
    const none = await runExport(
      'tfjs',
      { withWeights: true, withData: true },
      store,
      fakeTrainer(null).trainer,
    );
    expect(none).toEqual({
      kind: 'refused',
      message: 'TF.js model export: the model is not built yet (or the engine did not answer). Try again.',
    });
    const failed = await runExport(
      'tfjs',
      { withWeights: true, withData: true },
      store,
      fakeTrainer({ ok: false, message: 'out of memory' }).trainer,
    );
    expect(failed).toEqual({ kind: 'refused', message: 'TF.js model export failed: out of memory' });
  });
});

describe('connectTrainer: exportModel', () => {
  it('asks the engine once the model is loaded; with an invalid graph it does not ask and answers null', async () => {
    const client = minimalClient();
    const store = createAppStore();
    const commands = connectTrainer(store, client, 5);
    try {
      await commands.idle();
      expect(await commands.exportModel({ trained: true })).toEqual({ ok: false, message: 'fake' });
      expect(client.exports).toEqual([{ trained: true }]);
      store.getState().removeNodes(['bn1']);
      expect(await commands.exportModel({ trained: false })).toBeNull();
      expect(client.exports).toHaveLength(1);
    } finally {
      commands.disconnect();
    }
  });
});

function metricsAt(step: number) {
  return {
    step,
    epoch: 1,
    batchLoss: 0.5,
    trainLoss: 0.5,
    testLoss: 0.5,
    testAccuracy: 0.8,
    testR2: null,
    stepsPerSecond: 10,
    samplesPerSecond: 320,
  };
}

/** An engine that loads anything and answers every model export with a fixed refusal. */
function minimalClient(): TrainerClient & { exports: ModelExportRequest[] } {
  const exports: ModelExportRequest[] = [];
  const exportModel = async (request: ModelExportRequest) => {
    exports.push(request);
    return { ok: false as const, message: 'fake' };
  };
  return { ...quietClient({ exportModel }), exports };
}
