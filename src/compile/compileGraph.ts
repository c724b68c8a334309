import { incomingSources } from '../graph/shapes';
import type { Graph, GraphContext } from '../graph/types';
import { analyzeGraph } from '../graph/validate';
import { deriveSeed } from '../lib/rng';
import { applyNodeLayer, countLayerParams, layerName } from './layers';
import * as tf from './tf';

/** A compiled graph: the model (Input -> Output logits) and a probe exposing every node's output. */
export interface CompiledGraph {
  readonly model: tf.LayersModel;
  /** Same layers and weights as `model`; its outputs are the nodes in `probeIds` order. */
  readonly probe: tf.LayersModel;
  readonly probeIds: readonly string[];
  /** Weights per node id (trainable and running statistics; pinned identity weights left out). */
  readonly paramCounts: Readonly<Record<string, number>>;
  readonly totalParams: number;
  /** Frees every weight of the model (the probe shares them). */
  dispose(): void;
}

export class GraphCompileError extends Error {
  constructor(readonly issues: readonly { message: string; nodeId?: string }[]) {
    super(`The graph cannot be compiled: ${issues.map((i) => i.message).join(' ')}`);
    this.name = 'GraphCompileError';
  }
}

/**
 * Compiles a valid graph to a tfjs functional model, in topological order, so any DAG of
 * Add/Concatenate branches works. Each weighted layer gets its own seed derived from `seed` and
 * its position in that order: one seed reproduces every initial weight.
 * Throws GraphCompileError with the validation issues when the graph is invalid.
 */
export function compileGraph(graph: Graph, ctx: GraphContext, seed: number): CompiledGraph {
  const analysis = analyzeGraph(graph, ctx);
  if (!analysis.valid) throw new GraphCompileError(analysis.issues);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const sources = incomingSources(graph);
  const outputs = new Map<string, tf.SymbolicTensor>();
  let input: tf.SymbolicTensor | null = null;
  let outputNodeId = '';
  analysis.order.forEach((id, index) => {
    const node = byId.get(id);
    if (!node) return;
    if (node.kind === 'input') {
      input = tf.input({ shape: [ctx.inputDim], name: layerName(node.id) });
      outputs.set(id, input);
      return;
    }
    const ins = (sources.get(id) ?? []).map((s) => outputs.get(s) as tf.SymbolicTensor);
    outputs.set(id, applyNodeLayer(node, ins, ctx.outputDim, deriveSeed(seed, index + 101)));
    if (node.kind === 'output') outputNodeId = id;
  });
  if (!input) throw new GraphCompileError([{ message: 'The graph needs an Input node.' }]);
  const model = tf.model({ inputs: input, outputs: outputs.get(outputNodeId) as tf.SymbolicTensor });
  const probeIds = analysis.order.filter((id) => byId.get(id)?.kind !== 'input');
  const probe = tf.model({
    inputs: input,
    outputs: probeIds.map((id) => outputs.get(id) as tf.SymbolicTensor),
  });
  const paramCounts: Record<string, number> = {};
  for (const id of probeIds) paramCounts[id] = countLayerParams(model.getLayer(layerName(id)));
  return {
    model,
    probe,
    probeIds,
    paramCounts,
    totalParams: Object.values(paramCounts).reduce((a, b) => a + b, 0),
    dispose: () => model.dispose(),
  };
}
