import { afterEach, describe, expect, it } from 'vitest';
import { defaultLab } from '../src/share';
import { labOf } from '../src/store/labSlice';
import { pinLiveRun } from '../src/store/runActions';
import { type AppStore, createAppStore } from '../src/store/store';
import { connectTrainer } from '../src/store/trainerBridge';
import {
  connectVariantWatcher,
  startVariant,
  type VariantTrainer,
  variantLab,
} from '../src/store/variantActions';
import type { BackendInfo, LoadResult, TrainEvent } from '../src/train/protocol';
import { quietClient } from './fakeTrainer';
import { heatmapAt, metricsAt, trained } from './runHelpers';

/** A trainer that records what it was asked; the test plays the worker through the store. */
function recordingTrainer() {
  const calls: string[] = [];
  const trainer: VariantTrainer = {
    train: (until) => void calls.push(`train ${until}`),
    pause: () => void calls.push('pause'),
    reset: () => void calls.push('reset'),
    idle: async () => {},
  };
  return { trainer, calls };
}

const unsubscribe: (() => void)[] = [];
afterEach(() => {
  for (const u of unsubscribe.splice(0)) u();
});

/** A trained store with the variant watcher on. */
function setup(steps = 200): AppStore {
  const store = trained(steps);
  unsubscribe.push(connectVariantWatcher(store));
  return store;
}

/** The worker's side of a run to `until`: running, reports on the way, stop, final report. */
function playRun(store: AppStore, until: number, from = 0) {
  const s = store.getState();
  s.setStatus('running');
  for (let step = from + 50; step < until; step += 50) s.applyMetrics(metricsAt(step, 0.55));
  // As the session does at its limit: "not running" first, then the final metrics and boundary.
  s.setStatus('ready');
  s.applyMetrics(metricsAt(until, 0.6, 0.5));
  s.applyHeatmap(heatmapAt(until));
}

describe('variant labs', () => {
  it('remove normalization, move it after the activation, or multiply the learning rate by 10', () => {
    const lab = defaultLab();
    const none = variantLab(lab, 'noNorm');
    if (!none.ok) throw new Error(none.reason);
    expect(none.lab.graph.nodes.map((n) => n.kind)).not.toContain('batchnorm');
    expect(none.lab.data).toEqual(lab.data);
    const after = variantLab(lab, 'normAfter');
    if (!after.ok) throw new Error(after.reason);
    expect(after.lab.graph.edges.some((e) => e.source === 'act1' && e.target === 'bn1')).toBe(true);
    const fast = variantLab(lab, 'lr10');
    expect(fast.ok && fast.lab.hyper.learningRate).toBe(0.3);
    expect(fast.ok && fast.lab.graph).toBe(lab.graph);
    const tooFast = variantLab({ ...lab, hyper: { ...lab.hyper, learningRate: 5 } }, 'lr10');
    expect(tooFast).toEqual({ ok: false, reason: expect.stringMatching(/learning rate is 5 already/) });
  });

  it('say plainly why a variant makes no sense (no normalization node)', () => {
    const lab = defaultLab();
    const plain = withoutNorm(lab);
    expect(variantLab(plain, 'noNorm')).toEqual({
      ok: false,
      reason: 'This graph has no BatchNorm or LayerNorm node to remove.',
    });
    expect(variantLab(plain, 'normAfter').ok).toBe(false);
  });
});

const withoutNorm = (lab: ReturnType<typeof defaultLab>) => {
  const v = variantLab(lab, 'noNorm');
  if (!v.ok) throw new Error(v.reason);
  return v.lab;
};

describe('one-click variants', () => {
  it('asks to train first when nothing is trained yet', async () => {
    const store = createAppStore();
    unsubscribe.push(connectVariantWatcher(store));
    const { trainer, calls } = recordingTrainer();
    expect(await startVariant(store, trainer, 'noNorm')).toBe(false);
    expect(store.getState().notice?.text).toMatch(/^Without normalization: train this lab first/);
    expect(calls).toEqual([]);
    expect(store.getState().pinnedRuns).toHaveLength(0);
  });

  it('says why a variant makes no sense, and changes nothing', async () => {
    const store = setup();
    store.getState().loadLab(withoutNorm(labOf(store.getState())));
    trained(100, store);
    const before = labOf(store.getState());
    const { trainer, calls } = recordingTrainer();
    expect(await startVariant(store, trainer, 'noNorm')).toBe(false);
    expect(store.getState().notice?.text).toBe(
      'Without normalization: This graph has no BatchNorm or LayerNorm node to remove.',
    );
    expect(calls).toEqual([]);
    expect(labOf(store.getState())).toEqual(before);
  });

  it('pins the original, trains the variant on the same data and seed to the same step, and pins it', async () => {
    const store = setup(200);
    const original = labOf(store.getState());
    const { trainer, calls } = recordingTrainer();
    expect(await startVariant(store, trainer, 'noNorm')).toBe(true);
    let s = store.getState();
    expect(s.pinnedRuns.map((r) => r.name)).toEqual(['Original']);
    expect(s.graph.nodes.some((n) => n.kind === 'batchnorm')).toBe(false);
    expect(s.data).toEqual(original.data);
    expect(s.variantJob).toMatchObject({ name: 'Without normalization', untilStep: 200 });
    expect(s.metrics).toBeNull();
    expect(calls).toEqual(['reset', 'train 200']);
    // Its buttons wait while it trains.
    expect(await startVariant(store, trainer, 'lr10')).toBe(false);
    expect(store.getState().notice?.text).toMatch(/is still training/);
    playRun(store, 200);
    s = store.getState();
    expect(s.variantJob).toBeNull();
    expect(s.pinnedRuns.map((r) => [r.name, r.steps])).toEqual([
      ['Original', 200],
      ['Without normalization', 200],
    ]);
    expect(s.pinnedRuns[1]?.lab.graph.nodes.some((n) => n.kind === 'batchnorm')).toBe(false);
    expect(s.pinnedRuns[1]?.boundary).not.toBeNull();
  });

  it('waits for the boundary of the last step before pinning', async () => {
    const store = setup(100);
    const { trainer } = recordingTrainer();
    await startVariant(store, trainer, 'normAfter');
    const s = store.getState();
    s.setStatus('running');
    s.applyHeatmap(heatmapAt(50));
    s.setStatus('ready');
    s.applyMetrics(metricsAt(100));
    expect(store.getState().pinnedRuns).toHaveLength(1);
    s.applyHeatmap(heatmapAt(100));
    expect(store.getState().pinnedRuns.map((r) => r.name)).toEqual(['Original', 'Norm after activation']);
  });

  it('does not pin the original twice, pauses a running one first, and starts the same model over (lr × 10)', async () => {
    const store = setup(120);
    pinLiveRun(store, 'Mine');
    store.getState().setStatus('running');
    const { trainer, calls } = recordingTrainer();
    const started = startVariant(store, trainer, 'lr10');
    store.getState().setStatus('ready');
    expect(await started).toBe(true);
    expect(calls).toEqual(['pause', 'reset', 'train 120']);
    expect(store.getState().pinnedRuns.map((r) => r.name)).toEqual(['Mine']);
    expect(store.getState().hyper.learningRate).toBe(0.3);
    playRun(store, 120);
    expect(store.getState().pinnedRuns.map((r) => r.name)).toEqual(['Mine', 'Learning rate × 10']);
  });

  it('pins a variant that diverges on the way, with a note', async () => {
    const store = setup(300);
    const { trainer } = recordingTrainer();
    await startVariant(store, trainer, 'lr10');
    const s = store.getState();
    s.setStatus('running');
    s.applyMetrics(metricsAt(50));
    s.setTrainingProblem('The loss became NaN at step 60.', { kind: 'diverged' });
    s.applyMetrics({ ...metricsAt(60), trainLoss: Number.NaN, testLoss: Number.NaN });
    s.setStatus('ready');
    const variant = store.getState().pinnedRuns[1];
    expect(variant?.name).toBe('Learning rate × 10');
    expect(variant?.note).toBe('diverged by step 60');
  });

  it('lets a variant go, saying so, when it is paused early or its lab is edited', async () => {
    const store = setup(200);
    const { trainer } = recordingTrainer();
    await startVariant(store, trainer, 'noNorm');
    const s = store.getState();
    s.setStatus('running');
    s.applyMetrics(metricsAt(80));
    s.setStatus('ready');
    s.applyMetrics(metricsAt(90));
    expect(store.getState().variantJob).toBeNull();
    expect(store.getState().notice?.text).toMatch(
      /was paused at step 90, before step 200: it was not pinned/,
    );
    expect(store.getState().pinnedRuns).toHaveLength(1);

    store.getState().unpinRun(store.getState().pinnedRuns[0]?.id ?? '');
    trained(200, store);
    await startVariant(store, trainer, 'lr10');
    store.getState().setParam('dense1', 'units', 4);
    expect(store.getState().variantJob).toBeNull();
    expect(store.getState().notice?.text).toMatch(/its lab changed before it reached step 200/);
  });

  it('needs room for the runs: the original and its variant', async () => {
    const store = setup(100);
    for (const step of [110, 120, 130]) {
      store.getState().applyMetrics(metricsAt(step));
      pinLiveRun(store);
    }
    store.getState().applyMetrics(metricsAt(140));
    const { trainer, calls } = recordingTrainer();
    expect(await startVariant(store, trainer, 'noNorm')).toBe(false);
    expect(store.getState().notice?.text).toMatch(
      /need two free places among the 4 pinned runs: unpin one first/,
    );
    expect(calls).toEqual([]);
  });
});

describe('the trainer bridge trains to a step', () => {
  it('passes the step to the engine, and never an event object', async () => {
    const starts: (number | undefined)[] = [];
    let emit: (e: TrainEvent) => void = () => {};
    const client = quietClient({
      init: async (_pref, onEvent): Promise<BackendInfo> => {
        emit = onEvent;
        return { name: 'cpu', reason: 'fake' };
      },
      load: async (): Promise<LoadResult> => {
        emit({ type: 'metrics', metrics: metricsAt(0) });
        return { ok: true, paramCounts: {}, totalParams: 0 };
      },
      start: async (until) => void starts.push(until),
    });
    const store = createAppStore();
    const commands = connectTrainer(store, client, 5);
    await commands.idle();
    commands.train(350);
    await commands.idle();
    store.getState().setStatus('ready');
    (commands.train as (x: unknown) => void)({ type: 'click' });
    await commands.idle();
    expect(starts).toEqual([350, undefined]);
    commands.disconnect();
  });
});
