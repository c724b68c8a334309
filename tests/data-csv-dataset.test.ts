import { describe, expect, it } from 'vitest';
import { csvDataset, csvStandardization, meanSd } from '../src/data/csv/dataset';
import { readCsvText } from '../src/data/csv/read';
import type { CsvChoice, CsvTable } from '../src/data/csv/types';
import { DEFAULT_DATA } from '../src/data/datasets';
import { buildDataset, contextOfData, needsTable } from '../src/data/source';
import type { DataSettings } from '../src/data/types';

async function table(text: string): Promise<CsvTable> {
  const read = await readCsvText(text, 'data.csv');
  if (!read.ok) throw new Error(read.error);
  return read.table;
}

const choiceOf = (t: CsvTable, over: Partial<CsvChoice>): CsvChoice => ({
  file: t.name,
  hash: t.hash,
  rows: t.rows,
  columns: t.columns.map((c) => c.name),
  features: [0, 1],
  target: 2,
  task: 'multiclass',
  classes: 3,
  dropBadRows: false,
  ...over,
});

const settings = (choice: CsvChoice, over: Partial<DataSettings> = {}): DataSettings => ({
  ...DEFAULT_DATA,
  dataset: 'csv',
  csv: choice,
  trainFraction: 0.5,
  seed: 3,
  ...over,
});

const ROWS = Array.from({ length: 40 }, (_, i) => `${10 + i},${100 - 3 * i},${['b', 'a', 'c'][i % 3]}`);
const TEXT = `u,v,kind\n${ROWS.join('\n')}\n`;

describe('csvDataset', () => {
  it('standardizes each feature with the training split’s mean and sd', async () => {
    const t = await table(TEXT);
    const ds = csvDataset(t, choiceOf(t, {}), settings(choiceOf(t, {})));
    expect(ds.info.inputDim).toBe(2);
    expect(ds.info.featureNames).toEqual(['u', 'v']);
    expect(ds.yTrain.length + ds.yTest.length).toBe(40);
    // The training split has mean 0 and sd 1 in every feature; the test split need not.
    for (let j = 0; j < 2; j++) {
      const col = Array.from({ length: ds.yTrain.length }, (_, k) => ds.xTrain[2 * k + j] as number);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length);
      expect(mean).toBeCloseTo(0, 5);
      expect(sd).toBeCloseTo(1, 4);
    }
    const st = ds.standardization;
    expect(st?.featureNames).toEqual(['u', 'v']);
    // x = z * sd + mean gives back the file's values.
    const u0 = (ds.xTrain[0] as number) * (st?.sd[0] as number) + (st?.mean[0] as number);
    expect(Number.isInteger(Math.round(u0 * 1000) / 1000)).toBe(true);
    expect(u0).toBeGreaterThanOrEqual(10);
    expect(u0).toBeLessThanOrEqual(49);
  });

  it('the dialog’s preview of the standardization is the one the dataset gets', async () => {
    const t = await table(TEXT);
    for (const c of [
      choiceOf(t, {}),
      choiceOf(t, { features: [0], target: 1, task: 'regression', classes: 1 }),
    ]) {
      expect(csvStandardization(t, c, settings(c))).toEqual(csvDataset(t, c, settings(c)).standardization);
    }
  });

  it('maps text classes to indices by sorted label', async () => {
    const t = await table(TEXT);
    const ds = csvDataset(t, choiceOf(t, {}), settings(choiceOf(t, {})));
    expect(ds.info.classLabels).toEqual(['a', 'b', 'c']);
    expect(ds.info.outputDim).toBe(3);
    const all = [...ds.yTrain, ...ds.yTest];
    expect(new Set(all)).toEqual(new Set([0, 1, 2]));
  });

  it('splits with the seed: the same settings give the same rows, another seed others', async () => {
    const t = await table(TEXT);
    const c = choiceOf(t, {});
    const a = csvDataset(t, c, settings(c));
    const b = csvDataset(t, c, settings(c));
    const other = csvDataset(t, c, settings(c, { seed: 4 }));
    expect(b.xTrain).toEqual(a.xTrain);
    expect(other.xTrain).not.toEqual(a.xTrain);
    const quarter = csvDataset(t, c, settings(c, { trainFraction: 0.25 }));
    expect(quarter.yTrain.length).toBe(10);
  });

  it('leaves rows with unusable chosen cells out, and counts them', async () => {
    const t = await table(
      `u,v,kind\n${ROWS.slice(0, 20).join('\n')}\n7,oops,a\n,1,b\n${ROWS.slice(20).join('\n')}\n`,
    );
    const c = choiceOf(t, { dropBadRows: true });
    const ds = csvDataset(t, c, settings(c));
    expect(ds.yTrain.length + ds.yTest.length).toBe(40);
    expect(ds.standardization?.droppedRows).toBe(2);
    expect([...ds.xTrain, ...ds.xTest].every(Number.isFinite)).toBe(true);
  });

  it('standardizes a regression target too', async () => {
    const t = await table(TEXT);
    const c = choiceOf(t, { features: [0], target: 1, task: 'regression', classes: 1 });
    const ds = csvDataset(t, c, settings(c));
    expect(ds.info.task).toBe('regression');
    expect(ds.info.classLabels).toBeNull();
    const mean = ds.yTrain.reduce((a, b) => a + b, 0) / ds.yTrain.length;
    expect(mean).toBeCloseTo(0, 5);
    expect(ds.standardization?.target?.name).toBe('v');
  });

  it('multiplies by the input scale and widens the plotted square with it', async () => {
    const t = await table(TEXT);
    const c = choiceOf(t, {});
    const one = csvDataset(t, c, settings(c));
    const ten = csvDataset(t, c, settings(c, { inputScale: 10 }));
    expect(ten.xTrain[0]).toBeCloseTo((one.xTrain[0] as number) * 10, 4);
    expect(ten.info.domain[1]).toBeCloseTo(one.info.domain[1] * 10, 6);
    expect(one.info.domain[1]).toBeGreaterThanOrEqual(2);
  });

  it('meanSd: population sd, and 1 for a constant column', () => {
    const v = new Float32Array([1, 2, 3, 4, 5, 5]);
    const { mean, sd } = meanSd(v, Int32Array.from([0, 1, 2, 3]));
    expect(mean).toBe(2.5);
    expect(sd).toBeCloseTo(Math.sqrt(1.25), 10);
    expect(meanSd(v, Int32Array.from([4, 5])).sd).toBe(1);
  });
});

describe('data sources', () => {
  it('imported data without its rows: the graph still knows its widths, the dataset is empty', async () => {
    const t = await table(TEXT);
    const data = settings(choiceOf(t, {}));
    expect(contextOfData(data)).toEqual({ inputDim: 2, outputDim: 3, task: 'multiclass' });
    expect(needsTable(data, null)).toBe(true);
    expect(needsTable(data, t)).toBe(false);
    expect(needsTable(data, { ...t, hash: 'other' })).toBe(true);
    const none = buildDataset(data, null);
    expect(none.yTrain.length).toBe(0);
    expect(none.info.label).toBe('data.csv');
    expect(buildDataset(data, t).yTrain.length).toBe(20);
    expect(buildDataset(DEFAULT_DATA, null).info.featureNames).toEqual(['x1', 'x2']);
  });
});
