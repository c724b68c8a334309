import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { LESSONS } from '../../lessons';
import { openLesson } from '../../store/lessonActions';
import { appStore, useAppStore } from '../../store/store';
import { MakeLessonForm } from './MakeLessonForm';

/** The guided lessons, with what this browser remembers of each (passed), and "Make a lesson from this lab". */
export function LessonList() {
  const open = useAppStore((s) => s.lessonListOpen);
  const progress = useAppStore((s) => s.lessonProgress);
  const [making, setMaking] = useState(false);
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);
  const close = () => {
    appStore.getState().setLessonListOpen(false);
    setMaking(false);
  };
  useEffect(() => {
    if (!open) return;
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  if (!open) return null;
  return createPortal(
    <div className="modal-dialog lesson-list" role="dialog" aria-modal="true" aria-labelledby={id}>
      <div className="lesson-list-head">
        <h2 id={id}>Lessons</h2>
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
      {making ? (
        <MakeLessonForm onDone={close} onCancel={() => setMaking(false)} />
      ) : (
        <>
          <ol className="lesson-items">
            {LESSONS.map((lesson, i) => (
              <li key={lesson.id}>
                <button
                  ref={i === 0 ? first : undefined}
                  type="button"
                  className="lesson-item"
                  onClick={() => openLesson(appStore, lesson, i + 1)}
                >
                  <span className="lesson-item-title">
                    {i + 1}. {lesson.title}
                    {progress[lesson.id]?.passed && <span className="ok"> ✓ passed</span>}
                  </span>
                  <span className="lesson-item-goal">{lesson.goal}</span>
                </button>
              </li>
            ))}
          </ol>
          <p className="hint">
            Opening a lesson replaces the lab on screen; yours stays one click away (“Restore my previous
            lab”).
          </p>
          <button type="button" onClick={() => setMaking(true)}>
            Make a lesson from this lab
          </button>
        </>
      )}
    </div>,
    document.body,
  );
}
