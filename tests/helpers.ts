import * as tf from '@tensorflow/tfjs';
import { generateDataset } from '../src/data/datasets';
import type { DataSettings } from '../src/data/types';
import { chainGraph, makeNode } from '../src/graph/defaultGraph';
import type { Graph, GraphContext, NodeKind, ParamValue } from '../src/graph/types';
import type { Hyper, SessionConfig } from '../src/train/protocol';

/** Pins tfjs to the deterministic cpu backend for domain tests. */
export async function useCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

type Spec = [NodeKind, Record<string, ParamValue>?];

/** A chain Input -> ...specs -> Output with ids n1, n2, ... */
export function chain(specs: Spec[]): Graph {
  return chainGraph([
    makeNode('input', 'input', 0, 0),
    ...specs.map(([kind, params], i) => makeNode(`n${i + 1}`, kind, 0, (i + 1) * 100, params ?? {})),
    makeNode('output', 'output', 0, (specs.length + 1) * 100),
  ]);
}

export function sessionConfig(
  graph: Graph,
  data: Partial<DataSettings>,
  hyper: Partial<Hyper> = {},
  seed = 1,
): SessionConfig {
  const ds = generateDataset({
    dataset: 'circle',
    samples: 400,
    noise: 0,
    trainFraction: 0.5,
    seed: 3,
    ...data,
  });
  const ctx: GraphContext = { inputDim: ds.info.inputDim, outputDim: ds.info.outputDim, task: ds.info.task };
  return {
    graph,
    ctx,
    data: { xTrain: ds.xTrain, yTrain: ds.yTrain, xTest: ds.xTest, yTest: ds.yTest, domain: ds.info.domain },
    hyper: { optimizer: 'adam', learningRate: 0.03, batchSize: 32, l2: 0, ...hyper },
    seed,
  };
}
