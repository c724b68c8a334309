/** Bin counts and summary statistics of a set of values (NaN and ±Infinity left out and counted). */
export interface Histogram {
  /** Left edge of the first bin. */
  readonly lo: number;
  /** Right edge of the last bin. */
  readonly hi: number;
  readonly counts: readonly number[];
  /** Mean of the finite values. */
  readonly mean: number;
  /** Population standard deviation (divide by n) of the finite values. */
  readonly std: number;
  /** Number of finite values. */
  readonly n: number;
  /** Number of NaN or ±Infinity values skipped. */
  readonly nonFinite: number;
}

/**
 * Mean and population standard deviation of the finite values, in float64 by two passes:
 * mean = sum x / n, then std = sqrt(sum (x - mean)^2 / n), which avoids the cancellation of
 * sum x^2 / n - mean^2. With no finite values: mean 0, std 0, n 0.
 */
export function moments(values: ArrayLike<number>): { mean: number; std: number; n: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  if (n === 0) return { mean: 0, std: 0, n: 0 };
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) ss += (v - mean) * (v - mean);
  }
  return { mean, std: Math.sqrt(ss / n), n };
}

/** Smallest and largest finite value, or null when there is none. */
function finiteRange(values: ArrayLike<number>): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * Counts the finite values into `bins` equal bins over `range` (default: their [min, max]).
 * Bin i covers [lo + i w, lo + (i + 1) w) with w = (hi - lo) / bins; the value hi goes in the
 * last bin and values outside an explicit range are clamped into the end bins. When the range
 * is a single point v it widens to [v - 0.5, v + 0.5]; with no finite values it is [0, 1].
 */
export function histogram(
  values: ArrayLike<number>,
  bins = 30,
  range?: readonly [number, number],
): Histogram {
  const k = Math.max(1, Math.floor(bins));
  const m = moments(values);
  let [lo, hi] = range ?? finiteRange(values) ?? [0, 1];
  if (!(hi > lo)) [lo, hi] = [lo - 0.5, lo + 0.5];
  const counts = new Array<number>(k).fill(0);
  const w = (hi - lo) / k;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const b = Math.min(k - 1, Math.max(0, Math.floor((v - lo) / w)));
    counts[b] = (counts[b] as number) + 1;
  }
  return { lo, hi, counts, mean: m.mean, std: m.std, n: m.n, nonFinite: values.length - m.n };
}

/** Share of the finite values for which `pred` holds; 0 when there are no finite values. */
export function fraction(values: ArrayLike<number>, pred: (v: number) => boolean): number {
  let n = 0;
  let hits = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    n++;
    if (pred(v)) hits++;
  }
  return n === 0 ? 0 : hits / n;
}

/** Column `unit` of a row-major [n, width] matrix, n = floor(values.length / width). */
export function column(values: ArrayLike<number>, width: number, unit: number): Float32Array {
  if (!(width >= 1) || !(unit >= 0 && unit < width)) throw new RangeError(`No column ${unit} of ${width}.`);
  const n = Math.floor(values.length / width);
  const out = new Float32Array(n);
  for (let r = 0; r < n; r++) out[r] = values[r * width + unit] as number;
  return out;
}
