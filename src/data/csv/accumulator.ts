import { columnNames, looksLikeHeader, readCell } from './cells';
import { CSV_LIMITS as L } from './limits';
import { CSV_ERRORS } from './messages';
import type { BadCells, BadKind, CsvColumn, CsvReadResult } from './types';

/** Codes of a text column: -1 marks a cell that is empty, -2 one past the remembered labels. */
const EMPTY_CODE = -1;
const OVERFLOW_CODE = -2;
/** A cell of a text column that holds a number: its label is made from the value at the end. */
const NUMBER_CODE = -3;

/** One column being filled, row by row. */
class ColumnBuilder {
  values: Float32Array;
  /** Allocated at the first cell that is not a number (most columns never need it). */
  codes: Int32Array | null = null;
  readonly labels: string[] = [];
  private readonly dict = new Map<string, number>();
  tooManyLabels = false;
  numbers = 0;
  texts = 0;
  private badCount = 0;
  private firstBad: { row: number; value: string; kind: BadKind } | null = null;
  private emptyCount = 0;
  private firstEmpty = 0;

  constructor(capacity: number) {
    this.values = new Float32Array(capacity);
  }

  grow(capacity: number): void {
    const values = new Float32Array(capacity);
    values.set(this.values);
    this.values = values;
    if (this.codes) {
      const codes = new Int32Array(capacity).fill(NUMBER_CODE);
      codes.set(this.codes);
      this.codes = codes;
    }
  }

  push(i: number, rowNumber: number, cell: string, decimalComma: boolean): void {
    const v = readCell(cell, decimalComma);
    if (typeof v === 'number') {
      this.values[i] = v;
      this.numbers++;
      return;
    }
    this.values[i] = Number.NaN;
    if (!this.codes) this.codes = new Int32Array(this.values.length).fill(NUMBER_CODE);
    if (v === 'empty') {
      this.codes[i] = EMPTY_CODE;
      if (this.emptyCount++ === 0) this.firstEmpty = rowNumber;
    } else {
      const text = cell.trim();
      if (v === 'text') this.texts++;
      this.codes[i] = this.code(text);
    }
    if (this.badCount++ === 0) this.firstBad = { row: rowNumber, value: cell.trim(), kind: v };
  }

  private code(text: string): number {
    const known = this.dict.get(text);
    if (known !== undefined) return known;
    if (this.labels.length >= L.maxLabels) {
      this.tooManyLabels = true;
      return OVERFLOW_CODE;
    }
    this.dict.set(text, this.labels.length);
    this.labels.push(text);
    return this.labels.length - 1;
  }

  /** A numeric column when numbers are at least as many as words, else a text column. */
  finish(name: string, rows: number): CsvColumn {
    const values = this.values.slice(0, rows);
    if (this.numbers >= this.texts) {
      const bad: BadCells | null = this.firstBad
        ? {
            count: this.badCount,
            firstRow: this.firstBad.row,
            firstValue: this.firstBad.value,
            firstKind: this.firstBad.kind,
          }
        : null;
      return { name, kind: 'numeric', values, bad };
    }
    const codes = (this.codes as Int32Array).slice(0, rows);
    for (let i = 0; i < rows; i++) {
      if (codes[i] === NUMBER_CODE) codes[i] = this.code(String(values[i]));
      if (codes[i] === OVERFLOW_CODE) codes[i] = EMPTY_CODE;
    }
    const bad: BadCells | null =
      this.emptyCount > 0
        ? { count: this.emptyCount, firstRow: this.firstEmpty, firstValue: '', firstKind: 'empty' }
        : null;
    return { name, kind: 'text', codes, labels: this.labels, tooManyLabels: this.tooManyLabels, bad };
  }
}

/**
 * Builds a CsvTable from rows of text as a CSV parser hands them over, chunk by chunk: the first
 * row is a header when it looks like one (see looksLikeHeader); every row must have as many
 * values as the first; numbers go into float32 columns, words into coded text columns. Stops at
 * the first problem (a ragged row, too many rows or columns) with one message naming the row.
 */
export class CsvAccumulator {
  private builders: ColumnBuilder[] = [];
  private header: string[] | null = null;
  private width = 0;
  private rows = 0;
  /** Rows seen, the header included (spreadsheet row numbers). */
  private seen = 0;
  private capacity = 0;
  private error: string | null = null;

  private decimalComma = false;

  constructor(private readonly name: string) {}

  /** The parser's delimiter: with semicolons or tabs, "3,5" reads as 3.5 (a decimal comma). */
  setDelimiter(delimiter: string): void {
    this.decimalComma = delimiter === ';' || delimiter === '\t';
  }

  /** Rows handed over so far, the header included. */
  get rowsSeen(): number {
    return this.seen;
  }

  /** The first problem found, or null. Once set, later rows are ignored. */
  get failed(): string | null {
    return this.error;
  }

  /** Adds rows; returns false once a problem stops the reading (see `failed`). */
  addRows(rows: readonly (readonly string[])[]): boolean {
    for (const row of rows) {
      if (this.error) return false;
      this.addRow(row);
    }
    return this.error === null;
  }

  /** A parser's complaint about a row (a quote never closed), by its spreadsheet row number. */
  quoteProblem(rowNumber: number): void {
    this.error ??= CSV_ERRORS.quotes(rowNumber);
  }

  private addRow(row: readonly string[]): void {
    this.seen++;
    if (this.seen === 1) {
      this.width = row.length;
      if (this.width > L.maxColumns) {
        this.error = CSV_ERRORS.tooManyColumns(this.name, this.width);
        return;
      }
      if (looksLikeHeader(row)) {
        this.header = [...row];
        return;
      }
    }
    if (row.length !== this.width) {
      this.error = CSV_ERRORS.ragged(this.seen, row.length, this.width, this.header !== null);
      return;
    }
    if (this.rows >= L.maxRows) {
      this.error = CSV_ERRORS.tooManyRows(this.name);
      return;
    }
    if ((this.rows + 1) * this.width > L.maxCells) {
      this.error = CSV_ERRORS.tooManyCells(this.name);
      return;
    }
    if (this.rows === this.capacity) this.grow();
    for (let c = 0; c < this.width; c++) {
      (this.builders[c] as ColumnBuilder).push(this.rows, this.seen, row[c] as string, this.decimalComma);
    }
    this.rows++;
  }

  private grow(): void {
    const capacity = Math.max(1024, this.capacity * 2);
    if (this.builders.length === 0) {
      this.builders = Array.from({ length: this.width }, () => new ColumnBuilder(capacity));
    } else for (const b of this.builders) b.grow(capacity);
    this.capacity = capacity;
  }

  /** The table read so far, or the problem that stopped it (also an empty file, a header alone, one column). */
  finish(hash: string): CsvReadResult {
    if (this.error) return { ok: false, error: this.error };
    if (this.seen === 0) return { ok: false, error: CSV_ERRORS.empty(this.name) };
    const names = columnNames(this.header, this.width, L.maxNameLength);
    if (this.rows === 0) return { ok: false, error: CSV_ERRORS.headerOnly(this.name, names) };
    if (this.width < 2) return { ok: false, error: CSV_ERRORS.oneColumn(this.name) };
    const columns = this.builders.map((b, c) => b.finish(names[c] as string, this.rows));
    this.builders = [];
    return {
      ok: true,
      table: { name: this.name, hash, rows: this.rows, header: this.header !== null, columns },
    };
  }
}
