import type { CompiledGraph } from '../../compile/compileGraph';
import { layerName } from '../../compile/layers';
import * as tf from '../../compile/tf';
import type { Graph } from '../../graph/types';
import { feedsOnlyBatchNorm, type HealthLayerInfo } from './healthMath';

/** A weighted layer as the capture step sees it: its node and its live kernel variable. */
export interface HealthLayerRef extends HealthLayerInfo {
  readonly kernel: tf.Variable;
}

/** The Dense and Output nodes of a compiled graph, in the order data flows, with their kernels. */
export function healthLayers(compiled: CompiledGraph, graph: Graph): HealthLayerRef[] {
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  return compiled.probeIds
    .filter((id) => kinds.get(id) === 'dense' || kinds.get(id) === 'output')
    .map((nodeId) => {
      const layer = compiled.model.getLayer(layerName(nodeId)) as unknown as {
        kernel: tf.LayersModel['weights'][number];
      };
      return {
        nodeId,
        kernel: layer.kernel.read() as tf.Variable,
        followedByBatchNorm: feedsOnlyBatchNorm(graph, nodeId),
      };
    });
}

/** Euclidean (Frobenius) norm of every entry: sqrt(Σ x²). Call inside a tidy. */
function norm(t: tf.Tensor): tf.Scalar {
  return tf.sqrt(tf.sum(tf.square(t)));
}

/**
 * One optimizer step that also measures it: the same as optimizer.minimize(loss, true, vars)
 * (tf.variableGrads, then applyGradients in the same order; so the run is the same step for step
 * with or without measuring), plus, per layer, ||g|| of its kernel's gradient, ||W|| before the
 * step and ||W_after − W_before||, packed [||g||, ||W||, ||ΔW||] per layer in one tensor. W_before
 * is a clone of the kernel: it shares the old values (no copy), which the optimizer's assign
 * would otherwise free. Returns the loss and the norms, both owned by the caller.
 */
export function measuredStep(
  optimizer: tf.Optimizer,
  loss: () => tf.Scalar,
  vars: readonly tf.Variable[],
  layers: readonly HealthLayerRef[],
): { loss: tf.Scalar; norms: tf.Tensor1D } {
  return tf.tidy(() => {
    const before = layers.map((l) => tf.clone(l.kernel));
    const { value, grads } = tf.variableGrads(loss, [...vars]);
    const gradNorms = layers.map((l) => {
      const g = grads[l.kernel.name];
      return g ? norm(g) : tf.scalar(0);
    });
    optimizer.applyGradients(vars.map((v) => ({ name: v.name, tensor: grads[v.name] as tf.Tensor })));
    const parts = layers.flatMap((l, i) => {
      const w0 = before[i] as tf.Tensor;
      return [gradNorms[i] as tf.Scalar, norm(w0), norm(tf.sub(l.kernel, w0))];
    });
    const norms = parts.length > 0 ? (tf.stack(parts) as tf.Tensor1D) : tf.zeros([0]);
    return { loss: value, norms: norms as tf.Tensor1D };
  });
}
