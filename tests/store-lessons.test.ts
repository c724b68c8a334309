import { describe, expect, it } from 'vitest';
import { LESSONS } from '../src/lessons';
import { labOf, sameLab } from '../src/store/labSlice';
import {
  connectLessonProgress,
  currentRunMeasures,
  LESSON_PROGRESS_KEY,
  openClassLesson,
  openLesson,
  openLessonFromHash,
  pinAndCompare,
} from '../src/store/lessonActions';
import { lessonBlockedReason, lessonStopStep } from '../src/store/lessonGate';
import { createAppStore } from '../src/store/store';
import type { Metrics } from '../src/train/protocol';

const lesson = (n: number) => {
  const l = LESSONS[n - 1];
  if (!l) throw new Error(`no lesson ${n}`);
  return l;
};
const metrics = (step: number, testAccuracy = 0.9): Metrics => ({
  step,
  epoch: 0,
  batchLoss: 0.3,
  trainLoss: 0.3,
  testLoss: 0.3,
  testAccuracy,
  testR2: null,
  stepsPerSecond: 0,
  samplesPerSecond: 0,
});

describe('lessons in the store', () => {
  it('opening a lesson loads its lab, keeps mine one click away and my backend, and asks first', () => {
    const store = createAppStore();
    store.getState().setBackendPref('cpu');
    store.getState().setParam('dense1', 'units', 5);
    const mine = labOf(store.getState());
    openLesson(store, lesson(1), 1);
    const s = store.getState();
    expect(s.activeLesson?.lesson.id).toBe(lesson(1).id);
    expect(sameLab({ ...labOf(s), backendPref: 'auto' }, { ...lesson(1).lab, backendPref: 'auto' })).toBe(
      true,
    );
    expect(s.backendPref).toBe('cpu');
    expect(s.previousLab && sameLab(s.previousLab, mine)).toBe(true);
    // Predict first: Train waits, and says why; the budget is where training stops.
    expect(lessonBlockedReason(s)).toMatch(/^Predict first/);
    s.answerLesson(1);
    expect(lessonBlockedReason(store.getState())).toBeNull();
    expect(lessonStopStep(store.getState())).toBe(lesson(1).stepBudget);
    store.getState().applyMetrics(metrics(lesson(1).stepBudget));
    expect(lessonStopStep(store.getState())).toBeUndefined();
  });

  it('an answer cannot be changed once given, and progress is kept in storage and read back', () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    };
    const store = createAppStore();
    connectLessonProgress(store, storage);
    openLesson(store, lesson(3), 3);
    store.getState().answerLesson(0);
    store.getState().answerLesson(2);
    expect(store.getState().activeLesson?.answer).toBe(0);
    store.getState().markLessonPassed(lesson(3).id);
    expect(JSON.parse(items.get(LESSON_PROGRESS_KEY) ?? '{}')).toEqual({
      [lesson(3).id]: { answer: 0, passed: true },
    });
    const again = createAppStore();
    connectLessonProgress(again, storage);
    openLesson(again, lesson(3), 3);
    expect(again.getState().activeLesson?.answer).toBe(0);
    expect(again.getState().lessonProgress[lesson(3).id]?.passed).toBe(true);
  });

  it('a comparison lesson pins the first run (measures and curve) and opens its second lab', () => {
    const store = createAppStore();
    openLesson(store, lesson(8), 8);
    store.getState().answerLesson(0);
    pinAndCompare(store);
    expect(store.getState().activeLesson?.phase).toBe('first');
    expect(store.getState().notice?.text).toMatch(/^Train this run first/);
    store.getState().applyMetrics(metrics(0, 0.5));
    store.getState().applyMetrics(metrics(600, 1));
    pinAndCompare(store);
    const s = store.getState();
    expect(s.activeLesson?.phase).toBe('compare');
    expect(s.activeLesson?.pinned?.measures.testAccuracy).toBe(1);
    expect(s.activeLesson?.pinned?.history.map((p) => p.step)).toEqual([0, 600]);
    const compare = lesson(8).compare;
    if (!compare) throw new Error('lesson 8 compares');
    expect(sameLab({ ...labOf(s), backendPref: 'auto' }, { ...compare.lab, backendPref: 'auto' })).toBe(true);
  });

  it('measures read the lesson’s focus node only', () => {
    const store = createAppStore();
    openLesson(store, lesson(6), 6);
    const m = currentRunMeasures(store.getState());
    expect(m?.step).toBe(0);
    expect(m?.unitShare).toBeNull();
    expect(m?.linearAccuracy).toBeGreaterThan(0.5);
  });

  it('lesson links: a number opens it, a bad one says so and changes nothing', () => {
    const store = createAppStore();
    const before = labOf(store.getState());
    expect(openLessonFromHash(store, '#lesson=99')).toBe(true);
    expect(store.getState().notice?.text).toBe(
      'The lesson link could not be opened: There is no lesson 99; NormLab has lessons 1 to 8. Your own lab is unchanged.',
    );
    expect(sameLab(labOf(store.getState()), before)).toBe(true);
    expect(store.getState().activeLesson).toBeNull();
    expect(openLessonFromHash(store, '#lab=abc')).toBe(false);
    expect(openLessonFromHash(store, '#lesson=4')).toBe(true);
    expect(store.getState().activeLesson?.number).toBe(4);
  });

  it('a class link naming a lesson opens it over the link’s own (locked) lab', () => {
    const store = createAppStore();
    store.getState().loadLab({
      ...lesson(2).lab,
      classroom: { lockGraph: true, lockData: true, lockTraining: true, hide: [], lesson: 2 },
    });
    openClassLesson(store);
    expect(store.getState().activeLesson?.number).toBe(2);
    expect(store.getState().classroom?.lockGraph).toBe(true);
  });
});
