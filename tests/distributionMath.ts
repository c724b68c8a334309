import { expect } from 'vitest';
import { EPSILON_FLOOR } from '../src/graph/registry';
import type { GraphNode } from '../src/graph/types';
import type { Histogram } from '../src/lib/stats';
import type { DistributionReport, NodeWeights } from '../src/train/protocol';

/**
 * The range of each activation's output, by hand: ReLU and Softplus >= 0, sigmoid in [0, 1],
 * tanh in [-1, 1], ELU >= -1 (exp(x) - 1), SELU >= -lambda alpha = -1.0507 * 1.6733, GELU
 * x Phi(x) >= -0.169971 (at x = -0.7518, where Phi(x) + x phi(x) = 0), Swish x sigma(x) >=
 * -0.278465 (at x = -1.2785).
 */
const ACTIVATION_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  relu: [0, Number.POSITIVE_INFINITY],
  softplus: [0, Number.POSITIVE_INFINITY],
  sigmoid: [0, 1],
  tanh: [-1, 1],
  elu: [-1, Number.POSITIVE_INFINITY],
  selu: [-1.0507009873554805 * 1.6732632423543772, Number.POSITIVE_INFINITY],
  gelu: [-0.169971, Number.POSITIVE_INFINITY],
  swish: [-0.278465, Number.POSITIVE_INFINITY],
};

/** Smallest and largest value a histogram counted (it widens a single value v to [v - 0.5, v + 0.5]). */
function valueRange(h: Histogram): [number, number] {
  const single = h.counts.filter((c) => c > 0).length === 1 && h.hi - h.lo === 1;
  return single ? [h.lo + 0.5, h.lo + 0.5] : [h.lo, h.hi];
}

/** |got - want| within float32 rounding of values of size `scale`. */
function near(got: number, want: number, scale: number, what: string): void {
  expect(Math.abs(got - want), `${what}: ${got} against ${want} by hand`).toBeLessThanOrEqual(
    1e-4 * (1 + scale),
  );
}

/**
 * A BatchNorm normalizes each unit by the probe batch's own mean and variance in training mode, by
 * its running ones in inference: y = gamma (x - mu) / sqrt(var + eps) + beta. So unit u's output
 * has mean gamma (mean_x - mu) / s + beta and std |gamma| std_x / s, s = sqrt(var + eps); in
 * training mode mu = mean_x and var = std_x^2, so the mean is beta.
 */
function checkBatchNorm(r: DistributionReport, node: GraphNode, weights: NodeWeights): void {
  const w = weights[node.id] ?? {};
  const eps = Math.max(Number(node.params.epsilon), EPSILON_FLOOR);
  r.units.forEach((u, i) => {
    const gamma = w.gamma?.[i] ?? 1;
    const beta = w.beta?.[i] ?? 0;
    const mu = r.mode === 'training' ? u.before.mean : (r.batchNorm?.runningMean[i] as number);
    const variance = r.mode === 'training' ? u.before.std ** 2 : (r.batchNorm?.runningVariance[i] as number);
    const s = Math.sqrt(variance + eps);
    const scale = (Math.abs(gamma) * (Math.abs(u.before.mean - mu) + u.before.std)) / s + Math.abs(beta);
    near(u.after.mean, (gamma * (u.before.mean - mu)) / s + beta, scale, `mean of unit ${i}`);
    near(u.after.std, (Math.abs(gamma) * u.before.std) / s, scale, `std of unit ${i}`);
  });
}

/**
 * What a distribution report must show, by the node's formula: an activation's outputs lie in its
 * range (a Linear one's equal its inputs); a BatchNorm's units have the mean and spread its
 * formula gives; a LayerNorm without gamma and beta gives every row mean 0 and variance below 1,
 * so all rows pooled have mean 0 and std at most 1.
 */
export function checkDistributionMath(r: DistributionReport, node: GraphNode, weights: NodeWeights): void {
  if (node.kind === 'batchnorm') checkBatchNorm(r, node, weights);
  if (node.kind === 'layernorm' && node.params.center === false && node.params.scale === false) {
    near(r.pooled.after.mean, 0, 1, 'LayerNorm mean');
    expect(r.pooled.after.std).toBeLessThanOrEqual(1 + 1e-4);
  }
  if (node.kind !== 'activation') return;
  if (node.params.fn === 'linear') {
    expect(r.pooled.after).toEqual(r.pooled.before);
    return;
  }
  const range = ACTIVATION_RANGE[String(node.params.fn)];
  if (!range) return;
  const [lo, hi] = valueRange(r.pooled.after);
  expect(lo, `${node.params.fn} output below its range`).toBeGreaterThanOrEqual(range[0] - 1e-5);
  expect(hi, `${node.params.fn} output above its range`).toBeLessThanOrEqual(range[1] + 1e-5);
}
