/**
 * The activation formulas of src/export/conventions.ts (ACTIVATION_FORMULAS) as plain functions,
 * keyed by their text, so a test can check each formula against what tfjs computes.
 */

/**
 * erf(x): its Taylor series 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1)) below |x| = 3 (error
 * about 1e-13 there), Abramowitz-Stegun 7.1.26 above (error under 1.5e-7, where erf is 1 - 2e-5).
 */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (a >= 3) {
    const t = 1 / (1 + 0.3275911 * a);
    const poly =
      t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    return Math.sign(x) * (1 - poly * Math.exp(-a * a));
  }
  let sum = 0;
  let term = x;
  for (let n = 0; n < 80; n++) {
    sum += term / (2 * n + 1);
    term *= (-x * x) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export const ACTIVATION_REFERENCE: Readonly<Record<string, (x: number, alpha: number) => number>> = {
  'max(x, 0)': (x) => Math.max(x, 0),
  'x if x > 0 else alpha * x': (x, alpha) => (x > 0 ? x : alpha * x),
  'x if x > 0 else exp(x) - 1': (x) => (x > 0 ? x : Math.exp(x) - 1),
  '1.0507009873554805 * (x if x > 0 else 1.6732632423543772 * (exp(x) - 1))': (x) =>
    1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.exp(x) - 1)),
  '0.5 * x * (1 + erf(x / sqrt(2)))': (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
  'x * sigmoid(x)': (x) => x * sigmoid(x),
  'tanh(x)': (x) => Math.tanh(x),
  '1 / (1 + exp(-x))': sigmoid,
  'log(1 + exp(x))': (x) => Math.log1p(Math.exp(x)),
  x: (x) => x,
};
