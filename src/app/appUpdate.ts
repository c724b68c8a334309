import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import type { AppUpdate } from '../components/AppUpdateContext';

/** vite-plugin-pwa's registerSW: registers the worker, returns "skip waiting" for the new version. */
export type RegisterServiceWorker = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

/**
 * Registers the service worker and turns its "a new version is waiting" into an AppUpdate. The page
 * reloads only when this page's Reload asked for it: when another tab's Reload makes the new version
 * take over, this page (perhaps mid-training) keeps running and keeps offering its own Reload.
 */
export function createAppUpdate(register: RegisterServiceWorker, reloadPage: () => void): AppUpdate {
  let ready = false;
  let requested = false;
  let takenOver = false;
  const listeners = new Set<() => void>();
  const skipWaiting = register({
    onNeedRefresh: () => {
      ready = true;
      for (const listener of listeners) listener();
    },
    onNeedReload: () => {
      if (requested) reloadPage();
      else takenOver = true;
    },
  });
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isReady: () => ready,
    reload: () => {
      requested = true;
      // Already in control (another tab's Reload): nothing is waiting, so just reload.
      if (takenOver) reloadPage();
      else void skipWaiting();
    },
  };
}
