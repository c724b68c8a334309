/// <reference lib="webworker" />
/**
 * The CSV reading worker: papaparse streams the file here, off the page's thread, so a 50 MB
 * file never stalls a frame. One message in (the file), progress messages out, then the table
 * (its column buffers transferred, not copied) or the reason it was refused.
 */
import { readCsvFile } from './read';
import type { CsvReadResult } from './types';

/** What the worker sends back. */
export type CsvWorkerMessage =
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'done'; readonly result: CsvReadResult };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<{ readonly file: File }>) => {
  const result = await readCsvFile(e.data.file, (fraction) =>
    scope.postMessage({ type: 'progress', fraction } satisfies CsvWorkerMessage),
  );
  const buffers: ArrayBuffer[] = [];
  if (result.ok) {
    for (const col of result.table.columns) {
      if (col.kind === 'numeric') buffers.push(col.values.buffer as ArrayBuffer);
      if (col.kind === 'text') buffers.push(col.codes.buffer as ArrayBuffer);
    }
  }
  scope.postMessage({ type: 'done', result } satisfies CsvWorkerMessage, buffers);
};
