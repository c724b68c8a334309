import { describe, expect, it } from 'vitest';
import { chainGraph, defaultGraph, makeNode } from '../src/graph/defaultGraph';
import type { Graph } from '../src/graph/types';
import { analyzeGraph } from '../src/graph/validate';
import { normalizationAfterActivation, withoutNormalization } from '../src/graph/variants';

const ctx = { inputDim: 2, outputDim: 1, task: 'binary' as const };
const wires = (g: Graph) => g.edges.map((e) => `${e.source}>${e.target}`);

/** Input -> Dense -> (BN -> ReLU) + residual from Dense -> Add -> LN -> Output. */
function residual(): Graph {
  const nodes = [
    makeNode('in', 'input', 0, 0),
    makeNode('d', 'dense', 0, 1),
    makeNode('bn', 'batchnorm', 0, 2),
    makeNode('r', 'activation', 0, 3),
    makeNode('add', 'add', 0, 4),
    makeNode('ln', 'layernorm', 0, 5),
    makeNode('out', 'output', 0, 6),
  ];
  const e = (s: string, t: string) => ({ id: `${s}-${t}`, source: s, target: t });
  return {
    nodes,
    edges: [
      e('in', 'd'),
      e('d', 'bn'),
      e('bn', 'r'),
      e('r', 'add'),
      e('d', 'add'),
      e('add', 'ln'),
      e('ln', 'out'),
    ],
  };
}

describe('withoutNormalization', () => {
  it('removes both BatchNorms of the default graph and wires Dense straight to ReLU', () => {
    const v = withoutNormalization(defaultGraph());
    if (!v.ok) throw new Error(v.reason);
    expect(v.changed).toEqual(['bn1', 'bn2']);
    expect(v.graph.nodes.map((n) => n.id)).toEqual(['input', 'dense1', 'act1', 'dense2', 'act2', 'output']);
    expect(wires(v.graph)).toEqual([
      'input>dense1',
      'dense1>act1',
      'act1>dense2',
      'dense2>act2',
      'act2>output',
    ]);
    expect(analyzeGraph(v.graph, ctx).issues).toEqual([]);
  });

  it('skips a chain of norms and keeps the edge order a Concatenate depends on', () => {
    const g = chainGraph([
      makeNode('in', 'input', 0, 0),
      makeNode('bn', 'batchnorm', 0, 1),
      makeNode('ln', 'layernorm', 0, 2),
      makeNode('cat', 'concatenate', 0, 3),
      makeNode('out', 'output', 0, 4),
    ]);
    const withSecond: Graph = {
      nodes: [...g.nodes, makeNode('d', 'dense', 1, 1)],
      edges: [{ id: 'x', source: 'in', target: 'd' }, { id: 'y', source: 'd', target: 'cat' }, ...g.edges],
    };
    const v = withoutNormalization(withSecond);
    if (!v.ok) throw new Error(v.reason);
    expect(wires(v.graph)).toEqual(['in>d', 'd>cat', 'in>cat', 'cat>out']);
  });

  it('drops a rewired edge that would double one that exists, and validation names the result', () => {
    const v = withoutNormalization(residual());
    if (!v.ok) throw new Error(v.reason);
    expect(wires(v.graph)).toEqual(['in>d', 'd>r', 'r>add', 'd>add', 'add>out']);
    expect(new Set(v.graph.edges.map((e) => e.id)).size).toBe(v.graph.edges.length);
  });

  it('says so when there is nothing to remove', () => {
    const g = chainGraph([makeNode('in', 'input', 0, 0), makeNode('out', 'output', 0, 1)]);
    const v = withoutNormalization(g);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(/no BatchNorm or LayerNorm/);
  });
});

describe('normalizationAfterActivation', () => {
  it('swaps each BN -> ReLU pair of the default graph and trades their places', () => {
    const g = defaultGraph();
    const v = normalizationAfterActivation(g);
    if (!v.ok) throw new Error(v.reason);
    expect(v.changed).toEqual(['bn1', 'bn2']);
    expect(wires(v.graph)).toEqual([
      'input>dense1',
      'dense1>act1',
      'act1>bn1',
      'bn1>dense2',
      'dense2>act2',
      'act2>bn2',
      'bn2>output',
    ]);
    const pos = (graph: Graph, id: string) => graph.nodes.find((n) => n.id === id)?.position;
    expect(pos(v.graph, 'bn1')).toEqual(pos(g, 'act1'));
    expect(pos(v.graph, 'act1')).toEqual(pos(g, 'bn1'));
    expect(analyzeGraph(v.graph, ctx).issues).toEqual([]);
  });

  it('handles back-to-back pairs: BN1 -> A1 -> BN2 -> A2 becomes A1 -> BN1 -> A2 -> BN2', () => {
    const g = chainGraph([
      makeNode('in', 'input', 0, 0),
      makeNode('bn1', 'batchnorm', 0, 1),
      makeNode('a1', 'activation', 0, 2),
      makeNode('ln2', 'layernorm', 0, 3),
      makeNode('a2', 'activation', 0, 4),
      makeNode('out', 'output', 0, 5),
    ]);
    const v = normalizationAfterActivation(g);
    if (!v.ok) throw new Error(v.reason);
    expect(wires(v.graph)).toEqual(['in>a1', 'a1>bn1', 'bn1>a2', 'a2>ln2', 'ln2>out']);
  });

  it('leaves a norm whose output also feeds another node, and refuses when no pair remains', () => {
    const g = residual();
    const branched: Graph = {
      nodes: g.nodes,
      edges: g.edges.map((e) => (e.id === 'd-add' ? { ...e, id: 'bn-add', source: 'bn' } : e)),
    };
    const v = normalizationAfterActivation(branched);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(/no normalization node that feeds an activation/);
    const noNorm = chainGraph([
      makeNode('in', 'input', 0, 0),
      makeNode('a', 'activation', 0, 1),
      makeNode('out', 'output', 0, 2),
    ]);
    expect(normalizationAfterActivation(noNorm).ok).toBe(false);
  });
});
