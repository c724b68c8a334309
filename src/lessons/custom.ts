import type { Lab } from '../share/lab';
import type { Check, CheckKind, Lesson } from './types';

/** The checks an instructor can pick for a lesson of their own. */
export type CustomCheckKind = Extract<
  CheckKind,
  | 'accuracyAtLeast'
  | 'accuracyAtMost'
  | 'bannerShown'
  | 'bannerHidden'
  | 'r2AtLeast'
  | 'r2AtMost'
  | 'foldErrorBelow'
>;

/** One entry of the instructor's check menu: its label and, for numeric checks, the allowed thresholds. */
export interface CustomCheckOption {
  readonly kind: CustomCheckKind;
  readonly label: string;
  readonly threshold: { readonly min: number; readonly max: number; readonly default: number } | null;
}

/** The menu of checks for instructor-made lessons, in menu order. */
export const CUSTOM_CHECK_MENU: readonly CustomCheckOption[] = [
  { kind: 'accuracyAtLeast', label: 'Test accuracy at least', threshold: { min: 0, max: 1, default: 0.95 } },
  { kind: 'accuracyAtMost', label: 'Test accuracy at most', threshold: { min: 0, max: 1, default: 0.7 } },
  { kind: 'bannerShown', label: 'Collapse banner shown', threshold: null },
  { kind: 'bannerHidden', label: 'Collapse banner not shown', threshold: null },
  { kind: 'r2AtLeast', label: 'Affine fit R² at least', threshold: { min: 0, max: 1, default: 0.99 } },
  { kind: 'r2AtMost', label: 'Affine fit R² at most', threshold: { min: 0, max: 1, default: 0.2 } },
  // Needs the lab to open the “Equivalent affine map” panel.
  { kind: 'foldErrorBelow', label: 'Fold error below', threshold: { min: 1e-12, max: 1, default: 1e-5 } },
];

/** A check of an instructor-made lesson: always about the live run. */
export interface CustomCheck {
  readonly kind: CustomCheckKind;
  readonly threshold?: number;
}

/** An instructor-made lesson: plain text, checks from the menu, and its lab. No prediction, no comparison. */
export interface CustomLesson {
  readonly title: string;
  readonly goal: string;
  readonly steps: readonly string[];
  readonly stepBudget: number;
  readonly checks: readonly CustomCheck[];
  readonly lab: Lab;
}

/** Limits on an instructor-made lesson (a link must stay short, and text stays readable). */
export const CUSTOM_LIMITS = {
  titleChars: 80,
  goalChars: 600,
  stepChars: 200,
  steps: 10,
  checks: 8,
  stepBudget: { min: 1, max: 100_000 },
} as const;

/** The Lesson a custom one is taught as: id "custom", no prediction, every check on the live run. */
export function customToLesson(custom: CustomLesson): Lesson {
  const checks: Check[] = custom.checks.map((c) =>
    c.threshold === undefined
      ? { kind: c.kind, run: 'current' }
      : { kind: c.kind, threshold: c.threshold, run: 'current' },
  );
  return {
    id: 'custom',
    title: custom.title,
    goal: custom.goal,
    lab: custom.lab,
    focusNodeId: null,
    probePoint: null,
    prediction: null,
    steps: custom.steps,
    stepBudget: custom.stepBudget,
    checks,
    compare: null,
  };
}
