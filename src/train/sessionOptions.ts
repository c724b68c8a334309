import type { ProbeTiming } from './probes/runner';

/** How a training session paces its loop and its refreshes (times in ms). */
export interface SessionOptions {
  /** How often metrics are reported while running (ms). */
  readonly metricsIntervalMs: number;
  /** How often the decision boundary is recomputed while running (ms). */
  readonly heatmapIntervalMs: number;
  /** Grid size of the decision boundary (size x size points). */
  readonly heatmapSize: number;
  /** Time budget of one chunk of steps between readbacks and yields (ms). */
  readonly chunkMs: number;
  /**
   * About how long one slice of a heatmap or evaluation pass takes before queued messages (a
   * Pause) are let in (ms): a refresh that takes seconds on a big net is heard through.
   */
  readonly sliceMs: number;
  /** How often the panels' probes refresh while running. */
  readonly probeTiming?: ProbeTiming;
  readonly now: () => number;
}

/** The app's settings. */
export const SESSION_DEFAULTS: SessionOptions = {
  metricsIntervalMs: 100,
  heatmapIntervalMs: 100,
  heatmapSize: 100,
  chunkMs: 25,
  sliceMs: 50,
  now: () => performance.now(),
};

/** The largest group of steps between two readbacks. */
export const MAX_GROUP = 64;

/**
 * The next group of steps between readbacks: twice as many (up to MAX_GROUP) when the whole group
 * took under half a chunk, half as many (at least 1) when it overran a chunk, else the same. A fast
 * model pays for few readbacks; a slow one still hears Pause within a chunk (or one step).
 */
export function nextGroup(group: number, tookMs: number, ranWholeGroup: boolean, chunkMs: number): number {
  if (tookMs < chunkMs / 2 && ranWholeGroup) return Math.min(group * 2, MAX_GROUP);
  if (tookMs > chunkMs) return Math.max(1, group >> 1);
  return group;
}
