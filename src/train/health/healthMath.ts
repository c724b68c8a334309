import type { Graph } from '../../graph/types';
import type { HealthLayer, HealthSample } from '../healthTypes';

/**
 * The effective learning rate of a layer followed by BatchNorm: lr / ||W||² (van Laarhoven 2017).
 * BN(a·Wx) = BN(Wx) for any a > 0, so the loss depends only on W's direction; its gradient is
 * orthogonal to W and scales as 1/||W||, so a step of lr·g turns W by an angle of about
 * lr·||g||/||W|| = (lr/||W||²)·||g_unit||, where g_unit is the gradient at unit norm. Infinite
 * for a zero kernel, NaN when either input is.
 */
export function effectiveLearningRate(learningRate: number, weightNorm: number): number {
  return learningRate / (weightNorm * weightNorm);
}

/**
 * Whether a node's output feeds BatchNorm nodes only (at least one): then the layer is scale
 * invariant and its effective learning rate is lr/||W||². One non-BatchNorm consumer (a skip
 * connection, a second branch) sees the raw scale, and the invariance is gone.
 */
export function feedsOnlyBatchNorm(graph: Graph, nodeId: string): boolean {
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const next = graph.edges.filter((e) => e.source === nodeId).map((e) => kinds.get(e.target));
  return next.length > 0 && next.every((k) => k === 'batchnorm');
}

/** What the worker knows of one weighted layer when it turns read-back norms into a sample. */
export interface HealthLayerInfo {
  readonly nodeId: string;
  readonly followedByBatchNorm: boolean;
}

/** How many numbers each layer contributes to the packed norms: ||g||, ||W_before||, ||ΔW||. */
export const NORMS_PER_LAYER = 3;

/**
 * Turns the packed norms of one sampled step ([||g||, ||W||, ||ΔW||] per layer, in `layers`
 * order) into a HealthSample; the update ratio is ||ΔW||/||W|| (Infinity for a zero kernel that moved).
 */
export function healthSample(
  step: number,
  learningRate: number,
  layers: readonly HealthLayerInfo[],
  norms: ArrayLike<number>,
): HealthSample {
  const out: HealthLayer[] = layers.map((l, i) => {
    const gradNorm = Number(norms[NORMS_PER_LAYER * i]);
    const weightNorm = Number(norms[NORMS_PER_LAYER * i + 1]);
    const delta = Number(norms[NORMS_PER_LAYER * i + 2]);
    return {
      nodeId: l.nodeId,
      gradNorm,
      weightNorm,
      updateRatio: delta === 0 ? 0 : delta / weightNorm,
      effectiveLr: l.followedByBatchNorm ? effectiveLearningRate(learningRate, weightNorm) : null,
    };
  });
  return { step, learningRate, layers: out };
}
