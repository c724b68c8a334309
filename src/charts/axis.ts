/**
 * Axis helpers the recharts charts still need: round ticks inside a fixed range and log-axis ticks
 * (recharts' own are evenly split, e.g. -250 -185 -120, and on a log scale every 1..9 of each
 * decade), and short tick labels.
 */

/** A number to 3 significant digits, without trailing zeros or "-0". */
export const sig3 = (v: number) => String(Number(v.toPrecision(3)) + 0);

/** 3 to 5 round tick values within [lo, hi] (lo < hi), with the decimals they need. */
export function niceTicks(lo: number, hi: number): { values: number[]; decimals: number } {
  const base = 10 ** Math.floor(Math.log10((hi - lo) / 4));
  // Steps of 1, 2 or 5 (times a power of ten) first; 2.5 only where none of those gives 3 to 5 ticks.
  for (const mults of [[1, 2, 5], [2.5]]) {
    for (const scale of [0.1, 1, 10]) {
      for (const m of mults) {
        const step = m * base * scale;
        const first = Math.ceil(lo / step - 1e-9);
        const count = Math.floor(hi / step + 1e-9) - first + 1;
        if (count >= 3 && count <= 5) {
          const decimals = Math.max(0, (m === 2.5 ? 1 : 0) - Math.floor(Math.log10(step) + 1e-9));
          return { values: Array.from({ length: count }, (_, i) => (first + i) * step), decimals };
        }
      }
    }
  }
  return { values: [lo, (lo + hi) / 2, hi], decimals: 2 };
}

/** Rounds away the float noise of `k * step` (0.30000000000000004 -> 0.3). */
const clean = (v: number) => Number(v.toPrecision(12));

/** The 1, 2, 5, 10, 20, ... step sequence from `start` (a power of ten) up. */
function* steps125(start: number): Generator<number> {
  for (let base = start; ; base *= 10) for (const m of [1, 2, 5]) yield clean(m * base);
}

/**
 * Round ticks every `step` (1, 2 or 5 times a power of ten, at least `minStep`) with the domain
 * widened to the first tick at or below `lo` and the last at or above `hi`: the smallest such step
 * that gives at most `maxTicks` ticks (so usually 3 to `maxTicks`). Needs lo < hi, both finite.
 */
export function snappedTicks(
  lo: number,
  hi: number,
  maxTicks = 6,
  minStep = 0,
): { lo: number; hi: number; values: number[] } {
  const start = 10 ** Math.floor(Math.log10((hi - lo) / Math.max(1, maxTicks) / 10));
  for (const step of steps125(start)) {
    if (step < minStep) continue;
    const first = Math.floor(lo / step + 1e-9);
    const last = Math.ceil(hi / step - 1e-9);
    if (last - first + 1 <= maxTicks) {
      const values = Array.from({ length: last - first + 1 }, (_, i) => clean((first + i) * step));
      return { lo: values[0] ?? lo, hi: values.at(-1) ?? hi, values };
    }
  }
  return { lo, hi, values: [lo, hi] }; // unreachable: the steps grow without bound
}

/**
 * Ticks for a log axis over [lo, hi] (0 < lo < hi), with the domain widened to the ticks at either
 * end so that every value lies between two labelled ticks:
 * - under about 0.7 of a decade, evenly spaced round values (0.2, 0.25, 0.3) as on a linear axis;
 * - else 1, 2 and 5 times the powers of ten (0.01, 0.02, 0.05, 0.1, ...) when at most `maxTicks`;
 * - else the powers of ten only, every k-th one when there are still too many.
 */
export function logTicks(lo: number, hi: number, maxTicks = 6): { lo: number; hi: number; values: number[] } {
  if (hi / lo < 5) {
    const lin = snappedTicks(lo, hi, maxTicks);
    if (lin.lo > 0) return lin;
  }
  for (const mults of [[1, 2, 5], [1]]) {
    const e0 = Math.floor(Math.log10(lo) + 1e-9);
    const e1 = Math.ceil(Math.log10(hi) - 1e-9);
    const grid: number[] = [];
    for (let e = e0; e <= e1; e++) for (const m of mults) grid.push(clean(m * 10 ** e));
    grid.push(clean(10 ** (e1 + 1)));
    const below = grid.filter((v) => v <= lo * (1 + 1e-9)).at(-1) ?? lo;
    const above = grid.find((v) => v >= hi * (1 - 1e-9)) ?? hi;
    const values = grid.filter((v) => v >= below && v <= above);
    if (values.length <= maxTicks) return { lo: below, hi: above, values };
  }
  // Many decades: every k-th power of ten.
  const e0 = Math.floor(Math.log10(lo) + 1e-9);
  const e1 = Math.ceil(Math.log10(hi) - 1e-9);
  const k = Math.ceil((e1 - e0) / Math.max(1, maxTicks - 1));
  const first = Math.floor(e0 / k);
  const last = Math.ceil(e1 / k);
  const values = Array.from({ length: last - first + 1 }, (_, i) => clean(10 ** ((first + i) * k)));
  return { lo: values[0] ?? lo, hi: values.at(-1) ?? hi, values };
}

/** A tick label, short: 0.6, 0.08, 250, 7e-3, 2.5e-4, 1e6. */
export function compactNumber(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 0.01 && a < 1e5) return sig3(v);
  const [mantissa = '0', exponent = '0'] = v.toExponential(1).split('e');
  return `${Number(mantissa)}e${Number(exponent)}`;
}
