import type { Dataset } from '../data/types';
import {
  DEFAULT_PROBE_POINT,
  type Lesson,
  type LessonMeasures,
  lessonByNumber,
  lessonFromHash,
  linearBaselineAccuracy,
  type RunMeasures,
  runMeasures,
} from '../lessons';
import type { Lab } from '../share';
import type { LabStorage } from './autosave';
import { isPanelCandidate } from './panelNodes';
import { isLivePinned, liveRunAsPinned, pinProblem, uniqueRunName } from './runActions';
import { isWholeNetworkAffine } from './selectors';
import type { AppStore } from './store';
import type { AppState } from './types';

/** Where lesson progress (answers, passed lessons) is kept in this browser. */
export const LESSON_PROGRESS_KEY = 'normlab.lessons';

/** Points the lab's open panel at the lesson's node, and the batch panel at its point. */
function focusLesson(
  store: AppStore,
  lab: Lab,
  focusNodeId: string | null,
  point: readonly [number, number] | null,
) {
  const s = store.getState();
  const panel = lab.panels.open;
  const node = focusNodeId ? s.graph.nodes.find((n) => n.id === focusNodeId) : undefined;
  if (
    node &&
    panel &&
    panel !== 'affine' &&
    panel !== 'health' &&
    panel !== 'runs' &&
    isPanelCandidate(panel, node)
  )
    s.focusNode(panel, node.id);
  s.setBatchPoint(point ?? DEFAULT_PROBE_POINT);
}

/**
 * Opens a lesson: its lab replaces the current one (kept one click away, like a link; the backend
 * stays this browser's choice), its panel looks at its node, and the lesson panel shows its goal,
 * prediction, steps and checks. `keepLab`: the lab on screen is already the lesson's (a class
 * link that carried it, with its locks).
 */
export function openLesson(store: AppStore, lesson: Lesson, number: number | null, keepLab = false): void {
  const s = store.getState();
  if (!keepLab) {
    s.loadLab({ ...lesson.lab, classroom: s.classroom }, { keepPrevious: true, keepBackend: true });
    store.temporal.getState().clear();
  }
  focusLesson(store, lesson.lab, lesson.focusNodeId, lesson.probePoint);
  const answer = number === null ? null : (s.lessonProgress[lesson.id]?.answer ?? null);
  s.setActiveLesson({ lesson, number, phase: 'first', stepIndex: 0, answer, pinned: null });
  s.setLessonListOpen(false);
}

/** Closes the lesson panel; the lab stays as it is. */
export function closeLesson(store: AppStore): void {
  store.getState().setActiveLesson(null);
}

/**
 * For a lesson with a comparison: keeps the first run (its measures and curve, frozen) and opens
 * the comparison lab on the same data and seed, ready to train.
 */
export function pinAndCompare(store: AppStore): void {
  const s = store.getState();
  const active = s.activeLesson;
  const compare = active?.lesson.compare;
  if (!active || !compare || active.phase !== 'first') return;
  const measures = lessonMeasures(s)?.current;
  if (!measures || measures.step === 0) {
    s.notify('info', 'Train this run first: the comparison needs something to compare with.');
    return;
  }
  const pinned = { name: firstRunName(active.lesson), measures, history: s.lossHistory };
  // Also among the pinned runs (when there is room): on the loss and accuracy charts, in the Runs table.
  if (!pinProblem(s) && !isLivePinned(s)) {
    const run = liveRunAsPinned(s, uniqueRunName(s, pinned.name), Date.now());
    if (run) s.addPinnedRun(run);
  }
  s.loadLab({ ...compare.lab, classroom: s.classroom }, { keepBackend: true });
  store.temporal.getState().clear();
  focusLesson(store, compare.lab, compare.focusNodeId, active.lesson.probePoint);
  s.setActiveLesson({ ...active, phase: 'compare', pinned });
  s.notify('info', `Pinned the first run. Now train “${compare.title}” on the same data and seed.`);
}

/** The first run's name in a comparison: the lesson's own lab, as opposed to compare.title. */
export function firstRunName(lesson: Lesson): string {
  return lesson.compare ? `first run (${lesson.title})` : lesson.title;
}

const linearCache = new WeakMap<Dataset, number | null>();
/** The best linear classifier's test accuracy on this dataset's split (computed once per dataset). */
function linearAccuracy(dataset: Dataset): number | null {
  if (!linearCache.has(dataset)) linearCache.set(dataset, linearBaselineAccuracy(dataset));
  return linearCache.get(dataset) ?? null;
}

/** What the app measures of the live run, as a lesson reads it (null when no lesson is open). */
export function currentRunMeasures(s: AppState): RunMeasures | null {
  const active = s.activeLesson;
  if (!active) return null;
  const focusNodeId =
    active.phase === 'compare' ? (active.lesson.compare?.focusNodeId ?? null) : active.lesson.focusNodeId;
  return runMeasures({
    step: s.metrics?.step ?? 0,
    metrics: s.metrics,
    heatmap: s.heatmap,
    affine: s.affine,
    batch: s.batch,
    distributions: s.distributions,
    openPanel: s.openPanel,
    collapsed: isWholeNetworkAffine(s),
    focusNodeId,
    linearAccuracy: linearAccuracy(s.dataset),
  });
}

/** The live run and the pinned first run, as the lesson's checks read them. */
export function lessonMeasures(s: AppState): LessonMeasures | null {
  const current = currentRunMeasures(s);
  return current ? { current, pinned: s.activeLesson?.pinned?.measures ?? null } : null;
}

/**
 * Opens the lesson a "#lesson=…" address names (a shipped lesson's number or an instructor's
 * lesson). A bad one gets a message and changes nothing. Returns whether the address named one.
 */
export function openLessonFromHash(store: AppStore, hash: string): boolean {
  const found = lessonFromHash(hash);
  if (!found) return false;
  if (!found.ok) {
    store
      .getState()
      .notify('error', `The lesson link could not be opened: ${found.error} Your own lab is unchanged.`);
    return true;
  }
  openLesson(store, found.lesson, 'number' in found ? found.number : null);
  store
    .getState()
    .notify(
      'info',
      `Opened the lesson “${found.lesson.title}”. Your own lab is one click away: “Restore my previous lab”.`,
    );
  return true;
}

/** Opens the lesson a class link names (its lab is on screen already, with the class locks). */
export function openClassLesson(store: AppStore): void {
  const s = store.getState();
  const n = s.classroom?.lesson ?? null;
  if (n === null || s.activeLesson) return;
  const lesson = lessonByNumber(n);
  if (lesson) openLesson(store, lesson, n, true);
  else
    s.notify(
      'error',
      `This class link names lesson ${n}, which this NormLab does not have; the lab is open without it.`,
    );
}

/** Keeps lesson progress (answers, passed lessons) in this browser, and reads it back at start. */
export function connectLessonProgress(store: AppStore, storage: LabStorage): () => void {
  try {
    const text = storage.getItem(LESSON_PROGRESS_KEY);
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const clean = Object.fromEntries(
        Object.entries(parsed as Record<string, { answer?: unknown; passed?: unknown }>)
          .filter(([, p]) => p && typeof p === 'object')
          .map(([id, p]) => [
            id,
            { answer: Number.isInteger(p.answer) ? (p.answer as number) : null, passed: p.passed === true },
          ]),
      );
      store.getState().setLessonProgress(clean);
    }
  } catch {
    // Unreadable or blocked storage: progress starts empty.
  }
  return store.subscribe((s, prev) => {
    if (s.lessonProgress === prev.lessonProgress) return;
    try {
      storage.setItem(LESSON_PROGRESS_KEY, JSON.stringify(s.lessonProgress));
    } catch {
      // Full or blocked storage: progress is lost at reload; the lab's own autosave says so.
    }
  });
}
