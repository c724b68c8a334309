import { describe, expect, it } from 'vitest';
import { checkConnection } from '../src/graph/connect';
import { chainGraph, defaultGraph, makeNode } from '../src/graph/defaultGraph';
import type { Graph, GraphEdge, GraphNode, NodeKind } from '../src/graph/types';

const n = (id: string, kind: NodeKind): GraphNode => makeNode(id, kind, 0, 0);
const e = (source: string, target: string, id = `${source}>${target}`): GraphEdge => ({ id, source, target });

function refused(graph: Graph, source: string, target: string): string {
  const r = checkConnection(graph, source, target);
  if (r.ok) throw new Error(`expected ${source} -> ${target} to be refused`);
  expect(r.reason.length).toBeGreaterThan(10);
  return r.reason;
}

/**
 * in -> a -> add -> out, plus b (Dense, unconnected), c (Activation fed by in),
 * lonely (Dense, nothing in or out).
 */
function sample(): Graph {
  return {
    nodes: [
      n('in', 'input'),
      n('a', 'dense'),
      n('b', 'dense'),
      n('c', 'activation'),
      n('add', 'add'),
      n('out', 'output'),
      n('lonely', 'dense'),
    ],
    edges: [e('in', 'a'), e('a', 'add'), e('add', 'out'), e('in', 'c')],
  };
}

describe('checkConnection refuses', () => {
  it('a self-loop', () => {
    expect(refused(sample(), 'a', 'a')).toMatch(/itself/);
  });

  it('an edge into Input', () => {
    expect(refused(sample(), 'a', 'in')).toMatch(/Input/);
    expect(refused(sample(), 'lonely', 'in')).toMatch(/Input/);
  });

  it('an edge out of Output', () => {
    expect(refused(sample(), 'out', 'lonely')).toMatch(/Output/);
  });

  it('a duplicate of an existing edge', () => {
    expect(refused(sample(), 'in', 'a')).toMatch(/already connected/);
    expect(refused(sample(), 'a', 'add')).toMatch(/already connected/);
  });

  it('an edge that would make a cycle, naming the two nodes', () => {
    const reason = refused(sample(), 'add', 'a');
    expect(reason).toMatch(/loop/);
    expect(reason).toMatch(/Dense \(\w+\) already feeds Add \(\w+\)/);
  });

  it('a longer cycle through the default chain', () => {
    const g = defaultGraph();
    expect(refused(g, 'act2', 'dense1')).toMatch(/loop/);
    expect(refused(g, 'bn1', 'dense1')).toMatch(/loop/);
  });

  it('an edge to or from a node that is not on the canvas', () => {
    expect(refused(sample(), 'a', 'ghost')).toMatch(/nodes on the canvas/);
    expect(refused(sample(), 'ghost', 'a')).toMatch(/nodes on the canvas/);
  });

  it('more inputs than Add takes', () => {
    const branches = Array.from({ length: 16 }, (_, i) => n(`b${i}`, 'dense'));
    const g: Graph = {
      nodes: [n('in', 'input'), ...branches, n('extra', 'dense'), n('add', 'add')],
      edges: branches.map((b) => e(b.id, 'add')),
    };
    expect(refused(g, 'extra', 'add')).toContain('at most 16 inputs');
    // with one branch fewer it is fine
    expect(checkConnection({ ...g, edges: g.edges.slice(1) }, 'extra', 'add')).toEqual({ ok: true });
  });
});

describe('checkConnection accepts', () => {
  it('a fresh legal edge into an empty single-input node, with nothing to replace', () => {
    expect(checkConnection(sample(), 'in', 'b')).toEqual({ ok: true });
    expect(checkConnection(sample(), 'c', 'lonely')).toEqual({ ok: true });
  });

  it('a fresh edge from a node that already feeds another one (fan-out)', () => {
    expect(checkConnection(sample(), 'a', 'b')).toEqual({ ok: true });
  });

  it('into a single-input node that has an input: ok, replacing the old edge', () => {
    expect(checkConnection(sample(), 'c', 'a')).toEqual({ ok: true, replaces: 'in>a' });
    expect(checkConnection(sample(), 'c', 'out')).toEqual({ ok: true, replaces: 'add>out' });
    const g = chainGraph([n('in', 'input'), n('d1', 'dense'), n('bn', 'batchnorm'), n('out', 'output')]);
    expect(checkConnection(g, 'in', 'bn')).toEqual({ ok: true, replaces: 'e-d1-bn' });
  });

  it('a second input into Add without replacing the first', () => {
    const r = checkConnection(sample(), 'c', 'add');
    expect(r).toEqual({ ok: true });
    expect('replaces' in r).toBe(false);
  });

  it('a third input into Concatenate without replacing', () => {
    const g: Graph = {
      nodes: [n('in', 'input'), n('a', 'dense'), n('b', 'dense'), n('c', 'dense'), n('cat', 'concatenate')],
      edges: [e('in', 'a'), e('in', 'b'), e('in', 'c'), e('a', 'cat'), e('b', 'cat')],
    };
    expect(checkConnection(g, 'c', 'cat')).toEqual({ ok: true });
  });

  it('an edge that closes a diamond (not a cycle)', () => {
    // in -> a -> add exists; in -> add gives a second path from in to add, but no loop
    expect(checkConnection(sample(), 'in', 'add')).toEqual({ ok: true });
  });
});
