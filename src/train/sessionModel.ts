import { type CompiledGraph, compileGraph } from '../compile/compileGraph';
import * as tf from '../compile/tf';
import { fitPlane, gridPoints, type Plane } from '../data/slice';
import type { Task } from '../graph/types';
import { deriveSeed } from '../lib/rng';
import { BatchStream } from './batches';
import { type HealthLayerRef, healthLayers, measuredStep } from './health/capture';
import { healthSample } from './health/healthMath';
import { taskLoss } from './loss';
import { PROBE_BATCH, type ProbeContext } from './probes/context';
import type { HealthSample, Hyper, SessionConfig } from './protocol';
import { denseKernels, l2Penalty } from './regularization';
import { diagnoseStepFailure, releaseFailedTape } from './stepFailure';
import { type DataTensors, disposeDataTensors, gridTensor, makeDataTensors } from './tensors';

/** At most this many training rows are evaluated for the train loss (cost bounded on big data). */
const TRAIN_EVAL_ROWS = 4096;

/**
 * What a training session trains: the compiled model, its trainable variables and Dense kernels
 * (for L2), the data as tensors, the fixed probe and train-evaluation batches, the heatmap grid
 * and the seeded batch stream. Built from a config in one go and freed in one go.
 */
export class SessionModel {
  readonly compiled: CompiledGraph;
  readonly trainable: tf.Variable[];
  readonly kernels: tf.Variable[];
  tensors: DataTensors;
  /** The two inputs the heatmap grid, the warped grid and the batch point vary (see SessionConfig.plane). */
  plane: Plane;
  /** The fixed probe batch: the first PROBE_BATCH test points. */
  readonly probeX: tf.Tensor2D;
  /** The training rows the train loss is measured on (the first TRAIN_EVAL_ROWS), in inference mode. */
  readonly trainEval: { readonly x: tf.Tensor2D; readonly y: tf.Tensor2D };
  /** The heatmap grid as (across, up) pairs of the plane: what the nonlinearity score fits. */
  readonly gridValues: Float32Array;
  private readonly heatmapSize: number;
  private pendingPlane: Plane | null = null;
  private readonly domain: readonly [number, number];
  readonly batches: BatchStream;
  /** The Dense and Output layers training health measures (found on first use). */
  private health: HealthLayerRef[] | null = null;

  constructor(
    private readonly config: SessionConfig,
    heatmapSize: number,
  ) {
    const { graph, ctx, data, seed } = config;
    this.compiled = compileGraph(graph, ctx, seed);
    this.trainable = this.compiled.model.trainableWeights.map((w) => w.read() as tf.Variable);
    this.kernels = denseKernels(this.compiled.model);
    this.plane = fitPlane(config.plane, ctx.inputDim);
    this.heatmapSize = heatmapSize;
    this.domain = data.domain;
    this.tensors = makeDataTensors(data, ctx.inputDim, ctx.task, ctx.outputDim, heatmapSize, this.plane);
    const nTest = this.tensors.xTest.shape[0];
    this.probeX = tf.slice(this.tensors.xTest, [0, 0], [Math.min(PROBE_BATCH, nTest), ctx.inputDim]);
    const nEval = Math.min(TRAIN_EVAL_ROWS, this.tensors.nTrain);
    this.trainEval = {
      x: tf.slice(this.tensors.xTrain, [0, 0], [nEval, -1]),
      y: tf.slice(this.tensors.yTrain, [0, 0], [nEval, -1]),
    };
    this.gridValues = gridPoints(heatmapSize, data.domain);
    this.batches = new BatchStream(this.tensors.xTrain, this.tensors.yTrain, deriveSeed(seed, 7));
  }

  get model(): tf.LayersModel {
    return this.compiled.model;
  }

  /** What a probe may read: this model and data, where training is, the slice, and the session's config. */
  probeContext(config: SessionConfig, step: number, batchSize: number): ProbeContext {
    const { compiled, tensors, probeX, plane } = this;
    return { compiled, config, tensors, probeX, step, batchSize, plane };
  }

  /** Asks for another slice; it takes effect at applyPendingPlane (a pass over the grid may be in flight now). */
  requestPlane(plane: Plane): void {
    this.pendingPlane = plane;
  }

  /**
   * Moves the heatmap grid to the slice asked for, if any (call where no pass over the grid is in
   * flight); true when the slice changed (the boundary and the probes are then out of date).
   */
  applyPendingPlane(): boolean {
    const plane = this.pendingPlane;
    this.pendingPlane = null;
    if (!plane) return false;
    const inputDim = this.tensors.xTrain.shape[1] as number;
    const fit = fitPlane(plane, inputDim);
    if (fit[0] === this.plane[0] && fit[1] === this.plane[1]) return false;
    this.plane = fit;
    const old = this.tensors.grid;
    this.tensors = { ...this.tensors, grid: gridTensor(this.heatmapSize, this.domain, inputDim, fit) };
    old.dispose();
    return true;
  }

  /**
   * One optimizer step on the next batch in training mode (BatchNorm uses the batch's own
   * statistics): loss = task loss + l2 * sum(W^2) over the Dense kernels. Returns the loss tensor.
   */
  trainStep(optimizer: tf.Optimizer, task: Task, l2: number, batchSize: number): tf.Scalar {
    return tf.tidy(
      () => optimizer.minimize(this.batchLoss(task, l2, batchSize), true, this.trainable) as tf.Scalar,
    );
  }

  /** The loss of the next batch in training mode, as a function for the optimizer. Call inside a tidy. */
  private batchLoss(task: Task, l2: number, batchSize: number): () => tf.Scalar {
    const { model } = this.compiled;
    const { x, y } = this.batches.next(batchSize);
    return () => {
      const logits = model.apply(x, { training: true }) as tf.Tensor;
      const data = taskLoss(task, y, logits);
      return l2 > 0 ? (tf.add(data, l2Penalty(this.kernels, l2)) as tf.Scalar) : data;
    };
  }

  /** The weighted layers training health reports on, in the order data flows through them. */
  get healthLayers(): readonly HealthLayerRef[] {
    this.health ??= healthLayers(this.compiled, this.config.graph);
    return this.health;
  }

  /**
   * The same step as trainStep (same batch, same update), measured: also returns the packed
   * [||g||, ||W||, ||ΔW||] of every healthLayers kernel (see measuredStep).
   */
  measuredTrainStep(
    optimizer: tf.Optimizer,
    task: Task,
    l2: number,
    batchSize: number,
  ): { loss: tf.Scalar; norms: tf.Tensor1D } {
    return tf.tidy(() =>
      measuredStep(optimizer, this.batchLoss(task, l2, batchSize), this.trainable, this.healthLayers),
    );
  }

  /**
   * Runs a group of `n` steps and reads their losses back in one go (a single sync); with
   * `measure`, the first step is measured (measuredTrainStep) and its health read back too.
   * `onStep` is called after each step that ran. A step that throws frees what the group made
   * and rethrows the diagnosed failure (diagnoseStepFailure), naming the step it was at.
   */
  async runGroup(
    optimizer: tf.Optimizer,
    hyper: Hyper,
    batchSize: number,
    group: { n: number; measure: boolean; firstStep: number; onStep: () => void },
  ): Promise<{ values: number[]; health: HealthSample | null }> {
    const losses: tf.Scalar[] = [];
    let norms: tf.Tensor1D | null = null;
    const args = [optimizer, this.config.ctx.task, hyper.l2, batchSize] as const;
    try {
      for (let i = 0; i < group.n; i++) {
        if (i === 0 && group.measure) ({ loss: losses[0], norms } = this.measuredTrainStep(...args));
        else losses.push(this.trainStep(...args));
        group.onStep();
      }
    } catch (err) {
      tf.dispose([...losses, ...(norms ? [norms] : [])]);
      releaseFailedTape();
      const at = group.firstStep + losses.length;
      throw diagnoseStepFailure(err, this.compiled, this.probeX, at, this.config.graph);
    }
    // One readback for the whole group: its losses, then the measured step's norms.
    const stacked = tf.tidy(() => (norms ? tf.concat([tf.stack(losses), norms]) : tf.stack(losses)));
    tf.dispose([...losses, ...(norms ? [norms] : [])]);
    const read = await stacked.data();
    stacked.dispose();
    const values = Array.from(read.subarray(0, group.n));
    if (!norms) return { values, health: null };
    const step = group.firstStep + 1;
    const measured = read.subarray(group.n);
    return { values, health: healthSample(step, hyper.learningRate, this.healthLayers, measured) };
  }

  dispose(): void {
    this.batches.dispose();
    this.compiled.dispose();
    this.probeX.dispose();
    this.trainEval.x.dispose();
    this.trainEval.y.dispose();
    disposeDataTensors(this.tensors);
  }
}
