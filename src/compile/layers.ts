import type { InitializerName } from '../graph/activations';
import { EPSILON_FLOOR } from '../graph/registry';
import type { GraphNode } from '../graph/types';
import * as tf from './tf';

type SymbolicTensor = tf.SymbolicTensor;
type LayerVariable = tf.LayersModel['weights'][number];

/** Names tfjs-layers accepts (its tensorNameRegex), less "/", which separates a weight's own name. */
const TFJS_NAME = /^[A-Za-z0-9][-A-Za-z0-9._]*$/;
/** Starts an escaped layer name; an id that itself starts so is escaped too, so no two ids share a name. */
const ESCAPED = 'nlid-';

/**
 * The tfjs layer name of a node: its id when tfjs accepts it as a name, else "nlid-" and the id's
 * UTF-16 code units in 4 hex digits each. Ids from a shared link may hold ":" or start with "_",
 * "-" or ".", which tfjs refuses ("Not a valid tensor name"); nodeIdOf reverses this.
 */
export function layerName(nodeId: string): string {
  if (TFJS_NAME.test(nodeId) && !nodeId.startsWith(ESCAPED)) return nodeId;
  const hex = Array.from({ length: nodeId.length }, (_, i) =>
    nodeId.charCodeAt(i).toString(16).padStart(4, '0'),
  );
  return ESCAPED + hex.join('');
}

/** The node id a layer was named for (the inverse of layerName). */
export function nodeIdOf(name: string): string {
  if (!name.startsWith(ESCAPED)) return name;
  const hex = name.slice(ESCAPED.length);
  const units = Array.from({ length: hex.length / 4 }, (_, i) =>
    Number.parseInt(hex.slice(4 * i, 4 * i + 4), 16),
  );
  return String.fromCharCode(...units);
}

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

/** The node's epsilon, raised to EPSILON_FLOOR: the least that float32 training survives (see there). */
function float32Epsilon(p: GraphNode['params']): number {
  return Math.max(Number(p.epsilon), EPSILON_FLOOR);
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
 * node id (escaped by layerName where tfjs refuses it), so weights, probe outputs and errors can
 * be traced back to the canvas.
 * The Output node is a linear Dense producing logits; sigmoid/softmax live in the loss.
 */
export function applyNodeLayer(
  node: GraphNode,
  inputs: SymbolicTensor[],
  outputDim: number,
  seed: number,
): SymbolicTensor {
  const name = layerName(node.id);
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
        tf.layers.batchNormalization({ name, momentum: Number(p.momentum), epsilon: float32Epsilon(p) }),
        one,
        p,
      );
    case 'layernorm':
      return applyPinned(tf.layers.layerNormalization({ name, epsilon: float32Epsilon(p) }), one, p);
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
