import * as tf from '../compile/tf';
import type { Task } from '../graph/types';

/**
 * The loss on logits, matching the Output node's head: sigmoid + binary cross-entropy,
 * softmax + cross-entropy, or mean squared error. Computed from logits for numerical stability
 * (log-sum-exp inside tfjs's sigmoid/softmax cross-entropy).
 */
export function taskLoss(task: Task, labels: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  switch (task) {
    case 'binary':
      return tf.losses.sigmoidCrossEntropy(labels, logits) as tf.Scalar;
    case 'multiclass':
      return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
    case 'regression':
      return tf.losses.meanSquaredError(labels, logits) as tf.Scalar;
  }
}

/** Share of rows predicted right: logit > 0 for binary, argmax for multiclass. */
export function taskAccuracy(task: Task, labels: tf.Tensor, logits: tf.Tensor): tf.Scalar | null {
  if (task === 'binary')
    return tf.mean(tf.cast(tf.equal(tf.cast(tf.greater(logits, 0), 'float32'), labels), 'float32'));
  if (task === 'multiclass')
    return tf.mean(tf.cast(tf.equal(tf.argMax(logits, -1), tf.argMax(labels, -1)), 'float32'));
  return null;
}

/** Logits to what the heatmap shows: probabilities (sigmoid/softmax) or the regression value. */
export function taskPrediction(task: Task, logits: tf.Tensor): tf.Tensor {
  if (task === 'binary') return tf.sigmoid(logits);
  if (task === 'multiclass') return tf.softmax(logits);
  return logits;
}
