import fc from 'fast-check';
import { generateDataset } from '../../src/data/datasets';
import type { DatasetName } from '../../src/data/types';
import { ACTIVATION_FUNCTIONS, INITIALIZERS } from '../../src/graph/activations';
import { type Graph, type GraphContext, NODE_KINDS } from '../../src/graph/types';
import { createRng, deriveSeed } from '../../src/lib/rng';
import type { Hyper, SessionConfig } from '../../src/train/protocol';
import { graphCaseArb } from '../arbitraryGraph';

/** One random lab for the round trip: a valid graph, its data, hyperparameters and step count. */
export interface RoundTripCase {
  readonly config: SessionConfig;
  readonly dataset: DatasetName;
  readonly steps: number;
  /** What the graph has: "kind=dense", "fn=gelu", "layernorm center=false scale=true", "task=binary"... */
  readonly features: readonly string[];
}

const onOff = ['true', 'false'];

/** Every feature the round trip must cover. */
export const WANTED_FEATURES: readonly string[] = [
  ...NODE_KINDS.map((k) => `kind=${k}`),
  ...ACTIVATION_FUNCTIONS.map((a) => `fn=${a.value}`),
  ...INITIALIZERS.map((i) => `initializer=${i.value}`),
  ...onOff.map((b) => `useBias=${b}`),
  ...['batchnorm', 'layernorm'].flatMap((k) =>
    onOff.flatMap((c) => onOff.map((s) => `${k} center=${c} scale=${s}`)),
  ),
  ...['binary', 'multiclass', 'regression'].map((t) => `task=${t}`),
];

/** The features of one graph and task. */
export function featuresOf(graph: Graph, ctx: GraphContext): string[] {
  const out = new Set<string>([`task=${ctx.task}`]);
  for (const n of graph.nodes) {
    const p = n.params;
    out.add(`kind=${n.kind}`);
    if (n.kind === 'activation') out.add(`fn=${p.fn}`);
    if (n.kind === 'dense') {
      out.add(`initializer=${p.initializer}`);
      out.add(`useBias=${p.useBias}`);
    }
    if (n.kind === 'batchnorm' || n.kind === 'layernorm')
      out.add(`${n.kind} center=${p.center} scale=${p.scale}`);
  }
  return [...out];
}

const OPTIMIZERS: readonly Hyper['optimizer'][] = ['sgd', 'momentum', 'adam', 'rmsprop'];

/**
 * `count` random labs, reproducible from `seed`: graphs drawn by the property tests' generator
 * (tests/arbitraryGraph.ts: every kind, any DAG of Add and Concatenate, odd node ids), picked
 * greedily so that together they cover WANTED_FEATURES, then topped up in draw order. Every
 * optimizer, L2 on and off, several batch sizes (some not dividing the training rows).
 */
export function roundTripCases(count: number, seed: number): RoundTripCase[] {
  const pool = fc.sample(graphCaseArb({ maxNodes: 8, maxUnits: 12 }), { seed, numRuns: 300 });
  const feats = pool.map((c) => featuresOf(c.graph, c.ctx));
  const chosen: number[] = [];
  const covered = new Set<string>();
  while (chosen.length < count) {
    let best = -1;
    let gain = 0;
    feats.forEach((f, i) => {
      if (chosen.includes(i)) return;
      const g = f.filter((x) => !covered.has(x)).length;
      if (g > gain) [best, gain] = [i, g];
    });
    if (best < 0) best = pool.findIndex((_, i) => !chosen.includes(i));
    chosen.push(best);
    for (const f of feats[best] ?? []) covered.add(f);
  }
  return chosen.map((at, i) => {
    const c = pool[at] as (typeof pool)[number];
    const rng = createRng(deriveSeed(seed, i));
    const optimizer = OPTIMIZERS[i % OPTIMIZERS.length] as Hyper['optimizer'];
    const hyper: Hyper = {
      optimizer,
      learningRate: optimizer === 'sgd' || optimizer === 'momentum' ? 0.05 : 0.01,
      batchSize: [8, 16, 25, 32][rng.int(4)] as number,
      l2: i % 3 === 0 ? 0.001 : 0,
    };
    const ds = generateDataset({
      dataset: c.dataset,
      samples: 80,
      noise: 0.1,
      trainFraction: 0.5,
      seed: i + 1,
      inputScale: 1,
    });
    const data = {
      xTrain: ds.xTrain,
      yTrain: ds.yTrain,
      xTest: ds.xTest,
      yTest: ds.yTest,
      domain: ds.info.domain,
    };
    return {
      config: { graph: c.graph, ctx: c.ctx, data, hyper, seed: c.seed },
      dataset: c.dataset,
      steps: 3 + (i % 4),
      features: feats[at] ?? [],
    };
  });
}
