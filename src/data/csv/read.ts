import Papa from 'papaparse';
import { CsvAccumulator } from './accumulator';
import { CSV_ERRORS } from './messages';
import { hashBytes, refuseFile, SNIFF_BYTES } from './sniff';
import type { CsvReadResult } from './types';

/** Bytes handed to the parser at a time when reading a file (its progress is reported per chunk). */
export const CHUNK_BYTES = 1024 * 1024;

type Source = File | string;

/**
 * Parses CSV text or a file with papaparse, chunk by chunk (streaming: a file is never held as
 * one string), into a CsvAccumulator. The delimiter is detected (comma, tab, semicolon, bar);
 * blank lines are skipped. `onProgress` hears the share of the input read so far.
 */
function parseInto(
  source: Source,
  acc: CsvAccumulator,
  chunkSize: number,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const total = typeof source === 'string' ? source.length : source.size;
  return new Promise((resolve, reject) => {
    let delimiterSet = false;
    Papa.parse<string[]>(source as File, {
      chunkSize,
      skipEmptyLines: 'greedy',
      chunk: (results, parser) => {
        if (!delimiterSet) {
          acc.setDelimiter(results.meta.delimiter);
          delimiterSet = true;
        }
        const quote = results.errors.find((e) => e.code === 'MissingQuotes');
        if (quote) acc.quoteProblem(acc.rowsSeen + (quote.row ?? 0) + 1);
        if (!acc.addRows(results.data)) parser.abort();
        else onProgress(total > 0 ? Math.min(1, results.meta.cursor / total) : 1);
      },
      complete: () => resolve(),
      error: (err: Error) => reject(err),
    });
  });
}

/** Reads CSV text (tests, the bundled examples) into a table; the hash is that of its UTF-8 bytes. */
export async function readCsvText(
  text: string,
  name: string,
  chunkSize = CHUNK_BYTES,
): Promise<CsvReadResult> {
  const bytes = new TextEncoder().encode(text);
  const refused = refuseFile(name, bytes.length, bytes.subarray(0, SNIFF_BYTES));
  if (refused) return { ok: false, error: refused };
  const acc = new CsvAccumulator(name);
  await parseInto(text, acc, chunkSize, () => {});
  return acc.finish(await hashBytes(bytes));
}

/**
 * Reads a CSV file into a table, streaming (the web worker in src/data/csv/csvWorker.ts calls it, so
 * the page never waits): refused at once when over 50 MB or binary (its first 64 KB looked at),
 * else parsed chunk by chunk; the first problem stops it with one sentence. Never throws.
 */
export async function readCsvFile(
  file: File,
  onProgress: (fraction: number) => void = () => {},
): Promise<CsvReadResult> {
  try {
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    const refused = refuseFile(file.name, file.size, head);
    if (refused) return { ok: false, error: refused };
    const acc = new CsvAccumulator(file.name);
    await parseInto(file, acc, CHUNK_BYTES, onProgress);
    if (acc.failed) return acc.finish('');
    return acc.finish(await hashBytes(await file.arrayBuffer()));
  } catch (err) {
    return {
      ok: false,
      error: CSV_ERRORS.unreadable(file.name, err instanceof Error ? err.message : String(err)),
    };
  }
}
