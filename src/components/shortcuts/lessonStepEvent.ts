/**
 * The hook point between the ← / → shortcuts and a lesson panel. The shortcut dispatches a
 * cancelable `normlab:lesson-step` event on `window` with `detail.delta` -1 (previous) or +1 (next);
 * an open lesson listens (see `onLessonStep`) and calls `preventDefault()` to say it took the step.
 * With no lesson open nobody does, and the arrow key keeps its usual meaning (scrolling).
 */
export const LESSON_STEP_EVENT = 'normlab:lesson-step';

export interface LessonStepDetail {
  readonly delta: -1 | 1;
}

/** Asks the open lesson, if any, to move one step; returns whether a lesson took it. */
export function dispatchLessonStep(delta: -1 | 1, target: EventTarget = window): boolean {
  const event = new CustomEvent<LessonStepDetail>(LESSON_STEP_EVENT, { detail: { delta }, cancelable: true });
  return !target.dispatchEvent(event);
}

/**
 * For a lesson panel: calls `step` on every ← / → shortcut; `step` returns whether it moved (false at
 * the first or last step, say), and only then is the key taken. Returns the unsubscribe function.
 */
export function onLessonStep(step: (delta: -1 | 1) => boolean, target: EventTarget = window): () => void {
  const listener = (e: Event) => {
    const { delta } = (e as CustomEvent<LessonStepDetail>).detail;
    if (step(delta)) e.preventDefault();
  };
  target.addEventListener(LESSON_STEP_EVENT, listener);
  return () => target.removeEventListener(LESSON_STEP_EVENT, listener);
}
