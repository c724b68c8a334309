import type { ExportInput, ExportWeights } from '../../src/export/types';
import { defaultGraph, makeNode } from '../../src/graph/defaultGraph';
import type { Graph, GraphNode } from '../../src/graph/types';

/** Weight values that are easy to read in a diff: 0.01, 0.02, ... (float32-exact enough). */
const ramp = (n: number, start: number) =>
  Array.from({ length: n }, (_, i) => Math.round((start + i) * 100) / 10000);

/** The first-visit graph (binary, Circle-like) with six rows of data and hand-made weights. */
export function defaultLab(): ExportInput {
  const weights: ExportWeights = {
    dense1: { kernel: ramp(16, 1), bias: ramp(8, -4) },
    bn1: { gamma: ramp(8, 90), beta: ramp(8, -2), moving_mean: ramp(8, 3), moving_variance: ramp(8, 50) },
    dense2: { kernel: ramp(64, -30), bias: ramp(8, 1) },
    bn2: { gamma: ramp(8, 95), beta: ramp(8, 0), moving_mean: ramp(8, -3), moving_variance: ramp(8, 70) },
    output: { kernel: ramp(8, -4), bias: [0.05] },
  };
  return {
    labName: 'Golden: the default graph',
    graph: defaultGraph(),
    task: 'binary',
    inputDim: 2,
    outputDim: 1,
    hyper: { optimizer: 'adam', learningRate: 0.03, batchSize: 4, l2: 0 },
    seed: 1,
    data: {
      name: 'Circle',
      featureNames: ['x1', 'x2'],
      xTrain: new Float32Array([0.5, -1, 4, 3.25, -2, 0.125, 1, 1]),
      yTrain: new Float32Array([1, 0, 1, 1]),
      xTest: new Float32Array([-4.5, 2, 0, 0]),
      yTest: new Float32Array([0, 1]),
    },
    weights,
    weightsStep: 120,
  };
}

function wire(nodes: GraphNode[], edges: [string, string][]): Graph {
  return { nodes, edges: edges.map(([s, t]) => ({ id: `e-${s}-${t}`, source: s, target: t })) };
}

/**
 * A residual, concatenating multiclass graph with every switch off somewhere and ids a shared
 * link may hold ("my-layer.v2:", "class", "3"): no data, no weights, RMSProp with L2.
 */
export function residualLab(): ExportInput {
  const n = (id: string, kind: GraphNode['kind'], params: Record<string, number | string | boolean> = {}) =>
    makeNode(id, kind, 0, 0, params);
  const graph = wire(
    [
      n('in', 'input'),
      n('my-layer.v2:', 'dense', { units: 4, useBias: false, initializer: 'heNormal' }),
      n('class', 'layernorm', { epsilon: 1e-5, center: false, scale: true }),
      n('3', 'activation', { fn: 'gelu' }),
      n('proj', 'dense', { units: 4, initializer: 'leCunNormal' }),
      n('sum', 'add'),
      n('cat', 'concatenate'),
      n('bn', 'batchnorm', { momentum: 0.99, epsilon: 1e-30, center: true, scale: false }),
      n('leaky', 'activation', { fn: 'leakyRelu', alpha: 0.1 }),
      n('out', 'output'),
    ],
    [
      ['in', 'my-layer.v2:'],
      ['my-layer.v2:', 'class'],
      ['class', '3'],
      ['in', 'proj'],
      ['3', 'sum'],
      ['proj', 'sum'],
      ['sum', 'cat'],
      ['in', 'cat'],
      ['cat', 'bn'],
      ['bn', 'leaky'],
      ['leaky', 'out'],
    ],
  );
  return {
    graph,
    task: 'multiclass',
    inputDim: 2,
    outputDim: 3,
    hyper: { optimizer: 'rmsprop', learningRate: 0.005, batchSize: 16, l2: 0.001 },
    seed: 7,
    data: null,
    weights: null,
    weightsStep: null,
  };
}
