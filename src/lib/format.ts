/** Formats a number for a readout: fixed decimals for ordinary sizes, exponent for tiny or huge ones. */
export function formatNumber(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined) return '—';
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  const a = Math.abs(x);
  if (a !== 0 && (a < 10 ** -digits || a >= 1e6)) return x.toExponential(2);
  return x.toFixed(digits);
}

/** Formats a whole count with thin grouping (12 345). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US').replace(/,/g, '\u202f');
}
