import * as Comlink from 'comlink';
import type { BareApi, BareBench } from './bareProtocol';

/**
 * Starts the benchmark's bare training worker (its own chunk, loaded only when the benchmark
 * asks for it through the ?debug=1 hook; never part of the app's first load).
 */
export function startBareBench(): BareBench {
  const worker = new Worker(new URL('./bareWorker.ts', import.meta.url), {
    type: 'module',
    name: 'normlab-bench',
  });
  const remote = Comlink.wrap<BareApi>(worker);
  return {
    init: (backend) => remote.init(backend),
    load: (spec) => remote.load(spec),
    run: (ms) => remote.run(ms),
    numTensors: () => remote.numTensors(),
    dispose: () => remote.dispose(),
    terminate: () => worker.terminate(),
  };
}
