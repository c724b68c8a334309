import { compileGraph } from '../compile/compileGraph';
import * as tf from '../compile/tf';
import type { TfjsArtifacts, TfjsOutput, TfjsWeightSpec } from '../export/tfjsModel';
import type { Task } from '../graph/types';
import type { ModelExportRequest, ModelExportResult, SessionConfig } from './protocol';

/** The name of the layer appended to a classifier's exported copy (suffixed if a node has that id). */
const HEAD_NAME = 'probabilities';

/** sigmoid for binary, softmax for multiclass; none for regression (see MODEL_OUTPUT_NOTE). */
function headActivation(task: Task): 'sigmoid' | 'softmax' | null {
  return task === 'binary' ? 'sigmoid' : task === 'multiclass' ? 'softmax' : null;
}

/** A layer name no layer of `model` has. */
function freeName(model: tf.LayersModel, base: string): string {
  const taken = new Set(model.layers.map((l) => l.name));
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}

/** The artifacts model.save() hands its handler, as plain data with the weights in one buffer. */
async function saveToPlainData(model: tf.LayersModel): Promise<TfjsArtifacts> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const a = saved as tf.io.ModelArtifacts | null;
  if (!a?.modelTopology || !a.weightSpecs || a.weightData === undefined) {
    throw new Error('tfjs saved no topology or weights.');
  }
  return {
    // A layers model's topology is a JSON object (an ArrayBuffer only for graph models).
    modelTopology: a.modelTopology as Record<string, unknown>,
    format: a.format ?? 'layers-model',
    generatedBy: a.generatedBy ?? 'TensorFlow.js',
    convertedBy: a.convertedBy ?? null,
    weightSpecs: a.weightSpecs.map((w): TfjsWeightSpec => ({ name: w.name, shape: w.shape, dtype: w.dtype })),
    weightData: tf.io.CompositeArrayBuffer.join(a.weightData),
  };
}

/**
 * The model of `config` as TF.js files. Works on a copy: the graph is compiled afresh (the seed's
 * initial weights), the live model's weights are copied in when `request.trained` (and a live
 * model is given), and a classifier gets a sigmoid/softmax layer on top. The copy is freed before
 * this returns, on failure too; the live model is only read.
 */
export async function exportModelArtifacts(
  config: SessionConfig,
  live: tf.LayersModel | null,
  step: number,
  request: ModelExportRequest,
): Promise<ModelExportResult> {
  let copy: ReturnType<typeof compileGraph> | null = null;
  try {
    copy = compileGraph(config.graph, config.ctx, config.seed);
    const trained = request.trained && live !== null;
    // Same graph, same compile order: the weight lists line up one to one (setWeights checks shapes).
    if (trained) copy.model.setWeights(live.getWeights());
    const activation = headActivation(config.ctx.task);
    let target = copy.model;
    if (activation) {
      const head = tf.layers.activation({ activation, name: freeName(copy.model, HEAD_NAME) });
      const out = head.apply(copy.model.outputs[0] as tf.SymbolicTensor) as tf.SymbolicTensor;
      target = tf.model({ inputs: copy.model.inputs, outputs: out, name: 'normlab' });
    }
    const artifacts = await saveToPlainData(target);
    const output: TfjsOutput = activation ? 'probabilities' : 'values';
    return { ok: true, artifacts, output, step: trained ? step : null };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  } finally {
    // The head model shares the copy's layers (the head has no weights): disposing the copy frees all.
    copy?.dispose();
  }
}
