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

/**
 * Loads the charts' chunk once the page has painted what it shows now and is idle: two animation
 * frames (the frame being drawn, then the next), then an idle moment (at most 500 ms later).
 * The app calls it when the canvas becomes interactive, so the chunk never delays that paint.
 */
export function loadChartsAfterPaint(): void {
  if (loaded || loading) return;
  const idle = () =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => void loadCharts(), { timeout: 500 })
      : setTimeout(() => void loadCharts(), 0);
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(idle, 0);
    return;
  }
  requestAnimationFrame(() => requestAnimationFrame(idle));
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
