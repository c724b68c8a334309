import { compareRuns } from './compareRuns';
import type { CheckKind, RunMeasures } from './types';

/** How a check compares its value with its threshold; 'yes' checks are yes/no (value 1 or 0). */
export type Relation = 'atLeast' | 'atMost' | 'above' | 'below' | 'yes';

/** The probe (analysis panel) whose report a check needs; null: metrics, heatmap or graph only. */
export type CheckProbe = 'distributions' | 'affine' | 'batch' | null;

/** What a kind of check measures and how it decides. */
export interface CheckKindSpec {
  /** What is measured, as the check's text names it ("test accuracy"); a statement for 'yes' kinds. */
  readonly label: string;
  readonly relation: Relation;
  /**
   * True for checks an untrained net could pass trivially (at most, shown, hidden): they wait
   * for the step budget. The others (at least, above, below) pass as soon as they hold.
   */
  readonly waitsForBudget: boolean;
  readonly probe: CheckProbe;
  /** The measured value: `run` is the run the check reads, `other` the other run (or null). */
  readonly read: (run: RunMeasures, other: RunMeasures | null) => number | null;
}

const yes = (flag: boolean): number => (flag ? 1 : 0);
const accuracyOf = (run: RunMeasures | null) => run?.testAccuracy ?? null;

/** THE table of check kinds: adding a kind here (and to CheckKind) is all it takes. */
export const CHECK_KINDS: Readonly<Record<CheckKind, CheckKindSpec>> = {
  accuracyAtLeast: {
    label: 'test accuracy',
    relation: 'atLeast',
    waitsForBudget: false,
    probe: null,
    read: (r) => r.testAccuracy,
  },
  accuracyAtMost: {
    label: 'test accuracy',
    relation: 'atMost',
    waitsForBudget: true,
    probe: null,
    read: (r) => r.testAccuracy,
  },
  accuracyWithinLinear: {
    label: '|test accuracy − best linear|',
    relation: 'atMost',
    waitsForBudget: true,
    probe: null,
    read: (r) =>
      r.testAccuracy === null || r.linearAccuracy === null
        ? null
        : Math.abs(r.testAccuracy - r.linearAccuracy),
  },
  bannerShown: {
    label: 'collapse banner shown',
    relation: 'yes',
    waitsForBudget: true,
    probe: null,
    read: (r) => yes(r.collapsed),
  },
  bannerHidden: {
    label: 'collapse banner hidden',
    relation: 'yes',
    waitsForBudget: true,
    probe: null,
    read: (r) => yes(!r.collapsed),
  },
  r2AtMost: {
    label: 'affine fit R²',
    relation: 'atMost',
    waitsForBudget: true,
    probe: null,
    read: (r) => r.r2,
  },
  r2AtLeast: {
    label: 'affine fit R²',
    relation: 'atLeast',
    waitsForBudget: false,
    probe: null,
    read: (r) => r.r2,
  },
  foldErrorBelow: {
    label: 'max |fold − model|',
    relation: 'below',
    waitsForBudget: false,
    probe: 'affine',
    read: (r) => r.foldError,
  },
  foldShown: {
    label: 'folded W′, b′ on screen',
    relation: 'yes',
    waitsForBudget: true,
    probe: 'affine',
    read: (r) => yes(r.foldShown),
  },
  trainingSpreadAbove: {
    label: 'training-mode spread',
    relation: 'above',
    waitsForBudget: false,
    probe: 'batch',
    read: (r) => r.trainingSpread,
  },
  inferenceSpreadAtMost: {
    label: 'inference-mode spread',
    relation: 'atMost',
    waitsForBudget: true,
    probe: 'batch',
    read: (r) => r.inferenceSpread,
  },
  unitShareAtLeast: {
    label: 'share of ±1 outputs',
    relation: 'atLeast',
    waitsForBudget: false,
    probe: 'distributions',
    read: (r) => r.unitShare,
  },
  regionShareAtLeast: {
    label: 'share of inputs in the flat region',
    relation: 'atLeast',
    waitsForBudget: false,
    probe: 'distributions',
    read: (r) => r.regionShare,
  },
  regionShareAtMost: {
    label: 'share of inputs in the flat region',
    relation: 'atMost',
    waitsForBudget: true,
    probe: 'distributions',
    read: (r) => r.regionShare,
  },
  accuracyGapAtLeast: {
    label: 'accuracy gap',
    relation: 'atLeast',
    waitsForBudget: false,
    probe: null,
    read: (r, other) =>
      compareRuns(
        { final: { testAccuracy: accuracyOf(r) } },
        { final: { testAccuracy: accuracyOf(other) } },
        'testAccuracy',
      ),
  },
};

/** Every check kind, in table order. */
export const CHECK_KIND_NAMES = Object.keys(CHECK_KINDS) as CheckKind[];

/** Whether `value` satisfies the relation against `threshold` ('yes': value is 1). NaN never does. */
export function holds(relation: Relation, value: number, threshold: number): boolean {
  switch (relation) {
    case 'atLeast':
      return value >= threshold;
    case 'atMost':
      return value <= threshold;
    case 'above':
      return value > threshold;
    case 'below':
      return value < threshold;
    case 'yes':
      return value === 1;
  }
}

/** The relation as a symbol for the check's text. */
export const RELATION_SYMBOL: Readonly<Record<Relation, string>> = {
  atLeast: '≥',
  atMost: '≤',
  above: '>',
  below: '<',
  yes: '',
};
