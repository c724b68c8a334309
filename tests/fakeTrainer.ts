// A fake training engine for the store's bridge tests: records every call, emits like the worker.
import type { TrainerClient } from '../src/store/trainerBridge';
import type {
  BackendInfo,
  BackendPref,
  Hyper,
  LoadResult,
  Metrics,
  ModelExportRequest,
  ModelExportResult,
  NodeWeights,
  ProbeRequest,
  SessionConfig,
  TrainEvent,
} from '../src/train/protocol';

export type Call =
  | { name: 'init'; pref: BackendPref }
  | { name: 'load'; config: SessionConfig }
  | { name: 'setHyper'; hyper: Hyper }
  | { name: 'start' | 'pause' | 'step' | 'reset' | 'dispose' };

export const metricsAt = (step: number, testLoss = 0.69): Metrics => ({
  step,
  epoch: 0,
  batchLoss: step === 0 ? null : 0.55,
  trainLoss: step === 0 ? null : 0.5,
  testLoss,
  testAccuracy: 0.5,
  testR2: null,
  stepsPerSecond: 0,
  samplesPerSecond: 0,
});

/**
 * A fake engine: records every call. Like the real worker, load reports the step-0 metrics
 * through the event callback before its promise resolves.
 */
export class FakeClient implements TrainerClient {
  readonly calls: Call[] = [];
  emit: (e: TrainEvent) => void = () => {
    throw new Error('emit before init');
  };
  loadResult: (config: SessionConfig) => LoadResult = (config) => ({
    ok: true,
    paramCounts: { fake: config.graph.nodes.length },
    totalParams: 169,
  });
  initResult: (pref: BackendPref) => Promise<BackendInfo> = async (pref) => ({
    name: pref === 'auto' ? 'cpu' : pref,
    reason: `fake ${pref}`,
  });

  names(): string[] {
    return this.calls.map((c) => c.name);
  }
  count(name: Call['name']): number {
    return this.calls.filter((c) => c.name === name).length;
  }
  loads(): SessionConfig[] {
    return this.calls.flatMap((c) => (c.name === 'load' ? [c.config] : []));
  }

  async init(pref: BackendPref, onEvent: (e: TrainEvent) => void): Promise<BackendInfo> {
    this.calls.push({ name: 'init', pref });
    this.emit = onEvent;
    return this.initResult(pref);
  }
  async load(config: SessionConfig): Promise<LoadResult> {
    this.calls.push({ name: 'load', config });
    const res = this.loadResult(config);
    if (res.ok) this.emit({ type: 'metrics', metrics: metricsAt(0) });
    return res;
  }
  async start(): Promise<void> {
    this.calls.push({ name: 'start' });
  }
  async pause(): Promise<void> {
    this.calls.push({ name: 'pause' });
  }
  async step(): Promise<void> {
    this.calls.push({ name: 'step' });
  }
  async reset(): Promise<void> {
    this.calls.push({ name: 'reset' });
  }
  /** Speeds sent, kept apart from the call log (they follow a setting, not a command). */
  readonly speeds: (number | null)[] = [];
  async setSpeed(stepsPerFrame: number | null): Promise<void> {
    this.speeds.push(stepsPerFrame);
  }
  async setHyper(hyper: Hyper): Promise<void> {
    this.calls.push({ name: 'setHyper', hyper });
  }
  /** Probe requests are kept apart from the call log: they follow panel state, not commands. */
  readonly probes: ProbeRequest[] = [];
  async setProbes(request: ProbeRequest): Promise<void> {
    this.probes.push(request);
  }
  /** Weights kept apart from the call log too. */
  weightsSet: NodeWeights[] = [];
  weightSteps: (number | undefined)[] = [];
  weightsProblem: string | null = null;
  async getWeights(): Promise<NodeWeights> {
    return { dense1: { kernel: [1, 2] } };
  }
  /** Model exports asked for, kept apart from the call log too. */
  readonly exports: ModelExportRequest[] = [];
  async exportModel(request: ModelExportRequest): Promise<ModelExportResult> {
    this.exports.push(request);
    return { ok: false, message: 'the fake engine has no model files' };
  }
  async setWeights(weights: NodeWeights, step?: number): Promise<string | null> {
    this.weightsSet.push(weights);
    this.weightSteps.push(step);
    if (!this.weightsProblem && step !== undefined) this.emit({ type: 'metrics', metrics: metricsAt(step) });
    return this.weightsProblem;
  }
  async dispose(): Promise<void> {
    this.calls.push({ name: 'dispose' });
  }
}

/**
 * A silent engine: every command resolves at once, loads anything, reads back no weights and
 * refuses model exports; `overrides` replace any method a test watches.
 */
export function quietClient(overrides: Partial<TrainerClient> = {}): TrainerClient {
  const none = async () => {};
  return {
    init: async () => ({ name: 'cpu', reason: 'fake' }),
    load: async () => ({ ok: true, paramCounts: {}, totalParams: 0 }),
    start: none,
    setSpeed: none,
    pause: none,
    step: none,
    reset: none,
    setHyper: none,
    setProbes: none,
    getWeights: async () => ({}),
    setWeights: async () => null,
    exportModel: async () => ({ ok: false, message: 'the quiet engine has no model files' }),
    dispose: none,
    ...overrides,
  };
}
