/// <reference lib="webworker" />
/**
 * The training worker: it owns tfjs, the model and the data. The UI talks to it through the
 * typed WorkerApi (comlink) and receives plain-data events.
 */

import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as Comlink from 'comlink';
import { configureWasm, selectBackend } from './backend';
import type {
  BackendInfo,
  BackendPref,
  Hyper,
  LoadResult,
  SessionConfig,
  TrainEvent,
  WorkerApi,
} from './protocol';
import { TrainingSession } from './session';

configureWasm({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

let session: TrainingSession | null = null;
let emit: (e: TrainEvent) => void = () => {};

/** Sends an event, transferring the heatmap buffer instead of copying it. */
function send(e: TrainEvent): void {
  if (e.type === 'heatmap') emit(Comlink.transfer(e, [e.heatmap.values.buffer]));
  else emit(e);
}

const api: WorkerApi = {
  async init(pref: BackendPref, onEvent: (e: TrainEvent) => void): Promise<BackendInfo> {
    emit = onEvent;
    await session?.dispose();
    session = null;
    const info = await selectBackend(pref);
    return info;
  },
  async load(config: SessionConfig): Promise<LoadResult> {
    await session?.dispose();
    session = null;
    try {
      session = new TrainingSession(config, send);
      await session.reportMetrics();
      await session.reportHeatmap();
      return { ok: true, paramCounts: session.paramCounts, totalParams: session.totalParams };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  },
  async start() {
    session?.start();
  },
  async pause() {
    await session?.pause();
  },
  async step() {
    await session?.step();
  },
  async reset() {
    await session?.reset();
  },
  async setHyper(hyper: Hyper) {
    session?.setHyper(hyper);
  },
  async dispose() {
    await session?.dispose();
    session = null;
  },
};

Comlink.expose(api);
