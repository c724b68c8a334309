/** Shared axis helpers of the SVG charts. */

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
