import { describe, expect, it } from 'vitest';
import { compareRuns, LESSONS } from '../src/lessons';
import { runsToJson } from '../src/share';
import { exportLabText, importLabText } from '../src/store/labActions';
import { labOf, sameLab } from '../src/store/labSlice';
import { openLesson, pinAndCompare } from '../src/store/lessonActions';
import {
  isLivePinned,
  liveWallMs,
  openRunLab,
  openRunQuestion,
  pinLiveRun,
  RUN_COLORS,
} from '../src/store/runActions';
import { connectRunClock } from '../src/store/runClock';
import { connectRunsAutosave, RUNS_KEYS } from '../src/store/runsAutosave';
import { createAppStore } from '../src/store/store';
import { metricsAt, trained } from './runHelpers';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('Pin run', () => {
  it('says plainly that there is nothing to pin before any step', () => {
    const store = createAppStore();
    expect(pinLiveRun(store)).toBeNull();
    expect(store.getState().pinnedRuns).toHaveLength(0);
    expect(store.getState().notice?.text).toMatch(/^Nothing to pin yet: train this lab first/);
  });

  it('keeps the run: its lab, steps, final metrics, curves, a small boundary, a colour and a name', () => {
    const store = trained(200);
    const run = pinLiveRun(store, undefined, Date.now());
    expect(run).not.toBeNull();
    const s = store.getState();
    expect(s.pinnedRuns).toEqual([run]);
    expect(run?.name).toBe('Run 1');
    expect(run?.color).toBe(RUN_COLORS[0]);
    expect(run?.steps).toBe(200);
    expect(run?.final).toEqual({ trainLoss: 0.25, testLoss: 0.3, testAccuracy: 0.75, testR2: null });
    expect(run?.curves.testLoss).toHaveLength(21);
    expect(run?.curves.trainLoss[0]).toEqual({ x: 10, y: 0.25 });
    expect(run?.curves.testAccuracy.at(-1)).toEqual({ x: 200, y: 0.75 });
    expect(run?.boundary?.size).toBe(32);
    expect(run?.boundary?.values).toHaveLength(32 * 32);
    // Left column near P = 0, right column near P = 1.
    expect(run?.boundary?.values[0]).toBeLessThan(10);
    expect(run?.boundary?.values[31]).toBeGreaterThan(245);
    expect(sameLab(run?.lab ?? labOf(s), labOf(s))).toBe(true);
    expect(isLivePinned(s)).toBe(true);
    expect(s.notice?.text).toMatch(/^Pinned “Run 1” at step 200/);
  });

  it('refuses the same run twice, and a fifth run with a clear message', () => {
    const store = trained(100);
    pinLiveRun(store);
    expect(pinLiveRun(store)).toBeNull();
    expect(store.getState().notice?.text).toMatch(/pinned already/);
    for (const step of [110, 120, 130]) {
      store.getState().applyMetrics(metricsAt(step));
      expect(pinLiveRun(store)).not.toBeNull();
    }
    store.getState().applyMetrics(metricsAt(140));
    expect(pinLiveRun(store)).toBeNull();
    expect(store.getState().pinnedRuns).toHaveLength(4);
    expect(store.getState().notice?.text).toBe('4 runs are pinned, the most there can be: unpin one first.');
    expect(new Set(store.getState().pinnedRuns.map((r) => r.color)).size).toBe(4);
    expect(new Set(store.getState().pinnedRuns.map((r) => r.id)).size).toBe(4);
  });

  it('renames (refusing empty, overlong and control-character names) and unpins', () => {
    const store = trained(50);
    const run = pinLiveRun(store);
    const id = run?.id ?? '';
    const s = store.getState();
    expect(s.renameRun(id, '  ')).toBe('A run needs a name.');
    expect(s.renameRun(id, 'x'.repeat(61))).toMatch(/at most 60/);
    expect(s.renameRun(id, 'a\u0007b')).toMatch(/control characters/);
    expect(store.getState().pinnedRuns[0]?.name).toBe('Run 1');
    expect(s.renameRun(id, '  BN before ReLU ')).toBeNull();
    expect(store.getState().pinnedRuns[0]?.name).toBe('BN before ReLU');
    store.getState().unpinRun(id);
    expect(store.getState().pinnedRuns).toHaveLength(0);
  });

  it('a diverged run is kept with a note and without NaN in its curves', () => {
    const store = trained(30);
    store.getState().applyMetrics({ ...metricsAt(40), trainLoss: Number.NaN, testLoss: Number.NaN });
    store.getState().setTrainingProblem('The loss became NaN at step 40.', { kind: 'diverged' });
    const run = pinLiveRun(store);
    expect(run?.note).toBe('diverged by step 40');
    expect(run?.curves.testLoss.every((p) => Number.isFinite(p.y))).toBe(true);
    expect(run?.final.testLoss).toBeNaN();
    // Written for storage, NaN becomes null, and it reads back.
    expect(JSON.parse(runsToJson(store.getState().pinnedRuns)).runs[0].final.testLoss).toBeNull();
  });
});

describe('opening a pinned run', () => {
  it('asks first when the lab on screen is not pinned, and keeps it one click away', () => {
    const store = trained(100);
    const run = pinLiveRun(store);
    if (!run) throw new Error('pinned');
    expect(openRunQuestion(store.getState(), run)).toBeNull();
    store.getState().setHyper({ learningRate: 0.3 });
    // What differs, told of the lab on screen.
    expect(openRunQuestion(store.getState(), run)).toBe('learning rate 0.3');
    const mine = labOf(store.getState());
    openRunLab(store, memoryStorage(), run.id);
    const s = store.getState();
    expect(s.hyper.learningRate).toBe(0.03);
    expect(s.previousLab && sameLab(s.previousLab, mine)).toBe(true);
    expect(s.notice?.text).toMatch(/^Opened the lab of “Run 1”. Train it to step 100/);
    // The lab on screen is now a pinned run's: nothing to ask before opening another.
    expect(openRunQuestion(s, run)).toBeNull();
  });
});

describe('pinned runs survive a reload and travel in lab files', () => {
  it('are kept in storage and read back; unreadable ones are kept aside with a message', () => {
    const storage = memoryStorage();
    const store = trained(80);
    connectRunsAutosave(store, storage);
    pinLiveRun(store);
    const saved = storage.items.get(RUNS_KEYS.runs) ?? '';
    expect(saved.length).toBeLessThan(40_000);
    const again = createAppStore();
    connectRunsAutosave(again, storage);
    expect(again.getState().pinnedRuns).toEqual(JSON.parse(JSON.stringify(store.getState().pinnedRuns)));
    storage.items.set(RUNS_KEYS.runs, '{"version":1,"runs":[{"id":"x"}]}');
    const broken = createAppStore();
    connectRunsAutosave(broken, storage);
    expect(broken.getState().pinnedRuns).toHaveLength(0);
    expect(broken.getState().notice?.text).toMatch(
      /^Your pinned runs could not be read back \(Pinned run 1:/,
    );
    expect(storage.items.get(RUNS_KEYS.unreadable)).toBe('{"version":1,"runs":[{"id":"x"}]}');
  });

  it('says once when storage refuses them', () => {
    const store = trained(20);
    let refusals = 0;
    connectRunsAutosave(store, {
      getItem: () => null,
      setItem: () => {
        refusals++;
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    pinLiveRun(store);
    expect(store.getState().notice?.text).toMatch(/could not keep the pinned runs/);
    expect(refusals).toBe(1);
  });

  it('are exported with the lab and added (never replacing mine) when a file is opened', () => {
    const store = trained(60);
    pinLiveRun(store, 'Mine');
    const file = exportLabText(store, null);
    if (!file.ok) throw new Error(file.error);
    expect(JSON.parse(file.text).runs).toHaveLength(1);
    const other = trained(30);
    pinLiveRun(other, 'Theirs');
    importLabText(other, memoryStorage(), file.text, 'runs.json');
    expect(other.getState().pinnedRuns.map((r) => r.name)).toEqual(['Theirs', 'Mine']);
    expect(new Set(other.getState().pinnedRuns.map((r) => r.id)).size).toBe(2);
    expect(other.getState().notice?.text).toMatch(/Its pinned run: 1 added\.$/);
    // No room: what does not fit is said, and nothing pinned here is lost.
    for (const step of [40, 50]) {
      other.getState().applyMetrics(metricsAt(step));
      pinLiveRun(other);
    }
    importLabText(other, memoryStorage(), file.text, 'runs.json');
    expect(other.getState().pinnedRuns).toHaveLength(4);
    importLabText(other, memoryStorage(), file.text, 'runs.json');
    expect(other.getState().pinnedRuns).toHaveLength(4);
    expect(other.getState().notice?.text).toMatch(/0 added \(at most 4 are pinned/);
  });
});

describe('wall clock and lessons', () => {
  it('adds up the time spent running, and starts over with a new run', () => {
    const store = createAppStore();
    let now = 1000;
    connectRunClock(store, () => now);
    const s = store.getState();
    s.applyMetrics(metricsAt(0));
    s.setStatus('running');
    now = 3000;
    s.setStatus('ready');
    now = 10_000;
    expect(liveWallMs(store.getState(), now)).toBe(2000);
    s.setStatus('running');
    now = 10_500;
    expect(liveWallMs(store.getState(), now)).toBe(2500);
    // A new run (here while running): the clock starts over from then.
    now = 11_000;
    s.clearRun(null);
    expect(liveWallMs(store.getState(), 11_000)).toBe(0);
    expect(liveWallMs(store.getState(), 12_000)).toBe(1000);
  });

  it('a comparison lesson also pins its first run among the runs; compareRuns reads a gap', () => {
    const store = createAppStore();
    const lesson = LESSONS[7];
    if (!lesson) throw new Error('lesson 8');
    openLesson(store, lesson, 8);
    store.getState().answerLesson(0);
    store.getState().applyMetrics(metricsAt(0));
    store.getState().applyMetrics(metricsAt(lesson.stepBudget, 1));
    pinAndCompare(store);
    const [first] = store.getState().pinnedRuns;
    expect(first?.name).toBe('first run (Before or after the activation?)');
    expect(first?.steps).toBe(lesson.stepBudget);
    store.getState().applyMetrics(metricsAt(lesson.stepBudget, 0.6));
    const second = pinLiveRun(store, 'second');
    if (!first || !second) throw new Error('two runs');
    expect(compareRuns(first, second, 'testAccuracy')).toBeCloseTo(0.4, 9);
    expect(compareRuns(first, { final: { testAccuracy: null } }, 'testAccuracy')).toBeNull();
  });
});
