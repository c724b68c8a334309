import * as tf from '../../src/compile/tf';
import type { ExportInput, ExportWeights } from '../../src/export/types';
import type { SessionConfig } from '../../src/train/protocol';
import { TrainingSession } from '../../src/train/session';

/** What the app's own training session gives for one lab: weights before and after, and outputs. */
export interface TrainedLab {
  readonly config: SessionConfig;
  /** The weights at step 0 (the seeded initialization). */
  readonly initial: ExportWeights;
  /** The weights after `steps` steps. */
  readonly trained: ExportWeights;
  readonly steps: number;
  /** The model's inference-mode logits on the test rows after training, row by row. */
  readonly outputs: number[][];
  /** Test loss and accuracy (or R²) as the app measures them, after training. */
  readonly testLoss: number;
  readonly testMetric: number | null;
}

/**
 * Trains a lab `steps` steps with the app's real TrainingSession (cpu backend: call useCpu first)
 * and reads back its weights and inference outputs. Frees every tensor it made.
 */
export async function trainLab(config: SessionConfig, steps: number): Promise<TrainedLab> {
  const session = new TrainingSession(config, () => {}, { heatmapSize: 2 });
  try {
    const initial = await session.getWeights();
    if (steps > 0) await session.runSteps(steps);
    const trained = await session.getWeights();
    const n = config.data.yTest.length;
    const logits = tf.tidy(() =>
      session.model.predict(tf.tensor2d(config.data.xTest, [n, config.ctx.inputDim])),
    );
    const outputs = (logits as tf.Tensor2D).arraySync();
    (logits as tf.Tensor).dispose();
    const e = await session.evaluate();
    return {
      config,
      initial,
      trained,
      steps,
      outputs,
      testLoss: e.testLoss,
      testMetric: e.testAccuracy ?? e.testR2,
    };
  } finally {
    await session.dispose();
  }
}

/** The exporters' input for a lab, with the data and the given weights (or none). */
export function exportInputOf(
  config: SessionConfig,
  dataName: string,
  weights: ExportWeights | null,
  step: number | null,
  labName?: string,
): ExportInput {
  const { ctx, data } = config;
  return {
    ...(labName ? { labName } : {}),
    graph: config.graph,
    task: ctx.task,
    inputDim: ctx.inputDim,
    outputDim: ctx.outputDim,
    hyper: config.hyper,
    seed: config.seed,
    data: {
      name: dataName,
      featureNames: Array.from({ length: ctx.inputDim }, (_, i) => `x${i + 1}`),
      xTrain: data.xTrain,
      yTrain: data.yTrain,
      xTest: data.xTest,
      yTest: data.yTest,
    },
    weights,
    weightsStep: weights ? step : null,
  };
}
