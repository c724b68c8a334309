import { readLabWeights } from '../share';
import type { NodeWeights } from '../train/protocol';
import type { LabStorage } from './autosave';
import { modelKey } from './modelKey';
import type { AppStore } from './store';

/** Where the trained weights of the autosaved lab are kept between visits. */
export const WEIGHTS_KEY = 'normlab.weights';

/** Larger models are not kept (localStorage holds about 5 MB per site): the reload says so. */
export const MAX_SAVED_WEIGHT_VALUES = 150_000;

/** What is stored: the weights of which model, at which step (or a note that they were too large). */
interface SavedWeights {
  readonly model: string;
  readonly step: number;
  readonly weights?: NodeWeights;
  readonly tooLarge?: true;
}

/** The model's weight count from the compiled model's counts per node, or null before it is built. */
const knownValues = (counts: Readonly<Record<string, number>> | null) =>
  counts ? Object.values(counts).reduce((n, c) => n + c, 0) : null;

const countValues = (w: NodeWeights) =>
  Object.values(w).reduce((n, named) => n + Object.values(named).reduce((m, v) => m + v.length, 0), 0);

function write(storage: LabStorage, record: SavedWeights | null): void {
  try {
    storage.setItem(WEIGHTS_KEY, record ? JSON.stringify(record) : '');
  } catch {
    // Full or blocked storage: the lab's own autosave already says so; the reload will restart.
    try {
      if (record)
        storage.setItem(
          WEIGHTS_KEY,
          JSON.stringify({ model: record.model, step: record.step, tooLarge: true }),
        );
    } catch {
      // Nothing more can be written.
    }
  }
}

/**
 * Keeps the trained weights with the autosave, so a reload mid-training goes on from where it
 * was: at most every `intervalMs` while training, and at once when training pauses or a Step
 * ends. A new model or a Reset (step 0) forgets them. Reading the weights is asynchronous
 * (the worker), so a save is skipped when the model changed meanwhile. Nothing is written while
 * another tab's newer lab waits for the person's choice (`otherTabLab`).
 */
export function connectWeightsAutosave(
  store: AppStore,
  storage: LabStorage,
  readWeights: () => Promise<NodeWeights | null>,
  intervalMs = 5000,
  now: () => number = () => Date.now(),
): () => void {
  let lastSaved = Number.NEGATIVE_INFINITY;
  let busy = false;
  const save = async () => {
    busy = true;
    lastSaved = now();
    try {
      const key = modelKey(store.getState());
      // A model known to be too large is never read back: reading 5 million weights takes the
      // worker about a second and the page a half-second stall, every interval, for nothing.
      const known = knownValues(store.getState().compiledParams);
      if (known !== null && known > MAX_SAVED_WEIGHT_VALUES) {
        const { metrics, otherTabLab } = store.getState();
        if (!otherTabLab) write(storage, { model: key, step: metrics?.step ?? 0, tooLarge: true });
        return;
      }
      const weights = await readWeights();
      const s = store.getState();
      const step = s.metrics?.step ?? 0;
      if (!weights || modelKey(s) !== key || step === 0 || s.otherTabLab) return;
      const tooLarge = countValues(weights) > MAX_SAVED_WEIGHT_VALUES;
      write(storage, tooLarge ? { model: key, step, tooLarge: true } : { model: key, step, weights });
    } finally {
      busy = false;
    }
  };
  return store.subscribe((s, prev) => {
    if (s.metrics === prev.metrics) return;
    // Another tab's newer lab (and its weights) is saved: never write over them before the person chooses.
    if (s.otherTabLab) return;
    const step = s.metrics?.step ?? 0;
    if (step === 0) {
      if ((prev.metrics?.step ?? 0) > 0) write(storage, null);
      return;
    }
    if (s.trainingProblemKind === 'diverged' || busy) return;
    if (s.status !== 'running' || now() - lastSaved >= intervalMs) void save();
  });
}

/**
 * On a reload: puts the kept weights of the autosaved lab back (when they belong to this very
 * model), or says plainly why training starts over. Returns the step restored, or null.
 */
export function restoreSavedWeights(store: AppStore, storage: LabStorage): number | null {
  let text: string | null = null;
  try {
    text = storage.getItem(WEIGHTS_KEY);
  } catch {
    return null;
  }
  if (!text) return null;
  let saved: SavedWeights;
  try {
    saved = JSON.parse(text) as SavedWeights;
  } catch {
    return null;
  }
  const s = store.getState();
  if (typeof saved !== 'object' || saved === null || saved.model !== modelKey(s)) return null;
  if (saved.tooLarge) {
    s.notify(
      'info',
      `Training restarts from step 0: this model is too large to keep its trained weights in the browser (it was at step ${saved.step}). Export → Lab file, with trained weights, keeps them.`,
    );
    return null;
  }
  const read = readLabWeights(saved.weights, s.graph);
  if (!read.ok || !Number.isInteger(saved.step) || saved.step < 1) return null;
  s.setPendingWeights(read.weights, saved.step);
  return saved.step;
}
