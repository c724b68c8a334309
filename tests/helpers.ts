// Registers the cpu backend: the app loads backends on demand, the tests pin cpu.
import '@tensorflow/tfjs-backend-cpu';
import { afterEach } from 'vitest';
import { type CompiledGraph, compileGraph } from '../src/compile/compileGraph';
import * as tf from '../src/compile/tf';
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
    inputScale: 1,
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

export const BINARY: GraphContext = { inputDim: 2, outputDim: 1, task: 'binary' };
export const MULTI: GraphContext = { inputDim: 2, outputDim: 3, task: 'multiclass' };

/**
 * A compile function whose models are disposed after each test, even when an assertion fails
 * (call at the top of a test file: it registers the afterEach).
 */
export function trackedCompile() {
  const live: CompiledGraph[] = [];
  afterEach(() => {
    for (const c of live.splice(0)) {
      try {
        c.dispose();
      } catch {
        // already disposed by the test
      }
    }
  });
  return (graph: Graph, ctx: GraphContext = BINARY, seed = 1): CompiledGraph => {
    const c = compileGraph(graph, ctx, seed);
    live.push(c);
    return c;
  };
}
