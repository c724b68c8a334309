// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { onLessonStep } from '../src/components/shortcuts/lessonStepEvent';
import { runShortcut } from '../src/components/shortcuts/runShortcut';
import { createAppStore } from '../src/store/store';
import type { TrainerCommands } from '../src/store/trainerBridge';

/** Trainer commands that record what they were asked to do. */
function recordingTrainer() {
  const calls: string[] = [];
  const trainer: TrainerCommands = {
    train: () => calls.push('train'),
    pause: () => calls.push('pause'),
    step: () => calls.push('step'),
    reset: () => calls.push('reset'),
    weights: async () => null,
    exportModel: async () => null,
    idle: async () => {},
    disconnect: () => calls.push('disconnect'),
  };
  return { trainer, calls };
}

/** A fresh store whose engine is ready (a model is built), and a recording trainer. */
function setup(status: 'ready' | 'running' | 'starting' = 'ready') {
  const store = createAppStore();
  store.getState().setStatus(status);
  return { store, ...recordingTrainer() };
}

describe('runShortcut', () => {
  it('Space trains when ready and pauses while running', () => {
    const ready = setup('ready');
    expect(runShortcut('trainPause', ready.store, ready.trainer)).toBe(true);
    expect(ready.calls).toEqual(['train']);
    const running = setup('running');
    runShortcut('trainPause', running.store, running.trainer);
    expect(running.calls).toEqual(['pause']);
  });

  it('S steps and R resets when the buttons would allow it', () => {
    const { store, trainer, calls } = setup('ready');
    runShortcut('step', store, trainer);
    runShortcut('reset', store, trainer);
    expect(calls).toEqual(['step', 'reset']);
    const running = setup('running');
    runShortcut('reset', running.store, running.trainer);
    expect(running.calls).toEqual(['reset']);
  });

  it('says why instead of training when Train would be disabled', () => {
    const { store, trainer, calls } = setup('starting');
    runShortcut('trainPause', store, trainer);
    runShortcut('step', store, trainer);
    runShortcut('reset', store, trainer);
    expect(calls).toEqual([]);
    expect(store.getState().notice?.text).toBe('Reset is not available: Starting the training engine…');

    const broken = setup('ready');
    broken.store.getState().deleteElements(['bn1'], []);
    runShortcut('trainPause', broken.store, broken.trainer);
    expect(broken.calls).toEqual([]);
    expect(broken.store.getState().notice?.text).toMatch(/^Train is not available: Fix the graph first/);

    const diverged = setup('ready');
    diverged.store.getState().setTrainingProblem('Training paused: the loss became NaN.');
    runShortcut('step', diverged.store, diverged.trainer);
    expect(diverged.calls).toEqual([]);
    expect(diverged.store.getState().notice?.text).toBe(
      'Step is not available: Training paused: the loss became NaN.',
    );
  });

  it('S while running says to pause first, and does not step', () => {
    const { store, trainer, calls } = setup('running');
    runShortcut('step', store, trainer);
    expect(calls).toEqual([]);
    expect(store.getState().notice?.text).toMatch(/paused/);
  });

  it('P toggles presenter view and ? toggles the shortcuts dialog', () => {
    const { store, trainer, calls } = setup();
    runShortcut('presenter', store, trainer);
    expect(store.getState().presenter).toBe(true);
    runShortcut('presenter', store, trainer);
    expect(store.getState().presenter).toBe(false);
    runShortcut('help', store, trainer);
    expect(store.getState().shortcutsOpen).toBe(true);
    runShortcut('help', store, trainer);
    expect(store.getState().shortcutsOpen).toBe(false);
    expect(calls).toEqual([]);
  });

  describe('lesson steps', () => {
    const unsubscribe: (() => void)[] = [];
    afterEach(() => {
      for (const u of unsubscribe.splice(0)) u();
    });

    it('are not taken (the arrow keeps its meaning) while no lesson listens', () => {
      const { store, trainer } = setup();
      expect(runShortcut('lessonNext', store, trainer)).toBe(false);
      expect(runShortcut('lessonPrev', store, trainer)).toBe(false);
    });

    it('reach an open lesson with -1 and +1, taken only when it moved', () => {
      const { store, trainer } = setup();
      const deltas: number[] = [];
      let atEnd = false;
      unsubscribe.push(
        onLessonStep((delta) => {
          deltas.push(delta);
          return !atEnd;
        }),
      );
      expect(runShortcut('lessonPrev', store, trainer)).toBe(true);
      expect(runShortcut('lessonNext', store, trainer)).toBe(true);
      atEnd = true;
      expect(runShortcut('lessonNext', store, trainer)).toBe(false);
      expect(deltas).toEqual([-1, 1, 1]);
      // After unsubscribing nobody hears it.
      for (const u of unsubscribe.splice(0)) u();
      expect(runShortcut('lessonNext', store, trainer)).toBe(false);
      expect(deltas).toHaveLength(3);
    });
  });
});
