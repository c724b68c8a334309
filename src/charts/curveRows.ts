import { downsample } from '../lib/downsample';
import type { CurvePoint } from './types';

/** One line of a curve chart: its data key, legend name, colour and points (x = step). */
export interface CurveSeries {
  readonly key: string;
  readonly name: string;
  readonly color: string;
  /** Drawn dashed, so lines differ by more than colour (pinned runs; the train loss in presenter view). */
  readonly dash?: string;
  /** Line width in px (2 when absent). */
  readonly width?: number;
  readonly points: readonly CurvePoint[];
}

/** A row of the chart's data: x and each series' value at that x (absent where it has none). */
export type CurveRow = { x: number } & Record<string, number>;

/** Points drawn per series at most: a few hundred keep a 300 px line exact and a redraw cheap. */
export const MAX_DRAWN_POINTS = 300;

/** What a curve chart draws: the merged rows, and the drawn points' y range per the visible series. */
export interface CurveLayout {
  readonly rows: readonly CurveRow[];
  /** Smallest and largest drawn y of the visible series; null when none is finite. */
  readonly yRange: readonly [number, number] | null;
  /** Drawn points per series key. */
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * Merges the series into rows by x for recharts, each series first cleaned (only finite points;
 * only positive ones on a log axis) and downsampled to `maxPoints` (LTTB keeping the first, last,
 * smallest and largest point: lib/downsample). Hidden series are left out of the y range.
 */
export function curveRows(
  series: readonly CurveSeries[],
  options: {
    readonly log?: boolean;
    readonly hidden?: ReadonlySet<string>;
    readonly maxPoints?: number;
  } = {},
): CurveLayout {
  const { log = false, hidden, maxPoints = MAX_DRAWN_POINTS } = options;
  const byX = new Map<number, CurveRow>();
  const counts: Record<string, number> = {};
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of series) {
    const usable = s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!log || p.y > 0));
    const drawn = downsample(usable, maxPoints);
    counts[s.key] = drawn.length;
    for (const p of drawn) {
      let row = byX.get(p.x);
      if (!row) {
        row = { x: p.x } as CurveRow;
        byX.set(p.x, row);
      }
      row[s.key] = p.y;
      if (!hidden?.has(s.key)) {
        lo = Math.min(lo, p.y);
        hi = Math.max(hi, p.y);
      }
    }
  }
  const rows = [...byX.values()].sort((a, b) => a.x - b.x);
  return { rows, yRange: lo <= hi ? [lo, hi] : null, counts };
}

/** The point of `points` (in x order) nearest to `x`, or undefined when there is none. */
export function nearestPoint(points: readonly CurvePoint[], x: number): CurvePoint | undefined {
  let a = 0;
  let b = points.length - 1;
  if (b < 0) return undefined;
  while (b - a > 1) {
    const mid = (a + b) >> 1;
    if ((points[mid] as CurvePoint).x < x) a = mid;
    else b = mid;
  }
  const pa = points[a] as CurvePoint;
  const pb = points[b] as CurvePoint;
  return Math.abs(pa.x - x) <= Math.abs(pb.x - x) ? pa : pb;
}
