import { activationLabel } from '../../graph/activations';
import { REGISTRY } from '../../graph/registry';
import type { GraphNode } from '../../graph/types';

/** "ReLU (act1)", "BatchNorm (bn1)": what a node is, then which one. */
export function nodeLabel(node: GraphNode): string {
  const what =
    node.kind === 'activation' ? activationLabel(String(node.params.fn)) : REGISTRY[node.kind].label;
  return `${what} (${node.id})`;
}
