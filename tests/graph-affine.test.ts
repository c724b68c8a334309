import { describe, expect, it } from 'vitest';
import { ACTIVATION_FUNCTIONS } from '../src/graph/activations';
import { analyzeAffine, foldAdvice, isAffineAtInference } from '../src/graph/affine';
import { defaultGraph, makeNode } from '../src/graph/defaultGraph';
import type { Graph, GraphNode } from '../src/graph/types';
import { chain } from './helpers';

/** A graph from nodes and [source, target] pairs, edges in the order given. */
function dag(nodes: GraphNode[], pairs: [string, string][]): Graph {
  return { nodes, edges: pairs.map(([s, t], i) => ({ id: `e${i}`, source: s, target: t })) };
}

const ids = (g: Graph) => analyzeAffine(g).nonlinear.map((n) => n.id);

describe('isAffineAtInference', () => {
  it('holds for the linear kinds and the linear activation only', () => {
    for (const kind of ['input', 'dense', 'batchnorm', 'add', 'concatenate', 'output'] as const)
      expect(isAffineAtInference(makeNode('x', kind, 0, 0)), kind).toBe(true);
    expect(isAffineAtInference(makeNode('x', 'layernorm', 0, 0))).toBe(false);
    for (const { value } of ACTIVATION_FUNCTIONS)
      expect(isAffineAtInference(makeNode('x', 'activation', 0, 0, { fn: value })), value).toBe(
        value === 'linear',
      );
  });

  it('treats Leaky ReLU with alpha 1 as the identity it is', () => {
    expect(isAffineAtInference(makeNode('x', 'activation', 0, 0, { fn: 'leakyRelu', alpha: 1 }))).toBe(true);
    expect(isAffineAtInference(makeNode('x', 'activation', 0, 0, { fn: 'leakyRelu', alpha: 0.99 }))).toBe(
      false,
    );
  });
});

describe('analyzeAffine', () => {
  it('finds Dense → BN → Dense → BN → Output affine', () => {
    const g = chain([['dense', { units: 4 }], ['batchnorm'], ['dense', { units: 3 }], ['batchnorm']]);
    expect(analyzeAffine(g)).toEqual({ affine: true, nonlinear: [] });
  });

  it('finds a bare Input → Output affine', () => {
    expect(analyzeAffine(chain([]))).toEqual({ affine: true, nonlinear: [] });
  });

  it('lists a ReLU with its id, kind and reason', () => {
    const g = chain([
      ['dense', { units: 4 }],
      ['batchnorm'],
      ['activation', { fn: 'relu' }],
      ['dense', { units: 2 }],
    ]);
    const a = analyzeAffine(g);
    expect(a.affine).toBe(false);
    expect(a.nonlinear).toEqual([
      { id: 'n3', kind: 'activation', why: 'max(0, x) bends at 0: negative inputs become 0.' },
    ]);
  });

  it('lists LayerNorm', () => {
    const a = analyzeAffine(chain([['dense', { units: 4 }], ['layernorm']]));
    expect(a.affine).toBe(false);
    expect(a.nonlinear.map((n) => [n.id, n.kind])).toEqual([['n2', 'layernorm']]);
    expect(a.nonlinear[0]?.why).toContain('its own standard deviation');
  });

  it('gives every nonlinear activation its own one-sentence reason', () => {
    const fns = ACTIVATION_FUNCTIONS.map((a) => a.value).filter((v) => v !== 'linear');
    const g = chain(fns.map((fn): ['activation', { fn: string }] => ['activation', { fn }]));
    const a = analyzeAffine(g);
    expect(a.nonlinear.map((n) => n.id)).toEqual(fns.map((_, i) => `n${i + 1}`));
    const whys = a.nonlinear.map((n) => n.why);
    expect(new Set(whys).size).toBe(fns.length);
    for (const why of whys) expect(why.endsWith('.') && why.length < 120, why).toBe(true);
    expect(whys[fns.indexOf('tanh')]).toBe('tanh squashes its input into (-1, 1) and saturates far from 0.');
  });

  it('finds a linear activation affine', () => {
    expect(
      analyzeAffine(
        chain([
          ['dense', { units: 3 }],
          ['activation', { fn: 'linear' }],
        ]),
      ).affine,
    ).toBe(true);
  });

  it('lists a tanh on one branch of an Add, and of a Concatenate', () => {
    const nodes = [
      makeNode('input', 'input', 0, 0),
      makeNode('a', 'dense', 0, 0, { units: 4 }),
      makeNode('b', 'dense', 0, 0, { units: 4 }),
      makeNode('t', 'activation', 0, 0, { fn: 'tanh' }),
      makeNode('join', 'add', 0, 0),
      makeNode('output', 'output', 0, 0),
    ];
    const pairs: [string, string][] = [
      ['input', 'a'],
      ['input', 'b'],
      ['b', 't'],
      ['a', 'join'],
      ['t', 'join'],
      ['join', 'output'],
    ];
    expect(analyzeAffine(dag(nodes, pairs)).nonlinear.map((n) => [n.id, n.why])).toEqual([
      ['t', 'tanh squashes its input into (-1, 1) and saturates far from 0.'],
    ]);
    const concat = nodes.map((n) => (n.id === 'join' ? makeNode('join', 'concatenate', 0, 0) : n));
    expect(analyzeAffine(dag(concat, pairs))).toMatchObject({ affine: false, nonlinear: [{ id: 't' }] });
    const linear = nodes.map((n) => (n.id === 't' ? makeNode('t', 'activation', 0, 0, { fn: 'linear' }) : n));
    expect(analyzeAffine(dag(linear, pairs))).toEqual({ affine: true, nonlinear: [] });
  });

  it('ignores nonlinear nodes off every Input → Output path', () => {
    const nodes = [
      makeNode('input', 'input', 0, 0),
      makeNode('a', 'dense', 0, 0, { units: 4 }),
      makeNode('deadEnd', 'activation', 0, 0, { fn: 'relu' }),
      makeNode('orphan', 'activation', 0, 0, { fn: 'sigmoid' }),
      makeNode('feeder', 'layernorm', 0, 0),
      makeNode('output', 'output', 0, 0),
    ];
    // deadEnd hangs off a but leads nowhere; orphan -> feeder reach Output without data from Input.
    const g = dag(nodes, [
      ['input', 'a'],
      ['a', 'deadEnd'],
      ['a', 'output'],
      ['orphan', 'feeder'],
      ['feeder', 'output'],
    ]);
    expect(analyzeAffine(g)).toEqual({ affine: true, nonlinear: [] });
  });

  it('lists nonlinear nodes in topological order, not in node-list order', () => {
    const g = chain([
      ['activation', { fn: 'elu' }],
      ['dense', { units: 2 }],
      ['activation', { fn: 'gelu' }],
    ]);
    const reversed: Graph = { ...g, nodes: [...g.nodes].reverse() };
    expect(ids(reversed)).toEqual(['n1', 'n3']);
  });

  it('lists act1 and act2 in the default graph', () => {
    expect(analyzeAffine(defaultGraph())).toMatchObject({ affine: false });
    expect(ids(defaultGraph())).toEqual(['act1', 'act2']);
  });

  it('is not affine, with nothing listed, without an Input, an Output or a path', () => {
    const g = defaultGraph();
    expect(analyzeAffine({ ...g, nodes: g.nodes.filter((n) => n.kind !== 'input') })).toEqual({
      affine: false,
      nonlinear: [],
    });
    expect(analyzeAffine({ ...g, nodes: g.nodes.filter((n) => n.kind !== 'output') })).toEqual({
      affine: false,
      nonlinear: [],
    });
    expect(analyzeAffine({ ...g, edges: g.edges.filter((e) => e.id !== 'e-bn2-act2') })).toEqual({
      affine: false,
      nonlinear: [],
    });
  });
});

describe('foldAdvice', () => {
  it('tells a LayerNorm-only net to replace LayerNorm, not to make activations linear', () => {
    const text = foldAdvice(['layernorm', 'layernorm']);
    expect(text).toMatch(/replace each LayerNorm with BatchNorm/);
    expect(text).not.toMatch(/Linear/);
  });
  it('tells an activation net to make activations linear', () => {
    expect(foldAdvice(['activation'])).toMatch(/set each activation to Linear/);
    expect(foldAdvice(['activation'])).not.toMatch(/LayerNorm/);
  });
  it('gives both tips for a mixed net', () => {
    expect(foldAdvice(['activation', 'layernorm'])).toMatch(/Linear, and replace each LayerNorm/);
  });
});
