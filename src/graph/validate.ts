import { type GraphIssue, ISSUE_CODES } from './issues';
import { checkParam } from './params';
import { REGISTRY } from './registry';
import { incomingSources, outputWidth, parameterCount } from './shapes';
import { adjacency, reachable, topologicalOrder } from './topology';
import type { Graph, GraphContext } from './types';

/** What validation learns about a graph: its problems, and each node's width and weight count. */
export interface GraphAnalysis {
  readonly valid: boolean;
  readonly issues: readonly GraphIssue[];
  /** Output width per node id; null where it cannot be inferred. */
  readonly widths: Readonly<Record<string, number | null>>;
  /** Weight count per node id (0 where unknown). */
  readonly paramCounts: Readonly<Record<string, number>>;
  readonly totalParams: number;
  /** Node ids in an order where every node comes after its inputs (acyclic part only). */
  readonly order: readonly string[];
}

const label = (kind: keyof typeof REGISTRY) => REGISTRY[kind].label;

function structuralIssues(graph: Graph): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const ids = new Set<string>();
  for (const n of graph.nodes) {
    if (ids.has(n.id)) {
      issues.push({
        code: ISSUE_CODES.DUPLICATE_ID,
        message: `Two nodes share the id "${n.id}".`,
        nodeId: n.id,
      });
    }
    ids.add(n.id);
  }
  const inputs = graph.nodes.filter((n) => n.kind === 'input');
  const outputs = graph.nodes.filter((n) => n.kind === 'output');
  if (inputs.length === 0)
    issues.push({ code: ISSUE_CODES.NO_INPUT, message: 'The graph needs an Input node.' });
  for (const extra of inputs.slice(1)) {
    issues.push({
      code: ISSUE_CODES.MANY_INPUTS,
      message: 'Only one Input node is allowed; remove this one.',
      nodeId: extra.id,
    });
  }
  if (outputs.length === 0)
    issues.push({ code: ISSUE_CODES.NO_OUTPUT, message: 'The graph needs an Output node.' });
  for (const extra of outputs.slice(1)) {
    issues.push({
      code: ISSUE_CODES.MANY_OUTPUTS,
      message: 'Only one Output node is allowed; remove this one.',
      nodeId: extra.id,
    });
  }
  const seenPairs = new Set<string>();
  for (const e of graph.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) {
      issues.push({
        code: ISSUE_CODES.DANGLING_EDGE,
        message: 'This connection points to a node that does not exist.',
        edgeId: e.id,
      });
    }
    const pair = `${e.source}->${e.target}`;
    if (seenPairs.has(pair)) {
      issues.push({
        code: ISSUE_CODES.DUPLICATE_EDGE,
        message: 'These two nodes are connected twice.',
        edgeId: e.id,
      });
    }
    seenPairs.add(pair);
  }
  return issues;
}

function paramIssues(graph: Graph): GraphIssue[] {
  const issues: GraphIssue[] = [];
  for (const n of graph.nodes) {
    for (const spec of REGISTRY[n.kind].params) {
      const raw = n.params[spec.key];
      if (raw === undefined) {
        issues.push({
          code: ISSUE_CODES.MISSING_PARAM,
          message: `${label(n.kind)}: ${spec.label} is not set.`,
          nodeId: n.id,
        });
        continue;
      }
      const check = checkParam(spec, raw);
      if (!check.ok) issues.push({ code: ISSUE_CODES.BAD_PARAM, message: check.message, nodeId: n.id });
    }
  }
  return issues;
}

/**
 * Validates a graph and infers every node's width. Every problem is returned (not just the
 * first), each tied to its node or edge, so the canvas can mark them all at once.
 */
export function analyzeGraph(graph: Graph, ctx: GraphContext): GraphAnalysis {
  const issues = [...structuralIssues(graph), ...paramIssues(graph)];
  const { order, cyclic } = topologicalOrder(graph);
  const adj = adjacency(graph);
  // Kahn leaves behind the nodes on a loop and those downstream of one; only the former are on a loop.
  const onLoop = cyclic.filter((id) => (adj.out.get(id) ?? []).some((m) => reachable(m, adj.out).has(id)));
  for (const id of onLoop) {
    issues.push({
      code: ISSUE_CODES.CYCLE,
      message: 'This node is on a loop: data would flow back into itself. Remove a connection of the loop.',
      nodeId: id,
    });
  }

  const input = graph.nodes.find((n) => n.kind === 'input');
  const output = graph.nodes.find((n) => n.kind === 'output');
  const fromInput = input ? reachable(input.id, adj.out) : new Set<string>();
  const toOutput = output ? reachable(output.id, adj.in) : new Set<string>();
  const byKind = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const cutOff = (id: string) => byKind.has(id) && !fromInput.has(id) && byKind.get(id) !== 'input';
  /** The first node upstream of `id` where the data stops: the cause to show, not every victim. */
  const whereDataStops = (id: string): string => {
    let at = id;
    const seen = new Set([id]);
    for (;;) {
      const up = (adj.in.get(at) ?? []).find((s) => cutOff(s) && !seen.has(s));
      if (!up) return at;
      seen.add(up);
      at = up;
    }
  };
  for (const n of graph.nodes) {
    if (n.kind === 'input' || onLoop.includes(n.id)) continue;
    if (input && !fromInput.has(n.id)) {
      const cause = whereDataStops(n.id);
      const causeKind = byKind.get(cause) ?? n.kind;
      issues.push({
        code: ISSUE_CODES.NOT_FROM_INPUT,
        message:
          cause === n.id
            ? `${label(n.kind)} gets no data: connect it to a path that starts at Input.`
            : `${label(n.kind)} gets no data: ${label(causeKind)} (${cause}) above it is cut off from Input.`,
        nodeId: n.id,
      });
    } else if (output && n.kind !== 'output' && !toOutput.has(n.id)) {
      issues.push({
        code: ISSUE_CODES.NOT_TO_OUTPUT,
        message: `${label(n.kind)} leads nowhere: connect its output towards Output.`,
        nodeId: n.id,
      });
    }
  }

  const sources = incomingSources(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const widths: Record<string, number | null> = {};
  const paramCounts: Record<string, number> = {};
  for (const n of graph.nodes) {
    widths[n.id] = null;
    paramCounts[n.id] = 0;
  }
  for (const id of order) {
    const n = byId.get(id);
    if (!n) continue;
    const srcs = (sources.get(id) ?? []).filter((s) => byId.has(s));
    const spec = REGISTRY[n.kind];
    if (srcs.length < spec.inputs.min) {
      const need = spec.inputs.min === 1 ? 'one input' : `at least ${spec.inputs.min} inputs`;
      issues.push({
        code: ISSUE_CODES.TOO_FEW_INPUTS,
        message: `${spec.label} needs ${need}; it has ${srcs.length}.`,
        nodeId: id,
      });
    } else if (srcs.length > spec.inputs.max) {
      const allowed =
        spec.inputs.max === 0
          ? 'no inputs'
          : spec.inputs.max === 1
            ? 'exactly 1 input'
            : `at most ${spec.inputs.max} inputs`;
      issues.push({
        code: ISSUE_CODES.TOO_MANY_INPUTS,
        message: `${spec.label} takes ${allowed}; it has ${srcs.length}. Remove a connection.`,
        nodeId: id,
      });
    }
    const inWidths = srcs.map((s) => widths[s]);
    if (inWidths.some((w) => w === null || w === undefined)) continue;
    const known = inWidths as number[];
    if (srcs.length < spec.inputs.min || srcs.length > spec.inputs.max) continue;
    const w = outputWidth(n, known, ctx);
    if (n.kind === 'add' && w === null) {
      issues.push({
        code: ISSUE_CODES.WIDTH_MISMATCH,
        message: `Add needs inputs of equal width; they are ${known.join(', ')}.`,
        nodeId: id,
      });
    }
    widths[id] = w;
    if (w !== null) {
      const inWidth = known.reduce((a, b) => a + b, 0);
      paramCounts[id] = Number.isInteger(w) && w > 0 ? parameterCount(n, inWidth, w) : 0;
    }
  }
  const totalParams = Object.values(paramCounts).reduce((a, b) => a + b, 0);
  return { valid: issues.length === 0, issues, widths, paramCounts, totalParams, order };
}
