import type { Task } from '../../graph/types';
import { CSV_LIMITS as L } from './limits';
import { CSV_ERRORS, describeBadCell } from './messages';
import type { CsvChoice, CsvColumn, CsvTable } from './types';

/** The part of a CsvChoice a person picks in the import dialog. */
export type ColumnPick = Pick<CsvChoice, 'features' | 'target' | 'task' | 'dropBadRows'>;

/** What a column pick means for a table: whether it can be imported, and what the target holds. */
export interface ChoiceCheck {
  /** Reasons the pick cannot be imported (empty: it can). */
  readonly problems: readonly string[];
  /** One sentence per chosen column with unusable cells (shown with the offer to drop their rows). */
  readonly badCells: readonly string[];
  /** Rows with an unusable cell in a chosen column. */
  readonly badRows: number;
  /** Rows that train and test: all, or all but the bad ones when they are dropped. */
  readonly usableRows: number;
  /** The task the target's values suggest (null when none fits, e.g. one value). */
  readonly inferred: Task | null;
  /** Class names by class index, for binary and multiclass picks; null for regression. */
  readonly classLabels: readonly string[] | null;
}

const isBad = (col: CsvColumn, i: number) =>
  col.kind === 'numeric'
    ? Number.isNaN(col.values[i] as number)
    : col.kind === 'text'
      ? (col.codes[i] as number) < 0
      : true;

/** Rows whose chosen cells are all usable (1) or not (0). */
export function usableMask(table: CsvTable, columns: readonly number[]): Uint8Array {
  const mask = new Uint8Array(table.rows).fill(1);
  for (const c of columns) {
    const col = table.columns[c];
    if (!col || col.kind === 'absent') return mask.fill(0);
    if (!col.bad) continue;
    for (let i = 0; i < table.rows; i++) if (mask[i] && isBad(col, i)) mask[i] = 0;
  }
  return mask;
}

/** A float32 class value as people write it (0.1, not 0.10000000149011612). */
const valueLabel = (v: number) => String(Number(v.toPrecision(7)));

/** The target's distinct values over the usable rows: class names in index order (sorted), capped. */
export interface TargetValues {
  readonly labels: readonly string[];
  /** More distinct values than the cap: `labels` holds only the first cap + 1. */
  readonly more: boolean;
  /** A text column with more distinct texts than it remembered (CSV_LIMITS.maxLabels). */
  readonly capped: boolean;
  readonly text: boolean;
  /** Every value a whole number (always false for text). */
  readonly integers: boolean;
}

/** The distinct values of a target column over `mask`, sorted (numbers ascending, texts by code unit). */
export function targetValues(col: CsvColumn, mask: Uint8Array, cap: number = L.maxClasses): TargetValues {
  if (col.kind === 'text') {
    const used = new Set<number>();
    for (let i = 0; i < mask.length; i++) if (mask[i]) used.add(col.codes[i] as number);
    const labels = [...used].map((c) => col.labels[c] as string).sort();
    const capped = col.tooManyLabels;
    return { labels, more: labels.length > cap || capped, capped, text: true, integers: false };
  }
  if (col.kind === 'absent') return { labels: [], more: false, capped: false, text: false, integers: false };
  const seen = new Set<number>();
  let integers = true;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const v = col.values[i] as number;
    if (!Number.isInteger(v)) integers = false;
    if (seen.size <= cap) seen.add(v);
  }
  const labels = [...seen].sort((a, b) => a - b).map(valueLabel);
  return { labels, more: seen.size > cap, capped: false, text: false, integers };
}

/** The task a target's values suggest: 2 values binary, whole numbers or texts up to 20 multiclass, else regression. */
export function inferTask(values: TargetValues): Task | null {
  const n = values.labels.length;
  if (n < 2) return null;
  if (values.text) return values.more ? null : n === 2 ? 'binary' : 'multiclass';
  if (n === 2) return 'binary';
  return values.integers && !values.more ? 'multiclass' : 'regression';
}

/** What is wrong with the target for `task`, or null. */
function targetProblem(name: string, task: Task, v: TargetValues): string | null {
  const n = v.labels.length;
  const count =
    !v.more || (v.text && !v.capped) ? String(n) : `more than ${v.text ? L.maxLabels : L.maxClasses}`;
  if (n === 1) return CSV_ERRORS.oneClass(name, v.labels[0] as string);
  if (task === 'regression') return v.text ? CSV_ERRORS.textRegression(name) : null;
  if (v.more) return CSV_ERRORS.tooManyClasses(name, count);
  if (task === 'binary' && n !== 2) return CSV_ERRORS.notTwoClasses(name, n);
  return null;
}

/**
 * Checks a column pick against a table: 1 to 64 numeric features other than the target, no
 * unusable cells unless their rows are dropped, at least CSV_LIMITS.minRows rows left, and a
 * target that fits the task (two values for binary, 2 to 20 for multiclass, numbers for
 * regression, never a single value). Also says which task the target suggests.
 */
export function checkChoice(table: CsvTable, pick: ColumnPick): ChoiceCheck {
  const problems: string[] = [];
  const target = table.columns[pick.target];
  const targetName = target?.name ?? `column ${pick.target + 1}`;
  if (pick.features.length === 0) problems.push(CSV_ERRORS.noFeatures);
  if (pick.features.length > L.maxFeatures) problems.push(CSV_ERRORS.tooManyFeatures(pick.features.length));
  for (const f of pick.features) {
    const col = table.columns[f];
    if (!col) continue;
    if (f === pick.target) problems.push(CSV_ERRORS.targetIsFeature(col.name));
    else if (col.kind === 'text') problems.push(CSV_ERRORS.textFeature(col.name, col.labels[0] ?? ''));
    else if (col.kind === 'absent') problems.push(CSV_ERRORS.absentColumn(col.name));
  }
  if (!target || target.kind === 'absent') problems.push(CSV_ERRORS.absentColumn(targetName));
  const chosen = [...pick.features, pick.target];
  const badCells: string[] = [];
  for (const c of chosen) {
    const col = table.columns[c];
    if (col && col.kind !== 'absent' && col.bad && !(col.kind === 'text' && pick.features.includes(c)))
      badCells.push(describeBadCell(col.name, col.bad));
  }
  const mask = usableMask(table, chosen);
  let usableRows = 0;
  for (const m of mask) usableRows += m;
  const badRows = table.rows - usableRows;
  if (badRows > 0 && !pick.dropBadRows) problems.push(...badCells);
  const rows = pick.dropBadRows ? usableRows : table.rows;
  if (usableRows < L.minRows && (pick.dropBadRows || badRows === 0))
    problems.push(CSV_ERRORS.tooFewRows(rows));
  if (!target || target.kind === 'absent') {
    return { problems, badCells, badRows, usableRows, inferred: null, classLabels: null };
  }
  const values = targetValues(target, mask);
  const wrong = targetProblem(target.name, pick.task, values);
  if (wrong) problems.push(wrong);
  const classLabels = pick.task === 'regression' || values.more ? null : values.labels;
  return { problems, badCells, badRows, usableRows, inferred: inferTask(values), classLabels };
}

/**
 * The pick the dialog starts with: the last column as the target, every other numeric column
 * (up to 64, none that is all unusable) as a feature, the task the target suggests (else
 * multiclass for text, regression for numbers), rows with unusable cells kept (the person decides).
 */
export function defaultPick(table: CsvTable): ColumnPick {
  const target = table.columns.length - 1;
  const features: number[] = [];
  table.columns.forEach((col, c) => {
    if (c === target || col.kind !== 'numeric' || features.length >= L.maxFeatures) return;
    if (col.bad && col.bad.count >= table.rows) return;
    features.push(c);
  });
  const col = table.columns[target] as CsvColumn;
  const inferred = inferTask(targetValues(col, usableMask(table, [target])));
  return {
    features,
    target,
    task: inferred ?? (col.kind === 'text' ? 'multiclass' : 'regression'),
    dropBadRows: false,
  };
}
