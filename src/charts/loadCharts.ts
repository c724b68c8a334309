import { useEffect, useSyncExternalStore } from 'react';

/** The recharts charts, in their own chunk (chartsChunk-<hash>.js in the build). */
export type ChartsModule = typeof import('./chartsChunk');

let loaded: ChartsModule | null = null;
let loading: Promise<ChartsModule> | null = null;
const listeners = new Set<() => void>();

/**
 * Loads the charts' chunk (recharts and the charts drawn with it) once; later calls get the same
 * promise. The app calls it once the canvas is interactive (ChartsPanel), so recharts never
 * competes with the first paint; tests await it before rendering a chart.
 */
export function loadCharts(): Promise<ChartsModule> {
  loading ??= import('./chartsChunk').then((m) => {
    loaded = m;
    for (const l of listeners) l();
    return m;
  });
  return loading;
}

/** Milliseconds after which a chart on screen loads the chunk itself if the app has not yet. */
export const CHARTS_FALLBACK_MS = 4000;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * The charts' module once loaded, else null (draw a placeholder meanwhile). A chart on screen
 * loads it after CHARTS_FALLBACK_MS if nothing else has (e.g. the engine never started).
 */
export function useChartsModule(): ChartsModule | null {
  const mod = useSyncExternalStore(
    subscribe,
    () => loaded,
    () => loaded,
  );
  useEffect(() => {
    if (loaded) return;
    const timer = setTimeout(() => void loadCharts(), CHARTS_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, []);
  return mod;
}
