import type { AppState } from './types';

/** What decides the model: structure, parameters and data, not positions or selection. */
export function modelKey(s: AppState): string {
  return JSON.stringify({
    n: s.graph.nodes.map((n) => [n.id, n.kind, n.params]),
    e: s.graph.edges.map((e) => [e.source, e.target]),
    d: s.data,
  });
}
