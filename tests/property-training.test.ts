import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainingCaseArb } from './arbitraryTraining';
import { useCpu } from './helpers';
import { PROPTEST_SEED, runs, timedAsync } from './proptestConfig';
import { checkTrainingRun } from './sessionChecks';

/*
 * Random valid graphs through the app's TrainingSession on the cpu backend: three steps, metrics,
 * a 4x4 decision boundary, and the probes (distributions, batch dependence, warped grid, affine
 * fold), with tf.memory().numTensors back where it started. A failure prints fast-check's seed
 * and the smallest case it shrank to: data settings, optimizer, probes and the node/edge list.
 */

beforeAll(useCpu);

/** A guard against a hang only (no speed target): the machine may be shared and slow. */
const HANG_GUARD_MS = 300_000;

const TRAINING_RUNS = runs(400);

describe(`random graphs in training (seed ${PROPTEST_SEED})`, () => {
  it(
    `${TRAINING_RUNS} valid graphs on every task train three steps, report metrics and boundary, run every probe and leak no tensor`,
    async () => {
      const seen = new Map<string, number>();
      await timedAsync(`${TRAINING_RUNS} training runs`, () =>
        fc.assert(
          fc.asyncProperty(trainingCaseArb({ maxNodes: 8, maxUnits: 512 }), async (c) => {
            for (const what of await checkTrainingRun(c)) seen.set(what, (seen.get(what) ?? 0) + 1);
          }),
          { numRuns: TRAINING_RUNS, seed: PROPTEST_SEED },
        ),
      );
      console.log([...seen].map(([what, n]) => `${what}: ${n}`).join(', '));
      // The runs covered every task and optimizer, fully checked runs and diverging ones, and
      // every probe: distributions, batch dependence, warped grid (and its 1-unit refusal), affine fold.
      const wanted = [
        ...['binary', 'multiclass', 'regression'].map((t) => `task ${t}`),
        ...['sgd', 'momentum', 'adam', 'rmsprop'].map((o) => `optimizer ${o}`),
        'strict',
        'may diverge',
        ...['distributions', 'more distributions', 'batchDependence', 'warp', 'warp error', 'affine'].map(
          (p) => `probe ${p}`,
        ),
      ];
      expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
    },
    HANG_GUARD_MS,
  );
});
