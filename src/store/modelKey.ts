import { dataMissing } from './dataSlice';
import type { AppState } from './types';

/**
 * What decides the model: structure, parameters and data settings, not positions or selection
 * (saved weights belong to a model by this key).
 */
export function modelKey(s: AppState): string {
  return JSON.stringify({
    n: s.graph.nodes.map((n) => [n.id, n.kind, n.params]),
    e: s.graph.edges.map((e) => [e.source, e.target]),
    d: s.data,
  });
}

/**
 * modelKey, and whether imported rows are here: a lab on imported data is known (from a link or a
 * reload) before its rows arrive, and the engine builds its model again once they do.
 */
export function loadKey(s: AppState): string {
  return `${modelKey(s)}|${dataMissing(s) ? 'no rows' : 'rows'}`;
}
