import { type AffineAnalysis, analyzeAffine } from '../graph/affine';
import type { GraphIssue } from '../graph/issues';
import { analyzeGraph, type GraphAnalysis } from '../graph/validate';
import { dataMissing, graphContextOf } from './dataSlice';
import { lessonBlockedReason } from './lessonGate';
import type { AppState } from './types';

let last: { graph: AppState['graph']; context: string; result: GraphAnalysis } | null = null;

/** Validation and shapes of the current graph, memoized on the graph and the data's widths and task. */
export function selectAnalysis(s: AppState): GraphAnalysis {
  const ctx = graphContextOf(s.data);
  const context = `${ctx.inputDim}/${ctx.outputDim}/${ctx.task}`;
  if (last && last.graph === s.graph && last.context === context) return last.result;
  const result = analyzeGraph(s.graph, ctx);
  last = { graph: s.graph, context, result };
  return result;
}

/** The problems of one node (empty array when none). */
export function issuesOf(analysis: GraphAnalysis, nodeId: string): readonly GraphIssue[] {
  return analysis.issues.filter((i) => i.nodeId === nodeId);
}

/** A sentence saying why Train is disabled, or null when training can start. */
export function trainBlockedReason(s: AppState): string | null {
  const a = selectAnalysis(s);
  if (!a.valid) {
    // Lead with a root cause: a node's own problem rather than a node downstream of one.
    const first = a.issues.find((i) => !i.message.includes('above it is cut off')) ?? a.issues[0];
    const where = first?.nodeId ? ` [${first.nodeId}]` : first?.edgeId ? ' [a connection]' : '';
    const text = `${first?.message ?? 'The graph is invalid.'}${where}`;
    const n = a.issues.length;
    return n > 1
      ? `Fix the graph first (${n} problems, marked in red): ${text}`
      : `Fix the graph first: ${text}`;
  }
  if (dataMissing(s)) {
    const file = s.data.csv?.file ?? 'the data file';
    return s.tableLookup === 'pending'
      ? `Loading “${file}” from this browser…`
      : `Import “${file}” to train: links and saved labs name their data file but do not carry its rows.`;
  }
  const lesson = lessonBlockedReason(s);
  if (lesson) return lesson;
  if (s.status === 'starting') return 'Starting the training engine…';
  if (s.status === 'loading') return 'Building the model…';
  if (s.status === 'failed') return s.failure ?? 'Training is unavailable; see the message above.';
  return null;
}

let lastAffine: { graph: AppState['graph']; result: AffineAnalysis } | null = null;

/** Which nodes make the network nonlinear (at inference), memoized on the graph. */
export function selectAffine(s: AppState): AffineAnalysis {
  if (lastAffine?.graph !== s.graph) lastAffine = { graph: s.graph, result: analyzeAffine(s.graph) };
  return lastAffine.result;
}

/** True when the graph is valid and every node on the way from Input to Output is affine. */
export function isWholeNetworkAffine(s: AppState): boolean {
  return selectAnalysis(s).valid && selectAffine(s).affine;
}
