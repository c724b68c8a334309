import type { Task } from '../graph/types';

/**
 * The TF.js layers-model format (tf.io), as plain data: what `model.save()` hands a save handler,
 * with the weights joined into one buffer. The worker fills it in; this module never imports tfjs,
 * so src/export stays free of it. Format reference: tfjs-core src/io/types.ts (ModelJSON,
 * WeightsManifestConfig) and tf.io.browserDownloads, which writes the same two files.
 */

/** One weight in weights.bin, in file order: its full name ("dense1/kernel"), shape and type. */
export interface TfjsWeightSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'int32' | 'bool' | 'string' | 'complex64';
}

/** What a TF.js model export predicts: see MODEL_OUTPUT_NOTE. */
export type TfjsOutput = 'probabilities' | 'values';

/** A saved layers model: topology, weight list and the weights' bytes. */
export interface TfjsArtifacts {
  /** The Keras-style model config (class_name "Model", config.layers, …), a JSON object. */
  readonly modelTopology: Readonly<Record<string, unknown>>;
  /** "layers-model". */
  readonly format: string;
  /** "TensorFlow.js tfjs-layers v4.22.0". */
  readonly generatedBy: string;
  readonly convertedBy: string | null;
  readonly weightSpecs: readonly TfjsWeightSpec[];
  /** Every weight's values, little-endian, in weightSpecs order (weights.bin). */
  readonly weightData: ArrayBuffer;
}

/** The file the weights go in; model.json names it (a path relative to model.json). */
export const WEIGHTS_FILE = 'weights.bin';

/** What the person should know about the exported model, written into model.json and the README. */
export interface TfjsModelFacts {
  readonly task: Task;
  readonly inputDim: number;
  readonly outputDim: number;
  readonly featureNames: readonly string[];
  /** The training step of the weights; null: the seed's initial weights (untrained). */
  readonly step: number | null;
  readonly output: TfjsOutput;
  /** "Circle", "iris.csv". */
  readonly datasetName: string;
}

/**
 * Why the exported model ends in sigmoid or softmax: in the app the Output node produces logits
 * and the loss applies sigmoid/softmax (numerically safer), but someone calling model.predict()
 * on a downloaded classifier expects probabilities. So the exported copy (only it) gets one more
 * layer, "probabilities"; regression outputs the predicted value as it is.
 */
export const MODEL_OUTPUT_NOTE =
  'Classification models end in a sigmoid (binary) or softmax (multiclass) layer named "probabilities", added to the exported copy only; regression models output the predicted value.';

/** What predict() gives for this task, in words (README and model.json). */
export function outputDescription(facts: Pick<TfjsModelFacts, 'task' | 'outputDim'>): string {
  if (facts.task === 'binary') return 'the probability of class 1 (sigmoid), one number per row';
  if (facts.task === 'multiclass') {
    return `the probabilities of classes 0..${facts.outputDim - 1} (softmax), ${facts.outputDim} numbers per row`;
  }
  return 'the predicted value, one number per row';
}

/**
 * model.json as tf.loadLayersModel (and Netron) read it: the topology, a weights manifest naming
 * weights.bin, and NormLab's facts under userDefinedMetadata.normlab.
 */
export function modelJsonOf(artifacts: TfjsArtifacts, facts: TfjsModelFacts): Record<string, unknown> {
  return {
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs }],
    userDefinedMetadata: {
      normlab: {
        task: facts.task,
        inputDim: facts.inputDim,
        outputDim: facts.outputDim,
        featureNames: facts.featureNames,
        dataset: facts.datasetName,
        trainedToStep: facts.step,
        output: outputDescription(facts),
      },
    },
  };
}

/** The bytes weights.bin must hold for these specs (4 bytes a float32 or int32 value). */
export function expectedWeightBytes(specs: readonly TfjsWeightSpec[]): number {
  return specs.reduce((sum, s) => sum + 4 * s.shape.reduce((a, b) => a * b, 1), 0);
}
