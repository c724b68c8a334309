import type { ExportInput, ExportResult } from './types';

/** A Keras script for the lab (placeholder: the generator lands with issue 11). */
export function exportKeras(_input: ExportInput): ExportResult {
  return { ok: false, problems: ['Keras export is not built yet.'] };
}
