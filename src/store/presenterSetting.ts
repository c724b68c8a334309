import type { LabStorage } from './autosave';
import type { AppStore } from './store';

/** Where presenter view is remembered between visits (this browser only; never in a shared link). */
export const PRESENTER_KEY = 'normlab.presenter';

/**
 * Turns presenter view on if it was on last time, then remembers every change. A value other than
 * "1" or "0" (edited by hand, say) is ignored, and the normal view shows. A failed write is not
 * reported: it loses only this preference, and autosave already says when storage is full or blocked.
 */
export function connectPresenterSetting(store: AppStore, storage: LabStorage): () => void {
  let saved: string | null = null;
  try {
    saved = storage.getItem(PRESENTER_KEY);
  } catch {
    // Storage blocked: start in the normal view.
  }
  if (saved === '1') store.getState().setPresenter(true);
  return store.subscribe((s, prev) => {
    if (s.presenter === prev.presenter) return;
    try {
      storage.setItem(PRESENTER_KEY, s.presenter ? '1' : '0');
    } catch {
      // See above: nothing else is lost.
    }
  });
}
