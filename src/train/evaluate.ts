import * as tf from '@tensorflow/tfjs';
import type { Task } from '../graph/types';
import { inferAll } from './infer';
import { taskAccuracy, taskLoss } from './loss';

/** Loss and accuracy (null for regression) of the model on (x, y), in inference mode, one readback. */
export async function evaluateModel(
  model: tf.LayersModel,
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  task: Task,
): Promise<{ testLoss: number; testAccuracy: number | null }> {
  const packed = tf.tidy(() => {
    const logits = inferAll(model, x);
    const loss = taskLoss(task, y, logits);
    const acc = taskAccuracy(task, y, logits);
    return tf.stack(acc ? [loss, acc] : [loss]);
  });
  const v = await packed.data();
  packed.dispose();
  // A float32 mean of 0/1 values can land a hair outside [0, 1] on WebGL (1.0000001).
  const acc = task === 'regression' ? null : Math.min(1, Math.max(0, v[1] as number));
  return { testLoss: v[0] as number, testAccuracy: acc };
}
