import { expect } from 'vitest';
import { compileGraph, GraphCompileError } from '../src/compile/compileGraph';
import { nodeIdOf } from '../src/compile/layers';
import * as tf from '../src/compile/tf';
import { ISSUE_CODES } from '../src/graph/issues';
import type { Graph, GraphContext } from '../src/graph/types';
import { analyzeGraph } from '../src/graph/validate';

const CODES = new Set<string>(Object.values(ISSUE_CODES));
/** The only problems that belong to the whole graph rather than to one node or edge. */
const GRAPH_WIDE = new Set<string>([ISSUE_CODES.NO_INPUT, ISSUE_CODES.NO_OUTPUT]);

/**
 * Validation of any graph, however broken: it returns (never throws), every problem has a known
 * code and a message and points at a node or edge that exists (only "no Input" and "no Output"
 * point at none), it is valid exactly when it lists no problem, every width is null or a whole
 * number of at least 1, and every weight count is a whole number of at least 0 that sums to the total.
 */
export function checkAnalysis(graph: Graph, ctx: GraphContext) {
  const analysis = analyzeGraph(graph, ctx);
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  for (const issue of analysis.issues) {
    expect(CODES.has(issue.code), issue.code).toBe(true);
    expect(issue.message.trim().length, issue.code).toBeGreaterThan(0);
    if (issue.nodeId !== undefined) expect(nodeIds.has(issue.nodeId), issue.message).toBe(true);
    if (issue.edgeId !== undefined) expect(edgeIds.has(issue.edgeId), issue.message).toBe(true);
    if (issue.nodeId === undefined && issue.edgeId === undefined) {
      expect(GRAPH_WIDE.has(issue.code), issue.message).toBe(true);
    }
  }
  expect(analysis.valid).toBe(analysis.issues.length === 0);
  for (const n of graph.nodes) {
    const w = analysis.widths[n.id];
    if (w !== null) expect(Number.isInteger(w) && (w as number) >= 1, `width of ${n.id}: ${w}`).toBe(true);
    const count = analysis.paramCounts[n.id] as number;
    expect(Number.isInteger(count) && count >= 0, `weights of ${n.id}: ${count}`).toBe(true);
  }
  const sum = Object.values(analysis.paramCounts).reduce((a, b) => a + b, 0);
  expect(analysis.totalParams).toBe(sum);
  return analysis;
}

/** Compiling an invalid graph throws GraphCompileError with its problems and allocates nothing. */
export function checkRefused(graph: Graph, ctx: GraphContext): void {
  const before = tf.memory().numTensors;
  expect(() => compileGraph(graph, ctx, 1)).toThrow(GraphCompileError);
  expect(tf.memory().numTensors).toBe(before);
}

/** Expected facts about a valid graph: each node's width and weight count, worked out by hand. */
export interface Expected {
  readonly widths?: Readonly<Record<string, number>>;
  readonly handCounts?: Readonly<Record<string, number>>;
}

/**
 * A valid graph compiles; every node's weight count in tfjs equals analyzeGraph's (and the hand
 * count when given); inference on `x` gives every node an output of [rows, width] (the model
 * [rows, outputDim]) with only finite values; and no tensor is left behind.
 */
export function checkCompiles(
  graph: Graph,
  ctx: GraphContext,
  seed: number,
  x: Float32Array,
  expected: Expected = {},
): void {
  const before = tf.memory().numTensors;
  const analysis = checkAnalysis(graph, ctx);
  expect(analysis.issues).toEqual([]);
  if (expected.widths) expect(analysis.widths).toEqual(expected.widths);
  if (expected.handCounts) expect(analysis.paramCounts).toEqual(expected.handCounts);
  const compiled = compileGraph(graph, ctx, seed);
  try {
    for (const id of compiled.probeIds) {
      expect(compiled.paramCounts[id], `weights of ${id}`).toBe(analysis.paramCounts[id]);
    }
    expect(compiled.totalParams).toBe(analysis.totalParams);
    const rows = x.length / ctx.inputDim;
    const outs = tf.tidy(() => {
      const all = compiled.probe.apply(tf.tensor2d(x, [rows, ctx.inputDim]), { training: false });
      return [all as tf.Tensor | tf.Tensor[]].flat();
    });
    try {
      compiled.probeIds.forEach((id, i) => {
        const out = outs[i] as tf.Tensor;
        expect(out.shape, `output of ${id}`).toEqual([rows, analysis.widths[id]]);
        const bad = (out.dataSync() as Float32Array).findIndex((v) => !Number.isFinite(v));
        expect(bad, `first non-finite output of ${id}`).toBe(-1);
      });
      // The model's own output is the Output node's, [rows, outputDim].
      const outputId = graph.nodes.find((n) => n.kind === 'output')?.id ?? '';
      expect(compiled.model.outputs.map((o) => o.shape)).toEqual([[null, ctx.outputDim]]);
      expect(nodeIdOf(compiled.model.outputLayers[0]?.name ?? '')).toBe(outputId);
      expect(outs[compiled.probeIds.indexOf(outputId)]?.shape).toEqual([rows, ctx.outputDim]);
    } finally {
      tf.dispose(outs);
    }
  } finally {
    compiled.dispose();
  }
  expect(tf.memory().numTensors).toBe(before);
}
