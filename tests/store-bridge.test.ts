import { afterEach, describe, expect, it, vi } from 'vitest';
import { labOf } from '../src/store/labSlice';
import { createAppStore } from '../src/store/store';
import { connectTrainer, type TrainerCommands, WEIGHTS_TIMEOUT_MS } from '../src/store/trainerBridge';
import type { Heatmap, NodeWeights } from '../src/train/protocol';
import { NO_PROBES } from '../src/train/protocol';
import { FakeClient, metricsAt } from './fakeTrainer';

const connected: TrainerCommands[] = [];
afterEach(() => {
  for (const c of connected.splice(0)) c.disconnect();
});

async function setup(client = new FakeClient()) {
  const store = createAppStore();
  const commands = connectTrainer(store, client, 10);
  connected.push(commands);
  await commands.idle();
  return { store, client, commands, st: () => store.getState() };
}

describe('connectTrainer: start-up', () => {
  it('initializes the backend, loads the model once with graph, data, hyper and seed, and is ready', async () => {
    const { st, client } = await setup();
    expect(client.names()).toEqual(['init', 'load']);
    expect(client.calls[0]).toEqual({ name: 'init', pref: 'auto' });
    expect(st().status).toBe('ready');
    expect(st().backend).toEqual({ name: 'cpu', reason: 'fake auto' });
    const [config] = client.loads();
    const s = st();
    expect(config?.graph).toBe(s.graph);
    expect(config?.ctx).toEqual({ inputDim: 2, outputDim: 1, task: 'binary' });
    expect(config?.hyper).toEqual(s.hyper);
    expect(config?.seed).toBe(s.data.seed);
    expect(config?.data.xTrain).toBe(s.dataset.xTrain);
    expect(config?.data.yTest).toBe(s.dataset.yTest);
    expect(config?.data.domain).toEqual([-6, 6]);
    // The step-0 metrics sent during load survive the load (clearRun runs before it).
    expect(st().lossHistory).toEqual([{ step: 0, train: null, test: 0.69, accuracy: 0.5 }]);
    expect(st().metrics?.step).toBe(0);
    expect(st().compiledParams).toEqual({ fake: 8 });
  });

  it('is "starting", then "loading", then "ready"', async () => {
    const store = createAppStore();
    const seen: string[] = [];
    store.subscribe((s, prev) => {
      if (s.status !== prev.status) seen.push(s.status);
    });
    const commands = connectTrainer(store, new FakeClient(), 10);
    connected.push(commands);
    await commands.idle();
    expect(seen).toEqual(['loading', 'ready']);
    expect(store.getState().status).toBe('ready');
  });
});

describe('connectTrainer: rebuilding the model', () => {
  it('does not reload when a node only moves or is selected', async () => {
    const { st, client, commands } = await setup();
    st().moveNode('bn1', { x: 999, y: 999 });
    st().selectNode('bn1');
    await commands.idle();
    expect(client.count('load')).toBe(1);
    expect(st().status).toBe('ready');
  });

  it('reloads when a parameter changes, once for three quick changes (debounced)', async () => {
    const { st, client, commands } = await setup();
    st().setParam('dense1', 'units', 16);
    st().setParam('dense1', 'units', 12);
    st().setParam('dense2', 'units', 4);
    await commands.idle();
    expect(client.count('load')).toBe(2);
    const last = client.loads().at(-1);
    const units = Object.fromEntries(last?.graph.nodes.map((n) => [n.id, n.params.units]) ?? []);
    expect(units.dense1).toBe(12);
    expect(units.dense2).toBe(4);
    expect(st().status).toBe('ready');
  });

  it('waits for a pause in edits: each edit within the debounce restarts the wait', async () => {
    const { st, client, commands } = await setup();
    vi.useFakeTimers();
    try {
      // Edits 7 ms apart with a 10 ms debounce: 21 ms of edits, no load until 10 ms after the last.
      st().setParam('dense1', 'units', 16);
      await vi.advanceTimersByTimeAsync(7);
      st().setParam('dense1', 'units', 12);
      await vi.advanceTimersByTimeAsync(7);
      st().setParam('dense1', 'units', 4);
      await vi.advanceTimersByTimeAsync(7);
      expect(client.count('load')).toBe(1);
      await vi.advanceTimersByTimeAsync(5);
      expect(client.count('load')).toBe(2);
    } finally {
      vi.useRealTimers();
    }
    await commands.idle();
    expect(client.count('load')).toBe(2);
    expect(
      client
        .loads()
        .at(-1)
        ?.graph.nodes.find((n) => n.id === 'dense1')?.params.units,
    ).toBe(4);
  });

  it('a reload clears the previous run: heatmap, problem and old loss points', async () => {
    const { st, client, commands } = await setup();
    commands.train();
    await commands.idle();
    client.emit({ type: 'metrics', metrics: metricsAt(40, 0.2) });
    client.emit({
      type: 'heatmap',
      heatmap: { size: 1, channels: 1, values: new Float32Array([1]), step: 40, nonlinearity: 1 },
    });
    client.emit({ type: 'diverged', step: 41, message: 'NaN' });
    client.emit({ type: 'status', running: false });
    st().setParam('dense2', 'units', 6);
    await commands.idle();
    const s = st();
    expect(s.status).toBe('ready');
    expect(s.heatmap).toBeNull();
    expect(s.trainingProblem).toBeNull();
    expect(s.lossHistory).toEqual([{ step: 0, train: null, test: 0.69, accuracy: 0.5 }]);
    commands.train();
    expect(st().status).toBe('running');
  });

  it('reloads with the new data when the dataset changes', async () => {
    const { st, client, commands } = await setup();
    st().setData({ dataset: 'spiral3' });
    await commands.idle();
    expect(client.count('load')).toBe(2);
    expect(client.loads().at(-1)?.ctx).toEqual({ inputDim: 2, outputDim: 3, task: 'multiclass' });
    st().setData({ seed: 9 });
    await commands.idle();
    expect(client.count('load')).toBe(3);
    expect(client.loads().at(-1)?.seed).toBe(9);
  });

  it('an invalid graph: status "invalid", no load, the engine paused; repairing it reloads', async () => {
    const { st, client, commands } = await setup();
    st().removeNodes(['bn1']);
    await commands.idle();
    expect(st().status).toBe('invalid');
    expect(client.count('load')).toBe(1);
    expect(client.names().at(-1)).toBe('pause');
    commands.train();
    await commands.idle();
    expect(client.count('start')).toBe(0);
    expect(st().status).toBe('invalid');
    commands.step();
    await commands.idle();
    expect(client.count('step')).toBe(0);
    st().connect('dense1', 'act1');
    await commands.idle();
    expect(client.count('load')).toBe(2);
    expect(st().status).toBe('ready');
  });
});

describe('connectTrainer: commands', () => {
  it('train sets "running" and starts the engine; pause forwards', async () => {
    const { st, client, commands } = await setup();
    commands.train();
    expect(st().status).toBe('running');
    await commands.idle();
    expect(client.names().slice(2)).toEqual(['start']);
    commands.pause();
    await commands.idle();
    expect(client.names().slice(2)).toEqual(['start', 'pause']);
    client.emit({ type: 'status', running: false });
    expect(st().status).toBe('ready');
  });

  it('Train pressed inside the debounce window loads the edited model first, then starts it', async () => {
    const { st, client, commands } = await setup();
    st().setParam('dense1', 'units', 12);
    commands.train();
    await commands.idle();
    const names = client.names();
    expect(names.slice(-2)).toEqual(['load', 'start']);
    expect(
      client
        .loads()
        .at(-1)
        ?.graph.nodes.find((n) => n.id === 'dense1')?.params.units,
    ).toBe(12);
    expect(st().status).toBe('running');
  });

  it('Train pressed right after an edit that breaks the graph starts nothing', async () => {
    const { st, client, commands } = await setup();
    st().removeNodes(['bn1']);
    st().setStatus('ready'); // as the UI still showed before the debounce fired
    commands.train();
    await commands.idle();
    expect(client.count('start')).toBe(0);
    expect(st().status).toBe('invalid');
  });

  it('Train or Step pressed right after the edit that repairs an invalid graph loads it, then acts', async () => {
    const { st, client, commands } = await setup();
    st().removeNodes(['act1']);
    await commands.idle();
    expect(st().status).toBe('invalid');
    st().connect('bn1', 'dense2'); // repaired; its load still waits in the debounce window
    commands.train();
    await commands.idle();
    expect(client.names().slice(-2)).toEqual(['load', 'start']);
    expect(st().status).toBe('running');
    commands.pause();
    st().removeNodes(['act2']);
    await commands.idle();
    st().connect('bn2', 'output');
    commands.step();
    await commands.idle();
    expect(client.names().slice(-2)).toEqual(['load', 'step']);
  });

  it('step only runs from "ready"', async () => {
    const { st, client, commands } = await setup();
    commands.step();
    await commands.idle();
    expect(client.count('step')).toBe(1);
    commands.train();
    commands.step();
    await commands.idle();
    expect(st().status).toBe('running');
    expect(client.count('step')).toBe(1);
  });

  it('reset pauses, clears the run (keeping compiled counts), is ready and resets the engine', async () => {
    const { st, client, commands } = await setup();
    commands.train();
    client.emit({ type: 'metrics', metrics: metricsAt(50, 0.3) });
    expect(st().lossHistory).toHaveLength(2);
    commands.reset();
    await commands.idle();
    expect(client.names().slice(2)).toEqual(['start', 'pause', 'reset']);
    expect(st().status).toBe('ready');
    expect(st().lossHistory).toEqual([]);
    expect(st().compiledParams).toEqual({ fake: 8 });
  });

  it('forwards hyperparameters to the engine', async () => {
    const { st, client, commands } = await setup();
    st().setHyper({ learningRate: 0.5, optimizer: 'sgd' });
    await commands.idle();
    const sent = client.calls.filter((c) => c.name === 'setHyper');
    expect(sent).toEqual([
      { name: 'setHyper', hyper: { optimizer: 'sgd', learningRate: 0.5, batchSize: 32, l2: 0 } },
    ]);
    // Hyperparameters do not rebuild the model.
    expect(client.count('load')).toBe(1);
  });

  it('a backend change initializes the engine again with it, then reloads', async () => {
    const { st, client, commands } = await setup();
    st().setBackendPref('wasm');
    await commands.idle();
    expect(client.names()).toEqual(['init', 'load', 'init', 'load']);
    expect(client.calls[2]).toEqual({ name: 'init', pref: 'wasm' });
    expect(st().backend).toEqual({ name: 'wasm', reason: 'fake wasm' });
    expect(st().status).toBe('ready');
  });

  it('disconnect stops listening and disposes the engine', async () => {
    const { st, client, commands } = await setup();
    connected.splice(0);
    commands.disconnect();
    st().setParam('dense1', 'units', 3);
    await new Promise((r) => setTimeout(r, 40));
    expect(client.names()).toEqual(['init', 'load', 'dispose']);
  });
});

describe('connectTrainer: engine events', () => {
  it('metrics and heatmaps land in the store', async () => {
    const { st, client } = await setup();
    client.emit({ type: 'metrics', metrics: metricsAt(25, 0.4) });
    expect(st().metrics?.step).toBe(25);
    expect(st().lossHistory.map((p) => p.step)).toEqual([0, 25]);
    const heatmap: Heatmap = {
      size: 2,
      channels: 1,
      values: new Float32Array([0, 0.25, 0.5, 1]),
      step: 25,
      nonlinearity: 0.5,
    };
    client.emit({ type: 'heatmap', heatmap });
    expect(st().heatmap).toBe(heatmap);
    client.emit({ type: 'backend', backend: { name: 'wasm', reason: 'fell back' } });
    expect(st().backend?.name).toBe('wasm');
  });

  it('a divergence sets the problem (shown once, beside Train, not also as a toast); train is refused until reset', async () => {
    const { st, client, commands } = await setup();
    commands.train();
    await commands.idle();
    const message = 'Training paused at step 7: the loss became NaN (not a number).';
    client.emit({ type: 'diverged', step: 7, message });
    client.emit({ type: 'status', running: false });
    expect(st().trainingProblem).toBe(message);
    expect(st().notice).toBeNull();
    expect(st().status).toBe('ready');
    commands.train();
    commands.step();
    await commands.idle();
    expect(st().status).toBe('ready');
    expect(client.count('start')).toBe(1);
    expect(client.count('step')).toBe(0);
    commands.reset();
    await commands.idle();
    expect(st().trainingProblem).toBeNull();
    commands.train();
    await commands.idle();
    expect(st().status).toBe('running');
    expect(client.count('start')).toBe(2);
  });

  it('a training error is shown beside Train and on its node, and Train stays usable (it tries again)', async () => {
    const { st, client, commands } = await setup();
    commands.train();
    await commands.idle();
    client.emit({
      type: 'error',
      message: 'Training stopped at step 3: a training step failed in LayerNorm (n2).',
      nodeId: 'n2',
    });
    client.emit({ type: 'status', running: false });
    expect(st().trainingProblem).toMatch(/failed in LayerNorm/);
    expect(st().trainingProblemKind).toBe('error');
    expect(st().problemNodeId).toBe('n2');
    expect(st().notice).toBeNull();
    commands.train();
    await commands.idle();
    expect(client.count('start')).toBe(2);
    expect(st().status).toBe('running');
    expect(st().trainingProblem).toBeNull();
    expect(st().problemNodeId).toBeNull();
  });

  it('a notice event (recovered GPU loss) is announced without blocking training', async () => {
    const { st, client } = await setup();
    client.emit({ type: 'notice', message: 'The GPU (WebGL) context was lost' });
    expect(st().notice).toMatchObject({ kind: 'error', text: 'The GPU (WebGL) context was lost' });
    expect(st().trainingProblem).toBeNull();
  });

  it('a status event does not overwrite "invalid"', async () => {
    const { st, client, commands } = await setup();
    st().removeNodes(['bn2']);
    await commands.idle();
    expect(st().status).toBe('invalid');
    client.emit({ type: 'status', running: false });
    expect(st().status).toBe('invalid');
  });
});

describe('connectTrainer: failures', () => {
  it('a load that fails sets "failed" and an error notice with the message', async () => {
    const client = new FakeClient();
    client.loadResult = () => ({ ok: false, message: 'Out of GPU memory.' });
    const { st, commands } = await setup(client);
    expect(st().status).toBe('failed');
    expect(st().notice?.kind).toBe('error');
    expect(st().notice?.text).toContain('Out of GPU memory.');
    commands.train();
    await commands.idle();
    expect(client.count('start')).toBe(0);
  });

  it('an init that rejects sets "failed" with a notice and no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const client = new FakeClient();
      client.initResult = async () => {
        throw new Error('WASM binary not found');
      };
      const { st } = await setup(client);
      await new Promise((r) => setTimeout(r, 20));
      expect(st().status).toBe('failed');
      expect(st().notice?.kind).toBe('error');
      expect(st().notice?.text).toContain('WASM binary not found');
      expect(client.count('load')).toBe(0);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('after a failed init, graph edits load nothing into the dead engine and the reason stays', async () => {
    const client = new FakeClient();
    client.initResult = async () => {
      throw new Error('WASM binary not found');
    };
    const { st, commands } = await setup(client);
    st().setParam('dense1', 'units', 12);
    await commands.idle();
    expect(client.count('load')).toBe(0);
    expect(st().status).toBe('failed');
    expect(st().failure).toContain('WASM binary not found');
  });

  it('recovers after a failed init when the backend is changed', async () => {
    const client = new FakeClient();
    client.initResult = async (pref) => {
      if (pref === 'auto') throw new Error('no backend');
      return { name: 'cpu', reason: 'fake' };
    };
    const { st, commands } = await setup(client);
    expect(st().status).toBe('failed');
    st().setBackendPref('cpu');
    await commands.idle();
    expect(st().status).toBe('ready');
    expect(client.count('load')).toBe(1);
  });
});

describe('connectTrainer: analysis probes', () => {
  it('sends the open panel’s request at start and whenever it changes, once per change', async () => {
    const { st, client, commands } = await setup();
    expect(client.probes).toEqual([{ ...NO_PROBES, distributions: { nodeId: 'bn1', mode: 'inference' } }]);
    st().setOpenPanel('affine');
    st().applyMetrics(metricsAt(5)); // unrelated changes send nothing
    st().setOpenPanel('affine');
    await commands.idle();
    expect(client.probes.at(-1)).toEqual({ ...NO_PROBES, affine: true });
    expect(client.probes).toHaveLength(2);
    st().selectNode('act2');
    st().setOpenPanel('distributions');
    await commands.idle();
    expect(client.probes.at(-1)?.distributions).toEqual({ nodeId: 'act2', mode: 'inference' });
  });

  it('stores probe reports and clears them when a new model loads', async () => {
    const { st, client, commands } = await setup();
    client.emit({
      type: 'warp',
      report: { nodeId: 'act2', step: 1, width: 8, projected: true, explained: 1, lines: [], bend: 0 },
    });
    client.emit({ type: 'probeError', probe: 'batch', message: 'no such node' });
    expect(st().warp?.nodeId).toBe('act2');
    expect(st().probeErrors.batch).toBe('no such node');
    st().setParam('dense1', 'units', 4);
    await commands.idle();
    expect(st().warp).toBeNull();
    expect(st().probeErrors).toEqual({});
  });
});

describe('connectTrainer: a lab with trained weights', () => {
  it('puts the weights into the model once it is built, and says whether they fit', async () => {
    const { st, client, commands } = await setup();
    const weights = { dense1: { kernel: [1, 2] } };
    // A file of the very graph already loaded: no rebuild, the weights still go in.
    st().loadLab({ ...labOf(st()), hyper: { ...st().hyper, learningRate: 0.2 } }, { weights });
    await commands.idle();
    expect(client.count('load')).toBe(1);
    expect(client.weightsSet).toEqual([weights]);
    expect(st().pendingWeights).toBeNull();
    expect(st().notice?.text).toBe(
      'Loaded the trained weights (from an unknown step); training goes on from there.',
    );
    client.weightsProblem = 'The saved kernel of dense1 has 2 values; this graph needs 16.';
    // A file of another graph: rebuilt first, then the weights are tried.
    const other = { ...labOf(st()), graph: { ...st().graph } };
    st().loadLab(other, { weights });
    st().setParam('dense1', 'units', 4);
    await commands.idle();
    expect(client.count('load')).toBe(2);
    expect(client.weightsSet).toHaveLength(2);
    expect(st().notice?.text).toMatch(/The lab loaded, but not its trained weights: The saved kernel/);
  });

  it('reads the live weights for export', async () => {
    const { commands } = await setup();
    expect(await commands.weights()).toEqual({ dense1: { kernel: [1, 2] } });
  });
});

describe('connectTrainer: nothing trained is lost without a word', () => {
  it('a backend change carries the trained weights, step and curve over, and keeps training', async () => {
    const { st, client, commands, store } = await setup();
    commands.train();
    await commands.idle();
    for (const step of [10, 20, 30]) {
      const groupLosses = [
        { x: step - 5, y: 0.6 },
        { x: step, y: 0.5 },
      ];
      client.emit({ type: 'metrics', metrics: { ...metricsAt(step), groupLosses } });
    }
    expect(st().status).toBe('running');
    store.getState().setBackendPref('wasm');
    await commands.idle();
    expect(client.weightsSet).toEqual([{ dense1: { kernel: [1, 2] } }]);
    expect(client.weightSteps).toEqual([30]);
    expect(st().metrics?.step).toBe(30);
    expect(st().lossHistory.map((p) => p.step)).toEqual([0, 10, 20, 30]);
    expect(st().groupLosses.map((p) => p.x)).toEqual([5, 10, 15, 20, 25, 30]);
    expect(st().notice?.text).toBe('Moved to WASM with the trained weights: the run goes on from step 30.');
    expect(st().status).toBe('running');
    expect(client.count('start')).toBe(2);
  });

  it('a backend change before any step carries nothing and says nothing', async () => {
    const { st, client, commands, store } = await setup();
    store.getState().setBackendPref('cpu');
    await commands.idle();
    expect(client.weightsSet).toEqual([]);
    expect(st().notice).toBeNull();
  });

  it('a data change after training says the run restarts, with what it was, and Undo brings the data back', async () => {
    const { st, client, commands, store } = await setup();
    commands.train();
    await commands.idle();
    client.emit({ type: 'metrics', metrics: { ...metricsAt(732), testAccuracy: 1 } });
    const before = st().data;
    const beforeDataset = st().dataset;
    store.getState().setData({ samples: 800, noise: 0.2 });
    expect(st().notice?.text).toBe(
      'The number of samples and the noise changed, so training starts again from step 0 on the new data (the run was at step 732, 100.0% test accuracy). Undo (Ctrl+Z) brings the previous settings back.',
    );
    await commands.idle();
    expect(st().metrics?.step).toBe(0);
    store.temporal.getState().undo();
    expect(st().data).toEqual(before);
    // The points follow the settings back (regenerated: the same points as before).
    expect(st().dataset.xTrain).toEqual(beforeDataset.xTrain);
    expect(st().dataset.xTrain.length).toBe(beforeDataset.xTrain.length);
  });

  it('committing the value already in force changes nothing (no restart, no undo step)', async () => {
    const { st, store } = await setup();
    const data = st().data;
    store.getState().setData({ samples: data.samples });
    expect(st().data).toBe(data);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('imported weights go in at the step they were trained to', async () => {
    const { st, client, commands, store } = await setup();
    store.getState().loadLab(labOf(st()), { weights: { dense1: { kernel: [3, 4] } }, weightsStep: 640 });
    await commands.idle();
    expect(client.weightSteps).toEqual([640]);
    expect(st().metrics?.step).toBe(640);
    expect(st().notice?.text).toBe(
      'Loaded the trained weights (trained to step 640); training goes on from there.',
    );
  });
});

describe('connectTrainer: speed', () => {
  it('sends the speed at start and on every change, without waiting behind queued calls', async () => {
    const { client, store, commands } = await setup();
    expect(client.speeds).toEqual([1]);
    store.getState().setSpeed(null);
    expect(client.speeds).toEqual([1, null]);
    store.getState().setSpeed(16);
    await commands.idle();
    expect(client.speeds).toEqual([1, null, 16]);
  });
});

describe('connectTrainer: a readback that never answers', () => {
  it('gives the weights up after a while, so the queue (and the next Train) does not wait forever', async () => {
    vi.useFakeTimers();
    try {
      const client = new FakeClient();
      client.getWeights = () => new Promise<NodeWeights>(() => {}); // a lost GPU context: never resolves
      const store = createAppStore();
      const commands = connectTrainer(store, client, 10);
      connected.push(commands);
      await vi.advanceTimersByTimeAsync(50);
      const weights = commands.weights();
      await vi.advanceTimersByTimeAsync(WEIGHTS_TIMEOUT_MS + 10);
      await expect(weights).resolves.toBeNull();
      commands.train();
      await vi.advanceTimersByTimeAsync(50);
      expect(client.count('start')).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
