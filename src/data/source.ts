import type { GraphContext } from '../graph/types';
import { csvDataset } from './csv/dataset';
import { csvInfo, emptyDataset } from './csv/info';
import type { CsvChoice, CsvTable } from './csv/types';
import { DATASETS, generateDataset } from './datasets';
import type { DataSettings, Dataset, DatasetInfo } from './types';

/** What the settings say about the data without its rows: a generated set's info, or the imported choice's. */
export function infoOfData(data: DataSettings): DatasetInfo {
  return data.dataset === 'csv' ? csvInfo(data.csv) : DATASETS[data.dataset];
}

/** The facts the graph's shapes depend on (input width, output width, task), from the data settings. */
export function contextOfData(data: DataSettings): GraphContext {
  const info = infoOfData(data);
  return { inputDim: info.inputDim, outputDim: info.outputDim, task: info.task };
}

/** The data's name for people: "Circle", or the imported file's name. */
export function datasetLabel(data: DataSettings): string {
  return infoOfData(data).label;
}

/** True when the settings name imported data whose rows are not in `table` (another file, or none). */
export function needsTable(data: DataSettings, table: CsvTable | null | undefined): boolean {
  return data.dataset === 'csv' && (!table || !data.csv || table.hash !== data.csv.hash);
}

/** The last dataset built from each table, and the settings it was built with. */
const built = new WeakMap<CsvTable, { key: string; dataset: Dataset }>();

/**
 * Imported rows as a Dataset (csvDataset), the one built last from this table when the choice,
 * seed, split and scale are the same: building standardizes every cell (100,000 x 64 of them
 * take a good part of a second), and the import dialog's preview and the import itself, or an
 * undo and its redo, ask for the same one.
 */
export function importedDataset(table: CsvTable, data: DataSettings & { csv: CsvChoice }): Dataset {
  const key = JSON.stringify([data.csv, data.seed, data.trainFraction, data.inputScale]);
  const last = built.get(table);
  if (last?.key === key) return last.dataset;
  const dataset = csvDataset(table, data.csv, data);
  built.set(table, { key, dataset });
  return dataset;
}

/**
 * The points of any data source: generated from the settings, or built from the imported rows
 * (see importedDataset). Imported data without its rows gives a dataset with none (see needsTable).
 */
export function buildDataset(data: DataSettings, table: CsvTable | null | undefined): Dataset {
  if (data.dataset !== 'csv') return generateDataset(data);
  if (!data.csv || !table || needsTable(data, table)) return emptyDataset(csvInfo(data.csv));
  return importedDataset(table, { ...data, csv: data.csv });
}
