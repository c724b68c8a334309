import type { Task } from '../../graph/types';

/** Why a cell of a numeric column cannot be used: text, nothing, NaN, or an infinite number. */
export type BadKind = 'text' | 'empty' | 'nan' | 'infinite';

/** The unusable cells of one column: how many, and the first one (row as a spreadsheet numbers it). */
export interface BadCells {
  readonly count: number;
  readonly firstRow: number;
  /** The first bad cell as written in the file ('' when empty). */
  readonly firstValue: string;
  readonly firstKind: BadKind;
}

/**
 * One column of a read CSV file. `numeric`: every usable cell a finite number (bad cells are NaN
 * in `values`). `text`: mostly words; each cell is a code into `labels` (-1: an empty cell).
 * `absent`: a column a lab file did not carry (only its name is known).
 */
export type CsvColumn =
  | {
      readonly name: string;
      readonly kind: 'numeric';
      readonly values: Float32Array;
      readonly bad: BadCells | null;
    }
  | {
      readonly name: string;
      readonly kind: 'text';
      readonly codes: Int32Array;
      /** Distinct texts in order of first appearance (at most CSV_LIMITS.maxLabels are kept). */
      readonly labels: readonly string[];
      /** More distinct texts than CSV_LIMITS.maxLabels: the column cannot be a class target. */
      readonly tooManyLabels: boolean;
      readonly bad: BadCells | null;
    }
  | { readonly name: string; readonly kind: 'absent' };

/** A CSV file read into typed columns (a header row, when found, is not a data row). */
export interface CsvTable {
  /** The file's name, e.g. "iris.csv". */
  readonly name: string;
  /** SHA-256 of the file's bytes, first 16 hex digits: names the file in links and saved labs. */
  readonly hash: string;
  /** Data rows (the header excluded). */
  readonly rows: number;
  /** True when the first row held column names; else columns are "column 1", "column 2", … */
  readonly header: boolean;
  readonly columns: readonly CsvColumn[];
}

/**
 * What a lab keeps about imported data (links and saves carry it, never the rows): which file
 * (name, hash, rows, column names), which columns are features and which the target, the task,
 * and whether rows with unusable cells are dropped.
 */
export interface CsvChoice {
  readonly file: string;
  readonly hash: string;
  readonly rows: number;
  readonly columns: readonly string[];
  /** Column indices of the features, 1 to 64 of them, in the order the network sees them. */
  readonly features: readonly number[];
  readonly target: number;
  readonly task: Task;
  /** Classes for binary (2) and multiclass; 1 for regression. */
  readonly classes: number;
  /** Rows with a missing, non-numeric, NaN or infinite cell in a chosen column are left out. */
  readonly dropBadRows: boolean;
}

/** What reading a CSV file gives: the table, or one sentence saying what is wrong. */
export type CsvReadResult =
  | { readonly ok: true; readonly table: CsvTable }
  | { readonly ok: false; readonly error: string };
