import { beforeAll, describe, expect, it } from 'vitest';
import { type CompiledGraph, compileGraph, GraphCompileError } from '../src/compile/compileGraph';
import * as tf from '../src/compile/tf';
import { ACTIVATION_FUNCTIONS, INITIALIZERS } from '../src/graph/activations';
import { defaultGraph, makeNode } from '../src/graph/defaultGraph';
import type { Graph, GraphNode } from '../src/graph/types';
import { analyzeGraph } from '../src/graph/validate';
import { BINARY, chain, MULTI, trackedCompile, useCpu } from './helpers';

beforeAll(useCpu);

const compile = trackedCompile();

/** A graph from nodes and [source, target] pairs, edges in the order given. */
function dag(nodes: GraphNode[], pairs: [string, string][]): Graph {
  return { nodes, edges: pairs.map(([s, t], i) => ({ id: `e${i}`, source: s, target: t })) };
}

const rows = (t: tf.Tensor): number[][] => t.arraySync() as number[][];

/** Plain-JS matrix product of a row-major [n, k] by a tfjs-style [k, m] kernel given as nested arrays. */
function matmul(a: number[][], b: number[][]): number[][] {
  return a.map((row) =>
    (b[0] as number[]).map((_, j) => row.reduce((s, v, k) => s + v * ((b[k] as number[])[j] as number), 0)),
  );
}

describe('compileGraph: the default graph', () => {
  // By hand: Dense 2*8+8 = 24; BatchNorm 4*8 = 32 (gamma, beta, moving mean, moving variance);
  // Dense 8*8+8 = 72; BatchNorm 32; ReLU 0; Output 8*1+1 = 9. Total 169.
  const HAND: Record<string, number> = {
    dense1: 24,
    bn1: 32,
    act1: 0,
    dense2: 72,
    bn2: 32,
    act2: 0,
    output: 9,
  };

  it('builds a model from [null, 2] to [null, 1] with 169 weights', () => {
    const c = compile(defaultGraph());
    expect(c.model.inputs[0]?.shape).toEqual([null, 2]);
    expect(c.model.outputs).toHaveLength(1);
    expect(c.model.outputs[0]?.shape).toEqual([null, 1]);
    expect(c.totalParams).toBe(169);
    expect(c.model.countParams()).toBe(169);
  });

  it('counts the weights of every node as the hand count and as analyzeGraph does', () => {
    const c = compile(defaultGraph());
    const analysis = analyzeGraph(defaultGraph(), BINARY);
    expect(c.paramCounts).toEqual(HAND);
    for (const [id, n] of Object.entries(HAND)) expect(analysis.paramCounts[id], id).toBe(n);
    expect(analysis.totalParams).toBe(169);
  });

  it('names every layer after its node id', () => {
    const c = compile(defaultGraph());
    expect(c.model.layers.map((l) => l.name)).toEqual([
      'input',
      'dense1',
      'bn1',
      'act1',
      'dense2',
      'bn2',
      'act2',
      'output',
    ]);
  });

  it('has a probe with one output per non-input node, as wide as analyzeGraph says', () => {
    const graph = defaultGraph();
    const c = compile(graph);
    const widths = analyzeGraph(graph, BINARY).widths;
    expect(c.probeIds).toEqual(['dense1', 'bn1', 'act1', 'dense2', 'bn2', 'act2', 'output']);
    expect(c.probe.outputs).toHaveLength(7);
    c.probeIds.forEach((id, i) => {
      expect(c.probe.outputs[i]?.shape, id).toEqual([null, widths[id]]);
    });
    expect(c.probeIds.map((id) => widths[id])).toEqual([8, 8, 8, 8, 8, 8, 1]);
  });

  it('shares weights between model and probe: the probe last output equals the model output', () => {
    const c = compile(defaultGraph());
    const x = tf.tensor2d([
      [0.5, -1],
      [2, 3],
      [-4, 0.25],
    ]);
    const y = c.model.predict(x) as tf.Tensor;
    const outs = c.probe.predict(x) as tf.Tensor[];
    expect(outs).toHaveLength(7);
    expect(rows(outs[6] as tf.Tensor)).toEqual(rows(y));
    // act1 is ReLU(bn1): never negative, and exactly max(0, bn1).
    const bn1 = rows(outs[1] as tf.Tensor);
    const act1 = rows(outs[2] as tf.Tensor);
    bn1.forEach((r, i) => {
      r.forEach((v, j) => {
        expect(act1[i]?.[j]).toBeCloseTo(Math.max(0, v), 6);
      });
    });
    tf.dispose([x, y, ...outs]);
  });

  it('predicts finite values for a batch of 5 rows', () => {
    const c = compile(defaultGraph());
    const x = tf.tensor2d([
      [0, 0],
      [1, -1],
      [-6, 6],
      [6, 6],
      [0.1, -3],
    ]);
    const y = c.model.predict(x) as tf.Tensor;
    expect(y.shape).toEqual([5, 1]);
    const v = Array.from(y.dataSync());
    expect(v).toHaveLength(5);
    for (const n of v) expect(Number.isFinite(n)).toBe(true);
    // Not all equal: the points differ, so must the logits (a dead constant model would fail).
    expect(new Set(v).size).toBeGreaterThan(1);
    tf.dispose([x, y]);
  });
});

describe('compileGraph: DAGs with Add and Concatenate', () => {
  // Input -> a (Dense 8) -> r (ReLU); add(a, r); add -> d4 (Dense 4), add -> d3 (Dense 3);
  // concat(d4, d3) -> Output.
  const graph = dag(
    [
      makeNode('input', 'input', 0, 0),
      makeNode('a', 'dense', 0, 0, { units: 8 }),
      makeNode('r', 'activation', 0, 0, { fn: 'relu' }),
      makeNode('add', 'add', 0, 0),
      makeNode('d4', 'dense', 0, 0, { units: 4 }),
      makeNode('d3', 'dense', 0, 0, { units: 3 }),
      makeNode('concat', 'concatenate', 0, 0),
      makeNode('output', 'output', 0, 0),
    ],
    [
      ['input', 'a'],
      ['a', 'r'],
      ['a', 'add'],
      ['r', 'add'],
      ['add', 'd4'],
      ['add', 'd3'],
      ['d4', 'concat'],
      ['d3', 'concat'],
      ['concat', 'output'],
    ],
  );

  it('compiles with the right widths and weight counts', () => {
    const c = compile(graph);
    // By hand: a 2*8+8 = 24; d4 8*4+4 = 36; d3 8*3+3 = 27; Output 7*1+1 = 8; total 95.
    expect(c.paramCounts).toEqual({ a: 24, r: 0, add: 0, d4: 36, d3: 27, concat: 0, output: 8 });
    expect(c.totalParams).toBe(95);
    expect(analyzeGraph(graph, BINARY).paramCounts).toEqual({ input: 0, ...c.paramCounts });
    const shapes = Object.fromEntries(c.probeIds.map((id, i) => [id, c.probe.outputs[i]?.shape]));
    expect(shapes).toEqual({
      a: [null, 8],
      r: [null, 8],
      add: [null, 8],
      d4: [null, 4],
      d3: [null, 3],
      concat: [null, 7],
      output: [null, 1],
    });
    expect(c.model.outputs[0]?.shape).toEqual([null, 1]);
  });

  it('wires the branches: add = a + relu(a), concat = [d4, d3] in edge order', () => {
    const c = compile(graph);
    const x = tf.tensor2d([
      [1, -2],
      [-0.5, 3],
    ]);
    const outs = c.probe.predict(x) as tf.Tensor[];
    const at = (id: string) => rows(outs[c.probeIds.indexOf(id)] as tf.Tensor);
    const [a, add, d4, d3, concat] = [at('a'), at('add'), at('d4'), at('d3'), at('concat')];
    a.forEach((row, i) => {
      row.forEach((v, j) => {
        expect(add[i]?.[j]).toBeCloseTo(v + Math.max(0, v), 5);
      });
      expect(concat[i]).toEqual([...(d4[i] as number[]), ...(d3[i] as number[])]);
    });
    tf.dispose([x, ...outs]);
  });

  it('a plain residual Input -> a -> r, add(a, r) -> Output has 24 + 9 weights', () => {
    const residual = dag(
      [
        makeNode('input', 'input', 0, 0),
        makeNode('a', 'dense', 0, 0, { units: 8 }),
        makeNode('r', 'activation', 0, 0, { fn: 'tanh' }),
        makeNode('add', 'add', 0, 0),
        makeNode('output', 'output', 0, 0),
      ],
      [
        ['input', 'a'],
        ['a', 'r'],
        ['a', 'add'],
        ['r', 'add'],
        ['add', 'output'],
      ],
    );
    const c = compile(residual);
    expect(c.paramCounts).toEqual({ a: 24, r: 0, add: 0, output: 9 });
    expect(c.totalParams).toBe(33);
    expect(c.model.outputs[0]?.shape).toEqual([null, 1]);
  });
});

describe('compileGraph: layer options', () => {
  it('gives a [null, 3] output for a 3-class context (Output 8*3+3 = 27 weights)', () => {
    const c = compile(defaultGraph(), MULTI);
    expect(c.model.outputs[0]?.shape).toEqual([null, 3]);
    expect(c.paramCounts.output).toBe(27);
    expect(c.totalParams).toBe(169 - 9 + 27);
  });

  it.each([
    [{}, 10],
    [{ center: false }, 5],
    [{ scale: false }, 5],
    [{ center: false, scale: false }, 0],
  ])('LayerNorm %j after Dense(5) holds %i weights (gamma and beta are 5 each)', (params, want) => {
    const graph = chain([
      ['dense', { units: 5 }],
      ['layernorm', params],
    ]);
    expect(compile(graph).paramCounts.n2).toBe(want);
    expect(analyzeGraph(graph, BINARY).paramCounts.n2).toBe(want);
  });

  it('BatchNorm with center and scale off keeps only the 2*w moving statistics, none trainable', () => {
    const graph = chain([
      ['dense', { units: 5 }],
      ['batchnorm', { center: false, scale: false }],
    ]);
    const c = compile(graph);
    expect(c.paramCounts.n2).toBe(10);
    expect(analyzeGraph(graph, BINARY).paramCounts.n2).toBe(10);
    const layer = c.model.getLayer('n2');
    expect(layer.trainableWeights).toHaveLength(0);
    // gamma and beta exist (tfjs needs them to train) but are pinned at 1 and 0, not counted.
    expect(layer.nonTrainableWeights).toHaveLength(4);
    expect(c.totalParams).toBe(analyzeGraph(graph, BINARY).totalParams);
    // Default BatchNorm: 4*w, of which gamma and beta are trainable.
    const full = compile(chain([['dense', { units: 5 }], ['batchnorm']]));
    expect(full.paramCounts.n2).toBe(20);
    expect(full.model.getLayer('n2').trainableWeights).toHaveLength(2);
  });

  it('BatchNorm uses the momentum and epsilon of its node', () => {
    const c = compile(
      chain([
        ['dense', { units: 2 }],
        ['batchnorm', { momentum: 0.5, epsilon: 0.25 }],
      ]),
    );
    const cfg = c.model.getLayer('n2').getConfig();
    expect(cfg.momentum).toBe(0.5);
    expect(cfg.epsilon).toBe(0.25);
  });

  it('Dense with useBias off has a kernel only (2*5 weights)', () => {
    const graph = chain([['dense', { units: 5, useBias: false }]]);
    const c = compile(graph);
    expect(c.paramCounts.n1).toBe(10);
    expect(analyzeGraph(graph, BINARY).paramCounts.n1).toBe(10);
    const weights = c.model.getLayer('n1').getWeights();
    expect(weights).toHaveLength(1);
    expect(weights[0]?.shape).toEqual([2, 5]);
  });

  it('Leaky ReLU uses its alpha: f(-2) = -2 * 0.3', () => {
    const c = compile(chain([['activation', { fn: 'leakyRelu', alpha: 0.3 }]]));
    const x = tf.tensor2d([[-2, 4]]);
    const outs = c.probe.predict(x) as tf.Tensor[];
    const act = rows(outs[0] as tf.Tensor)[0] as number[];
    expect(act[0]).toBeCloseTo(-0.6, 6);
    expect(act[1]).toBeCloseTo(4, 6);
    tf.dispose([x, ...outs]);
  });

  // f(-1) and f(1) by hand for every function the palette offers.
  const sig = (v: number) => 1 / (1 + Math.exp(-v));
  const SELU_A = 1.6732632423543772;
  const SELU_L = 1.0507009873554805;
  const HAND_ACT: Record<string, [number, number]> = {
    relu: [0, 1],
    leakyRelu: [-0.2, 1],
    elu: [Math.exp(-1) - 1, 1],
    selu: [SELU_L * SELU_A * (Math.exp(-1) - 1), SELU_L],
    // x * Phi(x): Phi(1) = 0.8413447460685429.
    gelu: [-(1 - 0.8413447460685429), 0.8413447460685429],
    swish: [-sig(-1), sig(1)],
    tanh: [Math.tanh(-1), Math.tanh(1)],
    sigmoid: [sig(-1), sig(1)],
    softplus: [Math.log(1 + Math.exp(-1)), Math.log(1 + Math.E)],
    linear: [-1, 1],
  };

  it('covers every palette activation in the hand table', () => {
    expect(Object.keys(HAND_ACT).sort()).toEqual(ACTIVATION_FUNCTIONS.map((a) => a.value).sort());
  });

  for (const { value } of ACTIVATION_FUNCTIONS) {
    it(`activation ${value} computes its function`, () => {
      const c = compile(chain([['activation', { fn: value }]]));
      const x = tf.tensor2d([[-1, 1]]);
      const outs = c.probe.predict(x) as tf.Tensor[];
      const [lo, hi] = rows(outs[0] as tf.Tensor)[0] as number[];
      const [wantLo, wantHi] = HAND_ACT[value] as [number, number];
      expect(lo).toBeCloseTo(wantLo, 3);
      expect(hi).toBeCloseTo(wantHi, 3);
      tf.dispose([x, ...outs]);
    });
  }
});

describe('compileGraph: errors, seeds and memory', () => {
  it('throws GraphCompileError carrying every validation issue, without making tensors', () => {
    const graph = defaultGraph();
    const broken: Graph = {
      ...graph,
      nodes: graph.nodes.map((n) => (n.id === 'dense2' ? { ...n, params: { ...n.params, units: 0 } } : n)),
      edges: graph.edges.filter((e) => e.id !== 'e-bn2-act2'),
    };
    const issues = analyzeGraph(broken, BINARY).issues;
    expect(issues.length).toBeGreaterThanOrEqual(2);
    const before = tf.memory().numTensors;
    let caught: unknown;
    try {
      compileGraph(broken, BINARY, 1);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(GraphCompileError);
    const e = caught as GraphCompileError;
    expect(e.name).toBe('GraphCompileError');
    expect(e.issues).toEqual(issues);
    expect(e.message).toContain('Units must be a whole number from 1 to 512; got 0.');
    for (const i of issues) expect(e.message).toContain(i.message);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('throws for a graph with a loop', () => {
    const graph = defaultGraph();
    const looped: Graph = {
      ...graph,
      edges: [...graph.edges, { id: 'back', source: 'act2', target: 'dense2' }],
    };
    expect(() => compileGraph(looped, BINARY, 1)).toThrow(GraphCompileError);
    expect(() => compileGraph(looped, BINARY, 1)).toThrow(/loop/);
  });

  const weightsOf = (c: CompiledGraph) => c.model.getWeights().map((w) => Array.from(w.dataSync()));

  it('reproduces every initial weight from the same seed; another seed differs', () => {
    const a = weightsOf(compile(defaultGraph(), BINARY, 42));
    const b = weightsOf(compile(defaultGraph(), BINARY, 42));
    const c = weightsOf(compile(defaultGraph(), BINARY, 43));
    expect(a).toHaveLength(b.length);
    expect(a).toEqual(b);
    // Kernels are drawn at random: with another seed, every one of them differs.
    const kernel = (seed: number, id: string) =>
      Array.from(compile(defaultGraph(), BINARY, seed).model.getLayer(id).getWeights()[0]?.dataSync() ?? []);
    for (const id of ['dense1', 'dense2', 'output']) expect(kernel(43, id), id).not.toEqual(kernel(42, id));
    expect(c).not.toEqual(a);
  });

  it('gives two Dense layers of the same shape different initial kernels', () => {
    const c = compile(
      chain([
        ['dense', { units: 4 }],
        ['dense', { units: 4 }],
        ['dense', { units: 4 }],
      ]),
    );
    const k2 = Array.from(c.model.getLayer('n2').getWeights()[0]?.dataSync() ?? []);
    const k3 = Array.from(c.model.getLayer('n3').getWeights()[0]?.dataSync() ?? []);
    expect(k2).toHaveLength(16);
    expect(k2).not.toEqual(k3);
  });

  for (const { value } of INITIALIZERS) {
    it(`initializer ${value} is seeded`, () => {
      const graph = chain([['dense', { units: 6, initializer: value }]]);
      const a = compile(graph, BINARY, 5).model.getLayer('n1').getWeights()[0]?.dataSync();
      const b = compile(graph, BINARY, 5).model.getLayer('n1').getWeights()[0]?.dataSync();
      const c = compile(graph, BINARY, 6).model.getLayer('n1').getWeights()[0]?.dataSync();
      expect(Array.from(a ?? [])).toHaveLength(12);
      expect(Array.from(a ?? [])).toEqual(Array.from(b ?? []));
      expect(Array.from(a ?? [])).not.toEqual(Array.from(c ?? []));
    });
  }

  it('compiles the same graph twice while the first lives, and frees all tensors on dispose', () => {
    const before = tf.memory().numTensors;
    const first = compileGraph(defaultGraph(), BINARY, 1);
    const afterFirst = tf.memory().numTensors;
    // One tensor per weight: 2 (dense1) + 4 (bn1) + 2 (dense2) + 4 (bn2) + 2 (output) = 14.
    expect(afterFirst - before).toBe(14);
    const second = compileGraph(defaultGraph(), BINARY, 1);
    expect(tf.memory().numTensors).toBe(afterFirst + 14);
    first.dispose();
    expect(tf.memory().numTensors).toBe(afterFirst);
    // The second model still works after the first is freed.
    const x = tf.tensor2d([[1, 2]]);
    const y = second.model.predict(x) as tf.Tensor;
    expect(Number.isFinite(y.dataSync()[0])).toBe(true);
    tf.dispose([x, y]);
    second.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('compileGraph: a Dense-only chain is the product of its matrices', () => {
  it('equals x W1 + b1, then W2 + b2, then W3 + b3, computed in plain JS, to 1e-5', () => {
    const c = compile(
      chain([
        ['dense', { units: 3 }],
        ['dense', { units: 2 }],
      ]),
      BINARY,
      9,
    );
    // Biases start at zero; give them values so the bias path is checked too.
    const biases: Record<string, number[]> = { n1: [0.1, -0.2, 0.3], n2: [0.5, -0.25], output: [0.75] };
    for (const [id, b] of Object.entries(biases)) {
      const layer = c.model.getLayer(id);
      const [kernel] = layer.getWeights();
      const bias = tf.tensor1d(b);
      layer.setWeights([kernel as tf.Tensor, bias]);
      bias.dispose();
    }
    const kernels = ['n1', 'n2', 'output'].map((id) => {
      const [k, b] = c.model.getLayer(id).getWeights();
      return { k: (k as tf.Tensor).arraySync() as number[][], b: Array.from((b as tf.Tensor).dataSync()) };
    });
    expect(kernels.map((l) => [l.k.length, l.k[0]?.length])).toEqual([
      [2, 3],
      [3, 2],
      [2, 1],
    ]);
    const input = [
      [0.5, -1],
      [2, 3],
      [-1.5, 0.25],
      [0, 0],
    ];
    let h = input;
    for (const { k, b } of kernels) h = matmul(h, k).map((row) => row.map((v, j) => v + (b[j] as number)));
    const x = tf.tensor2d(input);
    const y = c.model.predict(x) as tf.Tensor;
    const got = rows(y);
    expect(got).toHaveLength(4);
    got.forEach((row, i) => {
      expect(Math.abs((row[0] as number) - (h[i]?.[0] as number))).toBeLessThan(1e-5);
    });
    // At x = 0 the output is the biases pushed through: (b1 W2 + b2) W3 + b3.
    const zero = matmul(
      matmul([biases.n1 as number[]], kernels[1]?.k as number[][]).map((r) =>
        r.map((v, j) => v + (biases.n2?.[j] as number)),
      ),
      kernels[2]?.k as number[][],
    );
    expect(Math.abs((got[3]?.[0] as number) - ((zero[0]?.[0] as number) + 0.75))).toBeLessThan(1e-5);
    tf.dispose([x, y]);
  });
});
