import { CSV_LIMITS as L } from './limits';
import type { BadCells } from './types';

/** A value quoted for a message, cut to 30 characters. */
export function quoteCell(value: string): string {
  return JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value);
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en-US');

/** What a bad cell is, in words: `Row 13, column "x": "abc" is not a number.` */
export function describeBadCell(column: string, bad: BadCells): string {
  const where = `Row ${bad.firstRow}, column ${quoteCell(column)}`;
  const more = bad.count > 1 ? ` (${count(bad.count)} cells like this in that column)` : '';
  switch (bad.firstKind) {
    case 'empty':
      return `${where} is empty${more}.`;
    case 'nan':
      return `${where} holds ${quoteCell(bad.firstValue)}, not a number (NaN)${more}.`;
    case 'infinite':
      return `${where} holds ${quoteCell(bad.firstValue)}, an infinite number${more}.`;
    case 'text':
      return `${where}: ${quoteCell(bad.firstValue)} is not a number${more}.`;
  }
}

/**
 * Every message a refused CSV file or column choice gets: one sentence each, saying what is wrong
 * (tests recognise them by their wording; the dialog shows them in a role="alert").
 */
export const CSV_ERRORS = {
  tooLarge: (name: string, bytes: number) =>
    `“${name}” is ${mb(bytes)}; NormLab imports CSV files of at most ${mb(L.maxBytes)}.`,
  binary: (name: string, what: string) =>
    `“${name}” is not a CSV text file: it holds binary data (${what}). Save it as CSV (comma-separated text) first.`,
  empty: (name: string) => `“${name}” is empty: it holds no rows at all.`,
  headerOnly: (name: string, columns: readonly string[]) =>
    `“${name}” holds only a header row (${columns.slice(0, 4).map(quoteCell).join(', ')}${columns.length > 4 ? ', …' : ''}) and no data rows.`,
  oneColumn: (name: string) =>
    `“${name}” has a single column; NormLab needs at least two (one or more features and a target). Is it separated by something other than commas, tabs, semicolons or bars?`,
  ragged: (row: number, got: number, expected: number, header: boolean) =>
    `Row ${row} has ${got} ${got === 1 ? 'value' : 'values'}, but ${header ? 'the header has' : 'the first row has'} ${expected} columns: every row needs one value per column.`,
  quotes: (row: number) => `Row ${row} has a quoted value that is never closed (a missing ").`,
  tooManyRows: (name: string) =>
    `“${name}” has more than ${count(L.maxRows)} data rows; NormLab imports at most ${count(L.maxRows)}.`,
  tooManyColumns: (name: string, n: number) =>
    `“${name}” has ${n} columns; NormLab imports files of at most ${L.maxColumns} columns.`,
  tooManyCells: (name: string) =>
    `“${name}” has more than ${count(L.maxCells)} cells (rows × columns); NormLab imports at most that many.`,
  unreadable: (name: string, why: string) => `“${name}” could not be read (${why}).`,
  noFeatures: 'Choose at least one feature column.',
  tooManyFeatures: (n: number) =>
    `${n} feature columns are chosen; a network takes at most ${L.maxFeatures}.`,
  targetIsFeature: (column: string) =>
    `Column ${quoteCell(column)} is the target, so it cannot be a feature as well.`,
  textFeature: (column: string, example: string) =>
    `Column ${quoteCell(column)} holds text (such as ${quoteCell(example)}), not numbers: it can be the target, not a feature.`,
  absentColumn: (column: string) =>
    `Column ${quoteCell(column)} is not in this data (the lab file did not carry it).`,
  oneClass: (column: string, value: string) =>
    `The target ${quoteCell(column)} has a single value (${quoteCell(value)}) in every usable row: there is nothing to learn. Choose another target.`,
  tooManyClasses: (column: string, n: string) =>
    `The target ${quoteCell(column)} has ${n} different values; classification allows at most ${L.maxClasses} classes. Choose regression (for numbers) or another target.`,
  notTwoClasses: (column: string, n: number) =>
    `Binary classification needs exactly 2 target values; ${quoteCell(column)} has ${n}. Choose multiclass or regression.`,
  textRegression: (column: string) =>
    `The target ${quoteCell(column)} holds text, so it cannot be regressed: choose binary or multiclass classification.`,
  tooFewRows: (n: number) =>
    `Only ${n} usable ${n === 1 ? 'row' : 'rows'} remain; NormLab needs at least ${L.minRows} to split into train and test.`,
} as const;
