import { describe, expect, it } from 'vitest';
import { makeNode } from '../src/graph/defaultGraph';
import { ISSUE_CODES } from '../src/graph/issues';
import type { Graph, ParamValue } from '../src/graph/types';
import { analyzeGraph } from '../src/graph/validate';
import { BINARY } from './helpers';

/* Found by the random-graph property tests (tests/property-graphs.test.ts): widths must be null or whole numbers of at least 1. */

describe('a Dense with units that are not a width', () => {
  const withUnits = (units: ParamValue): Graph => ({
    nodes: [
      makeNode('in', 'input', 0, 0),
      makeNode('d', 'dense', 0, 100, { units }),
      makeNode('sum', 'add', 0, 200),
      makeNode('out', 'output', 0, 300),
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'd' },
      { id: 'e2', source: 'd', target: 'sum' },
      { id: 'e3', source: 'in', target: 'sum' },
      { id: 'e4', source: 'sum', target: 'out' },
    ],
  });

  it.each([0, -3, 1.5, 1e9, 'abc', Number.NaN, true])(
    'units %s: one bad-parameter issue, and no width of 0 or NaN passed on to Add (was: "they are NaN, 2")',
    (units) => {
      const r = analyzeGraph(withUnits(units), BINARY);
      expect(r.issues.map((i) => [i.code, i.nodeId])).toEqual([[ISSUE_CODES.BAD_PARAM, 'd']]);
      expect([r.widths.d, r.widths.sum, r.widths.out]).toEqual([null, null, null]);
      expect(r.paramCounts.d).toBe(0);
      expect(r.totalParams).toBe(0);
    },
  );

  it('numeric text a field accepts still gives the width: units "2" makes Add match its 2-wide input', () => {
    const r = analyzeGraph(withUnits('2'), BINARY);
    expect(r.valid).toBe(true);
    expect(r.widths.sum).toBe(2);
    expect(r.paramCounts.d).toBe(2 * 2 + 2);
  });
});
