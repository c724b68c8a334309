import { createContext } from 'react';

/**
 * A newer version of the app, installed by the service worker and waiting for the person's go-ahead
 * (src/app/appUpdate.ts makes the real one). Shaped for React's useSyncExternalStore.
 */
export interface AppUpdate {
  /** Calls `listener` whenever `isReady()` may have changed; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** True once a new version is installed and waiting. */
  isReady(): boolean;
  /** Hands over to the new version and reloads the page into it. */
  reload(): Promise<void>;
}

/** No service worker (dev server, tests, old browsers): never an update. */
const none: AppUpdate = { subscribe: () => () => {}, isReady: () => false, reload: async () => {} };

/** The app's update signal, provided by main.tsx. */
export const AppUpdateContext = createContext<AppUpdate>(none);
