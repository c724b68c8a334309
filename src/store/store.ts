import { temporal } from 'zundo';
import { useStore as useZustand } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createDataSlice } from './dataSlice';
import { createGraphSlice } from './graphSlice';
import { mergeDrags, type Undoable } from './history';
import { createLabSlice } from './labSlice';
import { createProbeSlice } from './probeSlice';
import { createTrainingSlice } from './trainingSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

/** How many edits undo can go back. */
export const UNDO_LIMIT = 200;

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
        // zundo types the recorder with the full state; it is called with the partialized one.
        handleSet: (record) => mergeDrags(record as unknown as Parameters<typeof mergeDrags>[0]) as never,
      },
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store. */
export const appStore = createAppStore();

/** Reads the app store through a selector (re-renders only when the selected value changes). */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useZustand(appStore, selector);
}
