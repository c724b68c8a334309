import * as tf from '../compile/tf';
import type { Task } from '../graph/types';
import { taskAccuracy, taskLoss } from './loss';
import { inferOnce, type StoppableInfer } from './slices';

/** What one evaluation reads back: every figure in inference mode (BatchNorm's running statistics). */
export interface Evaluation {
  readonly testLoss: number;
  /** Share of test points classified right, 0..1; null for regression. */
  readonly testAccuracy: number | null;
  /** Regression only: R² = 1 − SSE/SST of the predictions on the test set; null otherwise. */
  readonly testR2: number | null;
  /** The loss over the whole training set, measured the same way as testLoss (null when not asked). */
  readonly trainLoss: number | null;
}

/** Inputs and targets of some rows. */
type Rows = { readonly x: tf.Tensor2D; readonly y: tf.Tensor2D };

/** R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², the share of the targets' variance the predictions explain. */
function rSquared(y: tf.Tensor, pred: tf.Tensor): tf.Scalar {
  const sse = tf.sum(tf.square(tf.sub(y, pred)));
  const sst = tf.sum(tf.square(tf.sub(y, tf.mean(y))));
  return tf.sub(1, tf.div(sse, tf.maximum(sst, 1e-12))) as tf.Scalar;
}

/**
 * Loss and accuracy (or R² for regression) of the model on the test set and, when `train` is
 * given, its loss on the training set too, all in inference mode and in one readback: so the
 * train and test losses a learner compares are measured the same way. `infer` computes the
 * model's outputs (in one pass by default; inferInSlices lets a Pause in between); null when it
 * gave up, with no tensor left behind.
 */
export function evaluateModel(
  model: tf.LayersModel,
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  task: Task,
  train?: Rows,
): Promise<Evaluation>;
export function evaluateModel(
  model: tf.LayersModel,
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  task: Task,
  train: Rows | undefined,
  infer: StoppableInfer,
): Promise<Evaluation | null>;
export async function evaluateModel(
  model: tf.LayersModel,
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  task: Task,
  train?: Rows,
  infer: StoppableInfer = inferOnce,
): Promise<Evaluation | null> {
  const logits: tf.Tensor[] = [];
  let packed: tf.Tensor | null = null;
  try {
    const test = await infer(model, x);
    if (!test) return null;
    logits.push(test);
    const trained = train ? await infer(model, train.x) : null;
    if (train && !trained) return null;
    if (trained) logits.push(trained);
    packed = tf.tidy(() => {
      const figures = [taskLoss(task, y, test)];
      figures.push(task === 'regression' ? rSquared(y, test) : (taskAccuracy(task, y, test) as tf.Scalar));
      if (train && trained) figures.push(taskLoss(task, train.y, trained));
      return tf.stack(figures);
    });
    const v = await packed.data();
    // A float32 mean of 0/1 values can land a hair outside [0, 1] on WebGL (1.0000001).
    const second = v[1] as number;
    return {
      testLoss: v[0] as number,
      testAccuracy: task === 'regression' ? null : Math.min(1, Math.max(0, second)),
      testR2: task === 'regression' ? second : null,
      trainLoss: train ? (v[2] as number) : null,
    };
  } finally {
    tf.dispose(logits);
    packed?.dispose();
  }
}
