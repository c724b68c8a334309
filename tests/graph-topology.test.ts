import { describe, expect, it } from 'vitest';
import { chainGraph, defaultGraph, makeNode } from '../src/graph/defaultGraph';
import { adjacency, reachable, topologicalOrder, wouldCreateCycle } from '../src/graph/topology';
import type { Graph, GraphEdge, GraphNode, NodeKind } from '../src/graph/types';

const n = (id: string, kind: NodeKind = 'dense'): GraphNode => makeNode(id, kind, 0, 0);
const e = (source: string, target: string): GraphEdge => ({ id: `${source}>${target}`, source, target });

function expectTopological(g: Graph, order: readonly string[]) {
  const pos = new Map(order.map((id, i) => [id, i]));
  for (const edge of g.edges) {
    const s = pos.get(edge.source);
    const t = pos.get(edge.target);
    expect(s, `${edge.source} placed`).toBeDefined();
    expect(t, `${edge.target} placed`).toBeDefined();
    expect(s as number, `${edge.source} before ${edge.target}`).toBeLessThan(t as number);
  }
}

/** A DAG whose node list is deliberately not in topological order. */
function shuffledDag(): Graph {
  return {
    nodes: [
      n('out', 'output'),
      n('cat', 'concatenate'),
      n('d3'),
      n('add', 'add'),
      n('d2'),
      n('d1'),
      n('in', 'input'),
    ],
    edges: [
      e('d1', 'add'),
      e('in', 'd1'),
      e('d2', 'add'),
      e('in', 'd2'),
      e('add', 'cat'),
      e('d3', 'cat'),
      e('d1', 'd3'),
      e('cat', 'out'),
    ],
  };
}

describe('topologicalOrder', () => {
  it('orders the default chain as drawn', () => {
    const { order, cyclic } = topologicalOrder(defaultGraph());
    expect(order).toEqual(['input', 'dense1', 'bn1', 'act1', 'dense2', 'bn2', 'act2', 'output']);
    expect(cyclic).toEqual([]);
  });

  it('puts every node after all its inputs on a branching DAG listed out of order', () => {
    const g = shuffledDag();
    const { order, cyclic } = topologicalOrder(g);
    expect(cyclic).toEqual([]);
    expect([...order].sort()).toEqual(g.nodes.map((x) => x.id).sort());
    expectTopological(g, order);
    expect(order[0]).toBe('in');
    expect(order[order.length - 1]).toBe('out');
  });

  it('places isolated nodes too', () => {
    const g: Graph = { nodes: [n('x'), n('y')], edges: [] };
    expect(topologicalOrder(g)).toEqual({ order: ['x', 'y'], cyclic: [] });
  });

  it('reports the nodes on a cycle and those behind it, and orders the rest', () => {
    const g: Graph = {
      nodes: [n('in', 'input'), n('a'), n('b'), n('c'), n('after'), n('side')],
      edges: [e('in', 'a'), e('a', 'b'), e('b', 'c'), e('c', 'a'), e('c', 'after'), e('in', 'side')],
    };
    const { order, cyclic } = topologicalOrder(g);
    expect(order).toEqual(['in', 'side']);
    expect(cyclic).toEqual(['a', 'b', 'c', 'after']);
  });

  it('treats a self-loop as a cycle', () => {
    const g: Graph = { nodes: [n('in', 'input'), n('a')], edges: [e('in', 'a'), e('a', 'a')] };
    expect(topologicalOrder(g)).toEqual({ order: ['in'], cyclic: ['a'] });
  });

  it('ignores edges to nodes that do not exist', () => {
    const g = chainGraph([n('in', 'input'), n('a'), n('out', 'output')]);
    const withGhost: Graph = { nodes: g.nodes, edges: [...g.edges, e('ghost', 'a'), e('a', 'ghost')] };
    expect(topologicalOrder(withGhost)).toEqual({ order: ['in', 'a', 'out'], cyclic: [] });
  });
});

describe('adjacency and reachable', () => {
  it('builds both directions and skips unknown ends', () => {
    const g: Graph = {
      nodes: [n('a'), n('b'), n('c')],
      edges: [e('a', 'b'), e('a', 'c'), e('b', 'c'), e('x', 'c')],
    };
    const adj = adjacency(g);
    expect(adj.out.get('a')).toEqual(['b', 'c']);
    expect(adj.out.get('c')).toEqual([]);
    expect(adj.in.get('c')).toEqual(['a', 'b']);
    expect(adj.out.has('x')).toBe(false);
  });

  it('finds everything downstream, start included', () => {
    const adj = adjacency(shuffledDag());
    expect([...reachable('d2', adj.out)].sort()).toEqual(['add', 'cat', 'd2', 'out']);
    expect([...reachable('out', adj.out)]).toEqual(['out']);
    expect([...reachable('d3', adj.in)].sort()).toEqual(['d1', 'd3', 'in']);
  });
});

describe('wouldCreateCycle', () => {
  const g = shuffledDag();

  it('is true for a self-loop', () => {
    expect(wouldCreateCycle(g, 'd1', 'd1')).toBe(true);
  });

  it('is true when the target already reaches the source', () => {
    expect(wouldCreateCycle(g, 'out', 'in')).toBe(true);
    expect(wouldCreateCycle(g, 'cat', 'd1')).toBe(true);
    expect(wouldCreateCycle(g, 'd3', 'd1')).toBe(true);
  });

  it('is false for forward or sideways edges', () => {
    expect(wouldCreateCycle(g, 'in', 'out')).toBe(false);
    expect(wouldCreateCycle(g, 'd2', 'd3')).toBe(false);
    expect(wouldCreateCycle(g, 'd3', 'd2')).toBe(false);
    expect(wouldCreateCycle(g, 'd1', 'cat')).toBe(false);
  });
});
