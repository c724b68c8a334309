import type { Lab } from '../share/lab';

/** Which run a check reads: the live one, or the first run the learner pinned (lessons with `compare`). */
export type RunRef = 'current' | 'pinned';

/**
 * Every kind of check. Each reads one number of a run's RunMeasures (see CHECK_KINDS for the
 * measure, the comparison, and whether it waits for the step budget).
 */
export type CheckKind =
  | 'accuracyAtLeast'
  | 'accuracyAtMost'
  | 'accuracyWithinLinear'
  | 'bannerShown'
  | 'bannerHidden'
  | 'r2AtMost'
  | 'r2AtLeast'
  | 'foldErrorBelow'
  | 'foldShown'
  | 'trainingSpreadAbove'
  | 'inferenceSpreadAtMost'
  | 'unitShareAtLeast'
  | 'regionShareAtLeast'
  | 'regionShareAtMost'
  | 'accuracyGapAtLeast';

/**
 * A claim about a run, as plain data. `threshold` is required by every kind but the three
 * yes/no ones (bannerShown, bannerHidden, foldShown). For accuracyGapAtLeast, `run` names the
 * run whose accuracy should be higher: accuracy(run) − accuracy(the other run) ≥ threshold.
 */
export interface Check {
  readonly kind: CheckKind;
  readonly threshold?: number;
  readonly run: RunRef;
}

/** A "predict first" question: asked before training, answered (`reveal`) after. */
export interface Prediction {
  readonly question: string;
  /** 2 to 4 answers. */
  readonly choices: readonly string[];
  /** Index of the right answer in `choices`. */
  readonly answer: number;
  /** Two or three sentences explaining why, with the math. */
  readonly reveal: string;
}

/** The second lab of a comparison: same data and seed, one change (e.g. BN after tanh instead of before). */
export interface LessonCompare {
  /** A short name for the change, e.g. "tanh → BatchNorm". */
  readonly title: string;
  readonly lab: Lab;
  /** The node the open panel looks at in this lab (null: the panel's own default). */
  readonly focusNodeId: string | null;
}

/** A guided lesson: a lab to open, a prediction, steps to follow, and checks that decide it. */
export interface Lesson {
  /** A stable slug, e.g. "bn-cannot-replace-relu". */
  readonly id: string;
  readonly title: string;
  /** One paragraph of plain text: what the learner will find out. */
  readonly goal: string;
  /** The lab it opens: graph, data (seed pinned), hyperparameters and the open panel. */
  readonly lab: Lab;
  /** The node the open panel looks at (null: the panel's own default); probes read this node. */
  readonly focusNodeId: string | null;
  /** The point the Batch dependence panel probes, in input coordinates (null: the app's default). */
  readonly probePoint: readonly [number, number] | null;
  /** Null for instructor-made lessons, which carry no question. */
  readonly prediction: Prediction | null;
  /** Short plain-text instructions, in order. */
  readonly steps: readonly string[];
  /** Training steps after which every check is decided (pass or fail). */
  readonly stepBudget: number;
  readonly checks: readonly Check[];
  /** A second run to compare with the pinned first one; its checks read 'current', the first run's 'pinned'. */
  readonly compare: LessonCompare | null;
}

/**
 * What the app knows about one run, as plain data (null: not measured yet, or not applicable).
 * Build it with runMeasures (measures.ts) from the reports the app already holds.
 */
export interface RunMeasures {
  /** Training steps taken. */
  readonly step: number;
  /** Test accuracy 0..1 (Metrics.testAccuracy). */
  readonly testAccuracy: number | null;
  /** Test accuracy of the best linear classifier on the same split (data/linearBaseline). */
  readonly linearAccuracy: number | null;
  /** The collapse banner: the graph is valid and every node on an Input→Output path is affine at inference. */
  readonly collapsed: boolean;
  /** The folded W′, b′ on screen: the affine panel is open and has a report. */
  readonly foldShown: boolean;
  /** AffineReport.maxError: largest |fold − model| over the test set. */
  readonly foldError: number | null;
  /** Heatmap.nonlinearity: R² of the best affine fit to the logits over the grid. */
  readonly r2: number | null;
  /** BatchDependenceReport.trainingSpread and inferenceSpread. */
  readonly trainingSpread: number | null;
  readonly inferenceSpread: number | null;
  /** DistributionReport.unitShare of the focus node. */
  readonly unitShare: number | null;
  /** DistributionReport.pooled.region of the focus node (an activation's saturated/dead share). */
  readonly regionShare: number | null;
}

/** The live run, and the pinned first run of a comparison (null until pinned). */
export interface LessonMeasures {
  readonly current: RunMeasures;
  readonly pinned: RunMeasures | null;
}

/** pending: not decided yet; pass and fail are final for the run they read. */
export type CheckState = 'pending' | 'pass' | 'fail';

/** A check's verdict: the measured value (null when not measured) and one line such as "test accuracy 0.580 ≤ 0.65 ✓". */
export interface CheckResult {
  readonly state: CheckState;
  readonly value: number | null;
  readonly text: string;
}
