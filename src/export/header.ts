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

const list = (values: readonly number[]) => `[${values.map((v) => Number(v.toPrecision(7))).join(', ')}]`;

/**
 * Imported data arrives standardized (z = (x - mean) / sd, the training split's statistics): new
 * rows must be standardized the same way before --inputs, and a regression output read back as
 * y = z * sd + mean. Class names by index.
 */
function standardizationLines(plan: ExportPlan): string[] {
  const d = plan.input.data;
  const st = d?.standardization;
  const lines: string[] = [];
  if (st) {
    lines.push(
      'The features above are standardized as NormLab did: z = (x - mean) / sd, training-split statistics.',
      'Standardize new rows the same way before --inputs:',
      `  mean = ${list(st.mean)}`,
      `  sd   = ${list(st.sd)}`,
    );
    if (st.target) {
      lines.push(
        `The target "${st.target.name}" is standardized too: y = output * ${Number(st.target.sd.toPrecision(7))} + ${Number(st.target.mean.toPrecision(7))}.`,
      );
    }
  }
  if (d?.classLabels && d.classLabels.length > 0) {
    lines.push(`Classes by index: ${d.classLabels.map((c, i) => `${i} = ${c}`).join(', ')}.`);
  }
  return lines;
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
    ...standardizationLines(plan),
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
