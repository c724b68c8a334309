import * as tf from '../compile/tf';
import { defaultPlane, type Plane, sliceGrid } from '../data/slice';
import type { Task } from '../graph/types';
import type { DataPayload } from './protocol';

export { gridPoints } from '../data/slice';

/** The dataset as tensors, kept on the backend for the session's life. */
export interface DataTensors {
  readonly xTrain: tf.Tensor2D;
  /** [n, 1] targets (binary, regression) or [n, k] one-hot (multiclass). */
  readonly yTrain: tf.Tensor2D;
  readonly xTest: tf.Tensor2D;
  readonly yTest: tf.Tensor2D;
  /** The size x size grid over domain^2 in the slice's plane (see sliceGrid), row 0 at the top. */
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

/** The decision boundary's grid as a tensor of network inputs (the slice through `plane`). */
export function gridTensor(
  size: number,
  domain: readonly [number, number],
  inputDim: number,
  plane: Plane,
): tf.Tensor2D {
  return tf.tensor2d(sliceGrid(size, domain, inputDim, plane), [size * size, inputDim]);
}

export function makeDataTensors(
  data: DataPayload,
  inputDim: number,
  task: Task,
  outputDim: number,
  gridSize: number,
  plane: Plane = defaultPlane(inputDim),
): DataTensors {
  const nTrain = data.yTrain.length;
  const nTest = data.yTest.length;
  return {
    xTrain: tf.tensor2d(data.xTrain, [nTrain, inputDim]),
    yTrain: targets(data.yTrain, task, outputDim),
    xTest: tf.tensor2d(data.xTest, [nTest, inputDim]),
    yTest: targets(data.yTest, task, outputDim),
    grid: gridTensor(gridSize, data.domain, inputDim, plane),
    nTrain,
  };
}

export function disposeDataTensors(t: DataTensors): void {
  tf.dispose([t.xTrain, t.yTrain, t.xTest, t.yTest, t.grid]);
}
