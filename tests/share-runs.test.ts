import { describe, expect, it } from 'vitest';
import { chainGraph, defaultGraph, makeNode } from '../src/graph/defaultGraph';
import { graphSummary } from '../src/graph/summary';
import {
  boundaryValues,
  defaultLab,
  labFromJson,
  labToJson,
  type PinnedRun,
  readRuns,
  runsFromJson,
  runsToJson,
  shrinkBoundary,
} from '../src/share';
import { runToPayload } from '../src/share/runs';

const run = (over: Partial<PinnedRun> = {}): PinnedRun => ({
  id: 'run-1',
  name: 'Original',
  color: '#009e73',
  lab: defaultLab(),
  steps: 300,
  wallMs: 2345,
  final: { trainLoss: 0.0123, testLoss: 0.0234, testAccuracy: 0.98, testR2: null },
  curves: {
    trainLoss: [
      { x: 10, y: 0.5 },
      { x: 300, y: 0.0123 },
    ],
    testLoss: [
      { x: 0, y: 0.69 },
      { x: 300, y: 0.0234 },
    ],
    testAccuracy: [
      { x: 0, y: 0.5 },
      { x: 300, y: 0.98 },
    ],
  },
  boundary: { size: 2, channels: 1, task: 'binary', values: [0, 64, 191, 255] },
  note: null,
  ...over,
});

/** The written form of one run, to damage in tests. */
const written = (over: Record<string, unknown> = {}) => ({ ...runToPayload(run()), ...over });

describe('pinned runs as data', () => {
  it('round-trip through storage text and lab files, exactly', () => {
    const runs = [
      run(),
      run({ id: 'run-2', name: 'Without normalization', color: '#cc79a7', note: 'diverged by step 40' }),
    ];
    const back = runsFromJson(runsToJson(runs));
    expect(back).toEqual({ ok: true, runs });
    const file = labToJson(defaultLab(), { runs });
    const read = labFromJson(file);
    expect(read.ok && read.runs).toEqual(runs);
    // A file without runs reads as before, and a lab with none writes no field.
    expect(labToJson(defaultLab(), { runs: [] })).toBe(labToJson(defaultLab()));
    const plain = labFromJson(labToJson(defaultLab()));
    expect(plain.ok && plain.runs).toBeUndefined();
  });

  it('writes curves compactly (5 significant digits) and non-finite metrics as null', () => {
    const p = runToPayload(
      run({
        final: { trainLoss: Number.NaN, testLoss: 1 / 3, testAccuracy: null, testR2: null },
        curves: { trainLoss: [{ x: 1, y: 1 / 3 }], testLoss: [], testAccuracy: [] },
      }),
    );
    expect(p.final).toEqual({ trainLoss: null, testLoss: 1 / 3, testAccuracy: null, testR2: null });
    expect((p.curves as { trainLoss: number[] }).trainLoss).toEqual([1, 0.33333]);
  });

  it('refuses damaged runs with one sentence naming the run and the field', () => {
    const cases: [unknown, RegExp][] = [
      [{}, /must be a list/],
      [
        [written(), written({ id: 'b' }), written({ id: 'c' }), written({ id: 'd' }), written({ id: 'e' })],
        /5 pinned runs; at most 4/,
      ],
      [[written({ name: '' })], /^Pinned run 1: its name is empty \(name\)\.$/],
      [[written({ name: 'a\nb' })], /control characters/],
      [[written({ color: 'red' })], /colour must be #rrggbb/],
      [[written({ steps: 1.5 })], /whole number/],
      [
        [written({ curves: { trainLoss: [1, 2, 3], testLoss: [], testAccuracy: [] } })],
        /\(step, value\) pairs/,
      ],
      [[written({ curves: { trainLoss: [1, null], testLoss: [], testAccuracy: [] } })], /Pinned run 1:/],
      [
        [written({ boundary: { size: 3, channels: 1, task: 'binary', values: [1, 2] } })],
        /size × size × channels/,
      ],
      [[written({ boundary: { size: 1, channels: 1, task: 'binary', values: [300] } })], /Pinned run 1:/],
      [[written({ extra: 1 })], /Pinned run 1:/],
      [[written({ lab: 'nope' })], /holds no lab/],
      [[written({ lab: { version: 99 } })], /newer NormLab/],
      [[written({ lab: { ...(runToPayload(run()).lab as object), nodes: [] } })], /^Pinned run 1: /],
      [[written(), written()], /share the id "run-1"/],
    ];
    for (const [raw, message] of cases) {
      const r = readRuns(raw);
      expect(r.ok, JSON.stringify(raw).slice(0, 80)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(message);
    }
    // In a lab file, bad runs refuse the file with that sentence.
    const file = JSON.parse(labToJson(defaultLab(), { runs: [run()] }));
    file.runs[0].color = 'blue';
    const read = labFromJson(JSON.stringify(file));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(/^Pinned run 1: its colour must be #rrggbb/);
    expect(runsFromJson('not json').ok).toBe(false);
    expect(runsFromJson('{"version":2,"runs":[]}')).toEqual({
      ok: false,
      error: 'The kept pinned runs are not in a format this NormLab reads.',
    });
    expect(runsFromJson('{"__proto__":{},"version":1,"runs":[]}').ok).toBe(false);
  });

  it('shrinks a boundary to a small grid of bytes and reads it back on the heatmap scale', () => {
    // 4 × 4 binary grid, 0 on the left half, 1 on the right; to 2 × 2.
    const values = Float32Array.from({ length: 16 }, (_, i) => (i % 4 < 2 ? 0 : 1));
    const b = shrinkBoundary(values, 4, 1, 'binary', 2);
    expect(b).toEqual({ size: 2, channels: 1, task: 'binary', values: [0, 255, 0, 255] });
    expect(Array.from(boundaryValues(b))).toEqual([0, 1, 0, 1]);
    // Regression values in [-1, 1]; NaN becomes the middle.
    const r = shrinkBoundary(Float32Array.from([-1, 1, Number.NaN, 0]), 2, 1, 'regression', 2);
    expect(r.values).toEqual([0, 255, 127, 128]);
    expect(boundaryValues(r)[0]).toBe(-1);
    // Never larger than the grid it came from, nor than 40.
    expect(shrinkBoundary(new Float32Array(9), 3, 1, 'binary').size).toBe(3);
    expect(shrinkBoundary(new Float32Array(100 * 100 * 3), 100, 3, 'multiclass', 64).values).toHaveLength(
      40 * 40 * 3,
    );
  });
});

describe('graphSummary', () => {
  it('names the hidden layers by kind and the activations, for a table row', () => {
    expect(graphSummary(defaultGraph())).toBe('2 Dense, 2 BN, ReLU');
    const mixed = chainGraph([
      makeNode('input', 'input', 0, 0),
      makeNode('d1', 'dense', 0, 1),
      makeNode('ln', 'layernorm', 0, 2),
      makeNode('a1', 'activation', 0, 3, { fn: 'tanh' }),
      makeNode('d2', 'dense', 0, 4),
      makeNode('a2', 'activation', 0, 5, { fn: 'tanh' }),
      makeNode('a3', 'activation', 0, 6, { fn: 'relu' }),
      makeNode('output', 'output', 0, 7),
    ]);
    expect(graphSummary(mixed)).toBe('2 Dense, LN, tanh ×2, ReLU');
    expect(
      graphSummary(chainGraph([makeNode('input', 'input', 0, 0), makeNode('output', 'output', 0, 1)])),
    ).toBe('no hidden layers');
  });
});
