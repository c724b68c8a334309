/**
 * What the analysis panels ask of the worker and what it answers: plain data only (types only,
 * so importing this file pulls no tfjs into the main bundle).
 */
import type { AffineMap } from '../graph/fold';
import type { Histogram } from '../lib/stats';

/** Inference: BatchNorm uses its running statistics. Training: it uses the batch's own statistics. */
export type ProbeMode = 'inference' | 'training';

/** The probes the open panels want; a null part is not computed. */
export interface ProbeRequest {
  readonly distributions: { readonly nodeId: string; readonly mode: ProbeMode } | null;
  /** Fold the network to W', b' (only meaningful when every node is affine at inference). */
  readonly affine: boolean;
  readonly batch: {
    readonly nodeId: string;
    readonly unit: number;
    readonly point: readonly [number, number];
  } | null;
  readonly warp: { readonly nodeId: string } | null;
  /** Sample training health (gradient, weight and update norms) at budgeted steps while training. */
  readonly health: boolean;
}

export const NO_PROBES: ProbeRequest = {
  distributions: null,
  affine: false,
  batch: null,
  warp: null,
  health: false,
};

/** Before and after one node, for one unit or all units pooled. */
export interface UnitDistribution {
  readonly before: Histogram;
  readonly after: Histogram;
  /** Activations: share of inputs in the saturated or dead region (see regionLabel); else null. */
  readonly region: number | null;
}

/** Running (inference) and batch (training) statistics of a BatchNorm node, per unit. */
export interface BatchNormStats {
  readonly runningMean: readonly number[];
  readonly runningVariance: readonly number[];
  /** Mean and (biased) variance of the node's input over the probe batch. */
  readonly batchMean: readonly number[];
  readonly batchVariance: readonly number[];
}

export interface DistributionReport {
  readonly nodeId: string;
  readonly mode: ProbeMode;
  readonly step: number;
  readonly width: number;
  /** Rows in the probe batch (fixed test points). */
  readonly probeSize: number;
  readonly pooled: UnitDistribution;
  /** Per unit, for the first MAX_PROBE_UNITS units. */
  readonly units: readonly UnitDistribution[];
  /** E.g. "saturated (|x| > 2)" or "dead (x < 0)"; null when the node has no such region. */
  readonly regionLabel: string | null;
  readonly batchNorm: BatchNormStats | null;
  /**
   * Share of the node's outputs (all units pooled, finite values) within UNIT_TOLERANCE of +1 or
   * -1: a LayerNorm of width 2 without center and scale outputs only ±1, (a - b)/|a - b| and its
   * negative, so this is 1 up to the points where |a - b| is comparable to sqrt(epsilon).
   */
  readonly unitShare: number;
}

/** How close to ±1 an output must be to count towards DistributionReport.unitShare. */
export const UNIT_TOLERANCE = 1e-3;

export interface AffineReport {
  readonly step: number;
  readonly map: AffineMap;
  /** Largest |folded(x) - model(x)| over the test set, on the output logits. */
  readonly maxError: number;
  readonly testPoints: number;
}

export interface BatchGroup {
  readonly label: string;
  readonly values: readonly number[];
}

export interface BatchDependenceReport {
  readonly nodeId: string;
  readonly unit: number;
  readonly point: readonly [number, number];
  readonly step: number;
  /** The point's output at the node in inference mode. */
  readonly inference: number;
  /** Its training-mode output in each kind of batch, one value per random batch drawn. */
  readonly groups: readonly BatchGroup[];
  /** max - min over every training-mode value. */
  readonly trainingSpread: number;
  /** max - min of the inference-mode output over the same batches (0: batch-mates do not matter). */
  readonly inferenceSpread: number;
}

export interface WarpLine {
  readonly axis: 'h' | 'v';
  /** x0, y0, x1, y1, … in the node's (projected) output plane. */
  readonly points: Float32Array;
}

export interface WarpReport {
  readonly nodeId: string;
  readonly step: number;
  readonly width: number;
  /** True when the node is wider than 2 and the picture shows its first two principal components. */
  readonly projected: boolean;
  /** Share of variance the two shown axes carry (1 for a 2-wide node). */
  readonly explained: number;
  readonly lines: readonly WarpLine[];
  /** The largest bend of any line (0: all lines straight); see maxBend in lib/linalg. */
  readonly bend: number;
}

/** The most units a distribution report details one by one (pooled always covers all). */
export const MAX_PROBE_UNITS = 64;
