import { runsFromJson, runsToJson } from '../share';
import type { LabStorage } from './autosave';
import type { AppStore } from './store';

/** Where the pinned runs are kept between visits, and where unreadable ones are kept aside. */
export const RUNS_KEYS = { runs: 'normlab.runs', unreadable: 'normlab.runs.unreadable' } as const;

/**
 * Pinned runs survive a reload: read back at start (validated like a lab file's; unreadable ones
 * are kept aside under RUNS_KEYS.unreadable and the person told), then written on every change.
 * Each run is small (curves of at most 300 points, a 32 × 32 boundary: about 25 KB), and there
 * are at most 4. A refused write (storage full or blocked) is said once, plainly.
 */
export function connectRunsAutosave(store: AppStore, storage: LabStorage): () => void {
  let text: string | null = null;
  try {
    text = storage.getItem(RUNS_KEYS.runs);
  } catch {
    // Blocked storage: the lab's own autosave banner says so.
  }
  if (text) {
    const read = runsFromJson(text);
    if (read.ok) store.getState().setPinnedRuns(read.runs);
    else {
      try {
        storage.setItem(RUNS_KEYS.unreadable, text);
      } catch {
        // Nothing more to keep.
      }
      store
        .getState()
        .notify('error', `Your pinned runs could not be read back (${read.error}) They are kept aside.`);
    }
  }
  let failing = false;
  return store.subscribe((s, prev) => {
    if (s.pinnedRuns === prev.pinnedRuns) return;
    try {
      storage.setItem(RUNS_KEYS.runs, runsToJson(s.pinnedRuns));
      failing = false;
    } catch {
      if (!failing)
        s.notify(
          'error',
          'This browser could not keep the pinned runs (its storage is full or blocked): they last until the page closes. Export lab keeps them in a file.',
        );
      failing = true;
    }
  });
}
