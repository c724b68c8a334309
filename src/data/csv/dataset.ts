import { createRng, deriveSeed, shuffledIndices } from '../../lib/rng';
import { clampScale, trainRows } from '../datasets';
import type { DataSettings, Dataset, Standardization } from '../types';
import { targetValues, usableMask } from './choice';
import { csvInfo } from './info';
import type { CsvChoice, CsvColumn, CsvTable } from './types';

/** Half-widths of the plotted square, in standard deviations: at least 2, at most 4.5. */
const DOMAIN_MIN = 2;
const DOMAIN_MAX = 4.5;

/** Mean and population standard deviation of `values` at `rows` (float64 sums); an sd of 0 counts as 1. */
export function meanSd(values: Float32Array, rows: Int32Array): { mean: number; sd: number } {
  let sum = 0;
  for (const r of rows) sum += values[r] as number;
  const mean = rows.length ? sum / rows.length : 0;
  let sq = 0;
  for (const r of rows) {
    const d = (values[r] as number) - mean;
    sq += d * d;
  }
  const sd = rows.length ? Math.sqrt(sq / rows.length) : 0;
  return { mean, sd: sd > 0 && Number.isFinite(sd) ? sd : 1 };
}

/** Each usable row's target: its class index (classification, by sorted value) or its value (regression). */
function targetsOf(
  col: CsvColumn,
  choice: CsvChoice,
  mask: Uint8Array,
): { y: Float32Array; labels: string[] | null } {
  const y = new Float32Array(mask.length);
  if (choice.task === 'regression' && col.kind === 'numeric') {
    y.set(col.values);
    return { y, labels: null };
  }
  const labels = [...targetValues(col, mask, Number.POSITIVE_INFINITY).labels];
  const index = new Map(labels.map((l, i) => [l, i]));
  if (col.kind === 'text') {
    const byCode = col.labels.map((l) => index.get(l) ?? 0);
    for (let i = 0; i < mask.length; i++) if (mask[i]) y[i] = byCode[col.codes[i] as number] ?? 0;
  } else if (col.kind === 'numeric') {
    const byValue = new Map<number, number>();
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      const v = col.values[i] as number;
      let k = byValue.get(v);
      if (k === undefined) {
        k = index.get(String(Number(v.toPrecision(7)))) ?? 0;
        byValue.set(v, k);
      }
      y[i] = k;
    }
  }
  return { y, labels };
}

/**
 * Imported rows as a Dataset, by the lab's choice and settings: rows with an unusable chosen cell
 * left out; the rest shuffled and split with the seed exactly as generated data is (same salts);
 * each feature standardized, z = (x − mean) / sd, with the training split's mean and sd (so no
 * statistic of a test row reaches training), then multiplied by the input scale; a regression
 * target standardized the same way; class targets mapped to indices by sorted value. The plotted
 * square covers the standardized features (2 to 4.5 sd each way, times the input scale).
 */
export function csvDataset(table: CsvTable, choice: CsvChoice, s: DataSettings): Dataset {
  const d = choice.features.length;
  const mask = usableMask(table, [...choice.features, choice.target]);
  const kept: number[] = [];
  for (let i = 0; i < table.rows; i++) if (mask[i]) kept.push(i);
  const n = kept.length;
  const order = shuffledIndices(n, createRng(deriveSeed(s.seed, 2)));
  const nTrain = n >= 2 ? trainRows(n, s.trainFraction) : n;
  const rowAt = Int32Array.from(order, (k) => kept[k] as number);
  const trainRowsIdx = rowAt.subarray(0, nTrain);
  const target = table.columns[choice.target] as CsvColumn;
  const { y, labels } = targetsOf(target, choice, mask);
  const scale = clampScale(s.inputScale);
  const names = choice.features.map((c) => table.columns[c]?.name ?? `column ${c + 1}`);
  const mean: number[] = [];
  const sd: number[] = [];
  const x = new Float32Array(n * d);
  let reach = 0;
  choice.features.forEach((c, j) => {
    const col = table.columns[c];
    const values = col?.kind === 'numeric' ? col.values : new Float32Array(table.rows);
    const st = meanSd(values, trainRowsIdx);
    mean.push(st.mean);
    sd.push(st.sd);
    for (let k = 0; k < n; k++) {
      const z = ((values[rowAt[k] as number] as number) - st.mean) / st.sd;
      x[k * d + j] = z * scale;
      if (Math.abs(z) > reach) reach = Math.abs(z);
    }
  });
  let targetStats: Standardization['target'] = null;
  const ys = new Float32Array(n);
  if (choice.task === 'regression') {
    const st = meanSd(y, trainRowsIdx);
    targetStats = { name: target.name, ...st };
    for (let k = 0; k < n; k++) ys[k] = ((y[rowAt[k] as number] as number) - st.mean) / st.sd;
  } else for (let k = 0; k < n; k++) ys[k] = y[rowAt[k] as number] as number;
  const half = Math.min(DOMAIN_MAX, Math.max(DOMAIN_MIN, Math.ceil(reach * 1.05 * 2) / 2)) * scale;
  const info = csvInfo(choice, { domain: [-half, half], classLabels: labels });
  return {
    info,
    xTrain: x.slice(0, nTrain * d),
    yTrain: ys.slice(0, nTrain),
    xTest: x.slice(nTrain * d),
    yTest: ys.slice(nTrain),
    standardization: { featureNames: names, mean, sd, target: targetStats, droppedRows: table.rows - n },
  };
}
