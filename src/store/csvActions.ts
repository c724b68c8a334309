import { type ColumnPick, checkChoice } from '../data/csv/choice';
import type { CsvChoice, CsvTable } from '../data/csv/types';
import type { AppStore } from './store';

/** What became of a file read for a lab whose data file was missing. */
export type ExpectedResult =
  | { readonly ok: true; readonly note: string }
  | { readonly ok: false; readonly reason: string };

/** The pick of `expect` in `table`'s columns, by name (a file saved again may have moved its columns). */
function pickByName(table: CsvTable, expect: CsvChoice): ColumnPick | null {
  const index = (c: number) => {
    const name = expect.columns[c];
    const at = table.columns.findIndex((col) => col.name === name);
    return at >= 0 ? at : table.header ? -1 : c < table.columns.length ? c : -1;
  };
  const features = expect.features.map(index);
  const target = index(expect.target);
  if (target < 0 || features.some((f) => f < 0)) return null;
  return { features, target, task: expect.task, dropBadRows: expect.dropBadRows };
}

/**
 * Gives a lab the rows it names. The very file (same hash): its rows are kept and the lab trains.
 * Another file with the columns the lab uses (by name) and the same classes: the lab uses it
 * (an undoable data change), and the note says the content differs. Anything else: the reason,
 * and nothing changes.
 */
export function supplyExpectedTable(store: AppStore, table: CsvTable, expect: CsvChoice): ExpectedResult {
  const s = store.getState();
  if (table.hash === expect.hash) {
    s.addTable(table);
    return { ok: true, note: `Loaded “${table.name}”: the lab trains on its ${expect.rows} rows again.` };
  }
  const pick = pickByName(table, expect);
  const names = [...expect.features, expect.target].map((c) => `“${expect.columns[c]}”`).join(', ');
  if (!pick) {
    return {
      ok: false,
      reason: `“${table.name}” is not the file this lab names (“${expect.file}”): it lacks the columns ${names}.`,
    };
  }
  const check = checkChoice(table, pick);
  const classes = expect.task === 'regression' ? 1 : (check.classLabels?.length ?? 0);
  if (check.problems.length > 0 || classes !== expect.classes) {
    const why = check.problems[0] ?? `its target has ${classes} classes, the lab's ${expect.classes}`;
    return { ok: false, reason: `“${table.name}” does not fit this lab: ${why}` };
  }
  const refused = s.importCsv(table, pick);
  if (refused) return { ok: false, reason: refused };
  return {
    ok: true,
    note: `“${table.name}” differs from “${expect.file}”, the file this lab was made with (other content), but it has the columns the lab uses, so the lab now trains on it.`,
  };
}
