import type { BadKind } from './types';

const INFINITE = /^[+-]?inf(inity)?$/i;
const NAN = /^[+-]?nan$/i;
const DECIMAL_COMMA = /^[+-]?\d*,\d+(e[+-]?\d+)?$/i;

/**
 * A cell read as a number: the finite value, or why it is not one (empty, NaN, infinite, text).
 * Accepts what JavaScript's Number() accepts after trimming (so "1e-3", " 2 ", "0x1f"), plus
 * "inf"/"-inf" (Python's spelling) as infinite; with `decimalComma`, "3,5" is 3.5 (files separated
 * by semicolons or tabs, as spreadsheets in many countries write them).
 */
export function readCell(cell: string, decimalComma = false): number | BadKind {
  const text = cell.trim();
  if (text === '') return 'empty';
  let v = Number(text);
  if (Number.isNaN(v) && decimalComma && DECIMAL_COMMA.test(text)) v = Number(text.replace(',', '.'));
  if (Number.isFinite(v)) return v;
  if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY || INFINITE.test(text))
    return 'infinite';
  if (NAN.test(text)) return 'nan';
  return 'text';
}

/**
 * Whether the first row holds column names: at least one of its cells is text and none is a
 * number (a row such as "5.1,3.5,setosa" is data; "sepal_length,species" is a header).
 */
export function looksLikeHeader(row: readonly string[]): boolean {
  let text = false;
  for (const cell of row) {
    const kind = readCell(cell);
    if (typeof kind === 'number') return false;
    if (kind === 'text' || kind === 'nan' || kind === 'infinite') text = true;
  }
  return text;
}

/**
 * Column names: the header's (trimmed, cut to `maxLength`, an empty one named "column N", a
 * repeated one suffixed " (N)"), or "column 1", "column 2", … when the file has no header.
 */
export function columnNames(header: readonly string[] | null, count: number, maxLength: number): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const raw = header?.[i]?.trim().slice(0, maxLength) ?? '';
    let name = raw === '' ? `column ${i + 1}` : raw;
    if (seen.has(name)) name = `${name} (${i + 1})`;
    seen.add(name);
    names.push(name);
  }
  return names;
}
