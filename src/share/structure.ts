import { contextOfData } from '../data/source';
import type { DataSettings } from '../data/types';
import { ISSUE_CODES, type IssueCode } from '../graph/issues';
import type { Graph } from '../graph/types';
import { analyzeGraph } from '../graph/validate';
import { SHARE_ERRORS } from './messages';

/**
 * Graph problems that refuse a lab: corruption the editor can never produce. Every other issue
 * (a node not connected yet, an Add with one input, widths that do not match) loads, because
 * people share work in progress; the canvas then marks it as it would any edit.
 */
export const REFUSED_ISSUES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  ISSUE_CODES.CYCLE,
  ISSUE_CODES.DANGLING_EDGE,
  ISSUE_CODES.DUPLICATE_ID,
  ISSUE_CODES.DUPLICATE_EDGE,
  ISSUE_CODES.NO_INPUT,
  ISSUE_CODES.NO_OUTPUT,
  ISSUE_CODES.MANY_INPUTS,
  ISSUE_CODES.MANY_OUTPUTS,
  ISSUE_CODES.BAD_PARAM,
  ISSUE_CODES.MISSING_PARAM,
]);

/**
 * Checks a schema-valid graph for structural corruption with analyzeGraph (plus duplicate edge
 * ids and duplicate node ids first, which React Flow cannot render). Returns the message for the first refused problem, or
 * null when the graph loads.
 */
export function structuralError(graph: Graph, data: DataSettings): string | null {
  const nodeIds = new Set<string>();
  for (const n of graph.nodes) {
    if (nodeIds.has(n.id)) return SHARE_ERRORS.duplicateNodeId(n.id);
    nodeIds.add(n.id);
  }
  const edgeIds = new Set<string>();
  for (const e of graph.edges) {
    if (edgeIds.has(e.id)) return SHARE_ERRORS.duplicateEdgeId(e.id);
    edgeIds.add(e.id);
  }
  const analysis = analyzeGraph(graph, contextOfData(data));
  const issue = analysis.issues.find((i) => REFUSED_ISSUES.has(i.code));
  if (!issue) return null;
  const node = issue.nodeId ?? '';
  const edge = issue.edgeId ?? '';
  switch (issue.code) {
    case ISSUE_CODES.CYCLE:
      return SHARE_ERRORS.cycle(node);
    case ISSUE_CODES.DANGLING_EDGE:
      return SHARE_ERRORS.danglingEdge(edge);
    case ISSUE_CODES.DUPLICATE_ID:
      return SHARE_ERRORS.duplicateNodeId(node);
    case ISSUE_CODES.DUPLICATE_EDGE:
      return SHARE_ERRORS.duplicateEdge(edge);
    case ISSUE_CODES.NO_INPUT:
      return SHARE_ERRORS.noInput;
    case ISSUE_CODES.NO_OUTPUT:
      return SHARE_ERRORS.noOutput;
    case ISSUE_CODES.MANY_INPUTS:
      return SHARE_ERRORS.manyInputs;
    case ISSUE_CODES.MANY_OUTPUTS:
      return SHARE_ERRORS.manyOutputs;
    default:
      // BAD_PARAM and MISSING_PARAM: the schema has already refused these; kept as a safety net.
      return `Node ${JSON.stringify(node)}: ${issue.message}`;
  }
}
