import * as Comlink from 'comlink';
import type { SweepEngine } from '../store/sweepBridge';
import type { TrainerClient } from '../store/trainerBridge';
import type { SweepPoint, WorkerApi } from '../train/protocol';

/**
 * A new training worker (its own chunk: tfjs never loads on the main thread). One call site, so
 * the trainer and the sweep share one worker chunk.
 */
function spawnTrainingWorker(): Worker {
  return new Worker(new URL('../train/worker.ts', import.meta.url), {
    type: 'module',
    name: 'normlab-training',
  });
}

/**
 * Starts the training worker and wraps it as a TrainerClient. `onCrash` hears about a worker that
 * failed to load or died.
 */
export function createWorkerClient(onCrash: (message: string) => void): TrainerClient {
  const worker = spawnTrainingWorker();
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
    exportModel: (request) => remote.exportModel(request),
    loseGpuContext: () => remote.loseGpuContext(),
    diagnostics: () => remote.diagnostics(),
    dispose: async () => {
      await remote.dispose();
      worker.terminate();
    },
  };
}

/**
 * Learning-rate sweeps, each in a training worker of its own (started on the backend given,
 * ended when the sweep ends or is cancelled): the person's run in the main worker goes on
 * untouched, and a cancel frees everything at once.
 */
export function createSweepEngine(): SweepEngine {
  return {
    start(backend, request, onPoint) {
      const worker = spawnTrainingWorker();
      const remote = Comlink.wrap<WorkerApi>(worker);
      let cancel = () => {};
      const stopped = new Promise<never>((_, reject) => {
        cancel = () => reject(new Error('the sweep was cancelled'));
        worker.addEventListener('error', (e) =>
          reject(new Error(e.message || 'the sweep worker could not be loaded')),
        );
      });
      const run = (async (): Promise<SweepPoint[]> => {
        await remote.init(
          backend,
          Comlink.proxy(() => {}),
        );
        return remote.sweep(request, Comlink.proxy(onPoint));
      })();
      const done = Promise.race([run, stopped]).finally(() => worker.terminate());
      // A cancelled sweep's own promise may still settle (or never): nobody waits on it.
      run.catch(() => {});
      return { done, cancel: () => cancel() };
    },
  };
}
