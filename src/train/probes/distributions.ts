import { readLayerWeights } from '../../compile/affineWeights';
import * as tf from '../../compile/tf';
import { activationRegion, inRegion } from '../../graph/activationRegions';
import { column, fraction, histogram, moments } from '../../lib/stats';
import {
  type BatchNormStats,
  type DistributionReport,
  MAX_PROBE_UNITS,
  type ProbeMode,
  UNIT_TOLERANCE,
  type UnitDistribution,
} from '../protocol';
import { nodeOf, type ProbeContext, sourceOf } from './context';
import { probeOutputs } from './outputs';

const BINS = 24;

/**
 * Histograms of a normalization or activation node's input (before) and output (after) on the
 * fixed probe batch, pooled over all units and per unit, with moments; for an activation the
 * share of inputs in its dead or saturated region; for BatchNorm its running statistics beside
 * the probe batch's own (the ones training mode normalizes with); and the share of outputs at ±1.
 */
export async function probeDistributions(
  c: ProbeContext,
  nodeId: string,
  mode: ProbeMode,
): Promise<DistributionReport> {
  const node = nodeOf(c.config, nodeId);
  const { model, probe, probeIds } = c.compiled;
  const source = sourceOf(c.config, nodeId);
  const srcIndex = source ? probeIds.indexOf(source) : -1;
  const pair = tf.tidy(() => {
    const outs = probeOutputs(model, probe, c.probeX, mode);
    const before = srcIndex >= 0 ? (outs[srcIndex] as tf.Tensor) : c.probeX;
    return tf.concat([before, outs[probeIds.indexOf(nodeId)] as tf.Tensor], 1);
  });
  const [n, twoW] = pair.shape as [number, number];
  const values = (await pair.data()) as Float32Array;
  pair.dispose();
  const width = twoW / 2;
  const before = new Float32Array(n * width);
  const after = new Float32Array(n * width);
  for (let r = 0; r < n; r++) {
    before.set(values.subarray(r * twoW, r * twoW + width), r * width);
    after.set(values.subarray(r * twoW + width, (r + 1) * twoW), r * width);
  }
  const region = node.kind === 'activation' ? activationRegion(String(node.params.fn)) : null;
  const summarize = (b: ArrayLike<number>, a: ArrayLike<number>): UnitDistribution => ({
    before: histogram(b, BINS),
    after: histogram(a, BINS),
    region: region ? fraction(b, (x) => inRegion(region, x)) : null,
  });
  const units: UnitDistribution[] = [];
  for (let u = 0; u < Math.min(width, MAX_PROBE_UNITS); u++) {
    units.push(summarize(column(before, width, u), column(after, width, u)));
  }
  return {
    nodeId,
    mode,
    step: c.step,
    width,
    probeSize: n,
    pooled: summarize(before, after),
    units,
    regionLabel: region?.label ?? null,
    batchNorm: node.kind === 'batchnorm' ? await batchNormStats(c, nodeId, before, width) : null,
    unitShare: fraction(after, (y) => Math.abs(Math.abs(y) - 1) <= UNIT_TOLERANCE),
  };
}

async function batchNormStats(
  c: ProbeContext,
  nodeId: string,
  before: Float32Array,
  width: number,
): Promise<BatchNormStats> {
  const node = nodeOf(c.config, nodeId);
  const weights = (await readLayerWeights(c.compiled.model, { nodes: [node], edges: [] }))[nodeId];
  const running = weights?.kind === 'batchnorm' ? weights : null;
  const batch = Array.from({ length: width }, (_, u) => moments(column(before, width, u)));
  return {
    runningMean: running?.movingMean ?? [],
    runningVariance: running?.movingVariance ?? [],
    batchMean: batch.map((m) => m.mean),
    // Biased variance (divide by n), as BatchNorm uses in training mode.
    batchVariance: batch.map((m) => m.std * m.std),
  };
}
