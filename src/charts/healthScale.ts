/**
 * Scales and number formats of the Training health and sweep charts (plain helpers, no recharts:
 * the panel's tables use them too without loading the chart chunk).
 */

/**
 * A figure that may span many orders of magnitude: up to 3 significant digits, in exponent form
 * (1.23e-4, 1e-3) below 0.01 or from 10,000 up; "NaN", "∞" and "−∞" spelled out.
 */
export function formatSci(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 0.01 || a >= 1e4)
    return v
      .toExponential(2)
      .replace(/\.?0+e/, 'e')
      .replace('e+', 'e');
  return String(Number(v.toPrecision(3)));
}

/** The value a log axis can draw (finite and above 0), else null (a gap in the line). */
export const logValue = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null;

/** The value a linear axis can draw (finite), else null. */
export const linearValue = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/**
 * A log axis over `values` (only the finite positive ones count): from the power of ten at or
 * below the least to the one at or above the greatest (at least one decade), with a tick at
 * every power of ten (every other one past 6 decades). `fallback` when there is nothing to show.
 */
export function logAxis(
  values: readonly (number | null | undefined)[],
  fallback: readonly [number, number] = [1e-4, 1],
): { domain: [number, number]; ticks: number[] } {
  const xs = values.map(logValue).filter((v): v is number => v !== null);
  let lo = xs.length ? Math.floor(Math.log10(Math.min(...xs))) : Math.log10(fallback[0]);
  let hi = xs.length ? Math.ceil(Math.log10(Math.max(...xs))) : Math.log10(fallback[1]);
  if (hi <= lo) {
    lo -= 0.5;
    hi += 0.5;
    lo = Math.floor(lo);
    hi = Math.ceil(hi);
  }
  const every = hi - lo > 6 ? 2 : 1;
  const ticks: number[] = [];
  for (let e = Math.ceil(lo); e <= hi; e += every) ticks.push(Number(`1e${e}`));
  return { domain: [Number(`1e${lo}`), Number(`1e${hi}`)], ticks };
}

/** Okabe-Ito colours (colour-blind safe), one per series in turn. */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
