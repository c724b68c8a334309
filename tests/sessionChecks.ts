import { expect } from 'vitest';
import * as tf from '../src/compile/tf';
import { analyzeAffine } from '../src/graph/affine';
import type { AffineMap } from '../src/graph/fold';
import { EPSILON_FLOOR } from '../src/graph/registry';
import type { Graph, GraphNode, Task } from '../src/graph/types';
import type { Histogram } from '../src/lib/stats';
import { PROBE_BATCH } from '../src/train/probes/context';
import { WARP_LINES } from '../src/train/probes/warp';
import {
  type DistributionReport,
  type Heatmap,
  MAX_PROBE_UNITS,
  type Metrics,
  NO_PROBES,
  type NodeWeights,
  type ProbeRequest,
  type SessionConfig,
  type TrainEvent,
} from '../src/train/protocol';
import { TrainingSession } from '../src/train/session';
import { configOf, type TrainingCase } from './arbitraryTraining';
import { checkDistributionMath } from './distributionMath';

type Event<T extends TrainEvent['type']> = Extract<TrainEvent, { type: T }>;
const finite = (values: ArrayLike<number>) => Array.from(values).every(Number.isFinite);

/**
 * How large the float32 model's rounding error may grow: max over points and outputs of
 * sum_j |x_j W'_jk| + |b'_k| (the logit's size before any cancellation). A float32 network folded
 * to float64 W', b' matches it to a small multiple of 2^-24 of that.
 */
function logitScale(map: AffineMap, x: Float32Array): number {
  const d = map.W.length;
  let scale = 0;
  for (let r = 0; r < x.length / d; r++) {
    map.b.forEach((b, k) => {
      let sum = Math.abs(b);
      for (let j = 0; j < d; j++) sum += Math.abs((x[r * d + j] as number) * (map.W[j]?.[k] as number));
      scale = Math.max(scale, sum);
    });
  }
  return scale;
}

/** Test loss finite; accuracy a share for classification, R² finite for regression. */
function checkMetrics(m: Metrics, task: Task): void {
  expect(m.step).toBe(3);
  expect(Number.isFinite(m.testLoss) && m.testLoss >= 0, `test loss ${m.testLoss}`).toBe(true);
  expect(Number.isFinite(m.trainLoss ?? Number.NaN), `train loss ${m.trainLoss}`).toBe(true);
  if (task === 'regression') {
    expect(m.testAccuracy).toBeNull();
    expect(Number.isFinite(m.testR2 ?? Number.NaN), `R² ${m.testR2}`).toBe(true);
  } else {
    expect(m.testR2).toBeNull();
    expect(m.testAccuracy).toBeGreaterThanOrEqual(0);
    expect(m.testAccuracy).toBeLessThanOrEqual(1);
  }
}

/** A size x size boundary of probabilities (classification) or finite values, and a finite R² or null. */
function checkHeatmap(h: Heatmap, task: Task, outputDim: number): void {
  expect(h.values).toHaveLength(4 * 4 * (task === 'multiclass' ? outputDim : 1));
  expect(finite(h.values), 'heatmap values').toBe(true);
  if (task !== 'regression') expect(h.values.every((v) => v >= 0 && v <= 1)).toBe(true);
  expect(h.nonlinearity === null || Number.isFinite(h.nonlinearity), `R² ${h.nonlinearity}`).toBe(true);
}

/** Every value counted, none of them NaN or infinite. */
function checkHistogram(h: Histogram, values: number): void {
  expect(h.nonFinite).toBe(0);
  expect(h.n).toBe(values);
  expect(h.counts.reduce((a, b) => a + b, 0)).toBe(values);
  expect(finite([h.mean, h.std, h.lo, h.hi])).toBe(true);
}

function checkDistributions(
  r: DistributionReport,
  node: GraphNode,
  width: number,
  rows: number,
  weights: NodeWeights,
): void {
  expect(r.width).toBe(width);
  expect(r.probeSize).toBe(rows);
  checkHistogram(r.pooled.before, rows * width);
  checkHistogram(r.pooled.after, rows * width);
  expect(r.units).toHaveLength(Math.min(width, MAX_PROBE_UNITS));
  for (const u of r.units) checkHistogram(u.after, rows);
  expect(r.unitShare).toBeGreaterThanOrEqual(0);
  expect(r.unitShare).toBeLessThanOrEqual(1);
  expect(r.batchNorm !== null).toBe(node.kind === 'batchnorm');
  if (r.batchNorm) {
    const { runningMean, runningVariance, batchMean, batchVariance } = r.batchNorm;
    for (const v of [runningMean, runningVariance, batchMean, batchVariance]) expect(v).toHaveLength(width);
    expect(finite([...runningMean, ...runningVariance, ...batchMean, ...batchVariance])).toBe(true);
    expect(runningVariance.every((v) => v >= 0)).toBe(true);
  }
  checkDistributionMath(r, node, weights);
}

/** The nodes the Distributions panel shows: normalization and activation nodes. */
const distributionNodes = (nodes: readonly GraphNode[]) =>
  nodes.filter((n) => ['batchnorm', 'layernorm', 'activation'].includes(n.kind));

/**
 * Distributions of up to three more nodes than the request's (one Linear activation at most: the
 * generator adds many as pass-throughs), each checked against its formula.
 */
async function checkMoreDistributions(
  c: TrainingCase,
  session: TrainingSession,
  events: TrainEvent[],
  done: string | undefined,
  weights: NodeWeights,
  rows: number,
): Promise<number> {
  const others = distributionNodes(c.graphCase.graph.nodes).filter((n) => n.id !== done);
  const linear = others.filter((n) => n.kind === 'activation' && n.params.fn === 'linear').slice(0, 1);
  const picked = [...others.filter((n) => !linear.includes(n) && n.params.fn !== 'linear'), ...linear].slice(
    0,
    3,
  );
  for (const node of picked) {
    events.length = 0;
    await session.setProbes({ ...NO_PROBES, distributions: { nodeId: node.id, mode: c.mode } });
    const report = events.find((e): e is Event<'distributions'> => e.type === 'distributions')?.report;
    checkDistributions(
      report as DistributionReport,
      node,
      c.graphCase.widths[node.id] as number,
      rows,
      weights,
    );
  }
  return picked.length;
}

/** The probe request of a case: one candidate node per panel, picked by the case. */
function requestOf(c: TrainingCase, nodes: readonly GraphNode[]): ProbeRequest {
  const pick = (list: readonly GraphNode[], at: number) => list[at % Math.max(1, list.length)];
  const dist = pick(distributionNodes(nodes), c.picks.distributions);
  const bn = pick(
    nodes.filter((n) => n.kind === 'batchnorm'),
    c.picks.batch,
  );
  const warp = pick(
    nodes.filter((n) => n.kind !== 'input'),
    c.picks.warp,
  );
  return {
    distributions: dist ? { nodeId: dist.id, mode: c.mode } : null,
    affine: true,
    batch: bn ? { nodeId: bn.id, unit: c.picks.batch, point: [0.5, -1] } : null,
    warp: warp ? { nodeId: warp.id } : null,
    health: true,
  };
}

/** What a run exercised: its task, optimizer, how strictly it was checked, the probes that reported. */
export type RunSummary = readonly string[];

/** Which numbers must be finite: those of training mode, and those of inference mode. */
interface Strictness {
  readonly training: boolean;
  readonly inference: boolean;
}

/**
 * How much the BatchNorm nodes can amplify a point in inference mode after three steps, at most:
 * each divides by sqrt(running var + eps), and the running variance, which starts at 1, is at
 * least momentum^3 after three updates; so the product of max(1, 1 / sqrt(momentum^3 + eps)).
 * Momentum 0 with the smallest epsilon gives 1e6 per node: three in a row overflow float32, as
 * the formula says they must, in inference only (training mode divides by the batch's own spread).
 */
export function inferenceGain(graph: Graph): number {
  return graph.nodes
    .filter((n) => n.kind === 'batchnorm')
    .reduce((gain, n) => {
      const eps = Math.max(Number(n.params.epsilon), EPSILON_FLOOR);
      return gain * Math.max(1, 1 / Math.sqrt(Number(n.params.momentum) ** 3 + eps));
    }, 1);
}

/** Every probe the request asked for, checked against the node's width (its numbers where `strict` says). */
function checkProbes(
  c: TrainingCase,
  request: ProbeRequest,
  events: readonly TrainEvent[],
  config: SessionConfig,
  strictness: Strictness,
  weights: NodeWeights,
): void {
  const { graph } = c.graphCase;
  const widths = c.graphCase.widths;
  const of = <T extends TrainEvent['type']>(type: T) => events.find((e): e is Event<T> => e.type === type);
  const errors = events.filter((e): e is Event<'probeError'> => e.type === 'probeError');
  const rows = Math.min(PROBE_BATCH, config.data.yTest.length);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  if (request.distributions) {
    const { nodeId } = request.distributions;
    const report = of('distributions')?.report as DistributionReport;
    expect(report?.width).toBe(widths[nodeId]);
    if (strictness[request.distributions.mode])
      checkDistributions(report, byId.get(nodeId) as GraphNode, widths[nodeId] as number, rows, weights);
  }
  if (request.batch) {
    const report = of('batchDependence')?.report;
    const width = widths[request.batch.nodeId] as number;
    expect(report?.unit).toBe(Math.min(width - 1, request.batch.unit));
    const values = report?.groups.flatMap((g) => g.values) ?? [];
    expect(values.length).toBeGreaterThan(0);
    if (strictness.training) expect(finite([...values, report?.trainingSpread ?? Number.NaN])).toBe(true);
    if (strictness.inference) {
      expect(report?.inferenceSpread, 'inference must not depend on batch-mates').toBe(0);
      expect(Number.isFinite(report?.inference)).toBe(true);
    }
  }
  const warpWidth = request.warp ? (widths[request.warp.nodeId] as number) : 0;
  if (request.warp && warpWidth >= 2) {
    const report = of('warp')?.report;
    expect(report?.width).toBe(warpWidth);
    expect(report?.lines).toHaveLength(2 * WARP_LINES);
    if (strictness.inference) {
      expect(report?.lines.every((l) => finite(l.points))).toBe(true);
      expect(finite([report?.bend ?? Number.NaN, report?.explained ?? Number.NaN])).toBe(true);
    }
  }
  // A 1-unit node has no plane to draw: the warp panel says so; no other probe may fail.
  const expected = request.warp && warpWidth < 2 ? [['warp', expect.stringMatching(/1 unit/)]] : [];
  expect(errors.map((e) => [e.probe, e.message])).toEqual(expected);
  const affine = of('affine');
  expect(affine !== undefined, 'an affine report exactly when the graph is affine').toBe(
    analyzeAffine(graph).affine,
  );
  if (affine && strictness.inference) {
    const { maxError, map } = affine.report;
    const tolerance = 1e-4 * (1 + logitScale(map, config.data.xTest));
    expect(maxError, 'folded W′, b′ against the model').toBeLessThanOrEqual(tolerance);
  }
}

/**
 * Three training steps of a valid random graph, then metrics, the decision boundary and every
 * probe: nothing throws, every report has the node's width, and the session leaves
 * tf.memory().numTensors where it found it. A tame case (see isTame) keeps every training-mode
 * number finite, and, unless its BatchNorm nodes may amplify by more than 1e6 (inferenceGain),
 * every inference-mode one too: then inference does not depend on batch-mates and an all-affine
 * graph folds to W', b' matching the model, and distributions follow their node's formula
 * (distributionMath). In any case a loss that is not finite must be
 * reported as a divergence at its step.
 */
export async function checkTrainingRun(c: TrainingCase): Promise<RunSummary> {
  const { graph, ctx } = c.graphCase;
  const start = tf.memory().numTensors;
  const events: TrainEvent[] = [];
  const config = configOf(c);
  const session = new TrainingSession(config, (e) => events.push(e), { heatmapSize: 4 });
  let summary: RunSummary = [];
  try {
    for (const n of graph.nodes) {
      if (n.kind === 'input') continue;
      expect(session.paramCounts[n.id], `weights of ${n.id}`).toBe(c.graphCase.handCounts[n.id]);
    }
    const losses = await session.runSteps(3);
    expect(losses).toHaveLength(3);
    const bad = losses.findIndex((v) => !Number.isFinite(v));
    if (c.tame) expect(bad, `losses ${losses}`).toBe(-1);
    const diverged = events.filter((e): e is Event<'diverged'> => e.type === 'diverged');
    expect(diverged.map((e) => e.step)).toEqual(bad < 0 ? [] : [bad + 1]);
    const training = bad < 0 && c.tame;
    const strictness = { training, inference: training && inferenceGain(graph) <= 1e6 };
    const metrics = await session.reportMetrics();
    if (strictness.inference) checkMetrics(metrics, ctx.task);
    events.length = 0;
    await session.reportHeatmap();
    const heatmap = events.find((e): e is Event<'heatmap'> => e.type === 'heatmap')?.heatmap as Heatmap;
    if (strictness.inference) checkHeatmap(heatmap, ctx.task, ctx.outputDim);
    else expect(heatmap.nonlinearity === null || Number.isFinite(heatmap.nonlinearity)).toBe(true);

    events.length = 0;
    const request = requestOf(c, graph.nodes);
    await session.setProbes(request);
    const weights = await session.getWeights();
    checkProbes(c, request, events, config, strictness, weights);
    const probes = new Set(events.map((e) => (e.type === 'probeError' ? `${e.probe} error` : e.type)));
    if (strictness[c.mode]) {
      const rows = Math.min(PROBE_BATCH, config.data.yTest.length);
      const done = request.distributions?.nodeId;
      if ((await checkMoreDistributions(c, session, events, done, weights, rows)) > 0)
        probes.add('more distributions');
    }
    const strict = strictness.inference ? 'strict' : strictness.training ? 'training-strict' : 'may diverge';
    summary = [
      `task ${ctx.task}`,
      `optimizer ${c.hyper.optimizer}`,
      strict,
      ...[...probes].map((p) => `probe ${p}`),
    ];
  } finally {
    await session.dispose();
  }
  expect(tf.memory().numTensors, 'tensors left behind').toBe(start);
  return summary;
}
