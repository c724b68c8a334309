import * as Comlink from 'comlink';
import type { BackendRacer } from '../store/autoBackend';
import type { WorkerApi } from '../train/protocol';

/**
 * Starts a second instance of the training worker (the same chunk, already cached) for one race
 * of auto's backend choice (WorkerApi.raceTime); dispose() terminates it, freeing all it built.
 */
export function createRaceClient(): BackendRacer {
  const worker = new Worker(new URL('../train/worker.ts', import.meta.url), {
    type: 'module',
    name: 'normlab-race',
  });
  const remote = Comlink.wrap<WorkerApi>(worker);
  let crash: (err: Error) => void = () => {};
  const crashed = new Promise<never>((_, reject) => {
    crash = reject;
  });
  crashed.catch(() => {});
  worker.addEventListener('error', (e) =>
    crash(new Error(e.message || 'the racing worker could not be loaded')),
  );
  return {
    // A worker that dies mid-race (a crashed GPU process) rejects the race instead of hanging it.
    time: (backend, config, ms, allowSoftware) =>
      Promise.race([remote.raceTime(backend, config, ms, allowSoftware), crashed]),
    dispose: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
