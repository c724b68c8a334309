import { exportKeras } from '../export/keras';
import { exportPyTorch } from '../export/pytorch';
import type { TfjsModelFacts } from '../export/tfjsModel';
import { buildTfjsZip, TFJS_ZIP_NAME } from '../export/tfjsZip';
import type { ExportResult } from '../export/types';
import type { NodeWeights } from '../train/protocol';
import {
  exportContextOf,
  exportDataOf,
  exportInputOf,
  featureNamesOf,
  graphExportProblems,
} from './exportInput';
import { type ExportKind, type ExportOptions, exportLabel } from './exportItems';
import { exportLabText } from './labActions';
import type { AppStore } from './store';
import type { TrainerCommands } from './trainerBridge';

/** What an export gives the UI: a file to download, code to preview first, or a refusal to show. */
export type ExportOutcome =
  | {
      readonly kind: 'download';
      readonly fileName: string;
      readonly bytes: Uint8Array | string;
      readonly mime: string;
      /** Something the person should know about the file (e.g. it holds no weights). */
      readonly note: string | null;
    }
  | {
      readonly kind: 'preview';
      /** "PyTorch (.py)": names the preview dialog. */
      readonly title: string;
      readonly fileName: string;
      readonly text: string;
      readonly note: string | null;
    }
  | { readonly kind: 'refused'; readonly message: string };

const NO_WEIGHTS = 'The model is not built yet, so the file holds no weights.';

/** The refusal for an invalid graph: every problem it has, and that nothing changed. */
function refusedForGraph(kind: ExportKind, problems: readonly string[]): ExportOutcome {
  const n = problems.length;
  const head = `${exportLabel(kind)} export refused: fix the graph first (${n} problem${n === 1 ? '' : 's'}, marked in red)`;
  return { kind: 'refused', message: `${head}: ${problems.join(' · ')}. Your lab is unchanged.` };
}

async function exportLabFile(
  store: AppStore,
  trainer: TrainerCommands,
  o: ExportOptions,
): Promise<ExportOutcome> {
  const weights = o.withWeights ? await trainer.weights() : null;
  // Built-in data travels as its settings; imported rows only "with the data".
  const imported = store.getState().data.dataset === 'csv';
  const made = exportLabText(store, weights, { withData: o.withData && imported });
  if (!made.ok) return { kind: 'refused', message: made.error };
  return {
    kind: 'download',
    fileName: weights ? 'normlab-lab-with-weights.json' : 'normlab-lab.json',
    bytes: made.text,
    mime: 'application/json',
    note: o.withWeights && !weights ? NO_WEIGHTS : null,
  };
}

async function exportCode(
  kind: 'pytorch' | 'keras',
  store: AppStore,
  trainer: TrainerCommands,
  o: ExportOptions,
): Promise<ExportOutcome> {
  const problems = graphExportProblems(store.getState());
  if (problems.length > 0) return refusedForGraph(kind, problems);
  const weights: NodeWeights | null = o.withWeights ? await trainer.weights() : null;
  // Read after the weights: the step they were read at (the display may be a report behind while running).
  const s = store.getState();
  const made = exportInputOf(s, { withData: o.withData, weights, weightsStep: s.metrics?.step ?? null });
  if (!made.ok) return refusedForGraph(kind, made.problems);
  const result: ExportResult = kind === 'pytorch' ? exportPyTorch(made.input) : exportKeras(made.input);
  if (!result.ok) {
    return { kind: 'refused', message: `${exportLabel(kind)} export refused: ${result.problems.join(' ')}` };
  }
  return {
    kind: 'preview',
    title: exportLabel(kind),
    fileName: result.fileName,
    text: result.text,
    note: o.withWeights && !weights ? NO_WEIGHTS : null,
  };
}

async function exportTfjs(
  store: AppStore,
  trainer: TrainerCommands,
  o: ExportOptions,
): Promise<ExportOutcome> {
  const problems = graphExportProblems(store.getState());
  if (problems.length > 0) return refusedForGraph('tfjs', problems);
  const res = await trainer.exportModel({ trained: o.withWeights });
  if (!res) {
    return {
      kind: 'refused',
      message: 'TF.js model export: the model is not built yet (or the engine did not answer). Try again.',
    };
  }
  if (!res.ok) return { kind: 'refused', message: `TF.js model export failed: ${res.message}` };
  const s = store.getState();
  const ctx = exportContextOf(s);
  const facts: TfjsModelFacts = {
    ...ctx,
    featureNames: featureNamesOf(s.dataset.info),
    step: res.step,
    output: res.output,
    datasetName: s.dataset.info.label,
  };
  try {
    const bytes = buildTfjsZip(res.artifacts, facts, o.withData ? exportDataOf(s) : null);
    return { kind: 'download', fileName: TFJS_ZIP_NAME, bytes, mime: 'application/zip', note: null };
  } catch (err) {
    return { kind: 'refused', message: `TF.js model export failed: ${(err as Error).message}` };
  }
}

/**
 * Carries out one item of the Export menu with its options. Nothing in the lab changes; a
 * refusal says why (an invalid graph lists its problems).
 */
export function runExport(
  kind: ExportKind,
  options: ExportOptions,
  store: AppStore,
  trainer: TrainerCommands,
): Promise<ExportOutcome> {
  switch (kind) {
    case 'lab':
      return exportLabFile(store, trainer, options);
    case 'pytorch':
    case 'keras':
      return exportCode(kind, store, trainer, options);
    case 'tfjs':
      return exportTfjs(store, trainer, options);
  }
}
