import * as tf from '../compile/tf';
import type { Task } from '../graph/types';
import { inferAll } from './infer';
import { taskAccuracy, taskLoss } from './loss';

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

/** R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², the share of the targets' variance the predictions explain. */
function rSquared(y: tf.Tensor, pred: tf.Tensor): tf.Scalar {
  const sse = tf.sum(tf.square(tf.sub(y, pred)));
  const sst = tf.sum(tf.square(tf.sub(y, tf.mean(y))));
  return tf.sub(1, tf.div(sse, tf.maximum(sst, 1e-12))) as tf.Scalar;
}

/**
 * Loss and accuracy (or R² for regression) of the model on the test set and, when `train` is
 * given, its loss on the training set too, all in inference mode and in one readback: so the
 * train and test losses a learner compares are measured the same way.
 */
export async function evaluateModel(
  model: tf.LayersModel,
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  task: Task,
  train?: { readonly x: tf.Tensor2D; readonly y: tf.Tensor2D },
): Promise<Evaluation> {
  const packed = tf.tidy(() => {
    const logits = inferAll(model, x);
    const figures = [taskLoss(task, y, logits)];
    figures.push(task === 'regression' ? rSquared(y, logits) : (taskAccuracy(task, y, logits) as tf.Scalar));
    if (train) figures.push(taskLoss(task, train.y, inferAll(model, train.x)));
    return tf.stack(figures);
  });
  const v = await packed.data();
  packed.dispose();
  // A float32 mean of 0/1 values can land a hair outside [0, 1] on WebGL (1.0000001).
  const second = v[1] as number;
  return {
    testLoss: v[0] as number,
    testAccuracy: task === 'regression' ? null : Math.min(1, Math.max(0, second)),
    testR2: task === 'regression' ? second : null,
    trainLoss: train ? (v[2] as number) : null,
  };
}
