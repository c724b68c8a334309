import type { DataSettings } from '../data/types';
import type { Graph } from '../graph/types';
import type { Hyper } from '../train/protocol';
import type { AppStore } from './store';
import type { AppState } from './types';

/**
 * What undo and redo restore: the graph (nodes, their parameters and positions, edges) and the
 * run's settings (data and hyperparameters), so a data change that restarted a run can be undone.
 */
export interface Undoable {
  readonly graph: Graph;
  readonly data: DataSettings;
  readonly hyper: Hyper;
}

/** The undoable part of the state. */
export const undoablePart = (s: AppState): Undoable => ({ graph: s.graph, data: s.data, hyper: s.hyper });

/** Two undoable parts are the same step when each part is the same object. */
export const sameUndoable = (a: Undoable, b: Undoable): boolean =>
  a.graph === b.graph && a.data === b.data && a.hyper === b.hyper;

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
  const now = store.getState();
  store.temporal.setState({
    pastStates: [...history.pastStates, { ...undoablePart(now), graph: start }].slice(-UNDO_LIMIT),
    futureStates: [],
  });
}
