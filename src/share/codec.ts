import type { CsvTable } from '../data/csv/types';
import { parseJson } from './json';
import type { Lab, LabWeights } from './lab';
import { SHARE_LIMITS } from './limits';
import { decodeLinkJson, encodeLinkPayload } from './linkText';
import { SHARE_ERRORS, type Source } from './messages';
import { CURRENT_VERSION, migrate, type Payload } from './migrations';
import { type PinnedRun, readRuns, runToPayload } from './runs';
import { labFromPayload, labToPayload } from './schema';
import { readTable, writeTable } from './tableCodec';
import { readWeights } from './weights';

/**
 * What decoding a link or file gives: the lab (at CURRENT_VERSION), the version it was saved in
 * when it was migrated, and a file's trained weights and pinned runs when it carried some; or one
 * sentence saying what is wrong, fit for a role="alert" notice.
 */
export type DecodeResult =
  | {
      ok: true;
      lab: Lab;
      migratedFrom?: number;
      weights?: LabWeights;
      weightsStep?: number;
      /** The imported rows a file carried ("with the data"). */
      table?: CsvTable;
      runs?: readonly PinnedRun[];
    }
  | { ok: false; error: string };

const fail = (error: string): DecodeResult => ({ ok: false, error });

/** The last line of defence: a bug must never reach the page as an exception. Tests assert it never fires. */
function guarded(source: Source, read: () => DecodeResult): DecodeResult {
  try {
    return read();
  } catch (e) {
    return fail(`NormLab could not read this ${source} (internal error: ${String(e).slice(0, 80)}).`);
  }
}

function isRecord(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Migrates and validates a parsed payload into a lab. */
function fromPayload(value: unknown, source: Source): DecodeResult {
  if (!isRecord(value)) return fail(SHARE_ERRORS.notALab(source));
  const migrated = migrate(value);
  if (!migrated.ok) return fail(migrated.error);
  const read = labFromPayload(migrated.payload);
  if (!read.ok) return fail(read.error);
  return migrated.from < CURRENT_VERSION
    ? { ok: true, lab: read.lab, migratedFrom: migrated.from }
    : { ok: true, lab: read.lab };
}

/**
 * A lab as link text: the FIELDS payload as JSON, zlib-compressed (deflate level 9, Adler-32
 * checksum), in unpadded base64url. Does not validate: see validateLab.
 */
export function encodeLab(lab: Lab): string {
  return encodeLinkPayload(labToPayload(lab));
}

/**
 * Reads link text (what follows "#lab=") back into a lab. Untrusted: refuses malformed base64,
 * truncated or corrupted compression (checksum verified), more than 64 KB compressed or 1 MB
 * inflated (stopped while inflating), text that is not UTF-8, invalid JSON, deep nesting,
 * `__proto__`/`constructor`/`prototype` keys, newer versions, and every schema and structure
 * problem, each with one sentence. Whitespace (a link wrapped by a mail client) is ignored.
 * Never throws.
 */
export function decodeLab(text: string): DecodeResult {
  return guarded('link', () => {
    const read = decodeLinkJson(text, SHARE_ERRORS.emptyLink);
    return read.ok ? fromPayload(read.value, 'link') : fail(read.error);
  });
}

/** A link to `base` (any "#…" it has is replaced) that opens `lab`: `${base}#lab=${encodeLab(lab)}`. */
export function shareUrl(base: string, lab: Lab): string {
  return `${base.split('#')[0]}#lab=${encodeLab(lab)}`;
}

/**
 * Reads the lab in a location hash ("#lab=…", also among other "&"-separated parts). Returns
 * null when the hash holds no lab (so the app keeps its own), else decodeLab's result.
 */
export function labFromHash(hash: string): DecodeResult | null {
  if (typeof hash !== 'string') return null;
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const part = body.split('&').find((p) => p.startsWith('lab='));
  return part === undefined ? null : decodeLab(part.slice(4));
}

/** Lays a payload out one field a line and one node or edge a line, so a file reads and diffs well. */
function formatPayload(payload: Record<string, unknown>): string {
  const lines = Object.entries(payload).map(([key, value]) => {
    const head = `  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      return `${head}[\n${value.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n  ]`;
    }
    return head + JSON.stringify(value);
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

/**
 * A lab as the text of a lab file: the same payload as a link, as readable JSON, plus the
 * trained weights when given (node id -> weight name -> finite numbers), the pinned runs when
 * there are some (an optional `runs` list: files without it read as before), and the imported
 * rows the lab trains on when given ("table", last: the columns the lab uses, see tableCodec.ts).
 */
export function labToJson(
  lab: Lab,
  extras?: {
    readonly weights?: LabWeights;
    readonly weightsStep?: number;
    readonly runs?: readonly PinnedRun[];
    readonly table?: CsvTable;
  },
): string {
  const payload = labToPayload(lab);
  if (extras?.weights) {
    payload.weights = extras.weights;
    if (extras.weightsStep !== undefined) payload.weightsStep = extras.weightsStep;
  }
  if (extras?.runs?.length) payload.runs = extras.runs.map(runToPayload);
  const csv = lab.data.csv;
  if (extras?.table && csv && lab.data.dataset === 'csv' && extras.table.hash === csv.hash) {
    payload.table = writeTable(extras.table, [...csv.features, csv.target]);
  }
  return formatPayload(payload);
}

/** A file's length is within the limits: the lab part within maxFileChars, carried rows within maxDataFileChars. */
function fileTooLarge(text: string): boolean {
  if (text.length <= SHARE_LIMITS.maxFileChars) return false;
  if (text.length > SHARE_LIMITS.maxDataFileChars) return true;
  const rows = text.lastIndexOf('\n  "table": {');
  return rows < 0 || rows > SHARE_LIMITS.maxFileChars;
}

/**
 * Reads the text of a lab file (or an autosave): the same checks as decodeLab after the JSON,
 * at most 16 MB, a file that is not JSON at all named as such, an optional `weights` field
 * checked and returned as `weights`, and optional pinned runs (`runs`, see runs.ts). Never throws.
 */
export function labFromJson(text: string): DecodeResult {
  return guarded('file', () => {
    if (typeof text !== 'string') return fail(SHARE_ERRORS.notText('file'));
    if (fileTooLarge(text)) return fail(SHARE_ERRORS.fileTooLarge(text.length));
    const parsed = parseJson(text, 'file');
    if (!parsed.ok) return fail(parsed.error);
    if (!isRecord(parsed.value)) return fail(SHARE_ERRORS.notALab('file'));
    const { weights, weightsStep, table, runs, ...rest } = parsed.value;
    const lab = fromPayload(rest, 'file');
    let read = withWeights(lab, weights, weightsStep);
    if (!read.ok) return read;
    if (table !== undefined) {
      const rows = readTable(table, read.lab.data.csv);
      if (!rows.ok) return fail(rows.error);
      read = { ...read, table: rows.table };
    }
    if (runs === undefined) return read;
    const pinned = readRuns(runs);
    return pinned.ok ? { ...read, runs: pinned.runs } : fail(pinned.error);
  });
}

/** A decoded file's lab with its optional weights checked and added. */
function withWeights(read: DecodeResult, weights: unknown, weightsStep: unknown): DecodeResult {
  if (!read.ok || weights === undefined) return read;
  const checked = readWeights(weights, read.lab.graph);
  if (!checked.ok) return fail(checked.error);
  if (weightsStep === undefined) return { ...read, weights: checked.weights };
  if (
    typeof weightsStep !== 'number' ||
    !Number.isInteger(weightsStep) ||
    weightsStep < 0 ||
    weightsStep > 1e12
  ) {
    return fail('The step the weights were trained to (weightsStep) must be a whole number, 0 or more.');
  }
  return { ...read, weights: checked.weights, weightsStep };
}

/**
 * Checks a lab the app holds against the rules every link and file must pass (say, before
 * sharing: a graph of 300 nodes makes a link nobody can open). Returns null, or the message.
 */
export function validateLab(lab: Lab): string | null {
  const read = labFromJson(labToJson(lab));
  return read.ok ? null : read.error;
}
