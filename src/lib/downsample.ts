/** One point of a series: x in increasing order (e.g. the training step), y its value. */
export interface XY {
  readonly x: number;
  readonly y: number;
}

/** The fewest points `downsample` returns from a longer series: first, last, minimum and maximum. */
export const MIN_DOWNSAMPLE_POINTS = 4;

/** Index of the smallest and of the largest finite y (the first of equals), or -1 when none is finite. */
export function extremes(points: readonly XY[]): { min: number; max: number } {
  let min = -1;
  let max = -1;
  for (let i = 0; i < points.length; i++) {
    const y = (points[i] as XY).y;
    if (!Number.isFinite(y)) continue;
    if (min < 0 || y < (points[min] as XY).y) min = i;
    if (max < 0 || y > (points[max] as XY).y) max = i;
  }
  return { min, max };
}

/**
 * Twice the area of the triangle (a, b, c) (the shoelace formula): how far b stands out from the
 * line from a to c, weighted by their spread. NaN when a value is not finite.
 */
function area2(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.abs((ax - cx) * (by - ay) - (ax - bx) * (cy - ay));
}

/**
 * At most `maxPoints` of `points` (x increasing), chosen by Largest-Triangle-Three-Buckets (Sveinn
 * Steinarsson, "Downsampling Time Series for Visual Representation", 2013): the first and last
 * points are kept; the rest is split into equal buckets, and from each bucket the point forming
 * the largest triangle with the point kept before it and the mean of the next bucket is kept. In
 * addition the points with the smallest and the largest finite y are always kept (in the bucket
 * that holds them, instead of its LTTB choice; one bucket fewer when both share a bucket), so a
 * spike or the lowest loss never disappears from a drawing. Points whose y is not finite are
 * kept only as first or last point, or when their bucket has nothing finite.
 *
 * Returns the input itself when it is short enough; otherwise a new array, in order. `maxPoints`
 * is rounded down and taken as at least MIN_DOWNSAMPLE_POINTS. Pure: O(n) time.
 */
export function downsample<P extends XY>(points: readonly P[], maxPoints: number): readonly P[] {
  const target = Math.max(MIN_DOWNSAMPLE_POINTS, Math.floor(Number.isFinite(maxPoints) ? maxPoints : 0));
  const n = points.length;
  if (n <= target) return points;
  const { min, max } = extremes(points);
  const interior = (i: number) => i > 0 && i < n - 1;
  let buckets = target - 2;
  // Bucket b holds the interior points from start(b) up to start(b + 1) (the last one up to n - 1).
  let every = (n - 2) / buckets;
  const start = (b: number) => Math.floor(b * every) + 1;
  const bucketOf = (i: number) => {
    let b = Math.min(buckets - 1, Math.floor((i - 1) / every));
    while (b < buckets - 1 && start(b + 1) <= i) b++;
    while (b > 0 && start(b) > i) b--;
    return b;
  };
  if (interior(min) && interior(max) && min !== max && bucketOf(min) === bucketOf(max)) {
    // Both extremes in one bucket need two places: one bucket fewer keeps the total within target.
    buckets--;
    every = (n - 2) / buckets;
  }
  const out: P[] = [points[0] as P];
  let anchor = points[0] as P;
  for (let b = 0; b < buckets; b++) {
    const lo = start(b);
    const hi = b === buckets - 1 ? n - 1 : start(b + 1);
    const forced = [min, max].filter((i) => i >= lo && i < hi && interior(i)).sort((a, c) => a - c);
    if (forced.length) {
      for (const i of forced) if (out.at(-1) !== points[i]) out.push(points[i] as P);
      anchor = out.at(-1) as P;
      continue;
    }
    // The mean of the next bucket (the last point for the last bucket).
    const nlo = hi;
    const nhi = b + 1 >= buckets - 1 ? n - 1 : start(b + 2);
    let mx = 0;
    let my = 0;
    let count = 0;
    for (let i = nlo; i < Math.max(nhi, nlo + 1) && i < n; i++) {
      const p = points[i] as P;
      if (!Number.isFinite(p.y)) continue;
      mx += p.x;
      my += p.y;
      count++;
    }
    const last = points[n - 1] as P;
    const cx = count ? mx / count : last.x;
    const cy = count ? my / count : last.y;
    let best = lo;
    let bestArea = -1;
    for (let i = lo; i < hi; i++) {
      const p = points[i] as P;
      const a = area2(anchor.x, anchor.y, p.x, p.y, cx, cy);
      if (a > bestArea) {
        bestArea = a;
        best = i;
      }
    }
    anchor = points[best] as P;
    out.push(anchor);
  }
  out.push(points[n - 1] as P);
  return out;
}

/**
 * Bounded memory for a series that grows for as long as training runs: while it has at most
 * `cap` points it is returned as it is; beyond that, the older points (all but the newest half
 * of `cap`) are downsampled to a quarter of `cap`, keeping their first, last, minimum and
 * maximum (see downsample), and the newest half stays at full resolution. Appending then
 * compacting keeps a series under `cap` points, at O(cap) work per compaction, once every
 * quarter `cap` appends. Pure.
 */
export function compactSeries<P extends XY>(points: readonly P[], cap: number): readonly P[] {
  const size = Math.max(4 * MIN_DOWNSAMPLE_POINTS, Math.floor(cap));
  if (points.length <= size) return points;
  const keep = Math.floor(size / 2);
  const older = points.slice(0, points.length - keep);
  return [...downsample(older, Math.floor(size / 4)), ...points.slice(points.length - keep)];
}
