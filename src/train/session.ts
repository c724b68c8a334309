import type * as tf from '../compile/tf';
import { isDue, isDueInSlowMotion } from './budget';
import { divergenceMessage } from './divergence';
import { type Evaluation, evaluateModel } from './evaluate';
import { HealthSampler } from './health/sampler';
import { computeHeatmap } from './heatmap';
import { LoopClock } from './loopClock';
import { MetricsMeter } from './metricsMeter';
import { nextFrame } from './nextFrame';
import { makeOptimizer } from './optimizers';
import { ProbeRunner } from './probes/runner';
import type {
  Hyper,
  LoopTotals,
  Metrics,
  NodeWeights,
  ProbeRequest,
  SessionConfig,
  TrainEvent,
} from './protocol';
import { SessionModel } from './sessionModel';
import { nextGroup, SESSION_DEFAULTS, type SessionOptions } from './sessionOptions';
import { inferInSlices, inferOnce, SliceSizer, type StoppableInfer } from './slices';
import { failureEvent } from './stepFailure';
import { readWeights, writeWeights } from './weights';
import { yieldToLoop } from './yieldToLoop';

/**
 * One training session: it owns the model, the data tensors, the optimizer and the loop.
 * start/pause/step/reset/dispose; every tensor op runs inside tf.tidy; losses are read back
 * once per chunk of steps (not per step), so the GPU is never stalled by a per-step sync.
 * Emits plain-data events only.
 */
export class TrainingSession {
  private readonly opts: SessionOptions;
  /** The model, data tensors and batches of the current build. */
  private m!: SessionModel;
  private readonly probes: ProbeRunner;
  /** When to measure training health (only while its tab is open, under the refresh budget). */
  private readonly health: HealthSampler;
  private optimizer!: tf.Optimizer;
  private hyper: Hyper;
  private stepCount = 0;
  private running = false;
  /** Steps per animation frame in slow motion; null: full speed. */
  private perFrame: number | null = null;
  /** The step the running loop stops at by itself (a lesson's step budget), or null. */
  private stopAt: number | null = null;
  private disposed = false;
  private loop: Promise<void> | null = null;
  /** Batch losses, throughput and accuracy crossings, turned into Metrics. */
  private meter = new MetricsMeter();
  private readonly clock: LoopClock;
  /** Sizes the slices of heatmap and evaluation passes to this model's speed. */
  private sizer!: SliceSizer;
  private lastHeatmapAt = 0;
  /** Durations of the last heatmap refresh and of the last probe run that emitted a report (ms). */
  private lastHeatmapMs: number | null = null;
  /** Steps per readback in the running loop (see nextGroup). */
  private group = 1;

  constructor(
    private readonly config: SessionConfig,
    private readonly emit: (e: TrainEvent) => void,
    options: Partial<SessionOptions> = {},
  ) {
    this.opts = { ...SESSION_DEFAULTS, ...options };
    this.clock = new LoopClock(this.opts.now);
    this.hyper = config.hyper;
    this.probes = new ProbeRunner(emit, this.opts.now, this.opts.probeTiming);
    this.health = new HealthSampler(this.opts.now);
    this.build();
  }

  get paramCounts(): Readonly<Record<string, number>> {
    return this.m.compiled.paramCounts;
  }
  get totalParams(): number {
    return this.m.compiled.totalParams;
  }
  get steps(): number {
    return this.stepCount;
  }
  /** The last heatmap refresh and probe run durations in ms (null before the first), and the loop's totals. */
  get timings(): { heatmapMs: number | null; probeMs: number | null; loop: LoopTotals } {
    return { heatmapMs: this.lastHeatmapMs, probeMs: this.probes.lastRunMs, loop: this.clock.totals };
  }
  get isRunning(): boolean {
    return this.running;
  }
  /** The compiled model (for tests and the model export, which only reads it; owned by the session). */
  get model(): tf.LayersModel {
    return this.m.compiled.model;
  }
  private build(): void {
    this.m = new SessionModel(this.config, this.opts.heatmapSize);
    this.optimizer = makeOptimizer(this.hyper);
    this.sizer = new SliceSizer(this.opts.sliceMs);
    this.stepCount = 0;
    this.meter = new MetricsMeter();
  }

  private teardown(): void {
    this.optimizer.dispose();
    this.m.dispose();
  }

  private batchSize(): number {
    return Math.max(1, Math.min(this.hyper.batchSize, this.m.tensors.nTrain));
  }

  /**
   * Runs `n` steps and reads their losses back in one go (a single sync). Returns the losses.
   * Pauses and reports when a loss is NaN or infinite. With `measure`, the first step is measured
   * and its training health sent (see SessionModel.measuredTrainStep): the same step either way.
   */
  async runSteps(n: number, measure = false): Promise<number[]> {
    const group = { n, measure, firstStep: this.stepCount, onStep: () => this.stepCount++ };
    const { values, health } = await this.m.runGroup(this.optimizer, this.hyper, this.batchSize(), group);
    if (health) this.emit({ type: 'health', sample: health });
    this.meter.addLosses(values, this.stepCount);
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      const at = this.stepCount - n + bad + 1;
      this.running = false;
      const message = divergenceMessage(at, values[bad] as number, this.hyper);
      this.emit({ type: 'diverged', step: at, message });
      // Show the state it diverged in (step count, NaN losses, the grey boundary), not a stale one.
      await this.reportAll();
      this.emit({ type: 'status', running: false });
    }
    return values;
  }

  /** Test loss and accuracy (R² for regression), and the train loss, all in inference mode. */
  evaluate(): Promise<Evaluation> {
    const { xTest, yTest } = this.m.tensors;
    return evaluateModel(this.m.compiled.model, xTest, yTest, this.config.ctx.task, this.m.trainEval);
  }

  /** Reports metrics: mean train loss since the last report, test metrics, and throughput. */
  async reportMetrics(): Promise<Metrics> {
    const now = this.opts.now();
    return this.emitMetrics(await this.evaluate(), now);
  }

  /** The decision boundary and the nonlinearity score, in inference mode (see computeHeatmap). */
  async reportHeatmap(): Promise<void> {
    await this.heatmapWith(inferOnce);
  }

  /** A refresh inside the running loop is given up when training pauses or the session is disposed. */
  private readonly pausedNow = () => !this.running || this.disposed;

  /**
   * Model passes for the running loop's refreshes: in slices of about sliceMs, with incoming
   * messages let in between, given up (null) as soon as training pauses.
   */
  private sliced(): StoppableInfer {
    const control = { sizer: this.sizer, now: this.opts.now, stop: this.pausedNow, yieldNow: yieldToLoop };
    return (model, x) => inferInSlices(model, x, control);
  }

  /** The running loop's metrics, evaluated in slices; false (nothing reported) when Pause came first. */
  private async refreshMetrics(): Promise<boolean> {
    const now = this.opts.now();
    const { xTest, yTest } = this.m.tensors;
    const { model } = this.m.compiled;
    const e = await evaluateModel(model, xTest, yTest, this.config.ctx.task, this.m.trainEval, this.sliced());
    if (e) this.emitMetrics(e, now);
    return e !== null;
  }

  /** Metrics from an evaluation that began at `now`, sent and returned. */
  private emitMetrics(evaluation: Evaluation, now: number): Metrics {
    const at = { now, step: this.stepCount, epoch: this.m.batches.epochs, running: this.running };
    const metrics = this.meter.report(evaluation, { ...at, batchSize: this.batchSize() });
    this.meter.lastCostMs = this.opts.now() - now;
    this.emit({ type: 'metrics', metrics });
    return metrics;
  }

  /** The decision boundary through `infer`; false (nothing sent) when it was given up. */
  private async heatmapWith(infer: StoppableInfer): Promise<boolean> {
    const t0 = this.opts.now();
    const where = [this.m.tensors.grid, this.m.gridValues, this.config.ctx, this.opts.heatmapSize] as const;
    const heatmap = await computeHeatmap(this.m.compiled.model, ...where, this.stepCount, infer);
    if (!heatmap) return false;
    this.lastHeatmapAt = this.opts.now();
    this.lastHeatmapMs = this.lastHeatmapAt - t0;
    this.emit({ type: 'heatmap', heatmap });
    return true;
  }

  /** Metrics, the decision boundary and the panels' probes, all now (after a pause, a step, a load). */
  private async reportAll(): Promise<void> {
    await this.reportMetrics();
    await this.reportHeatmap();
    await this.reportProbes();
  }

  /** The panels' probes: now, or (while running) at their own pace. */
  async setProbes(request: ProbeRequest): Promise<void> {
    this.health.setEnabled(request.health);
    this.probes.setRequest(request);
    if (!this.running && !this.disposed) await this.reportProbes(true);
  }

  /** Runs the due probes (all when `force`) on the live model; true when one reported. */
  async reportProbes(force = true): Promise<boolean> {
    if (this.disposed) return false;
    return this.probes.run(this.m.probeContext(this.config, this.stepCount, this.batchSize()), force);
  }

  /** Starts the loop; returns at once. A second call while running does nothing. */
  start(untilStep?: number): void {
    if (this.running || this.disposed) return;
    this.stopAt = untilStep !== undefined && untilStep > this.stepCount ? untilStep : null;
    this.running = true;
    this.meter.startWindow(this.opts.now(), this.stepCount);
    this.group = 1;
    this.emit({ type: 'status', running: true });
    this.loop = this.runLoop().catch((err: unknown) => this.fail(err));
  }

  /** Stops the loop on an error and says so; the model, weights and Train stay usable. */
  private fail(err: unknown): void {
    this.running = false;
    this.emit(failureEvent(err, this.stepCount));
    this.emit({ type: 'status', running: false });
  }

  private async runLoop(): Promise<void> {
    while (this.running && !this.disposed) {
      const perFrame = this.perFrame;
      await this.clock.time('runningMs', () =>
        perFrame !== null ? this.runFrame(perFrame) : this.runChunk(),
      );
    }
  }

  /** Full speed: one chunk of steps, then the refreshes that are due, then a yield to incoming messages. */
  private async runChunk(): Promise<void> {
    const t0 = this.opts.now();
    // Steps in groups, one readback per group, until the chunk's time budget is spent (see nextGroup).
    while (this.running && this.opts.now() - t0 < this.opts.chunkMs) {
      const n = this.stopAt === null ? this.group : Math.min(this.group, this.stopAt - this.stepCount);
      if (n <= 0) return this.stopAtLimit();
      const g0 = this.opts.now();
      // A due health sample is one measured step run as a group of its own, so its cost is its own.
      if (this.health.due()) {
        await this.clock.time('healthMs', () => this.runSteps(1, true));
        this.health.ran(g0);
        this.clock.count('healthSamples');
        continue;
      }
      const steps = await this.clock.time('stepsMs', () => this.runSteps(n));
      const took = this.opts.now() - g0;
      this.group = nextGroup(this.group, took, steps.length === this.group, this.opts.chunkMs);
    }
    if (this.pausedNow()) return;
    await this.refresh(false);
    await yieldToLoop();
  }

  /**
   * Slow motion: `n` steps, then the metrics and the boundary redrawn, then a wait for the next
   * animation frame: the learner watches the boundary form. The loop idles most of the frame, so
   * a redraw every frame costs training nothing it would otherwise have had.
   */
  private async runFrame(n: number): Promise<void> {
    const count = this.stopAt === null ? n : Math.min(n, this.stopAt - this.stepCount);
    if (count <= 0) return this.stopAtLimit();
    const g0 = this.opts.now();
    const measure = this.health.due();
    await this.clock.time(measure ? 'healthMs' : 'stepsMs', () => this.runSteps(count, measure));
    if (measure) this.health.ran(g0);
    if (this.pausedNow()) return;
    await this.refresh(true);
    await nextFrame();
  }

  /**
   * The refreshes while running: metrics, boundary and the panels' probes, each when due (the
   * first two every frame in slow motion unless they take over 100 ms). Otherwise what the charts need
   * costs at most about 5% of training: a slow refresh comes less often (budgeted). Each is given
   * up when Pause arrives meanwhile (the paused model is reported in full then).
   */
  private async refresh(everyTime: boolean): Promise<void> {
    // A slice asked for meanwhile is taken up here, where no pass over the old grid is in flight.
    if (this.m.applyPendingPlane()) this.lastHeatmapAt = Number.NEGATIVE_INFINITY;
    const paused = this.pausedNow;
    const now = this.opts.now();
    const due = (endedAt: number, intervalMs: number, costMs: number | null) =>
      (everyTime ? isDueInSlowMotion : isDue)(now, endedAt, intervalMs, costMs);
    const metricsEnd = this.meter.lastAt + (this.meter.lastCostMs ?? 0);
    if (!paused() && due(metricsEnd, this.opts.metricsIntervalMs, this.meter.lastCostMs)) {
      await this.clock.time('metricsMs', () => this.refreshMetrics());
    }
    if (!paused() && due(this.lastHeatmapAt, this.opts.heatmapIntervalMs, this.lastHeatmapMs)) {
      if (await this.clock.time('heatmapMs', () => this.heatmapWith(this.sliced())))
        this.clock.count('heatmaps');
    }
    if (!paused() && (await this.clock.time('probeMs', () => this.reportProbes(false)))) {
      this.clock.count('probeRuns');
    }
  }

  /** Another slice of the input space (see SessionConfig.plane): now when paused, else at the next refresh. */
  async setPlane(plane: readonly [number, number]): Promise<void> {
    this.m.requestPlane(plane);
    if (!this.running && !this.disposed && this.m.applyPendingPlane()) await this.reportAll();
  }

  /** Steps per animation frame (slow motion), or null for full speed; takes effect at once. */
  setSpeed(stepsPerFrame: number | null): void {
    this.perFrame = stepsPerFrame !== null && stepsPerFrame >= 1 ? Math.round(stepsPerFrame) : null;
  }

  /** The run reached the step it was started up to: it stops there, exactly, and reports as on Pause. */
  private async stopAtLimit(): Promise<void> {
    this.running = false;
    this.emit({ type: 'status', running: false });
    await this.reportAll();
  }

  /** Stops the loop after the current group of steps and sends final metrics. */
  async pause(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.loop;
    this.loop = null;
    if (this.disposed) return;
    this.emit({ type: 'status', running: false });
    await this.reportAll();
  }

  /** One batch, then fresh metrics and boundary (when paused). */
  async step(): Promise<void> {
    if (this.running || this.disposed) return;
    const losses = await this.runSteps(1, this.health.isEnabled).catch((err: unknown) => {
      this.fail(err);
      return null;
    });
    if (losses && Number.isFinite(losses[0])) await this.reportAll();
  }

  /** Same seed, same initial weights, same batches: the loss curve repeats exactly. */
  async reset(): Promise<void> {
    await this.pause();
    this.teardown();
    this.build();
    await this.reportAll();
  }

  /** The live weights, by node and name. */
  getWeights(): Promise<NodeWeights> {
    return readWeights(this.m.compiled.model);
  }

  /**
   * Puts saved weights in (when paused) and shows what the model now does; `step` is the step
   * they were trained to (the run continues from there). Returns why not, or null.
   */
  async setWeights(weights: NodeWeights, step?: number): Promise<string | null> {
    if (this.running || this.disposed) return 'Pause training before loading weights.';
    const problem = writeWeights(this.m.compiled.model, weights);
    if (problem) return problem;
    if (step !== undefined) this.stepCount = step;
    await this.reportAll();
    return null;
  }

  /** New optimizer settings take effect from the next step; weights are kept. */
  setHyper(h: Hyper): void {
    const optimizerChanged =
      h.optimizer !== this.hyper.optimizer || h.learningRate !== this.hyper.learningRate;
    this.hyper = h;
    if (optimizerChanged) {
      this.optimizer.dispose();
      this.optimizer = makeOptimizer(h);
    }
  }

  /** Gives up without touching tensors: a dead backend (lost GPU context) may never answer a readback. */
  abandon(): void {
    this.running = false;
    this.disposed = true;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.running = false;
    await this.loop;
    this.disposed = true;
    this.teardown();
  }
}
