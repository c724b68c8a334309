import { activationLabel } from './activations';
import type { Graph, NodeKind } from './types';

/** Short names of the kinds a summary counts, in the order it lists them. */
const SHORT: readonly (readonly [NodeKind, string])[] = [
  ['dense', 'Dense'],
  ['batchnorm', 'BN'],
  ['layernorm', 'LN'],
  ['add', 'Add'],
  ['concatenate', 'Concat'],
];

/**
 * A graph in a few words for a table row: the hidden layers by kind and the activation functions,
 * e.g. "2 Dense, 2 BN, ReLU" or "3 Dense, tanh ×2, ReLU" (Input and Output left out); "no hidden
 * layers" for Input → Output.
 */
export function graphSummary(graph: Graph): string {
  const parts: string[] = [];
  for (const [kind, short] of SHORT) {
    const n = graph.nodes.filter((node) => node.kind === kind).length;
    if (n > 0) parts.push(n === 1 ? short : `${n} ${short}`);
  }
  const fns = new Map<string, number>();
  for (const node of graph.nodes) {
    if (node.kind !== 'activation') continue;
    const name = activationLabel(String(node.params.fn));
    fns.set(name, (fns.get(name) ?? 0) + 1);
  }
  // The count of one function is told only when two functions mix (else "2 Dense, 2 BN, ReLU").
  for (const [name, n] of fns) parts.push(fns.size > 1 && n > 1 ? `${name} ×${n}` : name);
  return parts.length ? parts.join(', ') : 'no hidden layers';
}
