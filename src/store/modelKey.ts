import type { AppState } from './types';

/**
 * What decides the model: structure, parameters and data (and whether imported rows have
 * arrived: their settings come first, from a link or a reload), not positions or selection.
 */
export function modelKey(s: AppState): string {
  return JSON.stringify({
    n: s.graph.nodes.map((n) => [n.id, n.kind, n.params]),
    e: s.graph.edges.map((e) => [e.source, e.target]),
    d: s.data,
    r: s.dataset.yTrain.length + s.dataset.yTest.length,
  });
}
