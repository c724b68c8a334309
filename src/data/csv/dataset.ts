import { createRng, deriveSeed, shuffledIndices } from '../../lib/rng';
import { clampScale, trainRows } from '../datasets';
import type { DataSettings, Dataset, Standardization } from '../types';
import { targetValues, usableMask } from './choice';
import { csvInfo } from './info';
import type { CsvChoice, CsvColumn, CsvTable } from './types';

/** Half-widths of the plotted square, in standard deviations: at least 2, at most 4.5. */
const DOMAIN_MIN = 2;
const DOMAIN_MAX = 4.5;

/**
 * Mean and population standard deviation of `values` at `rows` (float64 sums, two passes); an sd
 * of 0 counts as 1. Rows in increasing order read the column sequentially.
 */
export function meanSd(values: Float32Array, rows: Int32Array): { mean: number; sd: number } {
  let sum = 0;
  for (let k = 0; k < rows.length; k++) sum += values[rows[k] as number] as number;
  const mean = rows.length ? sum / rows.length : 0;
  let sq = 0;
  for (let k = 0; k < rows.length; k++) {
    const d = (values[rows[k] as number] as number) - mean;
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

/** Which rows are used and where each goes: the seeded shuffle and split of the usable rows. */
interface Split {
  /** Usable rows, and how many of them train. */
  readonly n: number;
  readonly nTrain: number;
  /** Each file row's place in the shuffled order (-1: left out); places below nTrain train. */
  readonly destOf: Int32Array;
  /** The training rows, in file order. */
  readonly trainIdx: Int32Array;
  readonly mask: Uint8Array;
}

/** The usable rows shuffled and split with the seed exactly as generated data is (same salts). */
function splitRows(table: CsvTable, choice: CsvChoice, s: DataSettings): Split {
  const mask = usableMask(table, [...choice.features, choice.target]);
  const kept: number[] = [];
  for (let i = 0; i < table.rows; i++) if (mask[i]) kept.push(i);
  const n = kept.length;
  const order = shuffledIndices(n, createRng(deriveSeed(s.seed, 2)));
  const nTrain = n >= 2 ? trainRows(n, s.trainFraction) : n;
  // Rows are later read in file order and written to their place: sequential reads of every
  // column (a gather in shuffled order would miss the cache on every cell of a big table).
  const destOf = new Int32Array(table.rows).fill(-1);
  const trainIdx = new Int32Array(nTrain);
  for (let k = 0; k < n; k++) {
    const row = kept[order[k] as number] as number;
    destOf[row] = k;
    if (k < nTrain) trainIdx[k] = row;
  }
  trainIdx.sort();
  return { n, nTrain, destOf, trainIdx, mask };
}

const featureColumns = (table: CsvTable, choice: CsvChoice) =>
  choice.features.map((c) => {
    const col = table.columns[c];
    return col?.kind === 'numeric' ? col.values : new Float32Array(table.rows);
  });

/**
 * How csvDataset will standardize these columns, without building the rows: the training
 * split's mean and sd of each feature (and of a regression target). Cheap enough (one pass over
 * the training rows of each chosen column) for the import dialog to show while a pick changes.
 */
export function csvStandardization(table: CsvTable, choice: CsvChoice, s: DataSettings): Standardization {
  const split = splitRows(table, choice, s);
  return standardize(table, choice, split);
}

function standardize(table: CsvTable, choice: CsvChoice, split: Split): Standardization {
  const stats = featureColumns(table, choice).map((values) => meanSd(values, split.trainIdx));
  const target = table.columns[choice.target];
  const targetStats =
    choice.task === 'regression' && target?.kind === 'numeric'
      ? { name: target.name, ...meanSd(target.values, split.trainIdx) }
      : null;
  return {
    featureNames: choice.features.map((c) => table.columns[c]?.name ?? `column ${c + 1}`),
    mean: stats.map((st) => st.mean),
    sd: stats.map((st) => st.sd),
    target: targetStats,
    droppedRows: table.rows - split.n,
  };
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
  const split = splitRows(table, choice, s);
  const { n, nTrain, destOf } = split;
  const target = table.columns[choice.target] as CsvColumn;
  const { y, labels } = targetsOf(target, choice, split.mask);
  const scale = clampScale(s.inputScale);
  const cols = featureColumns(table, choice);
  const standardization = standardize(table, choice, split);
  const { mean, sd } = standardization;
  const xTrain = new Float32Array(nTrain * d);
  const xTest = new Float32Array((n - nTrain) * d);
  let reach = 0;
  for (let i = 0; i < table.rows; i++) {
    const k = destOf[i] as number;
    if (k < 0) continue;
    const into = k < nTrain ? xTrain : xTest;
    const base = (k < nTrain ? k : k - nTrain) * d;
    for (let j = 0; j < d; j++) {
      const z = (((cols[j] as Float32Array)[i] as number) - (mean[j] as number)) / (sd[j] as number);
      into[base + j] = z * scale;
      if (z > reach) reach = z;
      else if (-z > reach) reach = -z;
    }
  }
  const ys = new Float32Array(n);
  const st = standardization.target ?? { mean: 0, sd: 1 };
  for (let i = 0; i < table.rows; i++) {
    const k = destOf[i] as number;
    if (k >= 0) ys[k] = ((y[i] as number) - st.mean) / st.sd;
  }
  const half = Math.min(DOMAIN_MAX, Math.max(DOMAIN_MIN, Math.ceil(reach * 1.05 * 2) / 2)) * scale;
  const info = csvInfo(choice, { domain: [-half, half], classLabels: labels });
  return { info, xTrain, yTrain: ys.slice(0, nTrain), xTest, yTest: ys.slice(nTrain), standardization };
}
