import * as Comlink from 'comlink';
import type { TrainerClient } from '../store/trainerBridge';
import type { WorkerApi } from '../train/protocol';

/**
 * Starts the training worker (its own chunk: tfjs never loads on the main thread) and wraps it
 * as a TrainerClient. `onCrash` hears about a worker that failed to load or died.
 */
export function createWorkerClient(onCrash: (message: string) => void): TrainerClient {
  const worker = new Worker(new URL('../train/worker.ts', import.meta.url), {
    type: 'module',
    name: 'normlab-training',
  });
  worker.addEventListener('error', (e) => onCrash(e.message || 'the training worker could not be loaded'));
  worker.addEventListener('messageerror', () =>
    onCrash('a message from the training worker could not be read'),
  );
  const remote = Comlink.wrap<WorkerApi>(worker);
  return {
    init: (pref, onEvent) => remote.init(pref, Comlink.proxy(onEvent)),
    load: (config) => remote.load(config),
    start: (untilStep) => remote.start(untilStep),
    setSpeed: (stepsPerFrame) => remote.setSpeed(stepsPerFrame),
    pause: () => remote.pause(),
    step: () => remote.step(),
    reset: () => remote.reset(),
    setHyper: (h) => remote.setHyper(h),
    setProbes: (request) => remote.setProbes(request),
    setPlane: (plane) => remote.setPlane(plane),
    getWeights: () => remote.getWeights(),
    setWeights: (w, step) => remote.setWeights(w, step),
    loseGpuContext: () => remote.loseGpuContext(),
    diagnostics: () => remote.diagnostics(),
    dispose: async () => {
      await remote.dispose();
      worker.terminate();
    },
  };
}
