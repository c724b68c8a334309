// Types for charts.mjs.
export function measureChartFrames(
  browser: unknown,
  baseUrl: string,
  frameMs: number,
): Promise<{
  backend: string | null;
  pinned: number;
  training: { n: number; p50: number | null; p95: number | null; max: number | null };
  longTasks: number;
  longestTaskMs: number;
}>;
