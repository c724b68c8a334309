import type { ExportInput, ExportResult } from './types';

/** A PyTorch script for the lab (placeholder: the generator lands with issue 11). */
export function exportPyTorch(_input: ExportInput): ExportResult {
  return { ok: false, problems: ['PyTorch export is not built yet.'] };
}
