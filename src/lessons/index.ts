/**
 * src/lessons: guided lessons as plain data, and pure checks that decide them. No React, no
 * store, no tfjs: the app (or a headless test, tests/lessonRunner.ts) trains, and hands the
 * numbers it already has to these functions.
 *
 * How the UI teaches a lesson:
 * 1. Pick it: `LESSONS[n - 1]` / `lessonByNumber(n)`, or `lessonFromHash(location.hash)` for
 *    "#lesson=3" (a shipped lesson) and "#lesson=<code>" (an instructor's; see 6.).
 * 2. Open it: load `lesson.lab` as a lab (graph, data with its pinned seed, hyperparameters,
 *    open panel), point that panel at `lesson.focusNodeId`, and for the Batch dependence panel
 *    put `lesson.probePoint` in. `probeRequestFor(lab, focusNodeId, point)` is the ProbeRequest
 *    this amounts to. Show `title`, `goal`, `steps`; ask `prediction.question` with its
 *    `choices` before training, and show `reveal` (and whether `answer` was picked) after.
 * 3. Measure: whenever metrics or reports arrive, build the run's measures with
 *    `runMeasures({ step, metrics, heatmap, affine, batch, distributions, openPanel, collapsed,
 *    focusNodeId, linearAccuracy })`: the store's reports fit as they are; `collapsed` is the
 *    banner's condition (isWholeNetworkAffine); `linearAccuracy` is
 *    `linearBaselineAccuracy(dataset)` (data/linearBaseline; compute once per dataset).
 * 4. Decide: `evaluateLesson(lesson, { current, pinned })` gives each check's state
 *    ('pending' | 'pass' | 'fail'), value, and a line such as "test accuracy 0.580 ≤ 0.65 ✓".
 *    Checks an untrained net passes trivially wait for `lesson.stepBudget`; pause training there
 *    (or freeze the verdicts), since training on changes the numbers they were decided on.
 * 5. Compare (`lesson.compare` set): at the budget the learner pins the first run (keep its
 *    RunMeasures as `pinned`, frozen), then opens `compare.lab` (same data and seed, one
 *    change) with `compare.focusNodeId` and trains it to the budget. 'current' checks are about
 *    this second run and stay pending until the first is pinned; 'pinned' checks read the first.
 * 6. Instructors: build a `CustomLesson` (title, goal, steps, step budget, checks from
 *    `CUSTOM_CHECK_MENU`, the lab on screen), check it with `validateCustomLesson`, and share
 *    `lessonUrl(base, custom)`. `decodeLesson` reads such a link back (untrusted input: one
 *    sentence on any problem, never throws); `customToLesson` makes it teachable like any other.
 *
 * `lessonProblems(lesson)` lists why a lesson cannot be taught as written (tests run it on every
 * shipped lesson; decodeLesson runs it on every instructor lesson).
 */

export { linearBaselineAccuracy } from '../data/linearBaseline';
export { type ChainSpec, chainLab, type LabOptions } from './build';
export { LESSONS, lessonById, lessonByNumber } from './catalog';
export {
  CHECK_KIND_NAMES,
  CHECK_KINDS,
  type CheckKindSpec,
  type CheckProbe,
  type Relation,
} from './checkKinds';
export {
  customToPayload,
  decodeLesson,
  encodeLesson,
  type LessonDecodeResult,
  validateCustomLesson,
} from './codec';
export { type ComparableRun, compareRuns, type RunMetric } from './compareRuns';
export {
  CUSTOM_CHECK_MENU,
  CUSTOM_LIMITS,
  type CustomCheck,
  type CustomCheckKind,
  type CustomCheckOption,
  type CustomLesson,
  customToLesson,
} from './custom';
export { evaluateCheck, evaluateLesson } from './evaluate';
export { formatMeasured, formatNumber } from './format';
export { type LessonLinkResult, lessonFromHash, lessonUrl } from './links';
export { isCollapsed, linearAccuracyOf, type MeasureSources, runMeasures } from './measures';
export { DEFAULT_PROBE_POINT, type LessonProbeRequest, probeRequestFor } from './probes';
export type {
  Check,
  CheckKind,
  CheckResult,
  CheckState,
  Lesson,
  LessonCompare,
  LessonMeasures,
  Prediction,
  RunMeasures,
  RunRef,
} from './types';
export { lessonProblems } from './validate';
