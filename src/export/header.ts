import { OUTPUT_HEADS, REGISTRY } from '../graph/registry';
import type { LayerTable } from './conventions';
import type { ExportPlan } from './plan';
import { comment } from './python';

const TASK_WORDS = {
  binary: 'binary classification',
  multiclass: 'multiclass classification',
  regression: 'regression',
} as const;

/** One line per node: id, kind, its settings (the canvas's summary), width, and its inputs. */
function nodeLines(plan: ExportPlan): string[] {
  const { input } = plan;
  const ctx = { inputDim: input.inputDim, outputDim: input.outputDim, task: input.task };
  return plan.nodes.map((n) => {
    const spec = REGISTRY[n.node.kind];
    const p = n.node.params;
    const off = [p.center === false ? 'center off' : '', p.scale === false ? 'scale off' : ''].filter(
      Boolean,
    );
    const settings = [spec.summary(p, ctx), ...off].join(', ');
    const from = n.inputs.length > 0 ? ` <- ${n.inputs.join(', ')}` : '';
    return `  ${n.name} = ${spec.label} "${n.node.id}" (${settings}) -> width ${n.width}${from}`;
  });
}

/** What the data section holds, in words. */
function dataLine(plan: ExportPlan): string {
  const d = plan.input.data;
  if (!d)
    return 'Data: not included (export "with the data" to train and evaluate here; --inputs runs your rows).';
  const features = d.featureNames.join(', ');
  return `Data: ${d.name}, ${plan.input.inputDim} features (${features}); ${d.yTrain.length} training rows, ${d.yTest.length} test rows, split as in NormLab.`;
}

function weightsLine(plan: ExportPlan): string {
  const { input } = plan;
  if (!input.weights) return `Weights: not included; a fresh seeded initialization (seed ${input.seed}).`;
  const step = input.weightsStep === null ? 'an unknown step' : `step ${input.weightsStep}`;
  return `Weights: trained in NormLab to ${step}, embedded.`;
}

/**
 * The header comment of a generated file: what lab and graph, task, data, weights, training
 * settings, how to run it, and the conventions of the target.
 */
export function headerComment(
  plan: ExportPlan,
  target: string,
  table: LayerTable,
  run: readonly string[],
): string {
  const { input } = plan;
  const h = input.hyper;
  const lab = input.labName ? ` of the lab "${input.labName}"` : '';
  const lines = [
    `NormLab export for ${target}${lab}.`,
    '',
    `Task: ${TASK_WORDS[input.task]}, ${input.outputDim} output${input.outputDim === 1 ? '' : 's'} (${OUTPUT_HEADS[input.task]}).`,
    dataLine(plan),
    weightsLine(plan),
    `Training: ${h.optimizer}, learning rate ${h.learningRate}, batch size ${h.batchSize}, L2 ${h.l2}, seed ${input.seed}.`,
    '',
    `Graph, in topological order (${plan.nodes.length} nodes):`,
    ...nodeLines(plan),
    '',
    ...run,
    '',
    `Conventions, NormLab (TensorFlow.js) -> ${target}, checked by NormLab's tests:`,
    ...table.notes.map((n) => (n.startsWith('  ') ? `  ${n}` : `- ${n}`)),
  ];
  return `#!/usr/bin/env python3\n${comment(lines)}`;
}
