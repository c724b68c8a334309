import { describe, expect, it } from 'vitest';
import { checkChoice, defaultPick } from '../src/data/csv/choice';
import { CSV_LIMITS } from '../src/data/csv/limits';
import { readCsvText } from '../src/data/csv/read';
import { binaryKind, refuseFile } from '../src/data/csv/sniff';
import type { CsvTable } from '../src/data/csv/types';

async function table(text: string, name = 'data.csv', chunk?: number): Promise<CsvTable> {
  const read = await readCsvText(text, name, chunk);
  if (!read.ok) throw new Error(read.error);
  return read.table;
}

async function error(text: string, name = 'data.csv'): Promise<string> {
  const read = await readCsvText(text, name);
  if (read.ok) throw new Error('expected a refusal');
  return read.error;
}

const IRISH = `sepal,petal,species
5.1,1.4,setosa
4.9,1.3,setosa
7.0,4.7,versicolor
6.4,4.5,versicolor
6.3,6.0,virginica
5.8,5.1,virginica
5.0,1.5,setosa
6.9,4.9,versicolor
7.1,5.9,virginica
4.8,1.6,setosa
`;

describe('reading CSV text', () => {
  it('takes a first row of words as the header and types the columns', async () => {
    const t = await table(IRISH);
    expect(t.header).toBe(true);
    expect(t.rows).toBe(10);
    expect(t.columns.map((c) => [c.name, c.kind])).toEqual([
      ['sepal', 'numeric'],
      ['petal', 'numeric'],
      ['species', 'text'],
    ]);
    const sepal = t.columns[0];
    expect(sepal?.kind === 'numeric' && Array.from(sepal.values.slice(0, 3))).toEqual([
      Math.fround(5.1),
      Math.fround(4.9),
      Math.fround(7),
    ]);
    const species = t.columns[2];
    expect(species?.kind === 'text' && species.labels).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(t.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('names the columns "column 1", "column 2", … when the first row holds numbers', async () => {
    const t = await table('1,2,0\n3,4,1\n5,6,0\n');
    expect(t.header).toBe(false);
    expect(t.rows).toBe(3);
    expect(t.columns.map((c) => c.name)).toEqual(['column 1', 'column 2', 'column 3']);
  });

  it('reads a row with numbers and a word as data, not as a header', async () => {
    const t = await table('5.1,3.5,setosa\n4.9,3.0,setosa\n7.0,3.2,versicolor\n');
    expect(t.header).toBe(false);
    expect(t.rows).toBe(3);
  });

  it('names empty and repeated header cells apart', async () => {
    const t = await table('x,,x\n1,2,3\n');
    expect(t.columns.map((c) => c.name)).toEqual(['x', 'column 2', 'x (3)']);
  });

  it('detects semicolons with decimal commas, and tabs', async () => {
    const semi = await table('a;b\n1,5;2\n3;4,25\n');
    const a = semi.columns[0];
    const b = semi.columns[1];
    expect(a?.kind === 'numeric' && Array.from(a.values)).toEqual([1.5, 3]);
    expect(b?.kind === 'numeric' && Array.from(b.values)).toEqual([2, 4.25]);
    const tabs = await table('a\tb\n1\t2\n3\t4\n');
    expect(tabs.columns).toHaveLength(2);
  });

  it('gives the same table whatever the chunk size (streaming)', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `${i},${(i * 0.37).toFixed(2)},${i % 3}`).join('\n');
    const text = `a,b,c\n${rows}\n`;
    const whole = await table(text);
    const chunked = await table(text, 'data.csv', 97);
    expect(chunked.rows).toBe(500);
    expect(chunked).toEqual(whole);
  });

  it('skips blank lines, at the end too', async () => {
    const t = await table('a,b\n1,2\n\n3,4\n\n\n');
    expect(t.rows).toBe(2);
  });
});

describe('bad CSV input: one clear message each', () => {
  it('an empty file', async () => {
    expect(await error('', 'empty.csv')).toBe('“empty.csv” is empty: it holds no rows at all.');
    expect(await error('\n\n  \n', 'blank.csv')).toMatch(/“blank.csv” is empty/);
  });

  it('a header and no data', async () => {
    expect(await error('sepal,petal,species\n', 'head.csv')).toBe(
      '“head.csv” holds only a header row ("sepal", "petal", "species") and no data rows.',
    );
  });

  it('ragged rows, naming the row as a spreadsheet numbers it', async () => {
    expect(await error('a,b,c\n1,2,3\n4,5\n')).toBe(
      'Row 3 has 2 values, but the header has 3 columns: every row needs one value per column.',
    );
    expect(await error('1,2,3\n4,5,6,7\n')).toBe(
      'Row 2 has 4 values, but the first row has 3 columns: every row needs one value per column.',
    );
  });

  it('a quote that is never closed', async () => {
    expect(await error('a,b\n1,2\n3,"4\n5,6\n')).toMatch(/^Row 3 has a quoted value that is never closed/);
  });

  it('a single column', async () => {
    expect(await error('a\n1\n2\n', 'one.csv')).toMatch(/“one.csv” has a single column/);
  });

  it('a file over 50 MB is refused before it is read', () => {
    const head = new TextEncoder().encode('a,b\n1,2\n');
    expect(refuseFile('big.csv', 60 * 1024 * 1024, head)).toBe(
      '“big.csv” is 60.0 MB; NormLab imports CSV files of at most 50.0 MB.',
    );
    expect(refuseFile('ok.csv', CSV_LIMITS.maxBytes, head)).toBeNull();
  });

  it('a binary file named .csv', async () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]);
    expect(refuseFile('sheet.csv', 5000, xlsx)).toBe(
      '“sheet.csv” is not a CSV text file: it holds binary data (a ZIP archive, such as an Excel .xlsx workbook). Save it as CSV (comma-separated text) first.',
    );
    expect(binaryKind(new Uint8Array([0x31, 0x2c, 0x00, 0x32]))).toMatch(/NUL bytes/);
    expect(binaryKind(new TextEncoder().encode('a,b\r\n1,2\r\n\tx,y\n'))).toBeNull();
    expect(await error('1,2\n3,\u00004\n', 'nul.csv')).toMatch(/“nul.csv” is not a CSV text file/);
  });

  it('a non-numeric cell: names its row and column, and dropping such rows is offered', async () => {
    const t = await table(
      'x,y,label\n1,2,0\n3,abc,1\n5,6,0\n7,8,1\n9,10,0\n11,12,1\n13,14,0\n15,16,1\n17,18,0\n19,20,1\n21,22,0\n',
    );
    expect(t.columns[1]?.kind).toBe('numeric');
    const pick = { features: [0, 1], target: 2, task: 'binary' as const, dropBadRows: false };
    const kept = checkChoice(t, pick);
    expect(kept.badCells).toEqual(['Row 3, column "y": "abc" is not a number.']);
    expect(kept.badRows).toBe(1);
    expect(kept.problems).toContain('Row 3, column "y": "abc" is not a number.');
    const dropped = checkChoice(t, { ...pick, dropBadRows: true });
    expect(dropped.problems).toEqual([]);
    expect(dropped.usableRows).toBe(10);
    // A column that is not chosen does not matter.
    expect(checkChoice(t, { ...pick, features: [0] }).problems).toEqual([]);
  });

  it('NaN and infinite cells are named as such', async () => {
    const body = Array.from({ length: 10 }, (_, i) => `${i},${i % 2}`).join('\n');
    const t = await table(`x,label\n${body}\nNaN,1\ninf,0\n1e999,1\n`);
    const check = checkChoice(t, { features: [0], target: 1, task: 'binary', dropBadRows: false });
    expect(check.badCells).toEqual([
      'Row 12, column "x" holds "NaN", not a number (NaN) (3 cells like this in that column).',
    ]);
    const inf = await table(`x,label\n${body}\n-Infinity,1\n`);
    expect(
      checkChoice(inf, { features: [0], target: 1, task: 'binary', dropBadRows: false }).badCells,
    ).toEqual(['Row 12, column "x" holds "-Infinity", an infinite number.']);
    const empty = await table(`x,label\n${body}\n,1\n`);
    expect(
      checkChoice(empty, { features: [0], target: 1, task: 'binary', dropBadRows: false }).badCells,
    ).toEqual(['Row 12, column "x" is empty.']);
  });

  it('a target with a single class', async () => {
    const t = await table(`x,label\n${Array.from({ length: 12 }, (_, i) => `${i},yes`).join('\n')}\n`);
    const check = checkChoice(t, { features: [0], target: 1, task: 'binary', dropBadRows: false });
    expect(check.problems).toEqual([
      'The target "label" has a single value ("yes") in every usable row: there is nothing to learn. Choose another target.',
    ]);
    expect(check.inferred).toBeNull();
  });

  it('a target with too many classes', async () => {
    const t = await table(`x,id\n${Array.from({ length: 30 }, (_, i) => `${i},item${i}`).join('\n')}\n`);
    const check = checkChoice(t, { features: [0], target: 1, task: 'multiclass', dropBadRows: false });
    expect(check.problems).toEqual([
      'The target "id" has 30 different values; classification allows at most 20 classes. Choose regression (for numbers) or another target.',
    ]);
    const numeric = await table(`x,y\n${Array.from({ length: 30 }, (_, i) => `${i},${i}`).join('\n')}\n`);
    expect(
      checkChoice(numeric, { features: [0], target: 1, task: 'multiclass', dropBadRows: false }).problems,
    ).toEqual([
      'The target "y" has more than 20 different values; classification allows at most 20 classes. Choose regression (for numbers) or another target.',
    ]);
    // The same numbers make a fine regression target.
    expect(
      checkChoice(numeric, { features: [0], target: 1, task: 'regression', dropBadRows: false }).problems,
    ).toEqual([]);
  });
});

describe('the column pick', () => {
  it('starts with the last column as the target and the numeric others as features', async () => {
    const t = await table(IRISH);
    expect(defaultPick(t)).toEqual({ features: [0, 1], target: 2, task: 'multiclass', dropBadRows: false });
    const check = checkChoice(t, defaultPick(t));
    expect(check.problems).toEqual([]);
    expect(check.inferred).toBe('multiclass');
    expect(check.classLabels).toEqual(['setosa', 'versicolor', 'virginica']);
  });

  it('infers binary, multiclass for whole numbers, regression for many values', async () => {
    const rows = (f: (i: number) => string) =>
      table(`x,t\n${Array.from({ length: 40 }, (_, i) => `${i},${f(i)}`).join('\n')}\n`);
    expect(defaultPick(await rows((i) => String(i % 2 ? 1 : -1))).task).toBe('binary');
    expect(defaultPick(await rows((i) => String(i % 5))).task).toBe('multiclass');
    expect(defaultPick(await rows((i) => String(i * 0.5))).task).toBe('regression');
    expect(defaultPick(await rows((i) => String((i % 5) + 0.5))).task).toBe('regression');
  });

  it('refuses text features, the target as a feature, none or too many features, and text regression', async () => {
    const t = await table(IRISH);
    const base = { features: [0], target: 2, task: 'multiclass' as const, dropBadRows: false };
    expect(checkChoice(t, { ...base, features: [] }).problems).toEqual([
      'Choose at least one feature column.',
    ]);
    expect(checkChoice(t, { ...base, features: [0, 2] }).problems).toContain(
      'Column "species" is the target, so it cannot be a feature as well.',
    );
    expect(checkChoice(t, { ...base, target: 1, task: 'regression', features: [2] }).problems).toEqual([
      'Column "species" holds text (such as "setosa"), not numbers: it can be the target, not a feature.',
    ]);
    expect(checkChoice(t, { ...base, task: 'regression' }).problems).toEqual([
      'The target "species" holds text, so it cannot be regressed: choose binary or multiclass classification.',
    ]);
    expect(checkChoice(t, { ...base, task: 'binary' }).problems).toEqual([
      'Binary classification needs exactly 2 target values; "species" has 3. Choose multiclass or regression.',
    ]);
    const wide = await table(
      `${Array.from({ length: 70 }, (_, i) => `f${i}`).join(',')}\n${Array.from({ length: 70 }, (_, i) => i).join(',')}\n`,
    );
    const many = Array.from({ length: 65 }, (_, i) => i);
    expect(checkChoice(wide, { ...base, features: many, target: 69 }).problems).toContain(
      '65 feature columns are chosen; a network takes at most 64.',
    );
  });

  it('asks for enough rows to split', async () => {
    const t = await table('x,t\n1,0\n2,1\n3,0\n');
    expect(checkChoice(t, defaultPick(t)).problems).toContain(
      'Only 3 usable rows remain; NormLab needs at least 10 to split into train and test.',
    );
  });
});
