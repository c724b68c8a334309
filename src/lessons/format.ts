import { holds, type Relation } from './checkKinds';

/** Small magnitudes are written in exponent form: 3.1e-7, 1e-5. */
const SMALL = 1e-3;

/** A threshold as people write it: 0.65, 0.05, 1e-5 (trailing zeros dropped). */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && Math.abs(v) < SMALL) return v.toExponential(1).replace(/\.0(?=e)/, '');
  return String(Number(v.toFixed(3)));
}

/**
 * A measured value for a check's text: three decimals (0.580, 1.000), exponent form when tiny
 * (5.2e-7), "0" for exactly 0, and as many more decimals as it takes for the shown number to
 * stand in the same relation to the threshold as the real one (0.9996 against "≥ 1" is not "1.000").
 */
export function formatMeasured(value: number, relation: Relation, threshold: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  if (Math.abs(value) < SMALL) return formatNumber(value);
  if (relation === 'yes') return value.toFixed(3);
  const truth = holds(relation, value, threshold);
  for (let digits = 3; digits <= 12; digits++) {
    const text = value.toFixed(digits);
    if (holds(relation, Number(text), threshold) === truth) return text;
  }
  return String(value);
}
