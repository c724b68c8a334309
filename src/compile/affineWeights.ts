import type { LayerWeights } from '../graph/fold';
import type { Graph } from '../graph/types';
import { layerName } from './layers';
import type * as tf from './tf';

type Variable = tf.LayersModel['weights'][number];

/**
 * The weight's own name, e.g. "moving_mean". tfjs makes variable names unique per process, so a
 * second model with a layer "bn1" has "bn1/moving_mean_1": read `originalName`, which keeps
 * "bn1/moving_mean", and drop the layer scope.
 */
function weightKey(v: Variable): string {
  return (v.originalName ?? v.name).split('/').pop() ?? '';
}

/** Reads a variable's values without a synchronous readback, as a flat array and its shape. */
async function readVariable(v: Variable): Promise<{ values: number[]; shape: number[] }> {
  const t = v.read(); // the variable itself, not a copy: not to be disposed
  return { values: Array.from(await t.data()), shape: t.shape };
}

/** Rows of a row-major [rows, cols] flat array. */
const toRows = (values: number[], cols: number): number[][] =>
  Array.from({ length: values.length / cols }, (_, r) => values.slice(r * cols, (r + 1) * cols));

/**
 * Reads the live weights of every Dense, Output and BatchNorm node of a compiled model (layer
 * name = layerName(node id)) as plain arrays, asynchronously (no sync readback stall on WebGL). Weights are
 * matched by name (kernel, bias, gamma, beta, moving_mean, moving_variance), since
 * center/scale = false omit beta/gamma and useBias = false omits the bias. Epsilon comes from the
 * layer config. Nodes without a layer in the model are skipped.
 */
export async function readLayerWeights(
  model: tf.LayersModel,
  graph: Graph,
): Promise<Record<string, LayerWeights>> {
  const names = new Set(model.layers.map((l) => l.name));
  const entries = graph.nodes
    .filter(
      (n) =>
        (n.kind === 'dense' || n.kind === 'output' || n.kind === 'batchnorm') && names.has(layerName(n.id)),
    )
    .map(async (node): Promise<[string, LayerWeights]> => {
      const layer = model.getLayer(layerName(node.id));
      const read = await Promise.all(
        layer.weights.map(async (v) => [weightKey(v), await readVariable(v)] as const),
      );
      const byKey = new Map(read);
      const get = (key: string) => byKey.get(key)?.values ?? null;
      if (node.kind === 'batchnorm') {
        const mean = get('moving_mean');
        const variance = get('moving_variance');
        if (!mean || !variance) throw new Error(`BatchNorm "${node.id}" has no running statistics.`);
        const epsilon = Number(layer.getConfig().epsilon);
        return [
          node.id,
          {
            kind: 'batchnorm',
            gamma: get('gamma'),
            beta: get('beta'),
            movingMean: mean,
            movingVariance: variance,
            epsilon,
          },
        ];
      }
      const kernel = byKey.get('kernel');
      if (!kernel) throw new Error(`Dense "${node.id}" has no kernel.`);
      return [
        node.id,
        { kind: 'dense', kernel: toRows(kernel.values, kernel.shape[1] ?? 1), bias: get('bias') },
      ];
    });
  return Object.fromEntries(await Promise.all(entries));
}
