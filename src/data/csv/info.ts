import type { Dataset, DatasetInfo } from '../types';
import type { CsvChoice } from './types';

/** The square imported data is plotted over before its rows are known: ±3 standard deviations. */
export const CSV_DOMAIN: readonly [number, number] = [-3, 3];

/**
 * What the network and the charts need to know of imported data, from the lab's choice alone
 * (rows not needed): the task, classes, one input per chosen feature, the output width, the
 * feature names. `domain` and `classLabels` come from the rows when they are there.
 */
export function csvInfo(
  choice: CsvChoice | null | undefined,
  rows?: { readonly domain: readonly [number, number]; readonly classLabels: readonly string[] | null },
): DatasetInfo {
  if (!choice) {
    return {
      name: 'csv',
      label: 'Imported data',
      task: 'binary',
      classes: 2,
      inputDim: 1,
      outputDim: 1,
      domain: CSV_DOMAIN,
      featureNames: ['x1'],
      classLabels: null,
    };
  }
  const featureNames = choice.features.map((c) => choice.columns[c] ?? `column ${c + 1}`);
  return {
    name: 'csv',
    label: choice.file,
    task: choice.task,
    classes: choice.task === 'regression' ? 1 : choice.classes,
    inputDim: choice.features.length,
    outputDim: choice.task === 'multiclass' ? choice.classes : 1,
    domain: rows?.domain ?? CSV_DOMAIN,
    featureNames,
    classLabels: choice.task === 'regression' ? null : (rows?.classLabels ?? null),
  };
}

/** A dataset without rows: imported data whose file is not here (yet). Nothing trains on it. */
export function emptyDataset(info: DatasetInfo): Dataset {
  const none = new Float32Array(0);
  return { info, xTrain: none, yTrain: none, xTest: none, yTest: none };
}
