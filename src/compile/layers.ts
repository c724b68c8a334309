import type { InitializerName } from '../graph/activations';
import type { GraphNode } from '../graph/types';
import * as tf from './tf';

type SymbolicTensor = tf.SymbolicTensor;
type LayerVariable = tf.LayersModel['weights'][number];

/** Weights held at a fixed value that the person switched off (BatchNorm center/scale). */
export const PINNED = new WeakSet<LayerVariable>();

/**
 * tfjs 4.22 cannot train a BatchNorm or LayerNorm built with center or scale off: the gradient of
 * its batchNormalization op reads gamma and beta regardless ("Cannot read properties of undefined").
 * So both are always built, and a switched-off one is pinned at its identity value (gamma 1,
 * beta 0): never trained, not counted as a weight. The layer computes (x - mu) / sqrt(var + eps)
 * exactly as with the weight left out.
 */
function applyPinned(layer: tf.layers.Layer, input: SymbolicTensor, p: GraphNode['params']): SymbolicTensor {
  const out = layer.apply(input) as SymbolicTensor;
  for (const w of layer.weights) {
    const key = (w.originalName ?? w.name).split('/').pop();
    if ((key === 'gamma' && p.scale === false) || (key === 'beta' && p.center === false)) {
      w.trainable = false;
      PINNED.add(w);
    }
  }
  return out;
}

/** A layer's weight count, leaving out pinned weights (what the canvas counts by hand). */
export function countLayerParams(layer: tf.layers.Layer): number {
  return layer.weights
    .filter((w) => !PINNED.has(w))
    .reduce((sum, w) => sum + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
}

/** A seeded kernel initializer: the same seed gives the same initial W (tfjs >= 4.2 honours seeds). */
function kernelInitializer(
  name: InitializerName,
  seed: number,
): ReturnType<typeof tf.initializers.glorotUniform> {
  const args = { seed };
  switch (name) {
    case 'glorotNormal':
      return tf.initializers.glorotNormal(args);
    case 'heUniform':
      return tf.initializers.heUniform(args);
    case 'heNormal':
      return tf.initializers.heNormal(args);
    case 'leCunNormal':
      return tf.initializers.leCunNormal(args);
    default:
      return tf.initializers.glorotUniform(args);
  }
}

/**
 * Builds the tfjs layer for one node and applies it to its inputs. The layer's name is the
 * node id, so weights, probe outputs and errors can be traced back to the canvas.
 * The Output node is a linear Dense producing logits; sigmoid/softmax live in the loss.
 */
export function applyNodeLayer(
  node: GraphNode,
  inputs: SymbolicTensor[],
  outputDim: number,
  seed: number,
): SymbolicTensor {
  const name = node.id;
  const p = node.params;
  const one = inputs[0] as SymbolicTensor;
  switch (node.kind) {
    case 'dense':
      return tf.layers
        .dense({
          name,
          units: Number(p.units),
          useBias: p.useBias !== false,
          kernelInitializer: kernelInitializer(p.initializer as InitializerName, seed),
          biasInitializer: 'zeros',
        })
        .apply(one) as SymbolicTensor;
    case 'output':
      return tf.layers
        .dense({ name, units: outputDim, kernelInitializer: kernelInitializer('glorotUniform', seed) })
        .apply(one) as SymbolicTensor;
    case 'batchnorm':
      return applyPinned(
        tf.layers.batchNormalization({ name, momentum: Number(p.momentum), epsilon: Number(p.epsilon) }),
        one,
        p,
      );
    case 'layernorm':
      return applyPinned(tf.layers.layerNormalization({ name, epsilon: Number(p.epsilon) }), one, p);
    case 'activation':
      if (p.fn === 'leakyRelu')
        return tf.layers.leakyReLU({ name, alpha: Number(p.alpha) }).apply(one) as SymbolicTensor;
      return tf.layers.activation({ name, activation: String(p.fn) as 'relu' }).apply(one) as SymbolicTensor;
    case 'add':
      return tf.layers.add({ name }).apply(inputs) as SymbolicTensor;
    case 'concatenate':
      return tf.layers.concatenate({ name, axis: -1 }).apply(inputs) as SymbolicTensor;
    case 'input':
      throw new Error('Input is created by compileGraph, not as a layer.');
  }
}
