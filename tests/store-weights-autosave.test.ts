import { describe, expect, it } from 'vitest';
import type { LabStorage } from '../src/store/autosave';
import { createAppStore } from '../src/store/store';
import {
  connectWeightsAutosave,
  MAX_SAVED_WEIGHT_VALUES,
  restoreSavedWeights,
  WEIGHTS_KEY,
} from '../src/store/weightsAutosave';
import type { Metrics, NodeWeights } from '../src/train/protocol';

const memory = () => {
  const items = new Map<string, string>();
  const storage: LabStorage = {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
  };
  return { items, storage };
};
const metrics = (step: number): Metrics => ({
  step,
  epoch: 0,
  batchLoss: 0.2,
  trainLoss: 0.2,
  testLoss: 0.2,
  testAccuracy: 0.9,
  testR2: null,
  stepsPerSecond: 0,
  samplesPerSecond: 0,
});
const weights: NodeWeights = { dense1: { kernel: [0.5, -0.25] } };
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the trained weights are kept with the autosave', () => {
  it('saves while training at most every interval, and at once on pause; a reload restores them for the same model', async () => {
    const { items, storage } = memory();
    const store = createAppStore();
    let clock = 0;
    let reads = 0;
    const stop = connectWeightsAutosave(
      store,
      storage,
      async () => {
        reads++;
        return weights;
      },
      5000,
      () => clock,
    );
    store.getState().setStatus('running');
    store.getState().applyMetrics(metrics(10));
    await flush();
    expect(reads).toBe(1);
    expect(JSON.parse(items.get(WEIGHTS_KEY) ?? '{}')).toMatchObject({ step: 10, weights });
    clock = 2000;
    store.getState().applyMetrics(metrics(200));
    await flush();
    expect(reads).toBe(1);
    clock = 5100;
    store.getState().applyMetrics(metrics(400));
    await flush();
    expect(reads).toBe(2);
    clock = 5200;
    store.getState().setStatus('ready');
    store.getState().applyMetrics(metrics(412));
    await flush();
    expect(reads).toBe(3);
    expect(JSON.parse(items.get(WEIGHTS_KEY) ?? '{}').step).toBe(412);
    stop();

    const reloaded = createAppStore();
    expect(restoreSavedWeights(reloaded, storage)).toBe(412);
    expect(reloaded.getState().pendingWeights).toEqual(weights);
    expect(reloaded.getState().pendingWeightsStep).toBe(412);
  });

  it('does not restore weights of another model (the graph or data changed)', async () => {
    const { storage } = memory();
    const store = createAppStore();
    connectWeightsAutosave(
      store,
      storage,
      async () => weights,
      5000,
      () => 0,
    );
    store.getState().applyMetrics(metrics(50));
    await flush();
    const other = createAppStore();
    other.getState().setParam('dense1', 'units', 3);
    expect(restoreSavedWeights(other, storage)).toBeNull();
    expect(other.getState().pendingWeights).toBeNull();
  });

  it('a Reset (step 0) forgets them', async () => {
    const { items, storage } = memory();
    const store = createAppStore();
    connectWeightsAutosave(
      store,
      storage,
      async () => weights,
      5000,
      () => 0,
    );
    store.getState().applyMetrics(metrics(50));
    await flush();
    store.getState().clearRun(null);
    store.getState().applyMetrics(metrics(0));
    expect(items.get(WEIGHTS_KEY)).toBe('');
    expect(restoreSavedWeights(createAppStore(), storage)).toBeNull();
  });

  it('a model too large to keep is said plainly on reload', async () => {
    const { storage } = memory();
    const store = createAppStore();
    const big: NodeWeights = { dense1: { kernel: new Array(MAX_SAVED_WEIGHT_VALUES + 1).fill(0) } };
    connectWeightsAutosave(
      store,
      storage,
      async () => big,
      5000,
      () => 0,
    );
    store.getState().applyMetrics(metrics(77));
    await flush();
    const reloaded = createAppStore();
    expect(restoreSavedWeights(reloaded, storage)).toBeNull();
    expect(reloaded.getState().notice?.text).toMatch(
      /^Training restarts from step 0: this model is too large .*step 77/,
    );
  });

  it('never reads back the weights of a model known to be too large, and says so on reload', async () => {
    const { storage } = memory();
    const store = createAppStore();
    store.getState().setCompiledParams({ dense1: MAX_SAVED_WEIGHT_VALUES, bn1: 1 });
    let reads = 0;
    connectWeightsAutosave(
      store,
      storage,
      async () => {
        reads++;
        return weights;
      },
      5000,
      () => 0,
    );
    store.getState().applyMetrics(metrics(12));
    await flush();
    expect(reads).toBe(0);
    const reloaded = createAppStore();
    expect(restoreSavedWeights(reloaded, storage)).toBeNull();
    expect(reloaded.getState().notice?.text).toMatch(/too large .*step 12/);
  });

  it('garbage in storage is ignored', () => {
    const { items, storage } = memory();
    items.set(WEIGHTS_KEY, '{not json');
    expect(restoreSavedWeights(createAppStore(), storage)).toBeNull();
    items.set(WEIGHTS_KEY, JSON.stringify({ model: 'x', step: 'y' }));
    expect(restoreSavedWeights(createAppStore(), storage)).toBeNull();
  });
});
