import { createContext, useContext } from 'react';
import type { SweepCommands } from '../store/sweepBridge';

const idle: SweepCommands = { start: () => {}, cancel: () => {} };

/** The learning-rate sweep's commands (start, cancel), provided by the app. */
export const SweepContext = createContext<SweepCommands>(idle);

/** The sweep commands of the nearest SweepContext (do-nothing ones outside the app). */
export function useSweep(): SweepCommands {
  return useContext(SweepContext);
}
