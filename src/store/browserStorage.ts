import type { LabStorage } from './autosave';

/**
 * The browser's localStorage, or, where the browser refuses it (private modes, blocked cookies),
 * a stand-in whose writes fail with that reason, so autosave says so instead of failing silently.
 */
export function browserStorage(): LabStorage {
  try {
    const storage = window.localStorage;
    storage.getItem('normlab.probe');
    return storage;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      getItem: () => null,
      setItem: () => {
        throw new Error(`this browser blocks its storage here (${why})`);
      },
    };
  }
}
