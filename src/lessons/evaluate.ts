import { CHECK_KINDS, holds, RELATION_SYMBOL } from './checkKinds';
import { formatMeasured, formatNumber } from './format';
import type { Check, CheckResult, CheckState, Lesson, LessonMeasures, RunMeasures } from './types';

const MARK: Readonly<Record<CheckState, string>> = { pass: '✓', fail: '✗', pending: '' };

/** "test accuracy", or for the gap "accuracy gap (this run − pinned run)"; pinned checks say so. */
function labelOf(check: Check): string {
  const { label } = CHECK_KINDS[check.kind];
  if (check.kind === 'accuracyGapAtLeast') {
    return check.run === 'current' ? `${label} (this run − pinned run)` : `${label} (pinned run − this run)`;
  }
  return check.run === 'pinned' ? `pinned run: ${label}` : label;
}

/** The check's one line: "test accuracy 0.580 ≤ 0.65 ✓"; "—" stands for a value not yet decided. */
function textOf(check: Check, state: CheckState, value: number | null): string {
  const spec = CHECK_KINDS[check.kind];
  const label = labelOf(check);
  const mark = MARK[state];
  if (spec.relation === 'yes') return [label, state === 'pending' ? '—' : mark].join(' ');
  const threshold = check.threshold as number;
  const shown = state === 'pending' || value === null ? '—' : formatMeasured(value, spec.relation, threshold);
  const text = `${label} ${shown} ${RELATION_SYMBOL[spec.relation]} ${formatNumber(threshold)}`;
  return mark ? `${text} ${mark}` : text;
}

const result = (check: Check, state: CheckState, value: number | null): CheckResult => ({
  state,
  value,
  text: textOf(check, state, value),
});

/**
 * Decides one check against what the app has measured. A check that reads a run that does not
 * exist yet is pending (in a lesson with `compare`, 'current' checks are about the second run,
 * so they wait until the first run is pinned). "At least / above / below" checks pass as soon
 * as they hold; checks an untrained net would pass trivially (at most, shown, hidden) wait until
 * the run has trained lesson.stepBudget steps; at the budget, any check not met fails. The gap
 * check is decided when both runs have reached the budget. Never throws; a check without the
 * threshold its kind needs fails with a message.
 */
export function evaluateCheck(check: Check, measures: LessonMeasures, lesson: Lesson): CheckResult {
  const spec = CHECK_KINDS[check.kind];
  if (!spec) return { state: 'fail', value: null, text: `unknown check ${JSON.stringify(check.kind)} ✗` };
  const needsThreshold = spec.relation !== 'yes';
  if (needsThreshold && !Number.isFinite(check.threshold)) {
    return { state: 'fail', value: null, text: `${labelOf(check)}: this check has no threshold ✗` };
  }
  const waitingForSecondRun = lesson.compare !== null && check.run === 'current' && measures.pinned === null;
  const run: RunMeasures | null = check.run === 'pinned' ? measures.pinned : measures.current;
  const other: RunMeasures | null = check.run === 'pinned' ? measures.current : measures.pinned;
  const needsOther = check.kind === 'accuracyGapAtLeast';
  if (!run || waitingForSecondRun || (needsOther && !other)) return result(check, 'pending', null);
  const value = spec.read(run, other);
  const decided = run.step >= lesson.stepBudget && (!needsOther || (other?.step ?? 0) >= lesson.stepBudget);
  const met = value !== null && holds(spec.relation, value, check.threshold ?? 1);
  if (met && (!spec.waitsForBudget || decided)) return result(check, 'pass', value);
  return result(check, decided ? 'fail' : 'pending', value);
}

/** The verdict of a whole lesson: every check's result, and pass (all pass), fail (any fails) or pending. */
export function evaluateLesson(
  lesson: Lesson,
  measures: LessonMeasures,
): { state: CheckState; results: CheckResult[] } {
  const results = lesson.checks.map((c) => evaluateCheck(c, measures, lesson));
  const state: CheckState = results.some((r) => r.state === 'fail')
    ? 'fail'
    : results.every((r) => r.state === 'pass')
      ? 'pass'
      : 'pending';
  return { state, results };
}
