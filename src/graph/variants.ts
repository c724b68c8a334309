import { adjacency } from './topology';
import type { Graph, GraphEdge, GraphNode } from './types';

/**
 * One-click variants of a lab's graph (issue 12): the same network without its normalization
 * nodes, or with each Norm -> Activation pair swapped. Node ids and parameters are kept, so a
 * variant compiled on the same seed starts from the same initial Dense weights as the original.
 */
export type VariantResult =
  | { readonly ok: true; readonly graph: Graph; readonly changed: readonly string[]; readonly note: string }
  | { readonly ok: false; readonly reason: string };

const isNorm = (n: GraphNode) => n.kind === 'batchnorm' || n.kind === 'layernorm';

function edgeId(source: string, target: string, taken: Set<string>): string {
  let id = `e-${source}-${target}`;
  for (let i = 2; taken.has(id); i += 1) id = `e-${source}-${target}-${i}`;
  taken.add(id);
  return id;
}

/**
 * Removes every BatchNorm and LayerNorm node and wires its input straight to each of its
 * targets, in the same edge position (Concatenate keeps its input order). A rewired edge that
 * already exists (a residual Add(x, BN(x)) becomes Add(x)) is dropped rather than doubled; the
 * graph's own validation then names what no longer makes sense.
 */
export function withoutNormalization(graph: Graph): VariantResult {
  const removed = graph.nodes.filter(isNorm);
  if (removed.length === 0) {
    return { ok: false, reason: 'This graph has no BatchNorm or LayerNorm node to remove.' };
  }
  const gone = new Set(removed.map((n) => n.id));
  const sourceOf = new Map(graph.edges.map((e) => [e.target, e.source]));
  // The first non-normalization node above a chain of norms (Dense -> BN -> LN -> ReLU).
  const upstream = (id: string): string | undefined => {
    let src = sourceOf.get(id);
    while (src !== undefined && gone.has(src)) src = sourceOf.get(src);
    return src;
  };
  const ids = new Set(graph.edges.map((e) => e.id));
  const seen = new Set<string>();
  const edges: GraphEdge[] = [];
  for (const e of graph.edges) {
    if (gone.has(e.target)) continue;
    const source = gone.has(e.source) ? upstream(e.source) : e.source;
    if (source === undefined || seen.has(`${source}>${e.target}`)) continue;
    seen.add(`${source}>${e.target}`);
    edges.push(source === e.source ? e : { id: edgeId(source, e.target, ids), source, target: e.target });
  }
  const names = removed.map((n) => n.id).join(', ');
  return {
    ok: true,
    graph: { nodes: graph.nodes.filter((n) => !gone.has(n.id)), edges },
    changed: removed.map((n) => n.id),
    note: `Removed ${removed.length} normalization node${removed.length === 1 ? '' : 's'} (${names}) and wired each input straight through.`,
  };
}

/**
 * Swaps every Norm -> Activation pair, where the norm feeds only that activation and the
 * activation takes only the norm: s -> N -> A -> T becomes s -> A -> N -> T, the two nodes
 * trading places on the canvas. Pairs that share their output with other nodes are left alone.
 */
export function normalizationAfterActivation(graph: Graph): VariantResult {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const { out, in: inc } = adjacency(graph);
  const pairs = new Map<string, string>();
  for (const n of graph.nodes) {
    const next = out.get(n.id) ?? [];
    const act = next.length === 1 ? byId.get(next[0] as string) : undefined;
    if (isNorm(n) && act?.kind === 'activation' && (inc.get(act.id) ?? []).length === 1)
      pairs.set(n.id, act.id);
  }
  if (pairs.size === 0) {
    return {
      ok: false,
      reason: 'This graph has no normalization node that feeds an activation alone to swap.',
    };
  }
  const actOf = new Map(pairs);
  const normOf = new Map([...pairs].map(([norm, act]) => [act, norm]));
  // Rename endpoints: whatever fed N now feeds A, A now feeds N, and N feeds A's old targets.
  const edges = graph.edges.map((e): GraphEdge => {
    if (actOf.get(e.source) === e.target) return { ...e, source: e.target, target: e.source };
    const target = actOf.get(e.target) ?? e.target;
    const source = normOf.get(e.source) ?? e.source;
    return { ...e, source, target };
  });
  const partner = new Map([...actOf, ...normOf]);
  const nodes = graph.nodes.map((n) => {
    const other = byId.get(partner.get(n.id) ?? '');
    return other ? { ...n, position: other.position } : n;
  });
  return {
    ok: true,
    graph: { nodes, edges },
    changed: [...pairs.keys()],
    note: `Moved ${pairs.size} normalization node${pairs.size === 1 ? '' : 's'} after ${pairs.size === 1 ? 'its activation' : 'their activations'}.`,
  };
}
