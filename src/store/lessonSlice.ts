import type { StateCreator } from 'zustand';
import type { Lesson, RunMeasures } from '../lessons';
import type { LossPoint } from './trainingSlice';
import type { AppState } from './types';

/**
 * A lesson's first run, kept when the learner moves on to its comparison lab, with the measures
 * its checks read (it is also pinned among the runs, share/runs.ts, when there is room).
 */
export interface LessonFirstRun {
  /** What the run was, e.g. "BatchNorm → tanh". */
  readonly name: string;
  readonly measures: RunMeasures;
  readonly history: readonly LossPoint[];
}

/** The lesson being taught. */
export interface ActiveLesson {
  readonly lesson: Lesson;
  /** Its number among the shipped lessons (1-based), or null for an instructor's own. */
  readonly number: number | null;
  /** 'first': the lesson's lab; 'compare': its comparison lab, with the first run pinned. */
  readonly phase: 'first' | 'compare';
  /** The step of the instructions the learner is on (← / → move it). */
  readonly stepIndex: number;
  /** The chosen prediction (index into its choices); null until answered. */
  readonly answer: number | null;
  readonly pinned: LessonFirstRun | null;
}

/** What a learner did in a lesson, kept in this browser: the answer and whether every check passed. */
export interface LessonProgress {
  readonly answer: number | null;
  readonly passed: boolean;
}

export interface LessonSlice {
  activeLesson: ActiveLesson | null;
  /** Progress per lesson id (shipped lessons only). */
  lessonProgress: Readonly<Record<string, LessonProgress>>;
  /** The "Lessons" list is open. */
  lessonListOpen: boolean;
  setActiveLesson: (lesson: ActiveLesson | null) => void;
  answerLesson: (choice: number) => void;
  /** Moves through the lesson's instructions; returns false when no lesson is open. */
  moveLessonStep: (delta: number) => boolean;
  markLessonPassed: (id: string) => void;
  setLessonProgress: (progress: Readonly<Record<string, LessonProgress>>) => void;
  setLessonListOpen: (open: boolean) => void;
}

export const createLessonSlice: StateCreator<AppState, [], [], LessonSlice> = (set, get) => ({
  activeLesson: null,
  lessonProgress: {},
  lessonListOpen: false,
  setActiveLesson: (activeLesson) => set({ activeLesson }),
  answerLesson: (choice) => {
    const active = get().activeLesson;
    if (!active || active.answer !== null) return;
    const { id } = active.lesson;
    const previous = get().lessonProgress[id];
    set({
      activeLesson: { ...active, answer: choice },
      lessonProgress:
        active.number === null
          ? get().lessonProgress
          : { ...get().lessonProgress, [id]: { answer: choice, passed: previous?.passed ?? false } },
    });
  },
  moveLessonStep: (delta) => {
    const active = get().activeLesson;
    if (!active) return false;
    const last = Math.max(0, active.lesson.steps.length - 1);
    const stepIndex = Math.min(last, Math.max(0, active.stepIndex + delta));
    if (stepIndex !== active.stepIndex) set({ activeLesson: { ...active, stepIndex } });
    return true;
  },
  markLessonPassed: (id) => {
    const previous = get().lessonProgress[id];
    if (previous?.passed) return;
    set({
      lessonProgress: { ...get().lessonProgress, [id]: { answer: previous?.answer ?? null, passed: true } },
    });
  },
  setLessonProgress: (lessonProgress) => set({ lessonProgress }),
  setLessonListOpen: (lessonListOpen) => set({ lessonListOpen }),
});
