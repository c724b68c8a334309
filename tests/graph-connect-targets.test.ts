import { describe, expect, it } from 'vitest';
import { connectionTargets } from '../src/graph/connectTargets';
import { defaultGraph, makeNode } from '../src/graph/defaultGraph';
import type { Graph } from '../src/graph/types';

/** The default chain input -> dense1 -> bn1 -> act1 -> dense2 -> bn2 -> act2 -> output, plus an unfed Add. */
function withAdd(): Graph {
  const g = defaultGraph();
  return { ...g, nodes: [...g.nodes, makeNode('add1', 'add', 0, 0)] };
}

describe('connectionTargets', () => {
  it('from the middle of the chain: upstream nodes are refused, downstream single-input nodes are rewired', () => {
    const { allowed, refused } = connectionTargets(withAdd(), 'bn1');
    // Each downstream node takes one input, which the new edge would replace.
    expect(allowed).toEqual([
      { id: 'dense2', replaces: 'e-act1-dense2' },
      { id: 'bn2', replaces: 'e-dense2-bn2' },
      { id: 'act2', replaces: 'e-bn2-act2' },
      { id: 'output', replaces: 'e-act2-output' },
      { id: 'add1' },
    ]);
    expect(refused.map((r) => r.id)).toEqual(['input', 'dense1', 'act1']);
    const reason = (id: string) => refused.find((r) => r.id === id)?.reason ?? '';
    expect(reason('input')).toMatch(/nothing can feed it/);
    expect(reason('dense1')).toMatch(/loop/);
    expect(reason('act1')).toMatch(/already connected/);
  });

  it('leaves the source itself out of both lists', () => {
    const { allowed, refused } = connectionTargets(withAdd(), 'dense2');
    const all = [...allowed, ...refused].map((t) => t.id);
    expect(all).not.toContain('dense2');
    // Nine nodes, less the source.
    expect(all).toHaveLength(8);
  });

  it('Output feeds nothing: every other node is refused', () => {
    const { allowed, refused } = connectionTargets(withAdd(), 'output');
    expect(allowed).toEqual([]);
    expect(refused).toHaveLength(8);
    // Input's own rule is checked first; every other node gets Output's.
    for (const r of refused) {
      expect(r.reason).toMatch(r.id === 'input' ? /nothing can feed it/ : /Output is the end of the network/);
    }
  });

  it('a multi-input node stays a target, without replacing, until the nodes feeding it are used up', () => {
    const g = withAdd();
    const fed: Graph = {
      ...g,
      edges: [...g.edges, { id: 'x1', source: 'act1', target: 'add1' }],
    };
    // act1 already feeds add1; act2 may feed it too, as a second input and with nothing replaced.
    expect(connectionTargets(fed, 'act1').refused.find((r) => r.id === 'add1')?.reason).toMatch(
      /already connected/,
    );
    expect(connectionTargets(fed, 'act2').allowed).toContainEqual({ id: 'add1' });
  });
});
