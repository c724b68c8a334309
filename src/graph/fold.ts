import { isAffineAtInference } from './affine';
import { incomingSources } from './shapes';
import { adjacency, reachable, topologicalOrder } from './topology';
import type { Graph, GraphNode } from './types';

/** The weights of one layer as plain arrays: a Dense/Output kernel and bias, or BatchNorm's four vectors. */
export type LayerWeights =
  | {
      readonly kind: 'dense';
      /** [in][out], as tfjs stores it: y = x kernel + bias. */
      readonly kernel: readonly (readonly number[])[];
      readonly bias: readonly number[] | null;
    }
  | {
      readonly kind: 'batchnorm';
      readonly gamma: readonly number[] | null;
      readonly beta: readonly number[] | null;
      readonly movingMean: readonly number[];
      readonly movingVariance: readonly number[];
      readonly epsilon: number;
    };

/** An affine map y = x W + b on row vectors. */
export interface AffineMap {
  /** [inputDim][outWidth]. */
  readonly W: number[][];
  readonly b: number[];
}

/** A node's output as a function of the network input: out = x A + c. */
interface Carried {
  readonly A: number[][];
  readonly c: number[];
}

/** out = in K + bias: (A K, c K + bias). */
function throughDense(
  m: Carried,
  kernel: readonly (readonly number[])[],
  bias: readonly number[] | null,
): Carried {
  const width = kernel[0]?.length ?? 0;
  const mul = (row: readonly number[]) => {
    const out = new Array<number>(width).fill(0);
    row.forEach((v, k) => {
      const kr = kernel[k] as readonly number[];
      for (let j = 0; j < width; j++) out[j] = (out[j] as number) + v * (kr[j] as number);
    });
    return out;
  };
  return { A: m.A.map(mul), c: mul(m.c).map((v, j) => v + (bias?.[j] ?? 0)) };
}

/** Applies one node to the maps of its inputs (in edge order); throws naming the node when it cannot. */
function foldNode(node: GraphNode, ins: Carried[], w: LayerWeights | undefined): Carried {
  const fail = (why: string): never => {
    throw new Error(`Cannot fold node "${node.id}" (${node.kind}): ${why}`);
  };
  if (!isAffineAtInference(node)) fail('it is not affine at inference.');
  if (ins.length === 0) fail('it has no inputs.');
  const first = ins[0] as Carried;
  const width = first.c.length;
  switch (node.kind) {
    case 'dense':
    case 'output': {
      if (w?.kind !== 'dense') return fail('its Dense weights are missing.');
      if (w.kernel.length !== width) fail(`its kernel has ${w.kernel.length} rows for ${width} inputs.`);
      return throughDense(first, w.kernel, w.bias);
    }
    case 'batchnorm': {
      if (w?.kind !== 'batchnorm') return fail('its BatchNorm weights are missing.');
      if (w.movingMean.length !== width)
        fail(`its statistics have ${w.movingMean.length} units for ${width}.`);
      // y = s (x - mu) + beta with s = gamma / sqrt(var + eps): (A diag(s), (c - mu) s + beta).
      const s = w.movingVariance.map((v, j) => (w.gamma?.[j] ?? 1) / Math.sqrt(v + w.epsilon));
      return {
        A: first.A.map((row) => row.map((v, j) => v * (s[j] as number))),
        c: first.c.map((v, j) => (v - (w.movingMean[j] as number)) * (s[j] as number) + (w.beta?.[j] ?? 0)),
      };
    }
    case 'add':
      if (ins.some((m) => m.c.length !== width)) fail('its inputs differ in width.');
      return {
        A: first.A.map((row, i) => row.map((_, j) => ins.reduce((s, m) => s + (m.A[i]?.[j] as number), 0))),
        c: first.c.map((_, j) => ins.reduce((s, m) => s + (m.c[j] as number), 0)),
      };
    case 'concatenate':
      return { A: first.A.map((_, i) => ins.flatMap((m) => m.A[i] as number[])), c: ins.flatMap((m) => m.c) };
    default:
      // Input is seeded by the caller; a linear Activation passes its input through.
      return first;
  }
}

/**
 * Folds a graph whose every node is affine at inference into one map y = x W' + b'. Walks the
 * topological order carrying (A, c) per node with out = x A + c: Input (I, 0); Dense/Output:
 * (A W, c W + b); BatchNorm with s = gamma / sqrt(var + eps): (A diag(s), (c - mu) s + beta)
 * (gamma null = 1, beta null = 0); linear Activation: unchanged; Add: sums; Concatenate: columns
 * side by side in edge order. Float64. Only the Output's ancestors are folded. Throws an Error
 * naming the node when a node is not affine or its weights are missing. Returns the Output's map.
 */
export function foldAffine(
  graph: Graph,
  inputDim: number,
  weights: Readonly<Record<string, LayerWeights>>,
): AffineMap {
  const input = graph.nodes.find((n) => n.kind === 'input');
  const output = graph.nodes.find((n) => n.kind === 'output');
  if (!input || !output) throw new Error('Cannot fold: the graph needs an Input and an Output node.');
  const needed = reachable(output.id, adjacency(graph).in);
  const { order, cyclic } = topologicalOrder(graph);
  const loop = cyclic.find((id) => needed.has(id));
  if (loop) throw new Error(`Cannot fold node "${loop}": it sits on or behind a loop.`);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const sources = incomingSources(graph);
  const maps = new Map<string, Carried>();
  const identity = Array.from({ length: inputDim }, (_, i) =>
    Array.from({ length: inputDim }, (_, j) => (i === j ? 1 : 0)),
  );
  maps.set(input.id, { A: identity, c: new Array<number>(inputDim).fill(0) });
  for (const id of order) {
    const node = byId.get(id);
    if (!node || !needed.has(id) || node.kind === 'input') continue;
    const ins = (sources.get(id) ?? []).map((s) => maps.get(s));
    if (ins.some((m) => !m))
      throw new Error(`Cannot fold node "${id}" (${node.kind}): an input gets no data.`);
    maps.set(id, foldNode(node, ins as Carried[], weights[id]));
  }
  const out = maps.get(output.id) as Carried;
  return { W: out.A, b: out.c };
}

/** y = x W + b for n rows of x (row-major [n, inputDim]); returns row-major [n, outWidth] in float64. */
export function applyAffine(map: AffineMap, x: ArrayLike<number>, n: number): Float64Array {
  const inDim = map.W.length;
  const width = map.b.length;
  const y = new Float64Array(n * width);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < width; j++) {
      let s = map.b[j] as number;
      for (let i = 0; i < inDim; i++) s += (x[r * inDim + i] as number) * (map.W[i]?.[j] as number);
      y[r * width + j] = s;
    }
  }
  return y;
}
