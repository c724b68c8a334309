import type { StateCreator } from 'zustand';
import { hasControlChars } from '../lib/text';
import { type PinnedRun, RUN_LIMITS } from '../share';
import type { AppState } from './types';

/** A one-click variant training to the original's step count; pinned when it gets there. */
export interface VariantJob {
  /** The name it is pinned under, e.g. "Without normalization". */
  readonly name: string;
  /** The step it trains to (the original run's). */
  readonly untilStep: number;
  /** The model it trains (store/modelKey), so an edit meanwhile cancels it. */
  readonly modelKey: string;
}

/** Wall time of the live run: ms trained before the current stretch, and when that stretch began. */
export interface RunClock {
  readonly ms: number;
  readonly since: number | null;
}

/** Pinned runs, the variant being trained, and the live run's wall clock. */
export interface RunsSlice {
  /** Runs kept for comparison, in the order pinned (at most RUN_LIMITS.maxRuns). */
  pinnedRuns: readonly PinnedRun[];
  variantJob: VariantJob | null;
  runClock: RunClock;
  /** Adds a run; false (and nothing changes) when RUN_LIMITS.maxRuns are pinned already. */
  addPinnedRun: (run: PinnedRun) => boolean;
  unpinRun: (id: string) => void;
  /** Renames a run; returns why a name is refused (empty, too long, control characters), or null. */
  renameRun: (id: string, name: string) => string | null;
  setPinnedRuns: (runs: readonly PinnedRun[]) => void;
  setVariantJob: (job: VariantJob | null) => void;
  setRunClock: (clock: RunClock) => void;
}

/** Why a run name is refused, or null; names are trimmed first. */
export function runNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'A run needs a name.';
  if (trimmed.length > RUN_LIMITS.maxNameLength)
    return `A run name may be at most ${RUN_LIMITS.maxNameLength} characters.`;
  if (hasControlChars(trimmed)) return 'A run name cannot hold control characters.';
  return null;
}

/** The runs slice of the app store (see RunsSlice). */
export const createRunsSlice: StateCreator<AppState, [], [], RunsSlice> = (set, get) => ({
  pinnedRuns: [],
  variantJob: null,
  runClock: { ms: 0, since: null },
  addPinnedRun: (run) => {
    const runs = get().pinnedRuns;
    if (runs.length >= RUN_LIMITS.maxRuns) return false;
    set({ pinnedRuns: [...runs, run] });
    return true;
  },
  unpinRun: (id) => set({ pinnedRuns: get().pinnedRuns.filter((r) => r.id !== id) }),
  renameRun: (id, name) => {
    const problem = runNameProblem(name);
    if (problem) return problem;
    set({ pinnedRuns: get().pinnedRuns.map((r) => (r.id === id ? { ...r, name: name.trim() } : r)) });
    return null;
  },
  setPinnedRuns: (pinnedRuns) => set({ pinnedRuns: pinnedRuns.slice(0, RUN_LIMITS.maxRuns) }),
  setVariantJob: (variantJob) => set({ variantJob }),
  setRunClock: (runClock) => set({ runClock }),
});
