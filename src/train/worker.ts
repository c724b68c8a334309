/// <reference lib="webworker" />
/**
 * The training worker: it owns tfjs, the model and the data. The UI talks to it through the
 * typed WorkerApi (comlink) and receives plain-data events.
 */

import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as Comlink from 'comlink';
import * as tf from '../compile/tf';
import {
  configureWasm,
  loadBackend,
  loseContext,
  probeWebGL,
  selectBackend,
  watchContextLoss,
} from './backend';
import { NO_LOOP_TIME } from './loopClock';
import { exportModelArtifacts } from './modelExport';
import { NO_PROBES } from './probeTypes';
import type {
  BackendInfo,
  BackendPref,
  Hyper,
  LoadResult,
  ModelExportRequest,
  ModelExportResult,
  NodeWeights,
  ProbeRequest,
  SessionConfig,
  SweepPoint,
  SweepRequest,
  TrainEvent,
  WorkerApi,
} from './protocol';
import { TrainingSession } from './session';
import { runSweep } from './sweep';
import { timeTraining } from './timeTraining';

configureWasm({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

let session: TrainingSession | null = null;
let lastConfig: SessionConfig | null = null;
/** What the open panels want; kept across model rebuilds. */
let probes: ProbeRequest = NO_PROBES;
/** Steps per animation frame (slow motion) or null (full speed); kept across model rebuilds. */
let speed: number | null = null;
let emit: (e: TrainEvent) => void = () => {};
/** While recovering from a lost GPU context, the dying session's errors are expected: drop them. */
let recovering = false;
let stopWatching: () => void = () => {};

/** Sends an event, transferring the heatmap buffer instead of copying it. */
function send(e: TrainEvent): void {
  if (recovering && e.type === 'error') return;
  if (e.type === 'heatmap') emit(Comlink.transfer(e, [e.heatmap.values.buffer]));
  else emit(e);
}

async function buildSession(config: SessionConfig): Promise<TrainingSession> {
  const s = new TrainingSession(config, send);
  s.setSpeed(speed);
  await s.reportMetrics();
  await s.reportHeatmap();
  await s.setProbes(probes);
  return s;
}

/**
 * The GPU context is gone (driver reset, GPU reclaimed, too many contexts): move to WASM,
 * rebuild the model from its initial weights, and tell the person; nothing they made is lost.
 */
async function recoverFromContextLoss(): Promise<void> {
  recovering = true;
  try {
    // The old session's readback may never resolve on a dead context: abandon it, do not await it.
    session?.abandon();
    session = null;
    const info = await selectBackend('wasm');
    send({
      type: 'backend',
      backend: { ...info, reason: `the GPU (WebGL) context was lost, so ${info.name}` },
    });
    send({ type: 'status', running: false });
    if (lastConfig) session = await buildSession(lastConfig);
    send({
      type: 'notice',
      message: `The GPU (WebGL) context was lost, so training moved to ${info.name.toUpperCase()} and the model restarted from its initial weights. Press Train to continue.`,
    });
  } finally {
    recovering = false;
  }
}

const api: WorkerApi = {
  async init(pref: BackendPref, onEvent: (e: TrainEvent) => void): Promise<BackendInfo> {
    emit = onEvent;
    await session?.dispose();
    session = null;
    stopWatching();
    const info = await selectBackend(pref);
    if (info.name === 'webgl') stopWatching = watchContextLoss(() => void recoverFromContextLoss());
    return info;
  },
  async load(config: SessionConfig): Promise<LoadResult> {
    await session?.dispose();
    session = null;
    lastConfig = config;
    try {
      session = await buildSession(config);
      return { ok: true, paramCounts: session.paramCounts, totalParams: session.totalParams };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  },
  async start(untilStep?: number) {
    session?.start(untilStep);
  },
  async setSpeed(stepsPerFrame: number | null) {
    speed = stepsPerFrame;
    session?.setSpeed(stepsPerFrame);
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
    if (lastConfig) lastConfig = { ...lastConfig, hyper };
  },
  async setProbes(request: ProbeRequest) {
    probes = request;
    await session?.setProbes(request);
  },
  async setPlane(plane: readonly [number, number]) {
    if (lastConfig) lastConfig = { ...lastConfig, plane };
    await session?.setPlane(plane);
  },
  async getWeights() {
    return session ? session.getWeights() : {};
  },
  async setWeights(weights: NodeWeights, step?: number) {
    return session ? session.setWeights(weights, step) : 'The model is not built yet.';
  },
  async exportModel(request: ModelExportRequest): Promise<ModelExportResult> {
    if (!session || !lastConfig) return { ok: false, message: 'The model is not built yet.' };
    const res = await exportModelArtifacts(lastConfig, session.model, session.steps, request);
    // The weights' bytes move to the page instead of being copied.
    return res.ok ? Comlink.transfer(res, [res.artifacts.weightData]) : res;
  },
  async dispose() {
    await session?.dispose();
    session = null;
  },
  async loseGpuContext() {
    return loseContext();
  },
  async diagnostics() {
    const { numTensors, numBytes } = tf.memory();
    const timings = session?.timings ?? { heatmapMs: null, probeMs: null, loop: NO_LOOP_TIME };
    return { backend: tf.getBackend(), numTensors, numBytes, steps: session?.steps ?? 0, ...timings };
  },
  async sweep(request: SweepRequest, onPoint: (point: SweepPoint) => void) {
    return runSweep(request, onPoint);
  },
  async raceTime(backend, config, ms, allowSoftware) {
    if (backend === 'webgl') {
      const probe = probeWebGL();
      if (!probe.webgl2) throw new Error('no WebGL2 in the racing worker');
      if (probe.software && !allowSoftware) throw new Error(`WebGL2 is software (${probe.renderer})`);
    }
    await loadBackend(backend);
    if (!(await tf.setBackend(backend))) throw new Error(`${backend} failed to start`);
    return timeTraining(config, ms);
  },
};

Comlink.expose(api);
