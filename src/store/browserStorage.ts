import type { LabStorage } from './autosave';
import type { StorageEvents } from './otherTabs';

/**
 * The browser's localStorage, or, where the browser refuses it (private modes, blocked cookies),
 * a stand-in whose writes fail with that reason (a SecurityError, as the browser's own refusal),
 * so autosave says at once that nothing will be kept instead of failing silently.
 */
export function browserStorage(): LabStorage {
  try {
    const storage = window.localStorage;
    storage.getItem('normlab.probe');
    return storage;
  } catch (err) {
    const why =
      (err instanceof Error || err instanceof DOMException ? err.message : String(err)) || 'access denied';
    return {
      getItem: () => null,
      setItem: () => {
        throw new DOMException(why, 'SecurityError');
      },
    };
  }
}

/** Changes other tabs of this site make to localStorage (the `storage` event fires only in the others). */
export const browserStorageEvents: StorageEvents = (listener) => {
  const onStorage = (e: StorageEvent) => {
    let own: Storage | null = null;
    try {
      own = window.localStorage;
    } catch {
      return; // Storage refused: there is nothing shared with other tabs.
    }
    if (e.storageArea === own) listener(e.key, e.newValue);
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
};
