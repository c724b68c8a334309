import { createContext, useContext } from 'react';
import type { TrainerCommands } from '../store/trainerBridge';

const noop = () => {};
const idle: TrainerCommands = {
  train: noop,
  pause: noop,
  step: noop,
  reset: noop,
  weights: async () => null,
  exportModel: async () => null,
  idle: async () => {},
  disconnect: noop,
};

/** The training commands (Train, Pause, Step, Reset), provided by the app. */
export const TrainerContext = createContext<TrainerCommands>(idle);

export function useTrainer(): TrainerCommands {
  return useContext(TrainerContext);
}
