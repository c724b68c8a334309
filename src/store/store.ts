import { useStore as useZustand } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createDataSlice } from './dataSlice';
import { createGraphSlice } from './graphSlice';
import { createProbeSlice } from './probeSlice';
import { createTrainingSlice } from './trainingSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

/** Builds a fresh store (tests make one per test; the app makes one). */
export function createAppStore() {
  return createStore<AppState>()((...a) => ({
    ...createGraphSlice(...a),
    ...createDataSlice(...a),
    ...createTrainingSlice(...a),
    ...createUiSlice(...a),
    ...createProbeSlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store. */
export const appStore = createAppStore();

/** Reads the app store through a selector (re-renders only when the selected value changes). */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useZustand(appStore, selector);
}
