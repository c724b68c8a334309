import { beforeAll, describe, expect, it } from 'vitest';
import { readLayerWeights } from '../src/compile/affineWeights';
import { compileGraph } from '../src/compile/compileGraph';
import * as tf from '../src/compile/tf';
import { makeNode } from '../src/graph/defaultGraph';
import { applyAffine, foldAffine, type LayerWeights } from '../src/graph/fold';
import type { Graph, GraphNode, ParamValue } from '../src/graph/types';
import { createRng, type Rng, shuffledIndices } from '../src/lib/rng';
import { BINARY, chain, MULTI, trackedCompile, useCpu } from './helpers';

beforeAll(useCpu);

const compile = trackedCompile();

/** What a random network contains, so the test can check the mix covers every case. */
interface Features {
  add: number;
  concatenate: number;
  noBias: number;
  noCenter: number;
  noScale: number;
  linear: number;
}

/**
 * A random affine network from Input (width 2): 1-5 blocks, each a Dense (1-16 units, bias or
 * not), a BatchNorm (center/scale on or off, random epsilon), a linear Activation, a residual
 * Add, or a Concatenate of 2-3 branches; then Output. Nodes and edges are shuffled, so the fold
 * must follow the edge order exactly as compileGraph does.
 */
function randomNetwork(rng: Rng, seen: Features): Graph {
  const nodes: GraphNode[] = [makeNode('input', 'input', 0, 0)];
  const widths = new Map<string, number>([['input', 2]]);
  const pairs: [string, string][] = [];
  const add = (
    kind: GraphNode['kind'],
    params: Record<string, ParamValue>,
    from: string[],
    width: number,
  ) => {
    const id = `${kind}${nodes.length}`;
    nodes.push(makeNode(id, kind, 0, 0, params));
    widths.set(id, width);
    for (const s of from) pairs.push([s, id]);
    return id;
  };
  const w = (id: string) => widths.get(id) as number;
  const dense = (from: string, units = 1 + rng.int(16)) => {
    const useBias = rng.next() < 0.7;
    if (!useBias) seen.noBias++;
    return add('dense', { units, useBias }, [from], units);
  };
  const batchnorm = (from: string) => {
    const center = rng.next() < 0.7;
    const scale = rng.next() < 0.7;
    if (!center) seen.noCenter++;
    if (!scale) seen.noScale++;
    const epsilon = [0.001, 0.01, 0.5][rng.int(3)] as number;
    return add('batchnorm', { center, scale, epsilon }, [from], w(from));
  };
  const blocks: ((cur: string) => string)[] = [
    (cur) => dense(cur),
    (cur) => batchnorm(cur),
    (cur) => batchnorm(dense(cur)),
    (cur) => {
      seen.linear++;
      return add('activation', { fn: 'linear' }, [cur], w(cur));
    },
    (cur) => {
      // Residual cur + BN(Dense(cur)), or the sum of two Dense branches of one new width.
      seen.add++;
      if (rng.next() < 0.5) return add('add', {}, [cur, batchnorm(dense(cur, w(cur)))], w(cur));
      const units = 1 + rng.int(16);
      return add('add', {}, [dense(cur, units), dense(cur, units)], units);
    },
    (cur) => {
      // 2-3 branches side by side: a Dense, a BatchNorm or cur itself, and maybe another Dense.
      seen.concatenate++;
      const branches = [dense(cur), rng.next() < 0.5 ? batchnorm(cur) : cur];
      if (rng.next() < 0.5) branches.push(dense(cur));
      return add(
        'concatenate',
        {},
        branches,
        branches.map(w).reduce((a, b) => a + b, 0),
      );
    },
  ];
  let cur = 'input';
  const depth = 1 + rng.int(5);
  for (let d = 0; d < depth; d++) cur = (blocks[rng.int(blocks.length)] as (c: string) => string)(cur);
  add('output', {}, [cur], 0);
  const edges = Array.from(shuffledIndices(pairs.length, rng), (k, i) => {
    const [source, target] = pairs[k] as [string, string];
    return { id: `e${i}`, source, target };
  });
  return { nodes: Array.from(shuffledIndices(nodes.length, rng), (k) => nodes[k] as GraphNode), edges };
}

/** Replaces every Dense/Output/BatchNorm weight with random values of moderate scale. */
function randomizeWeights(model: tf.LayersModel, graph: Graph, rng: Rng): void {
  for (const node of graph.nodes) {
    if (node.kind !== 'dense' && node.kind !== 'output' && node.kind !== 'batchnorm') continue;
    const layer = model.getLayer(node.id);
    const values = layer.weights.map((w) => {
      const shape = w.shape as number[];
      const fanIn = shape[0] as number;
      const draw: Record<string, () => number> = {
        kernel: () => (rng.normal() * 0.9) / Math.sqrt(fanIn),
        bias: () => rng.uniform(-0.5, 0.5),
        gamma: () => (rng.next() < 0.5 ? -1 : 1) * rng.uniform(0.3, 1.2),
        beta: () => rng.uniform(-0.5, 0.5),
        moving_mean: () => rng.uniform(-0.5, 0.5),
        moving_variance: () => rng.uniform(0.5, 2),
      };
      const key = w.originalName.split('/').pop() as string;
      const f = draw[key];
      if (!f) throw new Error(`Unexpected weight ${w.originalName}`);
      return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, f), shape);
    });
    layer.setWeights(values);
    tf.dispose(values);
  }
}

describe('foldAffine: by hand', () => {
  // Input (2) -> n1 Dense 1 unit -> n2 BatchNorm (eps 1) -> Output (1).
  const graph = chain([
    ['dense', { units: 1 }],
    ['batchnorm', { epsilon: 1 }],
  ]);
  // n1: W = [2, -1]^T, b = 0.5. n2: gamma 3, beta 0.25, mu 1, var 3, eps 1 -> s = 3 / sqrt(4) = 1.5.
  // After n2: W = [3, -1.5]^T, b = (0.5 - 1) * 1.5 + 0.25 = -0.5.
  // Output: kernel 2, bias 1 -> W' = [6, -3]^T, b' = -0.5 * 2 + 1 = 0.
  const hand: Record<string, LayerWeights> = {
    n1: { kind: 'dense', kernel: [[2], [-1]], bias: [0.5] },
    n2: { kind: 'batchnorm', gamma: [3], beta: [0.25], movingMean: [1], movingVariance: [3], epsilon: 1 },
    output: { kind: 'dense', kernel: [[2]], bias: [1] },
  };

  it("folds to W' = [6, -3], b' = 0 from plain weights", () => {
    expect(foldAffine(graph, 2, hand)).toEqual({ W: [[6], [-3]], b: [0] });
    expect(Array.from(applyAffine({ W: [[6], [-3]], b: [0] }, [1, 1, 0.5, -2], 2))).toEqual([3, 9]);
  });

  it('treats gamma null as 1 and beta null as 0', () => {
    const bare = { ...hand, n2: { ...(hand.n2 as LayerWeights), gamma: null, beta: null } };
    // s = 1 / 2: after n2 W = [1, -0.5], b = -0.25; Output: W' = [2, -1], b' = 0.5.
    expect(foldAffine(graph, 2, bare)).toEqual({ W: [[2], [-1]], b: [0.5] });
  });

  it('matches the compiled model given the same weights, read back from tfjs', async () => {
    const c = compile(graph);
    const set = (id: string, arrays: number[][]) => {
      const layer = c.model.getLayer(id);
      const ts = arrays.map((a, i) => tf.tensor(a, layer.weights[i]?.shape as number[]));
      layer.setWeights(ts);
      tf.dispose(ts);
    };
    set('n1', [[2, -1], [0.5]]);
    set('n2', [[3], [0.25], [1], [3]]);
    set('output', [[2], [1]]);
    const read = await readLayerWeights(c.model, graph);
    expect(read).toEqual(hand);
    const x = tf.tensor2d([
      [1, 1],
      [0.5, -2],
    ]);
    const y = c.model.predict(x) as tf.Tensor;
    expect(Array.from(await y.data())).toEqual([3, 9]);
    tf.dispose([x, y]);
  });

  it('reads BatchNorm without gamma or beta, and weights tfjs renamed on a second compile', async () => {
    const g = chain([
      ['dense', { units: 3, useBias: false }],
      ['batchnorm', { center: false }],
      ['batchnorm', { scale: false }],
    ]);
    compile(g);
    const second = compile(g);
    // tfjs makes variable names unique per process: the second model's are suffixed.
    expect(second.model.getLayer('n2').weights.map((w) => w.name)).not.toContain('n2/moving_mean');
    const read = await readLayerWeights(second.model, g);
    expect(read.n1).toMatchObject({ kind: 'dense', bias: null });
    // A switched-off beta or gamma is pinned at its identity value (0 or 1).
    expect(read.n2).toMatchObject({ kind: 'batchnorm', gamma: [1, 1, 1], beta: [0, 0, 0], epsilon: 0.001 });
    expect(read.n3).toMatchObject({
      kind: 'batchnorm',
      gamma: [1, 1, 1],
      beta: [0, 0, 0],
      movingVariance: [1, 1, 1],
    });
  });
});

describe('foldAffine: errors', () => {
  it('throws naming a ReLU node, and a node whose weights are missing', async () => {
    const g = chain([
      ['dense', { units: 3 }],
      ['activation', { fn: 'relu' }],
    ]);
    const c = compile(g);
    const w = await readLayerWeights(c.model, g);
    expect(() => foldAffine(g, 2, w)).toThrow(/"n2" \(activation\).*not affine/);
    const affine = chain([['dense', { units: 3 }], ['batchnorm']]);
    expect(() => foldAffine(affine, 2, {})).toThrow(/"n1".*missing/);
  });
});

describe('foldAffine: random affine networks equal the compiled model', () => {
  it('matches model.predict to 1e-5 on 200 points for 30 seeded networks, without leaking tensors', async () => {
    const seen: Features = { add: 0, concatenate: 0, noBias: 0, noCenter: 0, noScale: 0, linear: 0 };
    const before = tf.memory().numTensors;
    let worst = 0;
    let largest = 0;
    for (let k = 0; k < 30; k++) {
      const rng = createRng(1000 + k);
      const graph = randomNetwork(rng, seen);
      const ctx = k % 2 === 0 ? BINARY : MULTI;
      const c = compileGraph(graph, ctx, k);
      randomizeWeights(c.model, graph, rng);
      const n = 200;
      const xs = Float32Array.from({ length: 2 * n }, () => rng.uniform(-2, 2));
      const x = tf.tensor2d(xs, [n, 2]);
      const y = c.model.predict(x) as tf.Tensor;
      const got = await y.data();
      const want = applyAffine(foldAffine(graph, 2, await readLayerWeights(c.model, graph)), xs, n);
      expect(want).toHaveLength(n * ctx.outputDim);
      for (let i = 0; i < want.length; i++) {
        worst = Math.max(worst, Math.abs((want[i] as number) - (got[i] as number)));
        largest = Math.max(largest, Math.abs(got[i] as number));
      }
      tf.dispose([x, y]);
      c.dispose();
      expect(tf.memory().numTensors, `network ${k}`).toBe(before);
    }
    expect(worst).toBeLessThan(1e-5);
    // Not vacuous: the outputs are of order 1, not collapsed to 0.
    expect(largest).toBeGreaterThan(0.5);
    for (const [feature, count] of Object.entries(seen)) expect(count, feature).toBeGreaterThan(0);
  });
});
