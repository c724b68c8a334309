import { useId, useMemo, useState } from 'react';
import {
  type ColumnPick,
  checkChoice,
  defaultPick,
  inferTask,
  targetValues,
  usableMask,
} from '../../data/csv/choice';
import { csvStandardization } from '../../data/csv/dataset';
import { CSV_LIMITS } from '../../data/csv/limits';
import type { CsvTable } from '../../data/csv/types';
import type { Task } from '../../graph/types';
import { choiceOf } from '../../store/dataSlice';
import { appStore } from '../../store/store';
import { SelectField } from '../SelectField';
import { FeatureStatsTable } from './FeatureStatsTable';

const TASKS: readonly { value: Task; label: string }[] = [
  { value: 'binary', label: 'Binary classification' },
  { value: 'multiclass', label: 'Multiclass classification' },
  { value: 'regression', label: 'Regression' },
];
const taskWord = (t: Task | null) =>
  t === null ? 'none fits' : TASKS.find((o) => o.value === t)?.label.toLowerCase();

interface Props {
  readonly table: CsvTable;
  /** Said above the choice (e.g. why a file for a lab's missing data did not fit it). */
  readonly note?: string | null;
  readonly onDone: () => void;
}

/**
 * The column chooser: features (checkboxes named after the columns, 1 to 64), the target (a
 * combobox), the task (inferred from the target, can be overridden), what is wrong with the pick
 * (role alert) and the offer to leave out rows with unusable cells, the class names, and the
 * standardization each feature gets (training-split mean and sd, for the current seed and split).
 */
export function ColumnChooser({ table, note, onDone }: Props) {
  const id = useId();
  const [pick, setPick] = useState<ColumnPick>(() => defaultPick(table));
  const check = useMemo(() => checkChoice(table, pick), [table, pick]);
  const preview = useMemo(() => {
    if (check.problems.length > 0) return null;
    const data = appStore.getState().data;
    const choice = choiceOf(table, pick, check.classLabels?.length ?? 1);
    return { stats: csvStandardization(table, choice, data), data };
  }, [table, pick, check]);
  const setTarget = (target: number) => {
    const values = targetValues(
      table.columns[target] as CsvTable['columns'][number],
      usableMask(table, [target]),
    );
    const task = inferTask(values) ?? (values.text ? 'multiclass' : 'regression');
    setPick((p) => ({ ...p, target, task, features: p.features.filter((f) => f !== target) }));
  };
  const toggle = (c: number, on: boolean) =>
    setPick((p) => ({
      ...p,
      features: on ? [...p.features, c].sort((a, b) => a - b) : p.features.filter((f) => f !== c),
    }));
  const numeric = table.columns
    .map((col, c) => (col.kind === 'numeric' && c !== pick.target ? c : -1))
    .filter((c) => c >= 0)
    .slice(0, CSV_LIMITS.maxFeatures);
  const confirm = () => {
    // A run in progress starts over on the new data: said here, as other data changes say it.
    const wasAt = appStore.getState().metrics?.step ?? 0;
    const restart = wasAt > 0 ? ` Training starts again from step 0 (the run was at step ${wasAt}).` : '';
    const refused = appStore.getState().importCsv(table, pick);
    if (refused) return;
    const st = preview?.stats;
    const classes = check.classLabels ? `, ${check.classLabels.length} classes` : '';
    const dropped = st?.droppedRows ? ` (${st.droppedRows} rows with unusable cells left out)` : '';
    appStore
      .getState()
      .notify(
        'info',
        `Imported “${table.name}”: ${check.usableRows} rows${dropped}, ${pick.features.length} features${classes}. Features are standardized with the training split’s mean and standard deviation.${restart}`,
      );
    onDone();
  };
  return (
    <div className="csv-chooser">
      {note && <p className="csv-note">{note}</p>}
      <p className="hint">
        {table.rows.toLocaleString('en-US')} rows, {table.columns.length} columns;{' '}
        {table.header
          ? 'the first row holds the column names.'
          : 'no header row, so the columns are named column 1, column 2, …'}{' '}
        Rows are numbered as a spreadsheet numbers them.
      </p>
      <fieldset className="csv-features">
        <legend>
          Features ({pick.features.length} of 1 to {CSV_LIMITS.maxFeatures})
        </legend>
        <div className="csv-feature-actions">
          <button type="button" onClick={() => setPick((p) => ({ ...p, features: numeric }))}>
            All numeric columns
          </button>
          <button type="button" onClick={() => setPick((p) => ({ ...p, features: [] }))}>
            None
          </button>
        </div>
        <ul className="csv-columns">
          {table.columns.map((col, c) => (
            <li key={col.name}>
              <input
                id={`${id}-f${c}`}
                type="checkbox"
                checked={pick.features.includes(c)}
                disabled={c === pick.target || col.kind === 'absent'}
                onChange={(e) => toggle(c, e.target.checked)}
              />
              <label htmlFor={`${id}-f${c}`}>{col.name}</label>
              {(c === pick.target || col.kind !== 'numeric') && (
                <span className="hint csv-column-kind">
                  {c === pick.target ? 'target' : col.kind === 'text' ? 'text' : 'not in this data'}
                </span>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="csv-target-row">
        <SelectField<string>
          label="Target"
          value={String(pick.target)}
          options={table.columns.map((col, c) => ({ value: String(c), label: col.name }))}
          onChange={(v) => setTarget(Number(v))}
        />
        <SelectField<Task>
          label="Task"
          value={pick.task}
          options={TASKS}
          onChange={(task) => setPick((p) => ({ ...p, task }))}
          help="Inferred from the target's values; choose another to override it."
        />
        <p className="hint csv-inferred">Inferred from the target: {taskWord(check.inferred)}.</p>
      </div>
      {check.badRows > 0 && (
        <p className="field-check wide">
          <input
            id={`${id}-drop`}
            type="checkbox"
            checked={pick.dropBadRows}
            onChange={(e) => setPick((p) => ({ ...p, dropBadRows: e.target.checked }))}
          />
          <label htmlFor={`${id}-drop`}>
            Leave out the {check.badRows} {check.badRows === 1 ? 'row' : 'rows'} with missing or unusable
            values
          </label>
        </p>
      )}
      {check.problems.length > 0 && (
        <ul className="csv-problems" role="alert" aria-label="Problems with this choice">
          {check.problems.slice(0, 6).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {check.classLabels && check.problems.length === 0 && (
        <p className="csv-classes">
          Classes:{' '}
          {check.classLabels.map((label, k) => (
            <span key={label} className="csv-class">
              {k} = {label}
            </span>
          ))}
        </p>
      )}
      {preview && (
        <FeatureStatsTable
          stats={preview.stats}
          caption={`Standardized as z = (x − mean) / SD, with the training split’s statistics (seed ${preview.data.seed}, ${Math.round(preview.data.trainFraction * 100)}% train).`}
        />
      )}
      <div className="csv-buttons">
        <button type="button" className="primary" disabled={check.problems.length > 0} onClick={confirm}>
          Import
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}
