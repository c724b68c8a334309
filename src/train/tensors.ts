import * as tf from '../compile/tf';
import type { Task } from '../graph/types';
import type { DataPayload } from './protocol';

/** The dataset as tensors, kept on the backend for the session's life. */
export interface DataTensors {
  readonly xTrain: tf.Tensor2D;
  /** [n, 1] targets (binary, regression) or [n, k] one-hot (multiclass). */
  readonly yTrain: tf.Tensor2D;
  readonly xTest: tf.Tensor2D;
  readonly yTest: tf.Tensor2D;
  /** The size x size grid over domain^2, row 0 at the top, for the decision boundary. */
  readonly grid: tf.Tensor2D;
  readonly nTrain: number;
}

function targets(y: Float32Array, task: Task, classes: number): tf.Tensor2D {
  if (task === 'multiclass') {
    return tf.tidy(
      () => tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(y), 'int32'), classes), 'float32') as tf.Tensor2D,
    );
  }
  return tf.tensor2d(y, [y.length, 1]);
}

/** Cell centres of a size x size grid over [lo, hi]^2, row-major, top row first. */
export function gridPoints(size: number, domain: readonly [number, number]): Float32Array {
  const [lo, hi] = domain;
  const out = new Float32Array(size * size * 2);
  const cell = (hi - lo) / size;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const i = r * size + c;
      out[2 * i] = lo + (c + 0.5) * cell;
      out[2 * i + 1] = hi - (r + 0.5) * cell;
    }
  }
  return out;
}

export function makeDataTensors(
  data: DataPayload,
  inputDim: number,
  task: Task,
  outputDim: number,
  gridSize: number,
): DataTensors {
  const nTrain = data.yTrain.length;
  const nTest = data.yTest.length;
  return {
    xTrain: tf.tensor2d(data.xTrain, [nTrain, inputDim]),
    yTrain: targets(data.yTrain, task, outputDim),
    xTest: tf.tensor2d(data.xTest, [nTest, inputDim]),
    yTest: targets(data.yTest, task, outputDim),
    grid: tf.tensor2d(gridPoints(gridSize, data.domain), [gridSize * gridSize, inputDim]),
    nTrain,
  };
}

export function disposeDataTensors(t: DataTensors): void {
  tf.dispose([t.xTrain, t.yTrain, t.xTest, t.yTest, t.grid]);
}
