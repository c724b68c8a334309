import { SHARE_ERRORS } from './messages';

/**
 * The schema version this NormLab writes, and the newest it reads. Changing the wire format
 * (a field, a parameter key, a pinned default in specs.ts) means: bump this, and add a migration
 * from the previous version below.
 */
export const CURRENT_VERSION = 4;

/** A parsed payload: a plain object from JSON.parse (no forbidden keys). */
export type Payload = Readonly<Record<string, unknown>>;

/**
 * Forward migrations: MIGRATIONS[n] turns a version-n payload into a version-(n + 1) one. Each
 * builds a new object (never assigns onto its input) and leaves validation to the schema.
 */
export const MIGRATIONS: Readonly<Record<number, (p: Payload) => Payload>> = {
  /**
   * Version 1 had no backend preference and no panels, and called the learning rate `lr`.
   * They become the defaults of their day: backend auto, Distributions open in inference mode.
   */
  1: ({ lr, ...rest }) => ({
    ...rest,
    version: 2,
    learningRate: lr,
    backend: 'auto',
    panel: 'distributions',
    distMode: 'inference',
  }),
  /** Version 2 had no input scale: its points were never scaled, which is scale 1. */
  2: (p) => ({ ...p, version: 3, inputScale: 1 }),
  /** Version 3 knew no imported data: its labs train on a generated dataset. */
  3: (p) => ({ ...p, version: 4, csv: null }),
};

/** A payload at CURRENT_VERSION, and the version it was written in; or why it cannot be read. */
export type MigrateResult = { ok: true; payload: Payload; from: number } | { ok: false; error: string };

/** Reads a payload's version and migrates it forward to CURRENT_VERSION. Never throws. */
export function migrate(payload: Payload): MigrateResult {
  const from = payload.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return { ok: false, error: SHARE_ERRORS.noVersion };
  }
  if (from > CURRENT_VERSION) {
    return { ok: false, error: SHARE_ERRORS.newerVersion(from, CURRENT_VERSION) };
  }
  let current = payload;
  for (let version = from; version < CURRENT_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, error: SHARE_ERRORS.noVersion };
    current = step(current);
  }
  return { ok: true, payload: current, from };
}
