import { type DecodeResult, type Lab, labFromJson, labToJson } from '../share';
import { labOf } from './labSlice';
import { type StorageProblem, storageProblemOf } from './storageProblem';
import type { AppStore } from './store';
import type { AppState } from './types';

/** Where the lab is kept between visits, and where an unreadable save is kept rather than lost. */
export const STORAGE_KEYS = {
  lab: 'normlab.lab',
  previous: 'normlab.previous',
  unreadable: 'normlab.unreadable',
} as const;

/** The part of localStorage autosave uses (a fake in tests). */
export type LabStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Reads a saved lab; null when there is none. */
export function readSaved(storage: LabStorage, key: string = STORAGE_KEYS.lab): DecodeResult | null {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch (err) {
    return {
      ok: false,
      error: `This browser refuses access to its storage (${storageProblemOf(err).reason}).`,
    };
  }
  return text === null ? null : labFromJson(text);
}

/** Writes a lab; returns why it failed (storage full or blocked), or null. */
export function writeSaved(
  storage: LabStorage,
  lab: Lab,
  key: string = STORAGE_KEYS.lab,
): StorageProblem | null {
  try {
    storage.setItem(key, labToJson(lab));
    return null;
  } catch (err) {
    return storageProblemOf(err);
  }
}

/** What a change must touch to be saved: the lab's own parts, not training state or selection. */
const saved = (s: AppState) => [s.graph, s.data, s.hyper, s.backendPref, s.openPanel, s.distMode] as const;

export interface Autosave {
  /** Saves now, whether or not a change is waiting (at start: says at once if storage is refused or full). */
  saveNow(): void;
  /** Saves now if a change is waiting (on page hide, so a closed tab loses nothing). */
  flush(): void;
  disconnect(): void;
}

/**
 * Saves the lab to storage shortly after every change (debounced), and says so once, plainly
 * (the storage banner), when storage is full or blocked, instead of losing work silently; the
 * banner goes once a save works again. While another tab's newer lab waits for the person's
 * choice (`otherTabLab`), this tab's lab is kept under the "previous" key instead, never saved
 * over the other tab's: a closed tab's work then comes back as "Restore my previous lab".
 */
export function connectAutosave(store: AppStore, storage: LabStorage, debounceMs = 300): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failing = false;
  const save = () => {
    timer = null;
    const s = store.getState();
    const key = s.otherTabLab ? STORAGE_KEYS.previous : STORAGE_KEYS.lab;
    const problem = writeSaved(storage, labOf(s), key);
    if (problem && !failing) s.setStorageProblem(problem);
    if (!problem && failing) s.setStorageProblem(null);
    failing = problem !== null;
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const a = saved(s);
    const b = saved(prev);
    if (a.every((x, i) => x === b[i])) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  });
  return {
    saveNow: () => {
      if (timer) clearTimeout(timer);
      save();
    },
    flush: () => {
      if (!timer) return;
      clearTimeout(timer);
      save();
    },
    disconnect: () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}
