import { temporal } from 'zundo';
import { useStore as useZustand } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { fitPlane } from '../data/slice';
import { createDataSlice, datasetMatches, generateFor } from './dataSlice';
import { createGraphSlice } from './graphSlice';
import { createHealthSlice } from './healthSlice';
import { sameUndoable, UNDO_LIMIT, type Undoable, undoablePart } from './history';
import { createLabSlice } from './labSlice';
import { createLessonSlice } from './lessonSlice';
import { createProbeSlice } from './probeSlice';
import { createRunsSlice } from './runsSlice';
import { createStorageSlice } from './storageSlice';
import { createTrainingSlice } from './trainingSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

/**
 * Builds a fresh store (tests make one per test; the app makes one). Graph edits are recorded
 * for undo and redo (zundo's temporal middleware on the combined store; `store.temporal`).
 */
export function createAppStore() {
  const store = createStore<AppState>()(
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
          ...createLessonSlice(...a),
          ...createStorageSlice(...a),
          ...createHealthSlice(...a),
          ...createRunsSlice(...a),
        };
      },
      {
        partialize: undoablePart,
        equality: sameUndoable,
        limit: UNDO_LIMIT,
      },
    ),
  );
  // Undo and redo put data settings back without their points, and an imported file's rows may
  // arrive after its settings: rebuild the points to match. The slice follows the input width.
  store.subscribe((s) => {
    if (!datasetMatches(s.dataset, s.data, s.tables)) {
      const dataset = generateFor(s.data, s.tables);
      store.setState({ dataset, plane: fitPlane(s.plane, dataset.info.inputDim) });
    } else {
      const plane = fitPlane(s.plane, s.dataset.info.inputDim);
      if (plane !== s.plane) store.setState({ plane });
    }
  });
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;
export { UNDO_LIMIT };

/** The app's store. */
export const appStore = createAppStore();

/** Reads the app store through a selector (re-renders only when the selected value changes). */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useZustand(appStore, selector);
}
