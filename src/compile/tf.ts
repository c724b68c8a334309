/**
 * The engine's one door to TensorFlow.js: `import * as tf from '../compile/tf'`.
 *
 * Only what NormLab uses: tfjs-core (tensors, ops, tf.train optimizers, tf.losses, the backend
 * registry) and the tfjs-layers model API. Not the `@tensorflow/tfjs` union package, which also
 * bundles the converter and the data API (never used) and registers the cpu and webgl backends
 * up front. No backend is registered here: train/backend.ts loads the chosen one on demand, and
 * unit tests import '@tensorflow/tfjs-backend-cpu' (tests/helpers.ts). Both packages are ES
 * modules re-exported by name, so the bundler still drops every op nobody calls.
 */
export * from '@tensorflow/tfjs-core';
export {
  initializers,
  input,
  LayersModel,
  layers,
  model,
  SymbolicTensor,
  sequential,
} from '@tensorflow/tfjs-layers';
