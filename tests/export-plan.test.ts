import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportKeras, exportPyTorch } from '../src/export';
import { pythonIdentifier, pythonNames, RESERVED_NAMES } from '../src/export/names';
import { base64, pyFloat, pyStr } from '../src/export/python';
import { analyzeGraph } from '../src/graph/validate';
import { defaultLab, residualLab } from './export/goldenLabs';

/* Refusals (an invalid graph, data or weights that do not fit) and the Python-writing helpers. */

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

describe('an export that cannot be made is refused, with the reasons', () => {
  it("an invalid graph: the graph's own problems, in the app's words, for both targets", () => {
    const lab = defaultLab();
    // Cut dense2 off from act1 and feed the Output from two nodes.
    const edges = lab.graph.edges.filter((e) => e.target !== 'dense2');
    const graph = { ...lab.graph, edges: [...edges, { id: 'extra', source: 'act1', target: 'output' }] };
    const ctx = { inputDim: 2, outputDim: 1, task: 'binary' as const };
    const messages = analyzeGraph(graph, ctx).issues.map((i) => i.message);
    expect(messages.length).toBeGreaterThan(1);
    for (const generate of [exportPyTorch, exportKeras]) {
      const result = generate({ ...lab, graph });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems).toHaveLength(messages.length);
      for (const [i, m] of messages.entries()) expect(result.problems[i]).toContain(m);
      expect(result.problems.join('\n')).toContain('Dense "dense2": Dense needs one input; it has 0.');
    }
  });

  it('weights that do not fit the graph: each misfit named', () => {
    const lab = defaultLab();
    const weights = { ...lab.weights, dense1: { kernel: [1, 2, 3] }, ghost: { kernel: [1] } };
    const result = exportPyTorch({ ...lab, weights });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'The weights name a node "ghost" that this graph does not have.',
      'The kernel of "dense1" has 3 values; the graph needs 16.',
      'The weights have no bias for "dense1".',
    ]);
  });

  it('pinned identity weights may be missing (they keep gamma 1, beta 0)', () => {
    const lab = residualLab();
    const w = (n: number) => Array.from({ length: n }, () => 0.5);
    const weights = {
      'my-layer.v2:': { kernel: w(8) },
      class: { gamma: w(4) },
      proj: { kernel: w(8), bias: w(4) },
      bn: { beta: w(6), moving_mean: w(6), moving_variance: w(6) },
      out: { kernel: w(18), bias: w(3) },
    };
    const result = exportPyTorch({ ...lab, weights, weightsStep: 3 });
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.text).toContain('if "gamma" in w.get("bn", {}):\n            model.bn.weight.copy_(');
  });

  it('data that is not whole rows of the input width', () => {
    const lab = defaultLab();
    const data = { ...(lab.data as NonNullable<typeof lab.data>), xTest: new Float32Array(3) };
    const result = exportKeras({ ...lab, data });
    expect(result).toEqual({ ok: false, problems: ['The test data has 3 feature values for 2 rows of 2.'] });
  });
});

describe('Python names for node ids', () => {
  it('odd ids become identifiers; keywords, nn.Module attributes and the file globals get "_"', () => {
    expect(pythonIdentifier('my-layer.v2:')).toBe('my_layer_v2_');
    expect(pythonIdentifier('3')).toBe('n3');
    expect(pythonIdentifier('_')).toBe('n_');
    expect(pythonIdentifier('__init__')).toBe('n__init__');
    expect(pythonIdentifier('')).toBe('n');
    expect(pythonIdentifier('é')).toBe('n_');
    for (const word of ['class', 'eval', 'training', 'forward', 'torch', 'self', 'keras', 'sum']) {
      expect(pythonIdentifier(word)).toBe(`${word}_`);
    }
    expect([...pythonNames(['a-b', 'a.b', 'a_b', 'a_b_2'])]).toEqual([
      ['a-b', 'a_b'],
      ['a.b', 'a_b_2'],
      ['a_b', 'a_b_3'],
      ['a_b_2', 'a_b_2_2'],
    ]);
  });

  it('any ids give distinct valid identifiers, none reserved', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 12 }), (ids) => {
        const names = [...pythonNames(ids).values()];
        expect(new Set(names).size).toBe(ids.length);
        for (const n of names) {
          expect(n).toMatch(IDENTIFIER);
          expect(RESERVED_NAMES.has(n)).toBe(false);
        }
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});

describe('Python literals', () => {
  it('base64 is the standard one, broken into lines when asked', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const plain = Buffer.from(bytes).toString('base64');
        expect(base64(bytes)).toBe(plain);
        expect(base64(bytes, 8)).toBe(plain.match(/.{1,8}/g)?.join('\n') ?? '');
      }),
      { numRuns: 300, seed: 10 },
    );
  });

  it('floats print so Python reads the same double; strings are escaped', () => {
    expect([pyFloat(1), pyFloat(-0.5), pyFloat(1e-7), pyFloat(1 - 0.9), pyFloat(1e21)]).toEqual([
      '1.0',
      '-0.5',
      '1e-7',
      '0.09999999999999998',
      '1e+21',
    ]);
    expect(() => pyFloat(Number.NaN)).toThrow();
    expect(pyStr('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
  });
});
