import { appStore, useAppStore } from '../../store/store';

/** "Lessons": opens the list of guided lessons. */
export function LessonsButton() {
  const open = useAppStore((s) => s.lessonListOpen);
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      aria-expanded={open}
      onClick={() => appStore.getState().setLessonListOpen(!open)}
    >
      Lessons
    </button>
  );
}
