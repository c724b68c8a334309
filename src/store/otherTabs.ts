import { labFromJson } from '../share';
import { type LabStorage, STORAGE_KEYS, writeSaved } from './autosave';
import { loadFresh, rememberPrevious } from './labActions';
import { labOf, sameLab } from './labSlice';
import type { AppStore } from './store';
import { restoreSavedWeights } from './weightsAutosave';

/**
 * Subscribes to changes that other tabs make to the shared storage: the listener gets the key and
 * its new value (null when removed). Returns the unsubscribe. The window's `storage` event in
 * the app (browserStorageEvents), a fake in tests.
 */
export type StorageEvents = (listener: (key: string | null, newValue: string | null) => void) => () => void;

/**
 * Listens for another tab saving the lab. When its lab differs from this tab's, it is held in
 * `otherTabLab` (the banner offers "Load its version" or "Keep mine") and this tab stops saving
 * over it; when it is the same again, the question is dropped. Returns the disconnect.
 */
export function connectOtherTabs(store: AppStore, events: StorageEvents): () => void {
  return events((key, newValue) => {
    if (key !== STORAGE_KEYS.lab || !newValue) return;
    const read = labFromJson(newValue);
    if (!read.ok) return;
    const s = store.getState();
    if (!sameLab(read.lab, labOf(s))) s.setOtherTabLab(read.lab);
    else if (s.otherTabLab) s.setOtherTabLab(null);
  });
}

/** "Keep mine": saves this tab's lab over the other tab's (which hears of it the same way). */
export function keepMyLab(store: AppStore, storage: LabStorage): void {
  const s = store.getState();
  if (!s.otherTabLab) return;
  s.setOtherTabLab(null);
  const problem = writeSaved(storage, labOf(s));
  if (problem) {
    s.setStorageProblem(problem);
    return;
  }
  // While the question was open this tab's lab was kept under "previous": put back what belongs there.
  rememberPrevious(store, storage);
  s.notify(
    'info',
    'Kept the lab of this tab and saved it. The other tab is told, and can load it or keep its own.',
  );
}

/**
 * "Load its version": opens the lab the other tab saved (with its trained weights when they were
 * kept), keeping this tab's lab one click away ("Restore my previous lab"), across a reload too.
 */
export function loadOtherTabLab(store: AppStore, storage: LabStorage): void {
  const other = store.getState().otherTabLab;
  if (!other) return;
  store.getState().setOtherTabLab(null);
  loadFresh(store, other, { keepPrevious: true });
  rememberPrevious(store, storage);
  restoreSavedWeights(store, storage);
  const mine = store.getState().previousLab ? ' Yours is one click away: “Restore my previous lab”.' : '';
  store.getState().notify('info', `Loaded the lab the other tab saved.${mine}`);
}
