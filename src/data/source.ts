import type { GraphContext } from '../graph/types';
import { csvDataset } from './csv/dataset';
import { csvInfo, emptyDataset } from './csv/info';
import type { CsvTable } from './csv/types';
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

/**
 * The points of any data source: generated from the settings, or built from the imported rows
 * (see csvDataset). Imported data without its rows gives a dataset with none (see needsTable).
 */
export function buildDataset(data: DataSettings, table: CsvTable | null | undefined): Dataset {
  if (data.dataset !== 'csv') return generateDataset(data);
  if (!data.csv || !table || needsTable(data, table)) return emptyDataset(csvInfo(data.csv));
  return csvDataset(table, data.csv, data);
}
