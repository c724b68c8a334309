import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../src/data/datasets';
import type { BuiltinName } from '../src/data/types';
import { ISSUE_CODES } from '../src/graph/issues';
import { graphCaseArb } from './arbitraryGraph';
import { brokenCaseArb, outsideCaseArb } from './brokenGraph';
import { checkAnalysis, checkCompiles, checkRefused } from './graphChecks';
import { GraphCoverage } from './graphCoverage';
import { useCpu } from './helpers';
import { PROPTEST_SEED, runs, timed } from './proptestConfig';

/*
 * Random graphs, valid and broken, through validation, compile, weight counts and inference.
 * A failure prints fast-check's seed and the smallest graph it shrank to, as a node/edge list.
 */

beforeAll(useCpu);

/** A guard against a hang only (no speed target): the machine may be shared and slow. */
const HANG_GUARD_MS = 300_000;

const VALID_RUNS = runs(1000);
const BROKEN_RUNS = runs(1000);
const OUTSIDE_RUNS = runs(300);

/** 32 test points of each dataset (generated once): what inference runs on. */
const points = new Map<BuiltinName, Float32Array>();
function pointsOf(dataset: BuiltinName): Float32Array {
  let x = points.get(dataset);
  if (!x) {
    const settings = { dataset, samples: 64, noise: 0.1, trainFraction: 0.5, seed: 1, inputScale: 1 };
    x = generateDataset(settings).xTest;
    points.set(dataset, x);
  }
  return x;
}

describe(`random graphs (seed ${PROPTEST_SEED})`, () => {
  it(
    `${VALID_RUNS} valid graphs of every kind and task compile, count the weights by hand, and infer finite outputs of the right shape`,
    () => {
      const coverage = new GraphCoverage();
      timed(`${VALID_RUNS} valid graphs`, () =>
        fc.assert(
          fc.property(graphCaseArb({ maxNodes: 10, maxUnits: 512 }), (c) => {
            coverage.note(c.graph, c.ctx);
            checkCompiles(c.graph, c.ctx, c.seed, pointsOf(c.dataset), c);
          }),
          { numRuns: VALID_RUNS, seed: PROPTEST_SEED },
        ),
      );
      // The graphs reached every kind, activation, initializer, center/scale pair, range edge,
      // task and join size (2 and 16 inputs): a generator that stops covering one fails here.
      expect(coverage.missing()).toEqual([]);
    },
    HANG_GUARD_MS,
  );

  it(
    `${BROKEN_RUNS} broken and random graphs: analyzeGraph never throws and every problem points at a node or edge that exists; a graph it passes compiles, one it fails is refused`,
    () => {
      let valid = 0;
      timed(`${BROKEN_RUNS} broken graphs`, () =>
        fc.assert(
          fc.property(brokenCaseArb, (c) => {
            const analysis = checkAnalysis(c.graph, c.ctx);
            if (!analysis.valid) return checkRefused(c.graph, c.ctx);
            valid++;
            checkCompiles(c.graph, c.ctx, 1, pointsOf(c.dataset));
          }),
          { numRuns: BROKEN_RUNS, seed: PROPTEST_SEED },
        ),
      );
      // Most are broken; a few mutations (a resized Dense, a dropped third input of a join) leave
      // a valid graph, which must then compile.
      expect(valid).toBeGreaterThan(0);
      expect(valid).toBeLessThan(BROKEN_RUNS / 4);
    },
    HANG_GUARD_MS,
  );

  it(
    `${OUTSIDE_RUNS} graphs with one parameter just outside its range: exactly one problem, at that node, naming the parameter`,
    () => {
      timed(`${OUTSIDE_RUNS} out-of-range parameters`, () =>
        fc.assert(
          fc.property(outsideCaseArb, (c) => {
            const analysis = checkAnalysis(c.graph, c.ctx);
            expect(analysis.issues.map((i) => [i.code, i.nodeId])).toEqual([
              [ISSUE_CODES.BAD_PARAM, c.nodeId],
            ]);
            expect(analysis.issues[0]?.message).toContain(c.label);
            checkRefused(c.graph, c.ctx);
          }),
          { numRuns: OUTSIDE_RUNS, seed: PROPTEST_SEED },
        ),
      );
    },
    HANG_GUARD_MS,
  );
});
