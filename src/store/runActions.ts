import { downsample } from '../lib/downsample';
import { withoutControlChars } from '../lib/text';
import { type PinnedRun, RUN_LIMITS, shrinkBoundary } from '../share';
import type { LabStorage } from './autosave';
import { graphContextOf } from './dataSlice';
import { loadFresh, rememberPrevious } from './labActions';
import { labDifferences } from './labDifferences';
import { labOf, sameLab } from './labSlice';
import type { AppStore } from './store';
import type { AppState } from './types';

/**
 * Colours of pinned runs, apart from the live run's orange and blue (and Okabe-Ito's vermillion
 * and blue in presenter view): bluish green, reddish purple, brown, slate.
 */
export const RUN_COLORS = ['#009e73', '#cc79a7', '#8c564b', '#5b6470'] as const;

/** The live run's wall time in ms: what it trained before, plus the stretch running now. */
export function liveWallMs(s: AppState, now: number): number {
  const { ms, since } = s.runClock;
  return ms + (since === null ? 0 : Math.max(0, now - since));
}

/** True when the live run is pinned already: a run of this very lab at this very step. */
export function isLivePinned(s: AppState): boolean {
  const step = s.metrics?.step ?? 0;
  const lab = labOf(s);
  return s.pinnedRuns.some((r) => r.steps === step && sameLab(r.lab, lab));
}

/** `base`, or "base 2", "base 3", … : a name no pinned run has. */
export function uniqueRunName(s: AppState, base: string): string {
  const taken = new Set(s.pinnedRuns.map((r) => r.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`)) return `${base} ${i}`;
}

/** The first run colour no pinned run uses (the first again once all are taken). */
function freeColor(s: AppState): string {
  const used = new Set(s.pinnedRuns.map((r) => r.color));
  return RUN_COLORS.find((c) => !used.has(c)) ?? RUN_COLORS[0];
}

/** A fresh run id. */
function newRunId(s: AppState): string {
  const ids = new Set(s.pinnedRuns.map((r) => r.id));
  for (let i = s.pinnedRuns.length + 1; ; i++) if (!ids.has(`run-${i}`)) return `run-${i}`;
}

const pointsOf = (s: AppState, pick: (p: AppState['lossHistory'][number]) => number | null | undefined) =>
  downsample(
    s.lossHistory.flatMap((p) => {
      const y = pick(p);
      // Only finite values are kept (a diverged run's NaN losses are not a curve).
      return y === null || y === undefined || !Number.isFinite(y) ? [] : [{ x: p.step, y }];
    }),
    RUN_LIMITS.maxPoints,
  );

/** The live run as a pinned run (curves downsampled, boundary shrunk to 32 × 32), or null before any step. */
export function liveRunAsPinned(s: AppState, name: string, now: number): PinnedRun | null {
  const m = s.metrics;
  if (!m || m.step === 0) return null;
  const task = graphContextOf(s.data).task;
  const h = s.heatmap;
  const clean = withoutControlChars(name).trim().slice(0, RUN_LIMITS.maxNameLength);
  return {
    id: newRunId(s),
    name: clean || 'Run',
    color: freeColor(s),
    lab: labOf(s),
    steps: m.step,
    wallMs: liveWallMs(s, now),
    final: { trainLoss: m.trainLoss, testLoss: m.testLoss, testAccuracy: m.testAccuracy, testR2: m.testR2 },
    curves: {
      trainLoss: pointsOf(s, (p) => p.train),
      testLoss: pointsOf(s, (p) => p.test),
      testAccuracy: pointsOf(s, (p) => p.accuracy),
    },
    boundary: h ? shrinkBoundary(h.values, h.size, h.channels, task) : null,
    note: s.trainingProblemKind === 'diverged' ? `diverged by step ${m.step}` : null,
  };
}

/** Why the live run cannot be pinned now (nothing trained, the limit reached), or null. */
export function pinProblem(s: AppState): string | null {
  if ((s.metrics?.step ?? 0) === 0)
    return 'Nothing to pin yet: train this lab first (Train or Step), then pin the run.';
  if (s.pinnedRuns.length >= RUN_LIMITS.maxRuns)
    return `${RUN_LIMITS.maxRuns} runs are pinned, the most there can be: unpin one first.`;
  return null;
}

/**
 * "Pin run": keeps the live run (its lab, curves, final metrics and boundary) under `name` (or the
 * next "Run N"), or says plainly why not. Returns the pinned run, or null.
 */
export function pinLiveRun(store: AppStore, name?: string, now = Date.now()): PinnedRun | null {
  const s = store.getState();
  const problem = pinProblem(s);
  if (problem) {
    s.notify('info', problem);
    return null;
  }
  if (isLivePinned(s)) {
    s.notify('info', `This run is pinned already, at step ${s.metrics?.step ?? 0}.`);
    return null;
  }
  const run = liveRunAsPinned(s, uniqueRunName(s, name ?? `Run ${s.pinnedRuns.length + 1}`), now);
  if (!run) return null;
  // Said before it is added, so a message the adding causes (storage full) is the one left on screen.
  s.notify(
    'info',
    `Pinned “${run.name}” at step ${run.steps}: its curves stay on the charts beside the live run.`,
  );
  return s.addPinnedRun(run) ? run : null;
}

/**
 * Whether opening `run`'s lab should ask first: the lab on screen differs from it and is not
 * itself kept as a pinned run (the person's own work would leave the screen). Returns what
 * differs, in words, or null when nothing needs asking.
 */
export function openRunQuestion(s: AppState, run: PinnedRun): string | null {
  const mine = labOf(s);
  if (sameLab(mine, run.lab) || s.pinnedRuns.some((r) => sameLab(r.lab, mine))) return null;
  return labDifferences(run.lab, mine).join(', ');
}

/**
 * Opens a pinned run's lab (graph, data and seed, hyperparameters): the lab on screen stays one
 * click away ("Restore my previous lab"), as when a link is opened. The run restarts from step 0
 * on the same seed, so it retraces the same curve.
 */
export function openRunLab(store: AppStore, storage: LabStorage, id: string): void {
  const s = store.getState();
  const run = s.pinnedRuns.find((r) => r.id === id);
  if (!run) return;
  loadFresh(store, run.lab, { keepPrevious: true, keepBackend: true });
  rememberPrevious(store, storage);
  const back = store.getState().previousLab ? ' Your previous lab is one click away.' : '';
  s.notify(
    'info',
    `Opened the lab of “${run.name}”. Train it to step ${run.steps} to retrace its curve (same data and seed).${back}`,
  );
}
