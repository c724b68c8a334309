import type { CsvWorkerMessage } from '../../data/csv/csvWorker';
import type { CsvReadResult } from '../../data/csv/types';

/** A CSV file being read: its result, and a way to stop (the worker is ended). */
export interface CsvReading {
  readonly result: Promise<CsvReadResult>;
  cancel(): void;
}

/**
 * Reads a CSV file in its own web worker (src/data/csv/csvWorker.ts: papaparse, streaming), so the
 * page stays responsive whatever the file's size; `onProgress` hears the share read so far. Where
 * there are no workers (unit tests in jsdom), it reads on this thread instead.
 */
export function readCsvInWorker(file: File, onProgress: (fraction: number) => void): CsvReading {
  if (typeof Worker === 'undefined') {
    let cancelled = false;
    const result = import('../../data/csv/read').then(async ({ readCsvFile }) => {
      const read = await readCsvFile(file, (f) => !cancelled && onProgress(f));
      return read;
    });
    return { result, cancel: () => (cancelled = true) };
  }
  const worker = new Worker(new URL('../../data/csv/csvWorker.ts', import.meta.url), {
    type: 'module',
    name: 'normlab-csv',
  });
  let settle: (r: CsvReadResult) => void = () => {};
  const result = new Promise<CsvReadResult>((resolve) => {
    settle = resolve;
  });
  worker.onmessage = (e: MessageEvent<CsvWorkerMessage>) => {
    if (e.data.type === 'progress') onProgress(e.data.fraction);
    else {
      settle(e.data.result);
      worker.terminate();
    }
  };
  worker.onerror = (e) => {
    settle({ ok: false, error: `“${file.name}” could not be read (${e.message || 'the reader stopped'}).` });
    worker.terminate();
  };
  worker.postMessage({ file });
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle({ ok: false, error: 'Reading was cancelled.' });
    },
  };
}
