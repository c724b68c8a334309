import { strToU8, zipSync } from 'fflate';
import {
  expectedWeightBytes,
  MODEL_OUTPUT_NOTE,
  modelJsonOf,
  outputDescription,
  type TfjsArtifacts,
  type TfjsModelFacts,
  WEIGHTS_FILE,
} from './tfjsModel';
import type { ExportData } from './types';

/** The zip's name in the browser's downloads. */
export const TFJS_ZIP_NAME = 'normlab-model-tfjs.zip';

/**
 * A value as text that reads back to the same float32: 9 significant digits always suffice
 * (IEEE 754: float32 needs at most 9), and shorter when the value allows.
 */
function float32Text(v: number): string {
  return String(Number(v.toPrecision(9)));
}

/** One split as CSV: a header of the feature names and "y", then one row per point. */
export function splitCsv(featureNames: readonly string[], x: Float32Array, y: Float32Array): string {
  const d = featureNames.length;
  const lines = [[...featureNames, 'y'].join(',')];
  for (let i = 0; i < y.length; i++) {
    const row: string[] = [];
    for (let j = 0; j < d; j++) row.push(float32Text(x[i * d + j] as number));
    row.push(float32Text(y[i] as number));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The zip's README: what is inside, how to load it, what it predicts. */
function readmeOf(facts: TfjsModelFacts, withData: boolean): string {
  const weights =
    facts.step === null ? "the seed's initial weights (untrained)" : `weights trained to step ${facts.step}`;
  const row = facts.featureNames.map((_, i) => (i + 1) / 10).join(', ');
  return [
    `NormLab model (TensorFlow.js layers format), ${weights}, for the ${facts.datasetName} data.`,
    '',
    `model.json   the layers and a manifest of the weights`,
    `${WEIGHTS_FILE}  the weights (float32, little-endian)`,
    ...(withData ? ['train.csv, test.csv  the data it was trained and tested on (last column y)'] : []),
    '',
    'Load it in TensorFlow.js (serve both files from the same folder):',
    "  const model = await tf.loadLayersModel('https://example.org/model/model.json');",
    'or from a file input: tf.loadLayersModel(tf.io.browserFiles([modelJsonFile, weightsBinFile])).',
    '',
    `Input: ${facts.inputDim} features a row (${facts.featureNames.join(', ')}).`,
    `model.predict(tf.tensor2d([[${row}]])) gives ${outputDescription(facts)}.`,
    MODEL_OUTPUT_NOTE,
    '',
    'Netron (https://netron.app) opens model.json to show the graph.',
    '',
  ].join('\n');
}

/**
 * The TF.js export as one .zip: model.json, weights.bin, a README, and the data as CSV when given.
 * Refuses (throws) artifacts whose weights.bin would not match the manifest.
 */
export function buildTfjsZip(
  artifacts: TfjsArtifacts,
  facts: TfjsModelFacts,
  data: ExportData | null,
): Uint8Array {
  const need = expectedWeightBytes(artifacts.weightSpecs);
  if (need !== artifacts.weightData.byteLength) {
    throw new Error(`The weights hold ${artifacts.weightData.byteLength} bytes; the manifest needs ${need}.`);
  }
  const files: Record<string, Uint8Array> = {
    'model.json': strToU8(JSON.stringify(modelJsonOf(artifacts, facts))),
    [WEIGHTS_FILE]: new Uint8Array(artifacts.weightData),
    'README.txt': strToU8(readmeOf(facts, data !== null)),
  };
  if (data) {
    files['train.csv'] = strToU8(splitCsv(data.featureNames, data.xTrain, data.yTrain));
    files['test.csv'] = strToU8(splitCsv(data.featureNames, data.xTest, data.yTest));
  }
  return zipSync(files);
}
