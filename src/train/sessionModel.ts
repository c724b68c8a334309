import { type CompiledGraph, compileGraph } from '../compile/compileGraph';
import * as tf from '../compile/tf';
import { fitPlane, gridPoints, type Plane } from '../data/slice';
import type { Task } from '../graph/types';
import { deriveSeed } from '../lib/rng';
import { BatchStream } from './batches';
import { taskLoss } from './loss';
import { PROBE_BATCH, type ProbeContext } from './probes/context';
import type { SessionConfig } from './protocol';
import { denseKernels, l2Penalty } from './regularization';
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

  constructor(config: SessionConfig, heatmapSize: number) {
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
    const { model } = this.compiled;
    return tf.tidy(() => {
      const { x, y } = this.batches.next(batchSize);
      return optimizer.minimize(
        () => {
          const logits = model.apply(x, { training: true }) as tf.Tensor;
          const data = taskLoss(task, y, logits);
          return l2 > 0 ? (tf.add(data, l2Penalty(this.kernels, l2)) as tf.Scalar) : data;
        },
        true,
        this.trainable,
      ) as tf.Scalar;
    });
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
