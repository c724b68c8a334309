import type { Graph } from '../graph/types';
import type { AppStore } from './store';

/** What undo and redo restore: the graph (nodes, their parameters and positions, edges). */
export interface Undoable {
  readonly graph: Graph;
}

/** How many edits undo can go back. */
export const UNDO_LIMIT = 200;

const dragStarts = new WeakMap<AppStore, Graph>();

/**
 * A drag of nodes is one undo step, from where it started to where it stopped, however it is
 * paced: recording pauses at the start, and at the stop one step is added with the graph as it
 * was before the drag (nothing, when the nodes did not move).
 */
export function beginDrag(store: AppStore): void {
  if (dragStarts.has(store)) return;
  dragStarts.set(store, store.getState().graph);
  store.temporal.getState().pause();
}

export function endDrag(store: AppStore): void {
  const start = dragStarts.get(store);
  if (!start) return;
  dragStarts.delete(store);
  const history = store.temporal.getState();
  history.resume();
  if (store.getState().graph === start) return;
  store.temporal.setState({
    pastStates: [...history.pastStates, { graph: start }].slice(-UNDO_LIMIT),
    futureStates: [],
  });
}
