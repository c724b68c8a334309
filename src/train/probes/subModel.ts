import { layerName } from '../../compile/layers';
import * as tf from '../../compile/tf';

const cache = new WeakMap<tf.LayersModel, Map<string, tf.LayersModel>>();

/**
 * A model from the input to one (non-Input) node's output, sharing the compiled model's layers and weights
 * (so it is never disposed on its own: disposing it would free the shared weights). Cached per
 * compiled model.
 */
export function subModel(model: tf.LayersModel, nodeId: string): tf.LayersModel {
  let byNode = cache.get(model);
  if (!byNode) {
    byNode = new Map();
    cache.set(model, byNode);
  }
  let sub = byNode.get(nodeId);
  if (!sub) {
    const output = model.getLayer(layerName(nodeId)).output as tf.SymbolicTensor;
    sub = tf.model({ inputs: model.inputs, outputs: output });
    byNode.set(nodeId, sub);
  }
  return sub;
}
