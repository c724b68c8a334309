import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import type { AppUpdate } from '../components/AppUpdateContext';

/** vite-plugin-pwa's registerSW: registers the worker, returns "skip waiting" for the new version. */
export type RegisterServiceWorker = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

/** What createAppUpdate needs from the page (browserPage() is the real one). */
export interface UpdatePage {
  /** True when a new service worker is installed and waiting for its turn. */
  hasWaitingWorker(): Promise<boolean>;
  /** Calls `listener` once, when a new service worker next takes control of the page. */
  onceControllerChanges(listener: () => void): void;
  reload(): void;
}

/** The page's own service worker container and location. */
export function browserPage(): UpdatePage {
  const container = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  return {
    hasWaitingWorker: async () => Boolean((await container?.getRegistration())?.waiting),
    onceControllerChanges: (listener) =>
      container?.addEventListener('controllerchange', listener, { once: true }),
    reload: () => window.location.reload(),
  };
}

/**
 * Registers the service worker and turns its "a new version is waiting" into an AppUpdate. Nothing
 * reloads by itself, not even when another tab's Reload makes the new version take over (this page
 * may be training): only this page's Reload does, once the new version controls it.
 */
export function createAppUpdate(register: RegisterServiceWorker, page: UpdatePage): AppUpdate {
  let ready = false;
  const listeners = new Set<() => void>();
  const skipWaiting = register({
    onNeedRefresh: () => {
      ready = true;
      for (const listener of listeners) listener();
    },
    // Given, so that the plugin does not reload the page itself when a new version takes control.
    onNeedReload: () => {},
  });
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isReady: () => ready,
    reload: async () => {
      // Nothing waiting: another tab already let the new version take over. Reloading opens it.
      if (!(await page.hasWaitingWorker())) return page.reload();
      page.onceControllerChanges(() => page.reload());
      await skipWaiting();
    },
  };
}
