import { layerName, nodeIdOf } from '../compile/layers';
import * as tf from '../compile/tf';
import type { NodeWeights } from './protocol';

type Variable = tf.LayersModel['weights'][number];

/** "kernel", "moving_mean": a weight's own name (tfjs suffixes repeated names, originalName does not). */
const keyOf = (v: Variable) => (v.originalName ?? v.name).split('/').pop() ?? v.name;

/** Every weight of the model by node id and name, read back without a synchronous stall. */
export async function readWeights(model: tf.LayersModel): Promise<NodeWeights> {
  const out: Record<string, Record<string, number[]>> = {};
  for (const layer of model.layers) {
    for (const w of layer.weights) {
      const values = Array.from(await w.read().data());
      const id = nodeIdOf(layer.name);
      out[id] = { ...(out[id] ?? {}), [keyOf(w)]: values };
    }
  }
  return out;
}

/**
 * Writes saved weights into the model, all or nothing: every node and weight named must exist
 * with the same number of values, else nothing changes and the reason comes back.
 */
export function writeWeights(model: tf.LayersModel, weights: NodeWeights): string | null {
  const writes: [Variable, readonly number[]][] = [];
  for (const [nodeId, named] of Object.entries(weights)) {
    const layer = model.layers.find((l) => l.name === layerName(nodeId));
    if (!layer) return `The saved weights are for a node "${nodeId}" that this graph does not have.`;
    for (const [name, values] of Object.entries(named)) {
      const w = layer.weights.find((v) => keyOf(v) === name);
      const size = w ? w.shape.reduce((a: number, b) => a * (b ?? 1), 1) : 0;
      if (!w) return `The saved weights name "${name}" for ${nodeId}, which has no such weight.`;
      if (size !== values.length) {
        return `The saved ${name} of ${nodeId} has ${values.length} values; this graph needs ${size}.`;
      }
      writes.push([w, values]);
    }
  }
  for (const [w, values] of writes) {
    const t = tf.tensor(values as number[], w.shape as number[]);
    w.write(t);
    t.dispose();
  }
  return null;
}
