import * as tf from '../compile/tf';
import { budgeted } from './budget';
import { divergenceMessage } from './divergence';
import { type Evaluation, evaluateModel } from './evaluate';
import { computeHeatmap } from './heatmap';
import { taskLoss } from './loss';
import { MetricsMeter } from './metricsMeter';
import { nextFrame } from './nextFrame';
import { makeOptimizer } from './optimizers';
import type { ProbeContext } from './probes/context';
import { ProbeRunner, type ProbeTiming } from './probes/runner';
import type { Hyper, Metrics, NodeWeights, ProbeRequest, SessionConfig, TrainEvent } from './protocol';
import { l2Penalty } from './regularization';
import { SessionModel } from './sessionModel';
import { diagnoseStepFailure, failureEvent, releaseFailedTape } from './stepFailure';
import { readWeights, writeWeights } from './weights';
import { yieldToLoop } from './yieldToLoop';

export interface SessionOptions {
  /** How often metrics are reported while running (ms). */
  readonly metricsIntervalMs: number;
  /** How often the decision boundary is recomputed while running (ms). */
  readonly heatmapIntervalMs: number;
  /** Grid size of the decision boundary (size x size points). */
  readonly heatmapSize: number;
  /** Time budget of one chunk of steps between readbacks and yields (ms). */
  readonly chunkMs: number;
  /** How often the panels' probes refresh while running. */
  readonly probeTiming?: ProbeTiming;
  readonly now: () => number;
}

/** The largest group of steps between two readbacks. */
const MAX_GROUP = 64;

const DEFAULTS: SessionOptions = {
  metricsIntervalMs: 100,
  heatmapIntervalMs: 100,
  heatmapSize: 100,
  chunkMs: 25,
  now: () => performance.now(),
};

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
  private lastHeatmapAt = 0;
  /** Durations of the last heatmap refresh and of the last probe run that emitted a report (ms). */
  private lastHeatmapMs: number | null = null;
  /** Steps per readback in the running loop (grows to MAX_GROUP). */
  private group = 1;
  private lastProbeMs: number | null = null;
  private probeEmitted = false;

  constructor(
    private readonly config: SessionConfig,
    private readonly emit: (e: TrainEvent) => void,
    options: Partial<SessionOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...options };
    this.hyper = config.hyper;
    const probeEmit = (e: TrainEvent) => {
      this.probeEmitted = true;
      emit(e);
    };
    this.probes = new ProbeRunner(probeEmit, this.opts.now, this.opts.probeTiming);
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
  /** The last heatmap refresh and probe run durations in ms (diagnostics; null before the first). */
  get timings(): { heatmapMs: number | null; probeMs: number | null } {
    return { heatmapMs: this.lastHeatmapMs, probeMs: this.lastProbeMs };
  }
  get isRunning(): boolean {
    return this.running;
  }
  /** The compiled model (for tests; owned by the session). */
  get model(): tf.LayersModel {
    return this.m.compiled.model;
  }
  private build(): void {
    this.m = new SessionModel(this.config, this.opts.heatmapSize);
    this.optimizer = makeOptimizer(this.hyper);
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

  /** One optimizer step on one batch, in training mode (BatchNorm uses batch statistics). */
  private trainStep(): tf.Scalar {
    const { task } = this.config.ctx;
    const model = this.m.compiled.model;
    const l2 = this.hyper.l2;
    const loss = tf.tidy(() => {
      const { x, y } = this.m.batches.next(this.batchSize());
      return this.optimizer.minimize(
        () => {
          const logits = model.apply(x, { training: true }) as tf.Tensor;
          const data = taskLoss(task, y, logits);
          return l2 > 0 ? (tf.add(data, l2Penalty(this.m.kernels, l2)) as tf.Scalar) : data;
        },
        true,
        this.m.trainable,
      ) as tf.Scalar;
    });
    this.stepCount++;
    return loss;
  }

  /**
   * Runs `n` steps and reads their losses back in one go (a single sync). Returns the losses.
   * Pauses and reports when a loss is NaN or infinite.
   */
  async runSteps(n: number): Promise<number[]> {
    const losses: tf.Scalar[] = [];
    try {
      for (let i = 0; i < n; i++) losses.push(this.trainStep());
    } catch (err) {
      tf.dispose(losses);
      releaseFailedTape();
      throw diagnoseStepFailure(err, this.m.compiled, this.m.probeX, this.stepCount, this.config.graph);
    }
    const stacked = tf.stack(losses);
    tf.dispose(losses);
    const values = Array.from(await stacked.data());
    stacked.dispose();
    this.meter.addLosses(values);
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      const at = this.stepCount - n + bad + 1;
      this.running = false;
      this.emit({
        type: 'diverged',
        step: at,
        message: divergenceMessage(at, values[bad] as number, this.hyper),
      });
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
    const evaluation = await this.evaluate();
    const at = { now, step: this.stepCount, epoch: this.m.batches.epochs, running: this.running };
    const metrics = this.meter.report(evaluation, { ...at, batchSize: this.batchSize() });
    this.meter.lastCostMs = this.opts.now() - now;
    this.emit({ type: 'metrics', metrics });
    return metrics;
  }

  /** The decision boundary and the nonlinearity score, in inference mode (see computeHeatmap). */
  async reportHeatmap(): Promise<void> {
    const { model } = this.m.compiled;
    const { heatmapSize } = this.opts;
    const t0 = this.opts.now();
    const heatmap = await computeHeatmap(
      model,
      this.m.tensors.grid,
      this.m.gridValues,
      this.config.ctx,
      heatmapSize,
      this.stepCount,
    );
    this.lastHeatmapAt = this.opts.now();
    this.lastHeatmapMs = this.lastHeatmapAt - t0;
    this.emit({ type: 'heatmap', heatmap });
  }

  /** Metrics, the decision boundary and the panels' probes, all now (after a pause, a step, a load). */
  private async reportAll(): Promise<void> {
    await this.reportMetrics();
    await this.reportHeatmap();
    await this.reportProbes();
  }

  /** The panels' probes: now, or (while running) at their own pace. */
  setProbes(request: ProbeRequest): Promise<void> {
    this.probes.setRequest(request);
    return this.running || this.disposed ? Promise.resolve() : this.reportProbes(true);
  }

  /** Runs the due probes (all when `force`) on the live model. */
  async reportProbes(force = true): Promise<void> {
    if (this.disposed) return;
    const context: ProbeContext = {
      compiled: this.m.compiled,
      config: this.config,
      tensors: this.m.tensors,
      probeX: this.m.probeX,
      step: this.stepCount,
      batchSize: this.batchSize(),
    };
    const t0 = this.opts.now();
    this.probeEmitted = false;
    await this.probes.run(context, force);
    if (this.probeEmitted) this.lastProbeMs = this.opts.now() - t0;
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
      if (this.perFrame !== null) {
        await this.runFrame(this.perFrame);
        continue;
      }
      const t0 = this.opts.now();
      // Steps in groups, one readback per group, until the chunk's time budget is spent. A group
      // grows (up to 64 steps) while it takes under half a chunk and shrinks when it overruns
      // one: a fast model pays for few readbacks, a slow one still hears Pause within a chunk.
      while (this.running && this.opts.now() - t0 < this.opts.chunkMs) {
        const n = this.stopAt === null ? this.group : Math.min(this.group, this.stopAt - this.stepCount);
        if (n <= 0) return this.stopAtLimit();
        const g0 = this.opts.now();
        const steps = await this.runSteps(n);
        const took = this.opts.now() - g0;
        if (took < this.opts.chunkMs / 2 && steps.length === this.group) {
          this.group = Math.min(this.group * 2, MAX_GROUP);
        } else if (took > this.opts.chunkMs) this.group = Math.max(1, this.group >> 1);
      }
      if (!this.running || this.disposed) break;
      const now = this.opts.now();
      // What the charts need costs at most about 5% of training: a slow refresh comes less often.
      if (now - this.meter.lastAt >= budgeted(this.opts.metricsIntervalMs, this.meter.lastCostMs)) {
        await this.reportMetrics();
      }
      if (now - this.lastHeatmapAt >= budgeted(this.opts.heatmapIntervalMs, this.lastHeatmapMs)) {
        await this.reportHeatmap();
      }
      await this.reportProbes(false);
      await yieldToLoop();
    }
  }

  /**
   * Slow motion: `n` steps, then the metrics and the boundary redrawn, then a wait for the next
   * animation frame: the learner watches the boundary form. The loop idles most of the frame, so
   * a redraw every frame costs training nothing it would otherwise have had.
   */
  private async runFrame(n: number): Promise<void> {
    const count = this.stopAt === null ? n : Math.min(n, this.stopAt - this.stepCount);
    if (count <= 0) return this.stopAtLimit();
    await this.runSteps(count);
    if (!this.running || this.disposed) return;
    await this.reportMetrics();
    await this.reportHeatmap();
    await this.reportProbes(false);
    await nextFrame();
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
    const losses = await this.runSteps(1).catch((err: unknown) => {
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

  /**
   * Gives the session up without touching its tensors: for a backend that died (lost GPU
   * context), where a readback may never resolve and freeing memory is meaningless.
   */
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
