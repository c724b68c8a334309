import { adjacency, reachable, topologicalOrder } from './topology';
import type { Graph, GraphNode, NodeKind } from './types';

/** A node that makes the network's function nonlinear, with a one-sentence reason for learners. */
export interface NonlinearNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly why: string;
}

/** Whether the whole network computes an affine function, and if not, which nodes bend it. */
export interface AffineAnalysis {
  /** True when there is an Input→Output path and every node on any Input→Output path is affine at inference. */
  readonly affine: boolean;
  /** The nodes on an Input→Output path that make the function nonlinear, in topological order. */
  readonly nonlinear: readonly NonlinearNode[];
}

/** Why each activation function is not a straight line, keyed by its tfjs name. */
const ACTIVATION_WHY: Readonly<Record<string, string>> = {
  relu: 'max(0, x) bends at 0: negative inputs become 0.',
  leakyRelu: 'Leaky ReLU bends at 0: negative inputs are multiplied by alpha, positive ones are not.',
  elu: 'ELU curves below 0: negative inputs become exp(x) - 1, flattening towards -1.',
  selu: 'SELU curves below 0 like ELU (a scaled exp(x) - 1), so it bends near 0.',
  gelu: 'GELU weights each input by the normal CDF, x Φ(x): a smooth bend near 0.',
  swish: 'Swish computes x · sigmoid(x): a smooth bend with a small dip below 0.',
  tanh: 'tanh squashes its input into (-1, 1) and saturates far from 0.',
  sigmoid: 'The sigmoid squashes its input into (0, 1) and saturates far from 0.',
  softplus: 'Softplus, log(1 + exp(x)), is a smoothed ReLU: it bends near 0 and never goes negative.',
};

const LAYERNORM_WHY =
  'LayerNorm divides each sample by its own standard deviation: a per-sample nonlinearity.';

/**
 * Whether a node computes an affine function of its inputs at inference: Input, Dense, Output
 * (the projection before its sigmoid/softmax), BatchNorm (fixed running statistics:
 * y = gamma (x - mu) / sqrt(var + eps) + beta), Add, Concatenate, and Activation with fn
 * 'linear' (or Leaky ReLU with alpha 1, which is the identity). Other activations and LayerNorm
 * (divides each sample by its own std) are not.
 */
export function isAffineAtInference(node: GraphNode): boolean {
  switch (node.kind) {
    case 'activation':
      return (
        node.params.fn === 'linear' || (node.params.fn === 'leakyRelu' && Number(node.params.alpha) === 1)
      );
    case 'layernorm':
      return false;
    default:
      return true;
  }
}

/** The learner-facing reason a non-affine node bends the function. */
function whyNonlinear(node: GraphNode): string {
  if (node.kind === 'layernorm') return LAYERNORM_WHY;
  return ACTIVATION_WHY[String(node.params.fn)] ?? 'This activation is not a straight line.';
}

/**
 * Finds the nodes on an Input→Output path (reachable from Input and reaching Output) that are
 * not affine at inference. Without an Input, an Output or a path between them the network
 * computes nothing: affine false, nonlinear []. A loop on a path also leaves affine false.
 */
export function analyzeAffine(graph: Graph): AffineAnalysis {
  const input = graph.nodes.find((n) => n.kind === 'input');
  const output = graph.nodes.find((n) => n.kind === 'output');
  if (!input || !output) return { affine: false, nonlinear: [] };
  const adj = adjacency(graph);
  const fromInput = reachable(input.id, adj.out);
  if (!fromInput.has(output.id)) return { affine: false, nonlinear: [] };
  const toOutput = reachable(output.id, adj.in);
  const onPath = (id: string) => fromInput.has(id) && toOutput.has(id);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const { order, cyclic } = topologicalOrder(graph);
  const nonlinear: NonlinearNode[] = [];
  for (const id of [...order, ...cyclic]) {
    const node = byId.get(id);
    if (node && onPath(id) && !isAffineAtInference(node))
      nonlinear.push({ id, kind: node.kind, why: whyNonlinear(node) });
  }
  return { affine: nonlinear.length === 0 && !cyclic.some(onPath), nonlinear };
}

/** What would make the network one affine map, for the kinds of node that bend it. */
export function foldAdvice(kinds: readonly string[]): string {
  const tips: string[] = [];
  if (kinds.includes('activation')) tips.push('set each activation to Linear');
  if (kinds.includes('layernorm')) {
    tips.push(
      'replace each LayerNorm with BatchNorm (LayerNorm divides by each sample’s own spread, which no setting makes linear)',
    );
  }
  return `To fold the whole network into one W′, b′: ${tips.join(', and ')}. BatchNorm at inference is affine.`;
}
