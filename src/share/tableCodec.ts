import { CSV_LIMITS } from '../data/csv/limits';
import type { BadCells, CsvChoice, CsvColumn, CsvTable } from '../data/csv/types';
import { fromBase64Url, toBase64Url } from './base64url';

/**
 * Imported rows in a lab file ("with the data"): the columns the lab uses, each as base64url of
 * its little-endian float32 values (numbers) or int32 codes plus labels (texts); other columns
 * by name only. About 5.3 characters a cell: 150 × 5 Iris cells take 4 KB.
 */
export interface WrittenTable {
  readonly name: string;
  readonly hash: string;
  readonly rows: number;
  readonly header: boolean;
  readonly columns: readonly WrittenColumn[];
}

type WrittenColumn =
  | {
      readonly name: string;
      readonly kind: 'numeric';
      readonly values: string;
      readonly bad: BadCells | null;
    }
  | {
      readonly name: string;
      readonly kind: 'text';
      readonly codes: string;
      readonly labels: readonly string[];
      readonly tooManyLabels: boolean;
      readonly bad: BadCells | null;
    }
  | { readonly name: string; readonly kind: 'absent' };

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function bytesOf(a: Float32Array | Int32Array): Uint8Array {
  const bytes = new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));
  if (!LITTLE_ENDIAN) for (let i = 0; i < bytes.length; i += 4) bytes.subarray(i, i + 4).reverse();
  return bytes;
}

function fromBytes(bytes: Uint8Array): ArrayBuffer {
  const copy = bytes.slice();
  if (!LITTLE_ENDIAN) for (let i = 0; i < copy.length; i += 4) copy.subarray(i, i + 4).reverse();
  return copy.buffer;
}

/** The table as a lab file carries it: the columns at `keep` in full, the others by name only. */
export function writeTable(table: CsvTable, keep: readonly number[]): WrittenTable {
  const columns = table.columns.map((col, c): WrittenColumn => {
    if (!keep.includes(c) || col.kind === 'absent') return { name: col.name, kind: 'absent' };
    if (col.kind === 'numeric') {
      return { name: col.name, kind: 'numeric', values: toBase64Url(bytesOf(col.values)), bad: col.bad };
    }
    return {
      name: col.name,
      kind: 'text',
      codes: toBase64Url(bytesOf(col.codes)),
      labels: col.labels,
      tooManyLabels: col.tooManyLabels,
      bad: col.bad,
    };
  });
  return { name: table.name, hash: table.hash, rows: table.rows, header: table.header, columns };
}

/** A lab file's rows back as a table; or why not. */
export type TableResult = { ok: true; table: CsvTable } | { ok: false; error: string };

const refuse = (why: string): TableResult => ({
  ok: false,
  error: `The data in this file is damaged: ${why}`,
});
const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function readBad(raw: unknown, rows: number): BadCells | null | undefined {
  if (raw === null) return null;
  if (!isObject(raw)) return undefined;
  const { count, firstRow, firstValue, firstKind } = raw;
  const ok =
    Number.isInteger(count) &&
    (count as number) >= 1 &&
    (count as number) <= rows &&
    Number.isInteger(firstRow) &&
    typeof firstValue === 'string' &&
    firstValue.length <= 200 &&
    (firstKind === 'text' || firstKind === 'empty' || firstKind === 'nan' || firstKind === 'infinite');
  return ok ? (raw as unknown as BadCells) : undefined;
}

function readColumn(raw: unknown, rows: number): CsvColumn | string {
  if (!isObject(raw) || typeof raw.name !== 'string' || raw.name.length > CSV_LIMITS.maxNameLength)
    return 'a column has no name';
  const name = raw.name;
  if (raw.kind === 'absent') return { name, kind: 'absent' };
  const bad = readBad(raw.bad, rows);
  if (bad === undefined) return `column "${name}" describes its bad cells wrongly`;
  const data = typeof raw.values === 'string' ? raw.values : typeof raw.codes === 'string' ? raw.codes : null;
  const bytes = data === null ? null : fromBase64Url(data);
  if (!bytes?.ok || bytes.bytes.length !== rows * 4) return `column "${name}" does not hold ${rows} values`;
  if (raw.kind === 'numeric' && typeof raw.values === 'string') {
    return { name, kind: 'numeric', values: new Float32Array(fromBytes(bytes.bytes)), bad };
  }
  const labels = raw.labels;
  if (raw.kind !== 'text' || !Array.isArray(labels) || labels.length > CSV_LIMITS.maxLabels)
    return `column "${name}" is neither numbers nor texts`;
  if (!labels.every((l) => typeof l === 'string' && l.length <= 200))
    return `column "${name}" has bad labels`;
  const codes = new Int32Array(fromBytes(bytes.bytes));
  if (codes.some((k) => k < -1 || k >= labels.length)) return `column "${name}" has a code with no label`;
  return {
    name,
    kind: 'text',
    codes,
    labels: labels as string[],
    tooManyLabels: raw.tooManyLabels === true,
    bad,
  };
}

/**
 * Reads the rows a lab file carries, checked against the lab's own description of its data:
 * the same file (hash, rows, columns), every column the lab uses present and of the right
 * length, codes within their labels. Never throws.
 */
export function readTable(raw: unknown, choice: CsvChoice | null | undefined): TableResult {
  if (!choice) return refuse('the file carries rows, but its lab does not train on imported data.');
  if (!isObject(raw) || !Array.isArray(raw.columns)) return refuse('its rows are not a table.');
  const { name, hash, rows, header } = raw;
  if (
    hash !== choice.hash ||
    rows !== choice.rows ||
    typeof name !== 'string' ||
    typeof header !== 'boolean'
  ) {
    return refuse('the rows are not those of the file the lab names.');
  }
  if (raw.columns.length !== choice.columns.length) return refuse('it has the wrong number of columns.');
  const columns: CsvColumn[] = [];
  for (const c of raw.columns) {
    const col = readColumn(c, choice.rows);
    if (typeof col === 'string') return refuse(`${col}.`);
    columns.push(col);
  }
  for (const used of [...choice.features, choice.target]) {
    if (columns[used]?.kind === 'absent')
      return refuse(`the column "${columns[used]?.name}" the lab uses is missing.`);
  }
  return { ok: true, table: { name, hash, rows: choice.rows, header, columns } };
}
