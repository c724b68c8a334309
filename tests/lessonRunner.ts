import * as tf from '../src/compile/tf';
import { generateDataset } from '../src/data/datasets';
import { evaluateLesson } from '../src/lessons/evaluate';
import { isCollapsed, linearAccuracyOf, runMeasures } from '../src/lessons/measures';
import { probeRequestFor } from '../src/lessons/probes';
import type { CheckResult, CheckState, Lesson, LessonMeasures, RunMeasures } from '../src/lessons/types';
import type { Lab } from '../src/share/lab';
import type { TrainEvent } from '../src/train/protocol';
import { TrainingSession } from '../src/train/session';

/** Steps per readback while running to the budget. */
const CHUNK = 50;

type Last = { [K in TrainEvent['type']]?: Extract<TrainEvent, { type: K }> };

/**
 * Trains one lab headless with the app's TrainingSession (whatever tfjs backend is set; tests
 * pin cpu) to `steps`, then reads what the app would show at that point: metrics, the decision
 * boundary's R² (100x100 grid, as the app draws it) and the open panel's probe for `focusNodeId`.
 * Disposes the session, and with it every tensor, even when something throws.
 */
export async function runLab(
  lab: Lab,
  focusNodeId: string | null,
  steps: number,
  point?: readonly [number, number],
): Promise<RunMeasures> {
  const ds = generateDataset(lab.data);
  const last: Last = {};
  const session = new TrainingSession(
    {
      graph: lab.graph,
      ctx: { inputDim: ds.info.inputDim, outputDim: ds.info.outputDim, task: ds.info.task },
      data: {
        xTrain: ds.xTrain,
        yTrain: ds.yTrain,
        xTest: ds.xTest,
        yTest: ds.yTest,
        domain: ds.info.domain,
      },
      hyper: lab.hyper,
      seed: lab.data.seed,
    },
    (e) => {
      (last as Record<string, TrainEvent>)[e.type] = e;
    },
  );
  try {
    for (let done = 0; done < steps; done += CHUNK) {
      await session.runSteps(Math.min(CHUNK, steps - done));
      if (last.diverged) break;
    }
    await session.reportMetrics();
    await session.reportHeatmap();
    await session.setProbes(probeRequestFor(lab, focusNodeId, point));
    if (last.probeError) throw new Error(`probe failed: ${last.probeError.message}`);
    return runMeasures({
      step: session.steps,
      metrics: last.metrics?.metrics ?? null,
      heatmap: last.heatmap?.heatmap ?? null,
      affine: last.affine?.report ?? null,
      batch: last.batchDependence?.report ?? null,
      distributions: last.distributions?.report ?? null,
      openPanel: lab.panels.open,
      collapsed: isCollapsed(lab),
      focusNodeId,
      linearAccuracy: linearAccuracyOf(lab),
    });
  } finally {
    await session.dispose();
  }
}

/** What running a lesson gave: both runs' measures, every check's verdict, and the lesson's. */
export interface LessonRun {
  readonly measures: LessonMeasures;
  readonly results: readonly CheckResult[];
  readonly state: CheckState;
  /** Live tensors after the run minus before it (0: nothing leaked). */
  readonly leakedTensors: number;
}

/** Sets the data seed of a lab (the seed also draws the initial weights and the batches). */
export const withSeed = (lab: Lab, seed: number): Lab => ({ ...lab, data: { ...lab.data, seed } });

/**
 * Runs a lesson as a learner would: its lab to the step budget; with `compare`, pins that run
 * and runs the second lab to the budget too; then evaluates every check. `seed` overrides the
 * lesson's pinned seed in both labs (for seed sweeps).
 */
export async function runLesson(lesson: Lesson, seed?: number): Promise<LessonRun> {
  const before = tf.memory().numTensors;
  const seeded = (lab: Lab) => (seed === undefined ? lab : withSeed(lab, seed));
  const point = lesson.probePoint ?? undefined;
  const first = await runLab(seeded(lesson.lab), lesson.focusNodeId, lesson.stepBudget, point);
  const measures: LessonMeasures = lesson.compare
    ? {
        pinned: first,
        current: await runLab(
          seeded(lesson.compare.lab),
          lesson.compare.focusNodeId,
          lesson.stepBudget,
          point,
        ),
      }
    : { current: first, pinned: null };
  const { state, results } = evaluateLesson(lesson, measures);
  return { measures, results, state, leakedTensors: tf.memory().numTensors - before };
}
