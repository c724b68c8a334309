import type { Graph } from './types';

/** Adjacency lists in both directions, keyed by node id (edges to unknown nodes are skipped). */
export function adjacency(graph: Graph): {
  out: Map<string, string[]>;
  in: Map<string, string[]>;
} {
  const out = new Map<string, string[]>();
  const inc = new Map<string, string[]>();
  for (const n of graph.nodes) {
    out.set(n.id, []);
    inc.set(n.id, []);
  }
  for (const e of graph.edges) {
    const o = out.get(e.source);
    const i = inc.get(e.target);
    if (!o || !i) continue;
    o.push(e.target);
    i.push(e.source);
  }
  return { out, in: inc };
}

/** Every node reachable from `start` along `next` (start included). */
export function reachable(start: string, next: Map<string, string[]>): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const m of next.get(id) ?? []) {
      if (!seen.has(m)) {
        seen.add(m);
        stack.push(m);
      }
    }
  }
  return seen;
}

/**
 * Kahn's algorithm: a topological order of the nodes, plus the nodes left over because they sit
 * on or behind a cycle (empty when the graph is acyclic).
 */
export function topologicalOrder(graph: Graph): { order: string[]; cyclic: string[] } {
  const { out, in: inc } = adjacency(graph);
  const indegree = new Map<string, number>();
  for (const [id, srcs] of inc) indegree.set(id, srcs.length);
  const queue = graph.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    order.push(id);
    for (const m of out.get(id) ?? []) {
      const d = (indegree.get(m) ?? 0) - 1;
      indegree.set(m, d);
      if (d === 0) queue.push(m);
    }
  }
  const placed = new Set(order);
  return { order, cyclic: graph.nodes.filter((n) => !placed.has(n.id)).map((n) => n.id) };
}

/** True when adding source -> target would close a cycle (target already reaches source). */
export function wouldCreateCycle(graph: Graph, source: string, target: string): boolean {
  if (source === target) return true;
  return reachable(target, adjacency(graph).out).has(source);
}
