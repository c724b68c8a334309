/// <reference lib="webworker" />
/**
 * A bare tfjs custom training loop, the benchmark's yardstick for the app's training path: the
 * model built directly with tf.layers, tf.train.adam, batches sliced once up front, and
 * optimizer.minimize in a tight loop with one loss readback every `readbackEvery` steps. No
 * metrics, no heatmap, no probes, no yields. It imports all three backends up front (one
 * self-contained file: its size never counts, it is not part of the app).
 */

import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as Comlink from 'comlink';
import * as tf from '../compile/tf';
import { createRng, shuffledIndices } from '../lib/rng';
import type { BareApi, BareBackend, BareModelSpec, BareRun } from './bareProtocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

interface Loaded {
  readonly model: tf.LayersModel;
  readonly optimizer: tf.Optimizer;
  readonly batches: readonly { x: tf.Tensor2D; y: tf.Tensor2D }[];
  readonly readbackEvery: number;
  cursor: number;
}

let loaded: Loaded | null = null;

function disposeLoaded(): void {
  if (!loaded) return;
  loaded.model.dispose();
  loaded.optimizer.dispose();
  for (const b of loaded.batches) tf.dispose([b.x, b.y]);
  loaded = null;
}

function buildModel(hidden: readonly number[], seed: number): tf.LayersModel {
  const model = tf.sequential();
  hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }),
        ...(i === 0 ? { inputShape: [2] } : {}),
      }),
    );
    // The app's BatchNorm defaults (registry): momentum 0.9, epsilon 0.001.
    model.add(tf.layers.batchNormalization({ momentum: 0.9, epsilon: 0.001 }));
    model.add(tf.layers.activation({ activation: 'relu' }));
  });
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed }) }));
  return model;
}

/** Whole batches from this many shuffles of the rows at least, so a small set still varies. */
const MIN_BATCHES = 16;

/** Shuffles the rows and slices them into whole batches once, kept for the session's life. */
function sliceBatches(spec: BareModelSpec): { x: tf.Tensor2D; y: tf.Tensor2D }[] {
  const n = spec.y.length;
  const size = Math.min(spec.batchSize, n);
  const perEpoch = Math.floor(n / size);
  const epochs = Math.ceil(MIN_BATCHES / perEpoch);
  const rng = createRng(spec.seed);
  return tf.tidy(() => {
    const xAll = tf.tensor2d(spec.x, [n, 2]);
    const yAll = tf.tensor2d(spec.y, [n, 1]);
    const out: { x: tf.Tensor2D; y: tf.Tensor2D }[] = [];
    for (let e = 0; e < epochs; e++) {
      const idx = tf.tensor1d(shuffledIndices(n, rng), 'int32');
      const x = tf.gather(xAll, idx);
      const y = tf.gather(yAll, idx);
      for (let b = 0; b < perEpoch; b++) {
        const start = b * size;
        out.push({
          x: tf.keep(tf.slice(x, [start, 0], [size, 2])),
          y: tf.keep(tf.slice(y, [start, 0], [size, 1])),
        });
      }
    }
    return out;
  });
}

const api: BareApi = {
  async init(backend: BareBackend) {
    disposeLoaded();
    if (!(await tf.setBackend(backend))) throw new Error(`the ${backend} backend did not start`);
    await tf.ready();
    return tf.getBackend();
  },
  async load(spec: BareModelSpec) {
    disposeLoaded();
    loaded = {
      model: buildModel(spec.hidden, spec.seed),
      optimizer: tf.train.adam(spec.learningRate),
      batches: sliceBatches(spec),
      readbackEvery: Math.max(1, spec.readbackEvery),
      cursor: 0,
    };
  },
  async run(ms: number): Promise<BareRun> {
    const l = loaded;
    if (!l) throw new Error('load a model first');
    const { model, optimizer, batches, readbackEvery } = l;
    let steps = 0;
    let loss = Number.NaN;
    const t0 = performance.now();
    for (;;) {
      const last = performance.now() - t0 >= ms;
      const sync = last || (steps + 1) % readbackEvery === 0;
      const batch = batches[l.cursor] as { x: tf.Tensor2D; y: tf.Tensor2D };
      l.cursor = (l.cursor + 1) % batches.length;
      const cost = optimizer.minimize(
        () =>
          tf.losses.sigmoidCrossEntropy(
            batch.y,
            model.apply(batch.x, { training: true }) as tf.Tensor,
          ) as tf.Scalar,
        sync,
      );
      steps++;
      if (cost) {
        loss = (await cost.data())[0] as number;
        cost.dispose();
      }
      if (last) break;
    }
    return { steps, ms: performance.now() - t0, loss };
  },
  async numTensors() {
    return tf.memory().numTensors;
  },
  async dispose() {
    disposeLoaded();
  },
};

Comlink.expose(api);
