import type { AppState } from './types';

/** Why Train waits in a lesson (its prediction is not answered yet), or null. */
export function lessonBlockedReason(s: AppState): string | null {
  const active = s.activeLesson;
  if (!active?.lesson.prediction || active.answer !== null) return null;
  return 'Predict first: answer the lesson’s question, then train and see.';
}

/**
 * The step a lesson's training stops at by itself: its step budget, where its checks are
 * decided (the numbers they were decided on stay on screen). Past it, training runs freely.
 */
export function lessonStopStep(s: AppState): number | undefined {
  const budget = s.activeLesson?.lesson.stepBudget;
  const step = s.metrics?.step ?? 0;
  return budget !== undefined && step < budget ? budget : undefined;
}
