import { temporal } from 'zundo';
import { useStore as useZustand } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createDataSlice } from './dataSlice';
import { createGraphSlice } from './graphSlice';
import { UNDO_LIMIT, type Undoable } from './history';
import { createLabSlice } from './labSlice';
import { createProbeSlice } from './probeSlice';
import { createTrainingSlice } from './trainingSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

/**
 * Builds a fresh store (tests make one per test; the app makes one). Graph edits are recorded
 * for undo and redo (zundo's temporal middleware on the combined store; `store.temporal`).
 */
export function createAppStore() {
  return createStore<AppState>()(
    temporal<AppState, [], [], Undoable>(
      (set, get, api) => {
        const a = [set, get, api] as const;
        return {
          ...createGraphSlice(...a),
          ...createDataSlice(...a),
          ...createTrainingSlice(...a),
          ...createUiSlice(...a),
          ...createProbeSlice(...a),
          ...createLabSlice(...a),
        };
      },
      {
        partialize: (s) => ({ graph: s.graph }),
        equality: (past, current) => past.graph === current.graph,
        limit: UNDO_LIMIT,
      },
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
export { UNDO_LIMIT };

/** The app's store. */
export const appStore = createAppStore();

/** Reads the app store through a selector (re-renders only when the selected value changes). */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useZustand(appStore, selector);
}
