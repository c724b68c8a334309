import { type ArgMap, effectiveEpsilon, type LayerTable, OPTIMIZERS } from './conventions';
import { pyFloat, pyStr } from './python';

const same = (arg: string): ArgMap => ({ arg, value: (v) => v });
const on = (v: unknown) => v !== false;
const named = (fn: string) => (_a: number, name: string) =>
  `layers.Activation(${pyStr(fn)}, name=${pyStr(name)})`;

/**
 * NormLab to Keras (tf.keras 2.x or Keras 3 on TensorFlow). tfjs-layers is a port of Keras,
 * so most names and layouts carry over unchanged: kernel [in, out], BatchNormalization momentum m,
 * center/scale switches, set_weights order gamma, beta, moving_mean, moving_variance.
 */
export const KERAS_TABLE: LayerTable = {
  params: {
    input: {},
    dense: {
      units: same('units'),
      useBias: { arg: 'use_bias', value: (v) => on(v) },
      initializer: same('kernel_initializer'),
    },
    batchnorm: {
      momentum: { arg: 'momentum', value: (v) => Number(v) },
      epsilon: { arg: 'epsilon', value: (v) => effectiveEpsilon(v) },
      center: { arg: 'center', value: (v) => on(v) },
      scale: { arg: 'scale', value: (v) => on(v) },
    },
    layernorm: {
      epsilon: { arg: 'epsilon', value: (v) => effectiveEpsilon(v) },
      center: { arg: 'center', value: (v) => on(v) },
      scale: { arg: 'scale', value: (v) => on(v) },
    },
    activation: {
      fn: same('activation'),
      alpha: { arg: 'negative_slope', value: (v) => Number(v) },
    },
    add: {},
    concatenate: {},
    output: {},
  },
  weights: {
    input: [],
    dense: [
      { tfjs: 'kernel', target: 'kernel', transpose: false },
      { tfjs: 'bias', target: 'bias', transpose: false, when: (p) => on(p.useBias) },
    ],
    batchnorm: [
      { tfjs: 'gamma', target: 'gamma', transpose: false, when: (p) => on(p.scale) },
      { tfjs: 'beta', target: 'beta', transpose: false, when: (p) => on(p.center) },
      { tfjs: 'moving_mean', target: 'moving_mean', transpose: false },
      { tfjs: 'moving_variance', target: 'moving_variance', transpose: false },
    ],
    layernorm: [
      { tfjs: 'gamma', target: 'gamma', transpose: false, when: (p) => on(p.scale) },
      { tfjs: 'beta', target: 'beta', transpose: false, when: (p) => on(p.center) },
    ],
    activation: [],
    add: [],
    concatenate: [],
    output: [
      { tfjs: 'kernel', target: 'kernel', transpose: false },
      { tfjs: 'bias', target: 'bias', transpose: false },
    ],
  },
  activations: {
    relu: { formula: 'max(x, 0)', code: named('relu') },
    leakyRelu: {
      formula: 'x if x > 0 else alpha * x',
      code: (a, name) => `leaky_relu_layer(${pyFloat(a)}, name=${pyStr(name)})`,
      note: 'Keras 3 calls alpha negative_slope; leaky_relu_layer tries both',
    },
    elu: { formula: 'x if x > 0 else exp(x) - 1', code: named('elu') },
    selu: {
      formula: '1.0507009873554805 * (x if x > 0 else 1.6732632423543772 * (exp(x) - 1))',
      code: named('selu'),
    },
    gelu: {
      formula: '0.5 * x * (1 + erf(x / sqrt(2)))',
      code: named('gelu'),
      note: "Keras's 'gelu' defaults to approximate=False, the erf form",
    },
    swish: { formula: 'x * sigmoid(x)', code: named('swish') },
    tanh: { formula: 'tanh(x)', code: named('tanh') },
    sigmoid: { formula: '1 / (1 + exp(-x))', code: named('sigmoid') },
    softplus: { formula: 'log(1 + exp(x))', code: named('softplus') },
    linear: { formula: 'x', code: named('linear') },
  },
  optimizers: {
    sgd: {},
    momentum: { momentum: OPTIMIZERS.momentum.momentum },
    adam: { beta_1: OPTIMIZERS.adam.beta1, beta_2: OPTIMIZERS.adam.beta2, epsilon: OPTIMIZERS.adam.epsilon },
    rmsprop: {
      rho: OPTIMIZERS.rmsprop.decay,
      momentum: OPTIMIZERS.rmsprop.momentum,
      epsilon: OPTIMIZERS.rmsprop.epsilon,
    },
  },
  notes: [
    'tfjs-layers is a port of Keras: Dense kernels are [in, out] in both (no transpose), and',
    '  BatchNormalization momentum m means the same (running = m * running + (1 - m) * batch).',
    'Epsilon as in NormLab (raised to 1e-12). center/scale off: Keras leaves beta/gamma out entirely.',
    "Initializers: explicit RandomUniform/TruncatedNormal with the limits tfjs uses (Keras's own",
    "  'glorot_normal' rescales its truncated normal, tfjs's does not).",
    "Activations by Keras name; 'gelu' is the exact erf form in both; swish = x * sigmoid(x).",
    'Output: a linear Dense giving logits; losses use from_logits=True, mean over rows.',
    'L2: kernel_regularizer L2(l2) on every Dense (Output included): l2 * sum(W^2), as NormLab.',
    'Optimizers: SGD; SGD(momentum=0.9); RMSprop(rho=0.9, epsilon=1e-7) is exact (eps inside the',
    "  square root, as tfjs); Adam(epsilon=1e-7) is not exactly tfjs's: Keras adds epsilon to sqrt(v)",
    '  before bias correction ("epsilon hat"), i.e. tfjs eps times sqrt(1 - beta2^t); it matters only',
    '  while sqrt(v) is near 1e-7.',
    'Batches: a seeded tf.data shuffle, full batches only (NormLab also leaves the last partial batch',
    "  out), but not NormLab's exact order.",
  ],
};
