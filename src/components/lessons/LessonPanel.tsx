import { useEffect, useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { evaluateLesson, LESSONS } from '../../lessons';
import { closeLesson, currentRunMeasures } from '../../store/lessonActions';
import { appStore, useAppStore } from '../../store/store';
import { onLessonStep } from '../shortcuts/lessonStepEvent';
import { LessonChecks } from './LessonChecks';
import { LessonCompare } from './LessonCompare';
import { LessonPrediction } from './LessonPrediction';
import { LessonSteps } from './LessonSteps';

/**
 * The lesson being taught: its title (the heading), goal, the prediction to answer before
 * training, the steps (← / → move through them), the checks evaluated live with their numbers,
 * and, for a comparison, the pinned first run beside the second. Text is rendered as text.
 */
export function LessonPanel() {
  const active = useAppStore((s) => s.activeLesson);
  // Every field is a number or a flag: shallow equality re-renders only when a measure changes.
  const current = useAppStore(useShallow(currentRunMeasures));
  const titleId = useId();
  const verdict = useMemo(
    () =>
      active && current
        ? evaluateLesson(active.lesson, { current, pinned: active.pinned?.measures ?? null })
        : null,
    [active, current],
  );
  useEffect(() => onLessonStep((delta) => appStore.getState().moveLessonStep(delta)), []);
  useEffect(() => {
    if (active?.number !== null && active && verdict?.state === 'pass') {
      appStore.getState().markLessonPassed(active.lesson.id);
    }
  }, [active, verdict?.state]);
  if (!active || !verdict) return null;
  const { lesson } = active;
  const decided = verdict.state !== 'pending' && (lesson.compare === null || active.phase === 'compare');
  const passed = verdict.results.filter((r) => r.state === 'pass').length;
  return (
    <section className="lesson-panel" aria-labelledby={titleId}>
      <div className="lesson-head">
        <p className="lesson-kicker">
          {active.number === null
            ? 'Lesson by your instructor'
            : `Lesson ${active.number} of ${LESSONS.length}`}
          {active.phase === 'compare' ? ' · comparison' : ''}
        </p>
        <button type="button" className="link" onClick={() => closeLesson(appStore)}>
          Close lesson
        </button>
      </div>
      <h2 id={titleId}>{lesson.title}</h2>
      <p className="lesson-goal">{lesson.goal}</p>
      {lesson.prediction && (
        <LessonPrediction prediction={lesson.prediction} answer={active.answer} decided={decided} />
      )}
      <h3>
        Checks{' '}
        <span className="muted">
          ({passed} of {verdict.results.length} passed; decided by step {lesson.stepBudget})
        </span>
      </h3>
      <LessonChecks results={verdict.results} />
      <LessonCompare active={active} />
      <h3>Steps</h3>
      <LessonSteps steps={lesson.steps} index={active.stepIndex} />
      {verdict.state !== 'pending' && (
        <p className={`lesson-verdict ${verdict.state}`} role="status">
          {verdict.state === 'pass'
            ? 'Every check passes: the claim holds on this run.'
            : 'A check failed on this run: see which, and why, above.'}
        </p>
      )}
    </section>
  );
}
