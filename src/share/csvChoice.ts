import * as v from 'valibot';
import { CSV_LIMITS } from '../data/csv/limits';
import type { CsvChoice } from '../data/csv/types';
import type { DataSettings } from '../data/types';
import { quote } from './messages';

const index = (what: string) =>
  v.pipe(
    v.number(`${what} must be a column number.`),
    v.integer(`${what} must be a whole number.`),
    v.minValue(0, `${what} must be 0 or more.`),
  );

/**
 * The imported data a lab names (DataSettings.csv): the file (name, the first 16 hex digits of
 * its SHA-256, rows, column names) and the columns chosen from it. Links carry this, never rows.
 */
export const CSV_CHOICE_SCHEMA = v.strictObject(
  {
    file: v.pipe(
      v.string('The imported file must have a name.'),
      v.minLength(1, 'The imported file must have a name.'),
      v.maxLength(255, 'The imported file’s name is too long.'),
    ),
    hash: v.pipe(
      v.string(),
      v.regex(/^[0-9a-f]{16}$/, 'The imported file’s hash must be 16 hexadecimal digits.'),
    ),
    rows: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1),
      v.maxValue(CSV_LIMITS.maxRows, `The imported file may have at most ${CSV_LIMITS.maxRows} rows.`),
    ),
    columns: v.pipe(
      v.array(
        v.pipe(v.string(), v.maxLength(CSV_LIMITS.maxNameLength, 'A column name is too long.')),
        'The imported columns must be a list of names.',
      ),
      v.minLength(2, 'The imported file must have at least two columns.'),
      v.maxLength(
        CSV_LIMITS.maxColumns,
        `The imported file may have at most ${CSV_LIMITS.maxColumns} columns.`,
      ),
    ),
    features: v.pipe(
      v.array(index('A feature')),
      v.minLength(1, 'The imported data must have at least one feature.'),
      v.maxLength(
        CSV_LIMITS.maxFeatures,
        `The imported data may have at most ${CSV_LIMITS.maxFeatures} features.`,
      ),
    ),
    target: index('The target'),
    task: v.picklist(
      ['binary', 'multiclass', 'regression'],
      'The task must be binary, multiclass or regression.',
    ),
    classes: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1),
      v.maxValue(CSV_LIMITS.maxClasses, `Imported data may have at most ${CSV_LIMITS.maxClasses} classes.`),
    ),
    dropBadRows: v.boolean('dropBadRows must be true or false.'),
  },
  (issue) =>
    issue.expected === 'never'
      ? `The imported data has an unknown field ${quote(issue.input)}.`
      : 'The imported data must describe its file and its columns.',
);

/** What is inconsistent in a lab's imported-data description, or null (the schema checked each field). */
export function csvChoiceProblem(data: DataSettings): string | null {
  const c: CsvChoice | null | undefined = data.csv;
  if (data.dataset !== 'csv')
    return c ? 'This lab describes imported data but trains on a generated dataset.' : null;
  if (!c) return 'This lab trains on imported data but does not say which file and columns.';
  const n = c.columns.length;
  if (c.target >= n || c.features.some((f) => f >= n))
    return 'The imported data names a column past its last one.';
  if (new Set(c.features).size !== c.features.length) return 'The imported data names a feature twice.';
  if (c.features.includes(c.target)) return 'The imported data’s target is also one of its features.';
  if (c.task === 'regression' ? c.classes !== 1 : c.classes < 2)
    return 'The imported data’s class count does not fit its task.';
  if (c.task === 'binary' && c.classes !== 2) return 'Binary imported data must have 2 classes.';
  return null;
}
