import { describe, expect, it } from 'vitest';
import { readCsvText } from '../src/data/csv/read';
import type { CsvChoice, CsvTable } from '../src/data/csv/types';
import { defaultGraph } from '../src/graph/defaultGraph';
import {
  CURRENT_VERSION,
  decodeLab,
  defaultLab,
  encodeLab,
  type Lab,
  labFromJson,
  labToJson,
  validateLab,
} from '../src/share';

const TEXT = `a,b,c,d,kind\n${Array.from({ length: 30 }, (_, i) => `${i},${i % 7},${(i * 1.5).toFixed(1)},${30 - i},${['x', 'y', 'z'][i % 3]}`).join('\n')}\n`;

async function table(): Promise<CsvTable> {
  const read = await readCsvText(TEXT, 'flowers.csv');
  if (!read.ok) throw new Error(read.error);
  return read.table;
}

function csvLab(t: CsvTable, over: Partial<CsvChoice> = {}): Lab {
  const csv: CsvChoice = {
    file: t.name,
    hash: t.hash,
    rows: t.rows,
    columns: t.columns.map((c) => c.name),
    features: [0, 2, 3],
    target: 4,
    task: 'multiclass',
    classes: 3,
    dropBadRows: false,
    ...over,
  };
  const lab = defaultLab();
  return { ...lab, graph: defaultGraph(), data: { ...lab.data, dataset: 'csv', csv } };
}

describe('labs on imported data', () => {
  it('a link names the file and the columns, never the rows, and opens as it was', async () => {
    const lab = csvLab(await table());
    const link = encodeLab(lab);
    const back = decodeLab(link);
    expect(back).toEqual({ ok: true, lab });
    // The link is small: no cell of the file is in it.
    expect(link.length).toBeLessThan(900);
    expect(validateLab(lab)).toBeNull();
  });

  it('a file "with the data" carries the used columns, and reads back as the same table there', async () => {
    const t = await table();
    const lab = csvLab(t);
    const text = labToJson(lab, { table: t });
    const back = labFromJson(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.lab).toEqual(lab);
    const rows = back.table;
    expect(rows?.hash).toBe(t.hash);
    expect(rows?.columns.map((c) => c.kind)).toEqual(['numeric', 'absent', 'numeric', 'numeric', 'text']);
    expect(rows?.columns[2]).toEqual(t.columns[2]);
    expect(rows?.columns[4]).toEqual(t.columns[4]);
    // A file without the data has no table.
    const bare = labFromJson(labToJson(lab));
    expect(bare.ok && bare.table).toBeUndefined();
  });

  it('refuses rows that are not the named file’s, or damaged', async () => {
    const t = await table();
    const lab = csvLab(t);
    const payload = JSON.parse(labToJson(lab, { table: t }));
    const other = { ...payload, table: { ...payload.table, hash: '0123456789abcdef' } };
    expect(labFromJson(JSON.stringify(other))).toEqual({
      ok: false,
      error: 'The data in this file is damaged: the rows are not those of the file the lab names.',
    });
    const short = structuredClone(payload);
    short.table.columns[0].values = short.table.columns[0].values.slice(0, 20);
    expect(labFromJson(JSON.stringify(short))).toMatchObject({
      ok: false,
      error: /column "a" does not hold 30 values/,
    });
    const code = structuredClone(payload);
    code.table.columns[4].codes = Buffer.from(new Int32Array(30).fill(7).buffer).toString('base64url');
    expect(labFromJson(JSON.stringify(code))).toMatchObject({ ok: false, error: /a code with no label/ });
  });

  it('refuses an inconsistent description of the imported data', async () => {
    const t = await table();
    const cases: [Partial<CsvChoice>, RegExp][] = [
      [{ target: 9 }, /past its last one/],
      [{ features: [0, 0] }, /feature twice/],
      [{ features: [0, 4] }, /target is also one of its features/],
      [{ task: 'binary', classes: 3 }, /Binary imported data must have 2 classes/],
      [{ task: 'regression', classes: 3 }, /class count does not fit/],
      [{ hash: 'xyz' }, /16 hexadecimal digits/],
    ];
    for (const [over, error] of cases) {
      expect(decodeLab(encodeLab(csvLab(t, over)))).toMatchObject({ ok: false, error });
    }
    const lab = defaultLab();
    const noChoice = { ...lab, data: { ...lab.data, dataset: 'csv' as const } };
    expect(decodeLab(encodeLab(noChoice))).toMatchObject({ ok: false, error: /does not say which file/ });
  });

  it('a version-3 lab opens with no imported data; an old NormLab is told the format is newer', () => {
    const lab = JSON.parse(labToJson(defaultLab()));
    const { csv: _, ...v3 } = { ...lab, version: 3 };
    const back = labFromJson(JSON.stringify(v3));
    expect(back).toMatchObject({ ok: true, migratedFrom: 3 });
    expect(back.ok && back.lab.data.csv).toBeUndefined();
    expect(CURRENT_VERSION).toBe(4);
  });

  it('a large file may exceed 16 MB only by its carried rows', () => {
    const big = `{"version": 4, "pad": "${' '.repeat(17 * 1024 * 1024)}"}`;
    expect(labFromJson(big)).toMatchObject({
      ok: false,
      error: /too large .* at most 16.0 MB \(96.0 MB when it carries its data\)/,
    });
  });
});
