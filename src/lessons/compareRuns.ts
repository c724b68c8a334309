/** The metrics a comparison of two runs can read. */
export type RunMetric = 'trainLoss' | 'testLoss' | 'testAccuracy' | 'testR2';

/**
 * What compareRuns reads of a run: its final metrics, as a pinned run (share/runs.ts PinnedRun)
 * or a lesson's RunMeasures (wrapped: `{ final: { testAccuracy } }`) hold them.
 */
export interface ComparableRun {
  readonly final: Readonly<Partial<Record<RunMetric, number | null>>>;
}

/**
 * How run `a` compares with run `b` on one metric: a's value minus b's (e.g. "run A's test
 * accuracy − run B's ≥ 0.2" is `compareRuns(a, b, 'testAccuracy') >= 0.2`). Null when either run
 * lacks a finite value (not measured, or diverged).
 */
export function compareRuns(a: ComparableRun, b: ComparableRun, metric: RunMetric): number | null {
  const x = a.final[metric];
  const y = b.final[metric];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)
    ? x - y
    : null;
}
