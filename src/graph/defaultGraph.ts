import { defaultParams } from './registry';
import type { Graph, GraphNode, NodeKind, ParamValue } from './types';

function node(
  id: string,
  kind: NodeKind,
  x: number,
  y: number,
  params: Record<string, ParamValue> = {},
): GraphNode {
  return { id, kind, params: { ...defaultParams(kind), ...params }, position: { x, y } };
}

/** A straight chain of nodes, wired in order. */
export function chainGraph(nodes: GraphNode[]): Graph {
  const edges = nodes.slice(1).map((n, i) => {
    const src = nodes[i] as GraphNode;
    return { id: `e-${src.id}-${n.id}`, source: src.id, target: n.id };
  });
  return { nodes, edges };
}

/**
 * The first-visit graph: Input -> Dense(8) -> BatchNorm -> ReLU -> Dense(8) -> BatchNorm -> ReLU
 * -> Output, laid out top to bottom in two columns so it reads at 1280x720.
 */
export function defaultGraph(): Graph {
  const colA = 40;
  const colB = 300;
  const step = 118;
  return chainGraph([
    node('input', 'input', colA, 0),
    node('dense1', 'dense', colA, step, { units: 8 }),
    node('bn1', 'batchnorm', colA, 2 * step),
    node('act1', 'activation', colA, 3 * step, { fn: 'relu' }),
    node('dense2', 'dense', colB, 0, { units: 8 }),
    node('bn2', 'batchnorm', colB, step),
    node('act2', 'activation', colB, 2 * step, { fn: 'relu' }),
    node('output', 'output', colB, 3 * step),
  ]);
}

export { node as makeNode };
