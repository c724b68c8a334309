import type { ExportPlan } from './plan';
import { pyFloat, pyFloat32Literal, pyInt, pyStr } from './python';

/**
 * The parts both generated files share: the settings as Python constants, the dataset and the
 * trained weights as base64 float32 (little-endian), in NormLab's own (tfjs) layout. Each target
 * converts the weights on load, so the conversion is visible in its own terms.
 */

/** The settings block: task, widths, seeds, training hyperparameters. */
export function settingsBlock(plan: ExportPlan): string {
  const { input } = plan;
  const h = input.hyper;
  return [
    '# Settings from NormLab.',
    `TASK = ${pyStr(input.task)}  # binary | multiclass | regression`,
    `INPUT_DIM = ${pyInt(input.inputDim)}`,
    `OUTPUT_DIM = ${pyInt(input.outputDim)}`,
    `SEED = ${pyInt(input.seed)}`,
    `OPTIMIZER = ${pyStr(h.optimizer)}  # sgd | momentum | adam | rmsprop`,
    `LEARNING_RATE = ${pyFloat(h.learningRate)}`,
    `BATCH_SIZE = ${pyInt(h.batchSize)}`,
    `L2 = ${pyFloat(h.l2)}  # loss + L2 * sum(W^2) over the Dense kernels`,
    `SHUFFLE_SEED = ${pyInt(plan.shuffleSeed)}  # NormLab's batch order (derived from SEED)`,
    `TRAINED_STEP = ${input.weights && input.weightsStep !== null ? pyInt(input.weightsStep) : 'None'}  # the step the embedded weights were trained to`,
  ].join('\n');
}

/** DATA: the train/test split as base64 float32, or None. */
export function dataBlock(plan: ExportPlan): string {
  const d = plan.input.data;
  if (!d) return '# Exported without data.\nDATA = None';
  const field = (key: string, values: Float32Array) =>
    `    ${pyStr(key)}: ${pyFloat32Literal(values, '    ')},`;
  return [
    '# The dataset, split as in NormLab. x: rows of INPUT_DIM features; y: the class index',
    '# (classification) or the target (regression). float32, little-endian, base64.',
    'DATA = {',
    `    "name": ${pyStr(d.name)},`,
    `    "features": [${d.featureNames.map(pyStr).join(', ')}],`,
    field('x_train', d.xTrain),
    field('y_train', d.yTrain),
    field('x_test', d.xTest),
    field('y_test', d.yTest),
    '}',
  ].join('\n');
}

/** NORMLAB_WEIGHTS: node id -> tfjs weight name -> base64 float32 (row-major), or None. */
export function weightsBlock(plan: ExportPlan): string {
  const w = plan.input.weights;
  if (!w)
    return '# Exported without weights: the model starts from a seeded initialization.\nNORMLAB_WEIGHTS = None';
  const lines = [
    "# The trained weights in NormLab's (tfjs) layout: node id -> weight name -> float32 values,",
    '# row-major (a Dense kernel is [inputs, units]), little-endian, base64.',
    'NORMLAB_WEIGHTS = {',
  ];
  for (const n of plan.nodes) {
    const named = w[n.node.id];
    if (!named || Object.keys(named).length === 0) continue;
    lines.push(`    ${pyStr(n.node.id)}: {`);
    for (const [name, values] of Object.entries(named)) {
      lines.push(`        ${pyStr(name)}: ${pyFloat32Literal(values, '        ')},`);
    }
    lines.push('    },');
  }
  lines.push('}');
  return lines.join('\n');
}
