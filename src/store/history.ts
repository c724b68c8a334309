import type { Graph } from '../graph/types';

/** What undo and redo restore: the graph (nodes, their parameters and positions, edges). */
export interface Undoable {
  readonly graph: Graph;
}

/** True when b differs from a only in where nodes sit (the same nodes, parameters and edges). */
export function onlyPositionsChanged(a: Graph, b: Graph): boolean {
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((n, i) => {
    const m = b.nodes[i];
    return m !== undefined && m.id === n.id && m.kind === n.kind && m.params === n.params;
  });
}

/** A drag's moves closer together than this (ms) are one undo step. */
export const DRAG_GAP_MS = 800;

type Recorder = (past: Undoable, replace: undefined | boolean, current: Undoable, delta?: unknown) => void;

/**
 * Wraps zundo's recorder so a node drag (hundreds of position updates) is one undo step: a
 * move that follows another move within DRAG_GAP_MS is not recorded, so undo returns to where
 * the drag began. Every other edit is recorded as it happens.
 */
export function mergeDrags(record: Recorder, now: () => number = () => performance.now()): Recorder {
  let lastMoveAt = Number.NEGATIVE_INFINITY;
  return (past, replace, current, delta) => {
    const move = onlyPositionsChanged(past.graph, current.graph);
    const t = now();
    const continuing = move && t - lastMoveAt < DRAG_GAP_MS;
    lastMoveAt = move ? t : Number.NEGATIVE_INFINITY;
    if (!continuing) record(past, replace, current, delta);
  };
}
