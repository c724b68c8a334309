/**
 * Training health (issue 12 §3): what the worker measures per weighted layer at sampled steps, and
 * the learning-rate sweep's request and answer. Plain data and pure helpers only (no tfjs), so the
 * store and the panels may import it through protocol.ts.
 */
import type { Graph, GraphContext } from '../graph/types';
import type { DataPayload, Hyper } from './protocol';

/** One weighted layer (a Dense node or the Output node) at one sampled step; norms are Frobenius norms. */
export interface HealthLayer {
  readonly nodeId: string;
  /** ||∂L/∂W||: the gradient of the step's loss (data loss + L2) with respect to the kernel W. */
  readonly gradNorm: number;
  /** ||W||: the kernel before the step (the bias is left out of every figure here). */
  readonly weightNorm: number;
  /** ||W_after − W_before|| / ||W_before||: how far one step moved the kernel, relative to its size. */
  readonly updateRatio: number;
  /**
   * lr / ||W||² when every consumer of the layer is a BatchNorm (van Laarhoven 2017, "L2
   * regularization versus batch and weight normalization"); null otherwise.
   */
  readonly effectiveLr: number | null;
}

/** The health of every weighted layer at one training step, in the order data flows through them. */
export interface HealthSample {
  /** The step the sampled update made (1 for the first training step). */
  readonly step: number;
  readonly learningRate: number;
  readonly layers: readonly HealthLayer[];
}

/**
 * The update-to-weight ratio practitioners aim for: around 1e-3 per step (Karpathy, CS231n notes,
 * "ratio of weights:updates"); far above, training is unstable; far below, it crawls.
 */
export const UPDATE_RATIO_GUIDE = 1e-3;

/** One lab trained by the sweep: the current lab, or its variant without normalization. */
export interface SweepRun {
  readonly id: 'current' | 'noNorm';
  readonly label: string;
  readonly graph: Graph;
}

/** A learning-rate sweep: every run at every rate, each from the same seed, on the same data and batches. */
export interface SweepRequest {
  readonly runs: readonly SweepRun[];
  readonly rates: readonly number[];
  /** Training steps per run. */
  readonly steps: number;
  readonly ctx: GraphContext;
  readonly data: DataPayload;
  /** The lab's optimizer, batch size and L2 (its learning rate is replaced by each rate). */
  readonly hyper: Hyper;
  readonly seed: number;
}

/** One (run, rate) of a sweep. */
export interface SweepPoint {
  readonly runId: SweepRun['id'];
  readonly rate: number;
  /** Train loss in inference mode before the first step. */
  readonly initialLoss: number | null;
  /** Train loss in inference mode after the last step; null when it is not a finite number. */
  readonly finalLoss: number | null;
  readonly diverged: boolean;
  /** Why it counts as diverged (NaN at step 37, or the loss 12× its start), else null. */
  readonly why: string | null;
  /** The steps it trained (fewer than asked when a loss became NaN or infinite). */
  readonly steps: number;
}

/** The sweep's default learning-rate range and size (issue 12 §3). */
export const SWEEP_DEFAULTS = { from: 1e-3, to: 3, count: 6, steps: 200 } as const;

/**
 * `count` learning rates spaced evenly on a log scale from `from` to `to`, both included:
 * from · (to/from)^(i/(count−1)), rounded to 3 significant digits (1e-3 to 3 in 6: 0.001,
 * 0.00496, 0.0246, 0.122, 0.605, 3).
 */
export function sweepRates(
  from: number = SWEEP_DEFAULTS.from,
  to: number = SWEEP_DEFAULTS.to,
  count: number = SWEEP_DEFAULTS.count,
): number[] {
  if (count <= 1) return [from];
  const ratio = Math.log(to / from);
  return Array.from({ length: count }, (_, i) =>
    Number((from * Math.exp((ratio * i) / (count - 1))).toPrecision(3)),
  );
}
