import fc from 'fast-check';
import type { Graph } from '../src/graph/types';

/**
 * A graph as a readable node/edge list, for property-test counterexamples:
 *   n1  dense  units=3 useBias=false initializer="heNormal"
 *   edges: input -> n1, n1 -> output
 * An edge id is shown only when it is not the usual `e-source-target`.
 */
export function describeGraph(graph: Graph): string {
  const nodes = graph.nodes.map((n) => {
    const params = Object.entries(n.params)
      .map(([k, v]) => `${k}=${fc.stringify(v)}`)
      .join(' ');
    return `  ${n.id}  ${n.kind}${params ? `  ${params}` : ''}`;
  });
  const edges = graph.edges.map((e) => {
    const usual = e.id === `e-${e.source}-${e.target}`;
    return `${e.source} -> ${e.target}${usual ? '' : ` [${e.id}]`}`;
  });
  return [
    `${graph.nodes.length} nodes, ${graph.edges.length} edges:`,
    ...nodes,
    `  edges: ${edges.join(', ') || '(none)'}`,
  ].join('\n');
}
