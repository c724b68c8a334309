import { isDivergedLoss, sweepDivergence } from './divergence';
import { evaluateModel } from './evaluate';
import { makeOptimizer } from './optimizers';
import type { SessionConfig, SweepPoint, SweepRequest, SweepRun } from './protocol';
import { SessionModel } from './sessionModel';
import { yieldToLoop } from './yieldToLoop';

/** Steps per readback in a sweep run: one sync per group, and a NaN ends the run within a group. */
export const SWEEP_GROUP = 25;

/**
 * One run of a sweep: a fresh model of `run`'s graph from the request's seed (the same initial
 * weights and batches at every rate), trained `steps` steps at `rate`; its train loss (inference
 * mode, as the app reports it) before and after, and whether it diverged (sweepDivergence, the
 * app's rule). Frees every tensor it made, also when a step throws.
 */
export async function sweepRun(request: SweepRequest, run: SweepRun, rate: number): Promise<SweepPoint> {
  const hyper = { ...request.hyper, learningRate: rate };
  const { ctx, data, seed } = request;
  const config: SessionConfig = { graph: run.graph, ctx, data, hyper, seed };
  const m = new SessionModel(config, 1);
  const optimizer = makeOptimizer(hyper);
  try {
    const trainLoss = async () => {
      const { xTest, yTest } = m.tensors;
      const e = await evaluateModel(m.model, xTest, yTest, ctx.task, m.trainEval);
      return e.trainLoss ?? Number.NaN;
    };
    const initialLoss = await trainLoss();
    const batchSize = Math.max(1, Math.min(hyper.batchSize, m.tensors.nTrain));
    let done = 0;
    let badStep: number | null = null;
    while (done < request.steps && badStep === null) {
      const n = Math.min(SWEEP_GROUP, request.steps - done);
      const group = { n, measure: false, firstStep: done, onStep: () => {} };
      const { values } = await m.runGroup(optimizer, hyper, batchSize, group);
      const bad = values.findIndex(isDivergedLoss);
      if (bad >= 0) badStep = done + bad + 1;
      done = badStep ?? done + n;
      // Lets the worker hear messages between groups.
      await yieldToLoop();
    }
    const finalLoss = badStep === null ? await trainLoss() : Number.NaN;
    const why = sweepDivergence({ initialLoss, finalLoss, badStep });
    return {
      runId: run.id,
      rate,
      initialLoss: Number.isFinite(initialLoss) ? initialLoss : null,
      finalLoss: Number.isFinite(finalLoss) ? finalLoss : null,
      diverged: why !== null,
      why,
      steps: done,
    };
  } finally {
    optimizer.dispose();
    m.dispose();
  }
}

/** Every run of the request at every rate, in order, each point sent through `onPoint` as it ends. */
export async function runSweep(
  request: SweepRequest,
  onPoint: (point: SweepPoint) => void,
): Promise<SweepPoint[]> {
  const points: SweepPoint[] = [];
  for (const run of request.runs) {
    for (const rate of request.rates) {
      const point = await sweepRun(request, run, rate);
      points.push(point);
      onPoint(point);
    }
  }
  return points;
}
