import type { DatasetInfo } from '../data/types';
import type { ExportData, ExportInput } from '../export/types';
import type { GraphContext } from '../graph/types';
import { analyzeGraph } from '../graph/validate';
import type { NodeWeights } from '../train/protocol';
import type { AppState } from './types';

/** The dataset's own column names when it has them (an imported CSV), else x1..xN. */
export function featureNamesOf(info: DatasetInfo): string[] {
  const own = (info as DatasetInfo & { readonly featureNames?: readonly string[] }).featureNames;
  if (own && own.length === info.inputDim) return [...own];
  return Array.from({ length: info.inputDim }, (_, i) => `x${i + 1}`);
}

/** The widths and task the exported model is built for: the current dataset's. */
export function exportContextOf(s: AppState): GraphContext {
  const { info } = s.dataset;
  return { inputDim: info.inputDim, outputDim: info.outputDim, task: info.task };
}

/**
 * The graph's own problems, one line each ("message [node id]"), or an empty list when it can be
 * exported as a model. A lab file keeps any graph; a model or code export needs a valid one.
 */
export function graphExportProblems(s: AppState): string[] {
  const analysis = analyzeGraph(s.graph, exportContextOf(s));
  if (analysis.valid) return [];
  return analysis.issues.map((i) => `${i.message}${i.nodeId ? ` [${i.nodeId}]` : ''}`);
}

/** The current dataset's train and test rows, as an exporter takes them. */
export function exportDataOf(s: AppState): ExportData {
  const ds = s.dataset;
  return {
    name: ds.info.label,
    featureNames: featureNamesOf(ds.info),
    xTrain: ds.xTrain,
    yTrain: ds.yTrain,
    xTest: ds.xTest,
    yTest: ds.yTest,
    ...(ds.standardization
      ? {
          standardization: {
            mean: ds.standardization.mean,
            sd: ds.standardization.sd,
            target: ds.standardization.target,
          },
        }
      : {}),
    classLabels: ds.info.classLabels ?? null,
  };
}

/** What goes into an export besides the lab itself. */
export interface ExportExtras {
  /** Include the dataset's rows ("with the data"). */
  readonly withData: boolean;
  /** The trained weights read back from the engine, or null ("with trained weights" off, or none). */
  readonly weights: NodeWeights | null;
  /** The step those weights were trained to. */
  readonly weightsStep: number | null;
}

/**
 * The current lab as an exporter's input: graph, task and widths from the dataset, the training
 * settings and seed, and (when asked) the data and trained weights. Refused, with the graph's own
 * problems, when the graph is invalid.
 */
export function exportInputOf(
  s: AppState,
  extras: ExportExtras,
): { readonly ok: true; readonly input: ExportInput } | { readonly ok: false; readonly problems: string[] } {
  const problems = graphExportProblems(s);
  if (problems.length > 0) return { ok: false, problems };
  const ctx = exportContextOf(s);
  return {
    ok: true,
    input: {
      graph: s.graph,
      task: ctx.task,
      inputDim: ctx.inputDim,
      outputDim: ctx.outputDim,
      hyper: { ...s.hyper },
      seed: s.data.seed,
      data: extras.withData ? exportDataOf(s) : null,
      weights: extras.weights,
      weightsStep: extras.weights ? extras.weightsStep : null,
    },
  };
}
