import { REGISTRY } from '../graph/registry';
import { incomingSources } from '../graph/shapes';
import type { GraphNode } from '../graph/types';
import { analyzeGraph } from '../graph/validate';
import { deriveSeed } from '../lib/rng';
import { isPinned } from './conventions';
import { pythonNames } from './names';
import { TORCH_TABLE } from './torchTable';
import type { ExportInput } from './types';

/** One node as the generators write it. */
export interface PlanNode {
  readonly node: GraphNode;
  /** Its Python identifier (module attribute, local variable, Keras layer name). */
  readonly name: string;
  /** Identifiers of its inputs, in the order the edges were drawn (Concatenate's order). */
  readonly inputs: readonly string[];
  /** Width of its input (the sum of all inputs' widths). */
  readonly inWidth: number;
  /** Width of its output. */
  readonly width: number;
  /** The seed of its kernel initializer: the same one src/compile derives for it. */
  readonly seed: number;
}

/** A valid graph laid out for writing: nodes in topological order, Input first, Output last. */
export interface ExportPlan {
  readonly input: ExportInput;
  readonly nodes: readonly PlanNode[];
  readonly inputNode: PlanNode;
  readonly outputNode: PlanNode;
  /** NormLab's batch-order seed (src/train/sessionModel.ts: deriveSeed(seed, 7)). */
  readonly shuffleSeed: number;
}

export type PlanResult =
  | { readonly ok: true; readonly plan: ExportPlan }
  | { readonly ok: false; readonly problems: string[] };

/** The graph's own problems, in the words the app shows on the canvas, each naming its node. */
function graphProblems(input: ExportInput): string[] {
  const ctx = { inputDim: input.inputDim, outputDim: input.outputDim, task: input.task };
  const analysis = analyzeGraph(input.graph, ctx);
  const label = new Map(input.graph.nodes.map((n) => [n.id, REGISTRY[n.kind]?.label ?? n.kind]));
  return analysis.issues.map((i) =>
    i.nodeId ? `${label.get(i.nodeId)} "${i.nodeId}": ${i.message}` : i.message,
  );
}

/** Checks that the data arrays hold whole rows of the right width. */
function dataProblems(input: ExportInput): string[] {
  const d = input.data;
  if (!d) return [];
  const out: string[] = [];
  const rows = (x: Float32Array, y: Float32Array, which: string) => {
    if (x.length !== y.length * input.inputDim) {
      out.push(`The ${which} data has ${x.length} feature values for ${y.length} rows of ${input.inputDim}.`);
    }
  };
  rows(d.xTrain, d.yTrain, 'training');
  rows(d.xTest, d.yTest, 'test');
  if (d.featureNames.length !== input.inputDim) {
    out.push(`The data names ${d.featureNames.length} features; the graph takes ${input.inputDim}.`);
  }
  return out;
}

/** Checks that the weights name nodes and weights of this graph with the right number of values. */
function weightProblems(input: ExportInput, nodes: readonly PlanNode[]): string[] {
  const w = input.weights;
  if (!w) return [];
  const out: string[] = [];
  const byId = new Map(nodes.map((n) => [n.node.id, n]));
  for (const id of Object.keys(w)) {
    if (!byId.has(id)) out.push(`The weights name a node "${id}" that this graph does not have.`);
  }
  for (const n of nodes) {
    for (const map of TORCH_TABLE.weights[n.node.kind].filter((m) => !m.when || m.when(n.node.params))) {
      const size = map.tfjs === 'kernel' ? n.inWidth * n.width : n.width;
      const values = w[n.node.id]?.[map.tfjs];
      if (!values) {
        if (!isPinned(n.node.kind, map.tfjs, n.node.params))
          out.push(`The weights have no ${map.tfjs} for "${n.node.id}".`);
      } else if (values.length !== size) {
        out.push(`The ${map.tfjs} of "${n.node.id}" has ${values.length} values; the graph needs ${size}.`);
      }
    }
  }
  return out;
}

/**
 * Validates what is to be exported and lays it out: the graph (with the app's own messages),
 * the data's shape, the weights' sizes. Every problem found is returned, not just the first.
 */
export function planExport(input: ExportInput): PlanResult {
  const problems = [...graphProblems(input), ...dataProblems(input)];
  if (problems.length > 0) return { ok: false, problems };
  const ctx = { inputDim: input.inputDim, outputDim: input.outputDim, task: input.task };
  const analysis = analyzeGraph(input.graph, ctx);
  const names = pythonNames(analysis.order);
  const byId = new Map(input.graph.nodes.map((n) => [n.id, n]));
  const sources = incomingSources(input.graph);
  const nodes: PlanNode[] = analysis.order.map((id, index) => {
    const ins = sources.get(id) ?? [];
    return {
      node: byId.get(id) as GraphNode,
      name: names.get(id) as string,
      inputs: ins.map((s) => names.get(s) as string),
      inWidth: ins.reduce((sum, s) => sum + (analysis.widths[s] ?? 0), 0),
      width: analysis.widths[id] ?? 0,
      // src/compile/compileGraph.ts: deriveSeed(seed, index + 101) for the node at `index`.
      seed: deriveSeed(input.seed, index + 101),
    };
  });
  const weightIssues = weightProblems(input, nodes);
  if (weightIssues.length > 0) return { ok: false, problems: weightIssues };
  const inputNode = nodes.find((n) => n.node.kind === 'input') as PlanNode;
  const outputNode = nodes.find((n) => n.node.kind === 'output') as PlanNode;
  return { ok: true, plan: { input, nodes, inputNode, outputNode, shuffleSeed: deriveSeed(input.seed, 7) } };
}
