import { describe, expect, it } from 'vitest';
import { defaultGraph } from '../src/graph/defaultGraph';
import { withoutNormalization } from '../src/graph/variants';
import { MAX_HEALTH_SAMPLES, NO_SWEEP, type SweepState } from '../src/store/healthSlice';
import { probeRequestOf } from '../src/store/panelNodes';
import { createAppStore } from '../src/store/store';
import { connectSweep, type SweepEngine } from '../src/store/sweepBridge';
import { planSweep, sweepSummary } from '../src/store/sweepPlan';
import { connectTrainer } from '../src/store/trainerBridge';
import {
  type BackendName,
  type HealthSample,
  NO_PROBES,
  type SweepPoint,
  type SweepRequest,
  type TrainEvent,
} from '../src/train/protocol';
import { quietClient } from './fakeTrainer';

const sample = (step: number, ratio = 1e-3): HealthSample => ({
  step,
  learningRate: 0.03,
  layers: [{ nodeId: 'dense1', gradNorm: 0.5, weightNorm: 2, updateRatio: ratio, effectiveLr: 0.0075 }],
});

const point = (runId: 'current' | 'noNorm', rate: number, finalLoss: number | null, diverged = false) =>
  ({
    runId,
    rate,
    initialLoss: 0.69,
    finalLoss,
    diverged,
    why: diverged ? 'the loss became NaN or infinite at step 3' : null,
    steps: diverged ? 3 : 200,
  }) satisfies SweepPoint;

describe('training health in the store', () => {
  it('asks the worker for health only while its tab is open', () => {
    const store = createAppStore();
    expect(probeRequestOf(store.getState()).health).toBe(false);
    store.getState().setOpenPanel('health');
    expect(probeRequestOf(store.getState())).toEqual({ ...NO_PROBES, health: true });
  });

  it('keeps samples in step order, starts over on a reset, thins long runs keeping the first and last', () => {
    const store = createAppStore();
    const st = () => store.getState();
    for (const step of [1, 40, 80]) st().applyHealth(sample(step));
    expect(st().health.map((s) => s.step)).toEqual([1, 40, 80]);
    st().applyHealth(sample(1)); // a reset: the run starts over
    expect(st().health.map((s) => s.step)).toEqual([1]);
    for (let step = 2; step <= MAX_HEALTH_SAMPLES + 1; step++) st().applyHealth(sample(step));
    const steps = st().health.map((s) => s.step);
    expect(steps.length).toBeLessThanOrEqual(MAX_HEALTH_SAMPLES);
    expect(steps[0]).toBe(1);
    expect(steps.at(-1)).toBe(MAX_HEALTH_SAMPLES + 1);
    st().clearProbes(); // a new model
    expect(st().health).toEqual([]);
  });

  it('takes the worker’s health events through the trainer bridge', async () => {
    const store = createAppStore();
    let emit: (e: TrainEvent) => void = () => {};
    const client = quietClient({
      init: async (_pref, onEvent) => {
        emit = onEvent;
        return { name: 'cpu', reason: 'fake' };
      },
    });
    const trainer = connectTrainer(store, client, 1);
    await trainer.idle();
    emit({ type: 'health', sample: sample(7, 0.02) });
    expect(store.getState().health).toEqual([sample(7, 0.02)]);
    trainer.disconnect();
  });
});

describe('learning-rate sweep: the plan', () => {
  it('sweeps the default lab and its variant without normalization (no BatchNorm left)', () => {
    const plan = planSweep(createAppStore().getState());
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.note).toBeNull();
    expect(plan.request.rates).toEqual([0.001, 0.00496, 0.0246, 0.122, 0.605, 3]);
    expect(plan.request.steps).toBe(200);
    expect(plan.request.runs.map((r) => r.id)).toEqual(['current', 'noNorm']);
    const variant = plan.request.runs[1]?.graph;
    expect(variant?.nodes.map((n) => n.id)).toEqual(['input', 'dense1', 'act1', 'dense2', 'act2', 'output']);
    expect(plan.request.hyper).toEqual({ optimizer: 'adam', learningRate: 0.03, batchSize: 32, l2: 0 });
    expect(plan.settings).toBe('adam, batch 32, seed 1, 200 steps a run');
  });

  it('runs a graph without normalization alone and says there is no variant to compare', () => {
    const store = createAppStore();
    const plain = withoutNormalization(defaultGraph());
    if (!plain.ok) throw new Error(plain.reason);
    store.getState().setGraph(plain.graph);
    const plan = planSweep(store.getState(), 50);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.request.runs.map((r) => r.id)).toEqual(['current']);
    expect(plan.request.steps).toBe(50);
    expect(plan.note).toMatch(/no BatchNorm or LayerNorm node.*runs this lab only: there is no variant/);
  });

  it('refuses an invalid graph, saying why', () => {
    const store = createAppStore();
    store.getState().removeEdges(['e-bn1-act1']);
    const plan = planSweep(store.getState());
    expect(plan).toEqual({ ok: false, message: expect.stringMatching(/^Fix the graph first/) });
  });
});

describe('learning-rate sweep: the summary in words', () => {
  const base: SweepState = {
    ...NO_SWEEP,
    status: 'done',
    runs: [
      { id: 'current', label: 'This lab' },
      { id: 'noNorm', label: 'Without normalization' },
    ],
    rates: [0.01, 1],
    steps: 200,
  };

  it('names each lab’s best rate and the rates that diverged', () => {
    const lines = sweepSummary({
      ...base,
      points: [
        point('current', 0.01, 0.3),
        point('current', 1, 0.02),
        point('noNorm', 0.01, 0.25),
        point('noNorm', 1, null, true),
      ],
    });
    expect(lines).toEqual([
      'This lab: lowest final loss 0.02 at learning rate 1; no rate diverged.',
      'Without normalization: lowest final loss 0.25 at learning rate 0.01; diverged at 1.',
    ]);
  });

  it('says plainly when every run diverged', () => {
    const lines = sweepSummary({
      ...base,
      points: [point('current', 0.01, null, true), point('noNorm', 0.01, null, true)],
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Every run diverged, at every learning rate tried \(2 of 2\)/);
  });

  it('says nothing before any run ended', () => {
    expect(sweepSummary(base)).toEqual([]);
  });
});

/** A sweep engine the test drives by hand. */
function fakeEngine() {
  const jobs: {
    backend: BackendName;
    request: SweepRequest;
    onPoint: (p: SweepPoint) => void;
    resolve: (p: SweepPoint[]) => void;
    reject: (e: Error) => void;
    cancelled: boolean;
  }[] = [];
  const engine: SweepEngine = {
    start(backend, request, onPoint) {
      let resolve!: (p: SweepPoint[]) => void;
      let reject!: (e: Error) => void;
      const done = new Promise<SweepPoint[]>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const job = { backend, request, onPoint, resolve, reject, cancelled: false };
      jobs.push(job);
      return { done, cancel: () => (job.cancelled = true) };
    },
  };
  return { engine, jobs };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('learning-rate sweep: the bridge', () => {
  it('runs one sweep at a time, shows its points as they come, and ends done', async () => {
    const store = createAppStore();
    const { engine, jobs } = fakeEngine();
    const sweep = connectSweep(store, engine, { steps: 20 });
    sweep.start();
    sweep.start(); // a second press while it runs does nothing
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.request.steps).toBe(20);
    expect(store.getState().sweep.status).toBe('running');
    expect(store.getState().sweep.runs.map((r) => r.label)).toEqual(['This lab', 'Without normalization']);
    jobs[0]?.onPoint(point('current', 0.001, 0.4));
    expect(store.getState().sweep.points).toHaveLength(1);
    // The worker's answer holds every point, also one whose progress message has not arrived yet.
    const all = [point('current', 0.001, 0.4), point('current', 0.00496, 0.2)];
    jobs[0]?.resolve(all);
    await flush();
    expect(store.getState().sweep.status).toBe('done');
    expect(store.getState().sweep.points).toEqual(all);
    jobs[0]?.onPoint(point('current', 0.00496, 0.2)); // its late progress message changes nothing
    expect(store.getState().sweep.points).toEqual(all);
    sweep.start(); // and another may follow
    expect(jobs).toHaveLength(2);
    expect(store.getState().sweep.points).toEqual([]);
  });

  it('cancels at once, ignoring what the cancelled sweep still sends, and the training run is untouched', async () => {
    const store = createAppStore();
    const { engine, jobs } = fakeEngine();
    const sweep = connectSweep(store, engine);
    const statusBefore = store.getState().status;
    sweep.start();
    jobs[0]?.onPoint(point('current', 0.001, 0.4));
    sweep.cancel();
    expect(jobs[0]?.cancelled).toBe(true);
    expect(store.getState().sweep.status).toBe('cancelled');
    jobs[0]?.onPoint(point('current', 0.00496, 0.3));
    jobs[0]?.reject(new Error('the sweep was cancelled'));
    await flush();
    expect(store.getState().sweep.status).toBe('cancelled');
    expect(store.getState().sweep.points).toHaveLength(1);
    expect(store.getState().status).toBe(statusBefore);
  });

  it('says why a sweep failed or could not start', async () => {
    const store = createAppStore();
    const { engine, jobs } = fakeEngine();
    const sweep = connectSweep(store, engine);
    sweep.start();
    jobs[0]?.reject(new Error('the sweep worker could not be loaded'));
    await flush();
    expect(store.getState().sweep).toMatchObject({
      status: 'failed',
      message: 'The sweep stopped: the sweep worker could not be loaded.',
    });
    store.getState().setGraph({ ...defaultGraph(), edges: [] });
    sweep.start();
    expect(jobs).toHaveLength(1);
    expect(store.getState().sweep.message).toMatch(/^Fix the graph first/);
  });
});
