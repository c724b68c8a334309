// Types for stats.mjs (the benchmark runs in plain Node; the tests import it from TypeScript).
export function percentile(values: readonly number[], p: number): number | null;
export function median(values: readonly number[]): number | null;
export function maximum(values: readonly number[]): number | null;
export function distribution(values: readonly number[]): {
  n: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
};
export function perSecond(count: number, ms: number): number | null;
export function pairRatios(a: readonly (number | null)[], b: readonly (number | null)[]): number[];
export function medianRatio(a: readonly (number | null)[], b: readonly (number | null)[]): number | null;
export function rateFromSamples(samples: readonly (readonly [number, number])[]): number | null;
export const LOAD_TIMINGS: readonly string[];
export function loadTimes(
  loads: readonly Record<string, number | null | undefined>[],
): Record<string, { median: number | null; runs: (number | null)[] }>;
export function series(values: readonly (number | null)[]): {
  n: number;
  first: number | null;
  last: number | null;
  min: number | null;
  max: number | null;
  maxDrift: number | null;
};
export interface LoopTotals {
  runningMs: number;
  stepsMs: number;
  metricsMs: number;
  heatmapMs: number;
  probeMs: number;
  heatmaps: number;
  probeRuns: number;
}
export function loopShares(
  before: LoopTotals | null | undefined,
  after: LoopTotals | null | undefined,
): {
  runningMs: number;
  heatmaps: number;
  probeRuns: number;
  stepsShare: number;
  metricsShare: number;
  heatmapShare: number;
  probeShare: number;
} | null;
export function medianInterval(
  values: readonly number[],
  coverage?: number,
): { lo: number; hi: number; coverage: number } | null;
