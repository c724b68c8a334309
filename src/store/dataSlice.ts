import type { StateCreator } from 'zustand';
import { type ColumnPick, checkChoice } from '../data/csv/choice';
import type { CsvChoice, CsvTable } from '../data/csv/types';
import { DEFAULT_DATA } from '../data/datasets';
import { fitPlane, type Plane } from '../data/slice';
import { buildDataset, contextOfData } from '../data/source';
import type { DataSettings, Dataset } from '../data/types';
import type { GraphContext } from '../graph/types';
import { refuseIfLocked } from './locks';
import type { AppState } from './types';

/**
 * What the import dialog is asked to do: read a file (or the bundled Iris example), or let the
 * person choose anew among the columns of a table already read. `expect`: the lab's own data
 * whose file is missing; a file that fits it is used with the lab's choice, no questions asked.
 */
export interface CsvImportRequest {
  readonly file: File | null;
  readonly example?: 'iris';
  readonly table?: CsvTable;
  readonly expect?: CsvChoice;
}

/** Tables kept in memory besides the current data's (for undo and for labs opened and left). */
export const KEPT_TABLES = 3;

export interface DataSlice {
  data: DataSettings;
  /** The points (derived from `data`, and for imported data from its table; see buildDataset). */
  dataset: Dataset;
  /**
   * Imported tables by hash, as typed arrays: the rows live here, never in `data` nor in the undo
   * history (which holds settings only), so an edit costs no copy of them.
   */
  tables: Readonly<Record<string, CsvTable>>;
  /** The two inputs the decision boundary's slice shows across and up (see src/data/slice.ts). */
  plane: Plane;
  /** 'pending' while this browser's storage is searched for the current data's file. */
  tableLookup: 'pending' | 'done';
  /** The CSV import dialog's request, or null when it is closed. */
  csvImport: CsvImportRequest | null;
  setData: (patch: Partial<DataSettings>) => void;
  /**
   * Trains on an imported table with the columns picked (an undoable data change); returns the
   * reason when the pick is refused (nothing changes then).
   */
  importCsv: (table: CsvTable, pick: ColumnPick) => string | null;
  /** Keeps a table in memory (its data's dataset is rebuilt when it is the one missing). */
  addTable: (table: CsvTable) => void;
  setPlane: (plane: Plane) => void;
  setTableLookup: (state: 'pending' | 'done') => void;
  openCsvImport: (request: CsvImportRequest) => void;
  closeCsvImport: () => void;
}

/** The settings and table each built dataset was made from. */
const madeFrom = new WeakMap<Dataset, { data: DataSettings; table: CsvTable | undefined }>();

/** The table the settings' imported data needs, when it is in memory. */
export function tableFor(data: DataSettings, tables: AppState['tables']): CsvTable | undefined {
  return data.dataset === 'csv' && data.csv ? tables[data.csv.hash] : undefined;
}

/** Builds the points of `data` (from its table, for imported data), remembering what they came from. */
export function generateFor(data: DataSettings, tables: AppState['tables'] = {}): Dataset {
  const table = tableFor(data, tables);
  const dataset = buildDataset(data, table);
  madeFrom.set(dataset, { data, table });
  return dataset;
}

/** True when `dataset` was built from exactly these settings and table (false after an undo, or once a table arrives). */
export function datasetMatches(dataset: Dataset, data: DataSettings, tables: AppState['tables']): boolean {
  const made = madeFrom.get(dataset);
  return made?.data === data && made.table === tableFor(data, tables);
}

/** True when the data is imported and its rows are not here: nothing can train until they are. */
export function dataMissing(s: Pick<AppState, 'data' | 'tables'>): boolean {
  return s.data.dataset === 'csv' && !tableFor(s.data, s.tables);
}

/** The lab's description of imported data: the file, the picked columns, the classes. */
export function choiceOf(table: CsvTable, pick: ColumnPick, classes: number): CsvChoice {
  return {
    file: table.name,
    hash: table.hash,
    rows: table.rows,
    columns: table.columns.map((c) => c.name),
    features: [...pick.features],
    target: pick.target,
    task: pick.task,
    classes: pick.task === 'regression' ? 1 : classes,
    dropBadRows: pick.dropBadRows,
  };
}

const absent = (t: CsvTable) => t.columns.filter((c) => c.kind === 'absent').length;

/**
 * `tables` with `table` added, keeping the current data's and the KEPT_TABLES most recent others
 * (a lab file's partial copy of a table never replaces the whole file read before).
 */
function withTable(tables: AppState['tables'], table: CsvTable, data: DataSettings): AppState['tables'] {
  const known = tables[table.hash];
  if (known && absent(known) < absent(table)) return tables;
  const current = data.csv?.hash;
  const others = Object.keys(tables).filter((h) => h !== table.hash && h !== current);
  const drop = new Set(others.slice(0, Math.max(0, others.length - KEPT_TABLES + 1)));
  const kept = Object.fromEntries(Object.entries(tables).filter(([h]) => !drop.has(h) && h !== table.hash));
  return { ...kept, [table.hash]: table };
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => ({
  data: DEFAULT_DATA,
  dataset: generateFor(DEFAULT_DATA),
  tables: {},
  plane: [0, 1],
  tableLookup: 'done',
  csvImport: null,
  setData: (patch) => {
    if (refuseIfLocked(get, 'data')) return;
    const current = get().data;
    // A commit of the value already in force changes nothing (no restart, no undo step).
    if (Object.entries(patch).every(([k, v]) => current[k as keyof DataSettings] === v)) return;
    // Imported data is chosen by importing it (importCsv); a generated set leaves it behind.
    if (patch.dataset === 'csv' && !current.csv) return;
    const { csv, ...rest } = { ...current, ...patch };
    const leaving = patch.dataset !== undefined && patch.dataset !== 'csv';
    const data: DataSettings = leaving || !csv ? rest : { ...rest, csv };
    set({ data, dataset: generateFor(data, get().tables) });
  },
  importCsv: (table, pick) => {
    if (refuseIfLocked(get, 'data')) return 'The data is locked for this class.';
    const check = checkChoice(table, pick);
    if (check.problems.length > 0) return check.problems[0] as string;
    const data: DataSettings = {
      ...get().data,
      dataset: 'csv',
      csv: choiceOf(table, pick, check.classLabels?.length ?? 1),
    };
    const tables = withTable(get().tables, table, data);
    set({ tables, data, dataset: generateFor(data, tables) });
    return null;
  },
  addTable: (table) => {
    const tables = withTable(get().tables, table, get().data);
    set({ tables });
  },
  setPlane: (plane) => {
    const fit = fitPlane(plane, get().dataset.info.inputDim);
    const now = get().plane;
    if (fit[0] !== now[0] || fit[1] !== now[1]) set({ plane: fit });
  },
  setTableLookup: (tableLookup) => set({ tableLookup }),
  openCsvImport: (csvImport) => set({ csvImport }),
  closeCsvImport: () => set({ csvImport: null }),
});

/** The facts the graph's shapes depend on, from the chosen data (generated or imported). */
export function graphContextOf(data: DataSettings): GraphContext {
  return contextOfData(data);
}
