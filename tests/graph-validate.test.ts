import { describe, expect, it } from 'vitest';
import { chainGraph, defaultGraph, makeNode } from '../src/graph/defaultGraph';
import { type GraphIssue, ISSUE_CODES, type IssueCode } from '../src/graph/issues';
import { outputWidth, parameterCount } from '../src/graph/shapes';
import type { Graph, GraphContext, GraphEdge, GraphNode, NodeKind, ParamValue } from '../src/graph/types';
import { analyzeGraph } from '../src/graph/validate';

const BINARY: GraphContext = { inputDim: 2, outputDim: 1, task: 'binary' };
const MULTI: GraphContext = { inputDim: 2, outputDim: 3, task: 'multiclass' };

const n = (id: string, kind: NodeKind, params: Record<string, ParamValue> = {}): GraphNode =>
  makeNode(id, kind, 0, 0, params);
const e = (source: string, target: string, id = `${source}>${target}`): GraphEdge => ({ id, source, target });
const graph = (nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Graph => ({ nodes, edges });

function codes(issues: readonly GraphIssue[]): IssueCode[] {
  return issues.map((i) => i.code).sort();
}

function expectIssue(
  issues: readonly GraphIssue[],
  code: IssueCode,
  where: { nodeId?: string; edgeId?: string },
) {
  expect(issues).toContainEqual(expect.objectContaining({ code, ...where }));
}

/** Input -> d (Dense 8) -> Output, plus whatever is added. */
const simple = () => chainGraph([n('in', 'input'), n('d', 'dense', { units: 8 }), n('out', 'output')]);

describe('the default graph', () => {
  const a = analyzeGraph(defaultGraph(), BINARY);

  it('is valid with no issues', () => {
    expect(a.issues).toEqual([]);
    expect(a.valid).toBe(true);
  });

  it('is the documented 8-node chain', () => {
    const g = defaultGraph();
    expect(g.nodes.map((x) => x.kind)).toEqual([
      'input',
      'dense',
      'batchnorm',
      'activation',
      'dense',
      'batchnorm',
      'activation',
      'output',
    ]);
    expect(g.edges).toHaveLength(7);
    expect(a.order).toEqual(['input', 'dense1', 'bn1', 'act1', 'dense2', 'bn2', 'act2', 'output']);
  });

  it('infers widths 2, 8, 8, 8, 8, 8, 8, 1', () => {
    expect(a.widths).toEqual({
      input: 2,
      dense1: 8,
      bn1: 8,
      act1: 8,
      dense2: 8,
      bn2: 8,
      act2: 8,
      output: 1,
    });
  });

  it('counts parameters by hand: 24 + 32 + 72 + 32 + 9 = 169', () => {
    expect(a.paramCounts).toEqual({
      input: 0,
      dense1: 24, // 2*8 weights + 8 biases
      bn1: 32, // gamma, beta, moving mean, moving variance: 4*8
      act1: 0,
      dense2: 72, // 8*8 + 8
      bn2: 32,
      act2: 0,
      output: 9, // 8*1 + 1
    });
    expect(a.totalParams).toBe(169);
  });

  it('with a multiclass context the Output is 3 wide with 8*3+3 = 27 weights', () => {
    const m = analyzeGraph(defaultGraph(), MULTI);
    expect(m.valid).toBe(true);
    expect(m.widths.output).toBe(3);
    expect(m.paramCounts.output).toBe(27);
    expect(m.totalParams).toBe(169 - 9 + 27);
  });

  it('follows the context input width: 5 features make dense1 5*8+8 = 48', () => {
    const m = analyzeGraph(defaultGraph(), { inputDim: 5, outputDim: 1, task: 'regression' });
    expect(m.widths.input).toBe(5);
    expect(m.paramCounts.dense1).toBe(48);
  });

  it('returns a fresh graph each call (no shared mutable state)', () => {
    expect(defaultGraph()).not.toBe(defaultGraph());
    expect(defaultGraph()).toEqual(defaultGraph());
  });
});

describe('parameter counts of individual layers', () => {
  it('Dense without bias drops the units biases', () => {
    const g = chainGraph([
      n('in', 'input'),
      n('d', 'dense', { units: 8, useBias: false }),
      n('out', 'output'),
    ]);
    expect(analyzeGraph(g, BINARY).paramCounts.d).toBe(16);
  });

  it('BatchNorm without center/scale keeps only the moving statistics', () => {
    const g = chainGraph([
      n('in', 'input'),
      n('d', 'dense', { units: 6 }),
      n('bn', 'batchnorm', { center: false, scale: false }),
      n('out', 'output'),
    ]);
    expect(analyzeGraph(g, BINARY).paramCounts.bn).toBe(12);
  });

  it('LayerNorm has gamma and beta only: 2*w, w without center', () => {
    const g = chainGraph([
      n('in', 'input'),
      n('d', 'dense', { units: 6 }),
      n('ln', 'layernorm'),
      n('out', 'output'),
    ]);
    expect(analyzeGraph(g, BINARY).paramCounts.ln).toBe(12);
    const g2 = chainGraph([
      n('in', 'input'),
      n('d', 'dense', { units: 6 }),
      n('ln', 'layernorm', { center: false }),
      n('out', 'output'),
    ]);
    expect(analyzeGraph(g2, BINARY).paramCounts.ln).toBe(6);
  });

  it('outputWidth and parameterCount agree with the hand rules', () => {
    const dense = n('d', 'dense', { units: 5 });
    expect(outputWidth(dense, [3], BINARY)).toBe(5);
    expect(outputWidth(dense, [3, 3], BINARY)).toBeNull();
    expect(parameterCount(dense, 3, 5)).toBe(20);
    expect(outputWidth(n('a', 'add'), [4, 4, 4], BINARY)).toBe(4);
    expect(outputWidth(n('a', 'add'), [4, 5], BINARY)).toBeNull();
    expect(outputWidth(n('a', 'add'), [4], BINARY)).toBeNull();
    expect(outputWidth(n('c', 'concatenate'), [4, 5, 1], BINARY)).toBe(10);
    expect(outputWidth(n('c', 'concatenate'), [4], BINARY)).toBeNull();
    expect(outputWidth(n('o', 'output'), [7], MULTI)).toBe(3);
    expect(parameterCount(n('o', 'output'), 7, 3)).toBe(24);
    expect(parameterCount(n('x', 'activation'), 7, 7)).toBe(0);
  });
});

describe('merging branches', () => {
  it('Concatenate width is the sum of its inputs (8 + 4 = 12)', () => {
    const g = graph(
      [
        n('in', 'input'),
        n('a', 'dense', { units: 8 }),
        n('b', 'dense', { units: 4 }),
        n('cat', 'concatenate'),
        n('out', 'output'),
      ],
      [e('in', 'a'), e('in', 'b'), e('a', 'cat'), e('b', 'cat'), e('cat', 'out')],
    );
    const r = analyzeGraph(g, BINARY);
    expect(r.issues).toEqual([]);
    expect(r.widths.cat).toBe(12);
    expect(r.paramCounts.cat).toBe(0);
    expect(r.paramCounts.out).toBe(13); // 12*1 + 1
    expect(r.totalParams).toBe(24 + 12 + 13); // a: 2*8+8, b: 2*4+4
  });

  it('Add of equal widths passes with that width', () => {
    const g = graph(
      [
        n('in', 'input'),
        n('a', 'dense', { units: 4 }),
        n('b', 'dense', { units: 4 }),
        n('add', 'add'),
        n('out', 'output'),
      ],
      [e('in', 'a'), e('in', 'b'), e('a', 'add'), e('b', 'add'), e('add', 'out')],
    );
    const r = analyzeGraph(g, BINARY);
    expect(r.issues).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.widths.add).toBe(4);
    expect(r.paramCounts.out).toBe(5);
  });

  it('a residual block Input->Dense8->(Activation->)Add->Output is valid', () => {
    const g = graph(
      [
        n('in', 'input'),
        n('A', 'dense', { units: 8 }),
        n('act', 'activation'),
        n('add', 'add'),
        n('out', 'output'),
      ],
      [e('in', 'A'), e('A', 'act'), e('act', 'add'), e('A', 'add'), e('add', 'out')],
    );
    const r = analyzeGraph(g, BINARY);
    expect(r.issues).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.widths).toEqual({ in: 2, A: 8, act: 8, add: 8, out: 1 });
    expect(r.totalParams).toBe(24 + 9);
    expect(r.order.indexOf('add')).toBeGreaterThan(r.order.indexOf('act'));
    expect(r.order.indexOf('add')).toBeGreaterThan(r.order.indexOf('A'));
  });

  it('the residual block with multiclass context: Output 3 wide, 8*3+3 weights', () => {
    const g = graph(
      [
        n('in', 'input'),
        n('A', 'dense', { units: 8 }),
        n('act', 'activation'),
        n('add', 'add'),
        n('out', 'output'),
      ],
      [e('in', 'A'), e('A', 'act'), e('act', 'add'), e('A', 'add'), e('add', 'out')],
    );
    const r = analyzeGraph(g, MULTI);
    expect(r.widths.out).toBe(3);
    expect(r.paramCounts.out).toBe(27);
  });
});

describe('problems, each tied to its node or edge', () => {
  it('missing Input', () => {
    const g = graph([n('d', 'dense'), n('out', 'output')], [e('d', 'out')]);
    const r = analyzeGraph(g, BINARY);
    expect(r.valid).toBe(false);
    expectIssue(r.issues, ISSUE_CODES.NO_INPUT, {});
    expect(r.issues.find((i) => i.code === ISSUE_CODES.NO_INPUT)?.nodeId).toBeUndefined();
  });

  it('missing Output', () => {
    const g = graph([n('in', 'input'), n('d', 'dense')], [e('in', 'd')]);
    const r = analyzeGraph(g, BINARY);
    expect(r.valid).toBe(false);
    expectIssue(r.issues, ISSUE_CODES.NO_OUTPUT, {});
  });

  it('two Outputs: the second one is flagged', () => {
    const g = simple();
    const r = analyzeGraph(graph([...g.nodes, n('out2', 'output')], [...g.edges, e('d', 'out2')]), BINARY);
    expect(r.valid).toBe(false);
    expectIssue(r.issues, ISSUE_CODES.MANY_OUTPUTS, { nodeId: 'out2' });
    expect(r.issues.filter((i) => i.code === ISSUE_CODES.MANY_OUTPUTS)).toHaveLength(1);
  });

  it('two Inputs: the second one is flagged', () => {
    const g = simple();
    const r = analyzeGraph(graph([...g.nodes, n('in2', 'input')], g.edges), BINARY);
    expectIssue(r.issues, ISSUE_CODES.MANY_INPUTS, { nodeId: 'in2' });
  });

  it('a cycle flags the nodes on the loop', () => {
    // in -> add <- d2 <- d1 <- add : add, d1, d2 form a loop
    const g = graph(
      [
        n('in', 'input'),
        n('add', 'add'),
        n('d1', 'dense', { units: 2 }),
        n('d2', 'dense', { units: 2 }),
        n('out', 'output'),
      ],
      [e('in', 'add'), e('add', 'd1'), e('d1', 'd2'), e('d2', 'add'), e('d2', 'out')],
    );
    const r = analyzeGraph(g, BINARY);
    expect(r.valid).toBe(false);
    const cyc = r.issues.filter((i) => i.code === ISSUE_CODES.CYCLE).map((i) => i.nodeId);
    expect(cyc.sort()).toEqual(['add', 'd1', 'd2']);
    expect(r.order).toEqual(['in']);
    expect(r.widths.d1).toBeNull();
  });

  it('a node only downstream of a loop is not said to be on it', () => {
    // in -> add -> d1 -> add is the loop; d1 -> d3 -> out hangs off it
    const g = graph(
      [
        n('in', 'input'),
        n('add', 'add'),
        n('d1', 'dense', { units: 2 }),
        n('d3', 'dense'),
        n('out', 'output'),
      ],
      [e('in', 'add'), e('add', 'd1'), e('d1', 'add'), e('d1', 'd3'), e('d3', 'out')],
    );
    const r = analyzeGraph(g, BINARY);
    const cyc = r.issues.filter((i) => i.code === ISSUE_CODES.CYCLE).map((i) => i.nodeId);
    expect(cyc.sort()).toEqual(['add', 'd1']);
  });

  it('a self-loop edge is a cycle on that node', () => {
    const g = simple();
    const r = analyzeGraph(graph(g.nodes, [...g.edges, e('d', 'd')]), BINARY);
    expectIssue(r.issues, ISSUE_CODES.CYCLE, { nodeId: 'd' });
  });

  it('a node not reachable from Input', () => {
    const g = simple();
    const r = analyzeGraph(graph([...g.nodes, n('lonely', 'dense')], g.edges), BINARY);
    expect(r.valid).toBe(false);
    expectIssue(r.issues, ISSUE_CODES.NOT_FROM_INPUT, { nodeId: 'lonely' });
    expectIssue(r.issues, ISSUE_CODES.TOO_FEW_INPUTS, { nodeId: 'lonely' });
    // only the lonely node has problems
    expect(r.issues.every((i) => i.nodeId === 'lonely')).toBe(true);
  });

  it('a node that does not lead to Output', () => {
    const g = simple();
    const r = analyzeGraph(graph([...g.nodes, n('dead', 'dense')], [...g.edges, e('d', 'dead')]), BINARY);
    expect(r.valid).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ code: ISSUE_CODES.NOT_TO_OUTPUT, nodeId: 'dead' })]);
  });

  it('Add with mismatched widths (8 and 4)', () => {
    const g = graph(
      [
        n('in', 'input'),
        n('a', 'dense', { units: 8 }),
        n('b', 'dense', { units: 4 }),
        n('add', 'add'),
        n('out', 'output'),
      ],
      [e('in', 'a'), e('in', 'b'), e('a', 'add'), e('b', 'add'), e('add', 'out')],
    );
    const r = analyzeGraph(g, BINARY);
    expect(r.valid).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ code: ISSUE_CODES.WIDTH_MISMATCH, nodeId: 'add' })]);
    expect(r.issues[0]?.message).toContain('8, 4');
    expect(r.widths.add).toBeNull();
    expect(r.widths.out).toBeNull();
  });

  it('Add with one input', () => {
    const g = chainGraph([n('in', 'input'), n('d', 'dense'), n('add', 'add'), n('out', 'output')]);
    const r = analyzeGraph(g, BINARY);
    expect(r.valid).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ code: ISSUE_CODES.TOO_FEW_INPUTS, nodeId: 'add' })]);
    expect(r.issues[0]?.message).toContain('at least 2');
  });

  it('Dense with two inputs', () => {
    const g = graph(
      [n('in', 'input'), n('a', 'dense'), n('b', 'dense'), n('d', 'dense'), n('out', 'output')],
      [e('in', 'a'), e('in', 'b'), e('a', 'd'), e('b', 'd'), e('d', 'out')],
    );
    const r = analyzeGraph(g, BINARY);
    expect(r.valid).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ code: ISSUE_CODES.TOO_MANY_INPUTS, nodeId: 'd' })]);
    expect(r.issues[0]?.message).toContain('exactly 1 input');
    expect(r.widths.d).toBeNull();
  });

  it('Add with more inputs than it allows says "at most"', () => {
    const max = 16;
    const branches = Array.from({ length: max + 1 }, (_, i) => n(`b${i}`, 'dense', { units: 2 }));
    const g = graph(
      [n('in', 'input'), ...branches, n('add', 'add'), n('out', 'output')],
      [...branches.flatMap((b) => [e('in', b.id), e(b.id, 'add')]), e('add', 'out')],
    );
    const r = analyzeGraph(g, BINARY);
    expect(r.issues).toEqual([expect.objectContaining({ code: ISSUE_CODES.TOO_MANY_INPUTS, nodeId: 'add' })]);
    expect(r.issues[0]?.message).toContain(`at most ${max} inputs`);
  });

  it('Output with no input', () => {
    const g = graph([n('in', 'input'), n('out', 'output')], []);
    const r = analyzeGraph(g, BINARY);
    expectIssue(r.issues, ISSUE_CODES.TOO_FEW_INPUTS, { nodeId: 'out' });
    expectIssue(r.issues, ISSUE_CODES.NOT_FROM_INPUT, { nodeId: 'out' });
  });

  it('a bad parameter', () => {
    const g = chainGraph([n('in', 'input'), n('d', 'dense', { units: 0 }), n('out', 'output')]);
    const r = analyzeGraph(g, BINARY);
    expect(r.valid).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ code: ISSUE_CODES.BAD_PARAM, nodeId: 'd' })]);
    expect(r.issues[0]?.message).toContain('Units');
  });

  it('a boolean where a number belongs is a bad parameter', () => {
    const g = chainGraph([n('in', 'input'), n('d', 'dense', { units: true }), n('out', 'output')]);
    expectIssue(analyzeGraph(g, BINARY).issues, ISSUE_CODES.BAD_PARAM, { nodeId: 'd' });
  });

  it('a BatchNorm with epsilon 0 and momentum 1 reports both', () => {
    const g = chainGraph([
      n('in', 'input'),
      n('bn', 'batchnorm', { epsilon: 0, momentum: 1 }),
      n('out', 'output'),
    ]);
    const r = analyzeGraph(g, BINARY);
    expect(r.issues.map((i) => [i.code, i.nodeId])).toEqual([
      [ISSUE_CODES.BAD_PARAM, 'bn'],
      [ISSUE_CODES.BAD_PARAM, 'bn'],
    ]);
  });

  it('a missing parameter', () => {
    const d: GraphNode = {
      id: 'd',
      kind: 'dense',
      params: { units: 8, useBias: true },
      position: { x: 0, y: 0 },
    };
    const r = analyzeGraph(chainGraph([n('in', 'input'), d, n('out', 'output')]), BINARY);
    expect(r.issues).toEqual([expect.objectContaining({ code: ISSUE_CODES.MISSING_PARAM, nodeId: 'd' })]);
    expect(r.issues[0]?.message).toContain('Initializer');
  });

  it('an edge to a missing node', () => {
    const g = simple();
    const r = analyzeGraph(graph(g.nodes, [...g.edges, e('d', 'ghost', 'eg')]), BINARY);
    expect(r.valid).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ code: ISSUE_CODES.DANGLING_EDGE, edgeId: 'eg' })]);
  });

  it('an edge from a missing node', () => {
    const g = simple();
    const r = analyzeGraph(graph(g.nodes, [...g.edges, e('ghost', 'd', 'eg2')]), BINARY);
    expectIssue(r.issues, ISSUE_CODES.DANGLING_EDGE, { edgeId: 'eg2' });
  });

  it('a duplicate edge: the second copy is flagged', () => {
    const g = simple();
    const r = analyzeGraph(graph(g.nodes, [...g.edges, e('in', 'd', 'dup')]), BINARY);
    expect(r.valid).toBe(false);
    expectIssue(r.issues, ISSUE_CODES.DUPLICATE_EDGE, { edgeId: 'dup' });
    expect(r.issues.filter((i) => i.code === ISSUE_CODES.DUPLICATE_EDGE)).toHaveLength(1);
  });

  it('two nodes with the same id', () => {
    const g = simple();
    const r = analyzeGraph(graph([...g.nodes, n('d', 'dense')], g.edges), BINARY);
    expectIssue(r.issues, ISSUE_CODES.DUPLICATE_ID, { nodeId: 'd' });
  });

  it('reports every problem at once, across nodes and edges', () => {
    const g = graph(
      [
        n('in', 'input'),
        n('d', 'dense', { units: 0 }), // bad parameter
        n('lonely', 'activation'), // not fed, and no input
        n('dead', 'layernorm'), // leads nowhere
        n('out', 'output'),
      ],
      [e('in', 'd'), e('d', 'out'), e('d', 'dead'), e('lonely', 'ghost', 'dangling')],
    );
    const r = analyzeGraph(g, BINARY);
    expect(r.valid).toBe(false);
    expectIssue(r.issues, ISSUE_CODES.BAD_PARAM, { nodeId: 'd' });
    expectIssue(r.issues, ISSUE_CODES.NOT_FROM_INPUT, { nodeId: 'lonely' });
    expectIssue(r.issues, ISSUE_CODES.NOT_TO_OUTPUT, { nodeId: 'dead' });
    expectIssue(r.issues, ISSUE_CODES.DANGLING_EDGE, { edgeId: 'dangling' });
    expectIssue(r.issues, ISSUE_CODES.TOO_FEW_INPUTS, { nodeId: 'lonely' });
    expect(r.issues).toHaveLength(5);
  });

  it('knock-on issues of separate problems are all reported too', () => {
    const base = simple();
    const g = graph(
      [...base.nodes.map((x) => (x.id === 'd' ? n('d', 'dense', { units: 'abc' }) : x)), n('out2', 'output')],
      [...base.edges, e('in', 'd', 'again')],
    );
    // problems: units "abc"; a second Output (with no input, so also not fed); a duplicate edge (so d has 2 inputs)
    const r = analyzeGraph(g, BINARY);
    expect(codes(r.issues)).toEqual(
      [
        ISSUE_CODES.BAD_PARAM,
        ISSUE_CODES.MANY_OUTPUTS,
        ISSUE_CODES.NOT_FROM_INPUT,
        ISSUE_CODES.TOO_FEW_INPUTS,
        ISSUE_CODES.DUPLICATE_EDGE,
        ISSUE_CODES.TOO_MANY_INPUTS,
      ].sort(),
    );
  });

  it('a graph with 3 separate problems yields all 3 issues, one per node', () => {
    const g = chainGraph([
      n('in', 'input'),
      n('d', 'dense', { units: 600 }),
      n('bn', 'batchnorm', { momentum: 1 }),
      n('act', 'activation', { fn: 'mish' }),
      n('out', 'output'),
    ]);
    const r = analyzeGraph(g, BINARY);
    expect(r.issues.map((i) => [i.code, i.nodeId])).toEqual([
      [ISSUE_CODES.BAD_PARAM, 'd'],
      [ISSUE_CODES.BAD_PARAM, 'bn'],
      [ISSUE_CODES.BAD_PARAM, 'act'],
    ]);
  });

  it('every issue code used is one of ISSUE_CODES and every message is non-empty', () => {
    const all = new Set<string>(Object.values(ISSUE_CODES));
    const g = graph(
      [n('a', 'add'), n('out', 'output'), n('out2', 'output')],
      [e('a', 'a'), e('x', 'out'), e('a', 'out'), e('a', 'out')],
    );
    const r = analyzeGraph(g, BINARY);
    expect(r.issues.length).toBeGreaterThan(3);
    for (const i of r.issues) {
      expect(all.has(i.code)).toBe(true);
      expect(i.message.length).toBeGreaterThan(10);
    }
  });
});

describe('analyzeGraph: cut-off nodes point at where the data stops', () => {
  it('after removing bn1, act1 is the cause and nodes below it name act1', () => {
    const g = defaultGraph();
    const graph = {
      nodes: g.nodes.filter((n) => n.id !== 'bn1'),
      edges: g.edges.filter((e) => e.source !== 'bn1' && e.target !== 'bn1'),
    };
    const a = analyzeGraph(graph, { inputDim: 2, outputDim: 1, task: 'binary' });
    const msg = (id: string) =>
      a.issues.filter((i) => i.nodeId === id && i.code === ISSUE_CODES.NOT_FROM_INPUT)[0]?.message;
    expect(msg('act1')).toBe('Activation gets no data: connect it to a path that starts at Input.');
    for (const id of ['dense2', 'bn2', 'act2', 'output']) {
      expect(msg(id)).toMatch(/gets no data: Activation \(act1\) above it is cut off from Input\.$/);
    }
  });
});
