import { type ArgMap, effectiveEpsilon, type LayerTable, OPTIMIZERS, type WeightMap } from './conventions';
import { pyFloat } from './python';

const same = (arg: string): ArgMap => ({ arg, value: (v) => v });
const on = (v: unknown) => v !== false;
const hasBias = (p: Record<string, unknown>) => on(p.useBias);

/** tfjs Dense kernel [in, out] is nn.Linear's weight [out, in]: y = x W + b there, W x + b here. */
const DENSE_WEIGHTS: readonly WeightMap[] = [
  { tfjs: 'kernel', target: 'weight', transpose: true },
  { tfjs: 'bias', target: 'bias', transpose: false, when: hasBias },
];

/**
 * gamma and beta exist even when switched off (pinned at 1 and 0, requires_grad False): tfjs
 * builds them too (src/compile/layers.ts applyPinned), and torch has no per-weight affine switch.
 */
const NORM_AFFINE: readonly WeightMap[] = [
  { tfjs: 'gamma', target: 'weight', transpose: false },
  { tfjs: 'beta', target: 'bias', transpose: false },
];

/**
 * NormLab to PyTorch (torch 1.13 and newer). Norm layers are the generated file's BatchNorm and
 * LayerNorm classes (subclasses of nn.BatchNorm1d and nn.LayerNorm with center/scale switches).
 */
export const TORCH_TABLE: LayerTable = {
  params: {
    input: {},
    dense: {
      units: same('out_features'),
      useBias: { arg: 'bias', value: (v) => on(v) },
      initializer: same('init'),
    },
    batchnorm: {
      // tfjs: running = m * running + (1 - m) * batch; torch: running = (1 - t) * running + t * batch.
      momentum: { arg: 'momentum', value: (v) => 1 - Number(v) },
      epsilon: { arg: 'eps', value: (v) => effectiveEpsilon(v) },
      center: { arg: 'center', value: (v) => on(v) },
      scale: { arg: 'scale', value: (v) => on(v) },
    },
    layernorm: {
      epsilon: { arg: 'eps', value: (v) => effectiveEpsilon(v) },
      center: { arg: 'center', value: (v) => on(v) },
      scale: { arg: 'scale', value: (v) => on(v) },
    },
    activation: {
      fn: same('module'),
      alpha: { arg: 'negative_slope', value: (v) => Number(v) },
    },
    add: {},
    concatenate: {},
    output: {},
  },
  weights: {
    input: [],
    dense: DENSE_WEIGHTS,
    batchnorm: [
      ...NORM_AFFINE,
      { tfjs: 'moving_mean', target: 'running_mean', transpose: false },
      { tfjs: 'moving_variance', target: 'running_var', transpose: false },
    ],
    layernorm: NORM_AFFINE,
    activation: [],
    add: [],
    concatenate: [],
    output: [
      { tfjs: 'kernel', target: 'weight', transpose: true },
      { tfjs: 'bias', target: 'bias', transpose: false },
    ],
  },
  activations: {
    relu: { formula: 'max(x, 0)', code: () => 'nn.ReLU()' },
    leakyRelu: {
      formula: 'x if x > 0 else alpha * x',
      code: (a) => `nn.LeakyReLU(negative_slope=${pyFloat(a)})`,
    },
    elu: { formula: 'x if x > 0 else exp(x) - 1', code: () => 'nn.ELU(alpha=1.0)' },
    selu: {
      formula: '1.0507009873554805 * (x if x > 0 else 1.6732632423543772 * (exp(x) - 1))',
      code: () => 'nn.SELU()',
      note: 'torch uses the same two constants',
    },
    gelu: {
      formula: '0.5 * x * (1 + erf(x / sqrt(2)))',
      code: () => 'nn.GELU()',
      note: "approximate='none', the erf form, as tfjs's 'gelu'",
    },
    swish: { formula: 'x * sigmoid(x)', code: () => 'nn.SiLU()' },
    tanh: { formula: 'tanh(x)', code: () => 'nn.Tanh()' },
    sigmoid: { formula: '1 / (1 + exp(-x))', code: () => 'nn.Sigmoid()' },
    softplus: {
      formula: 'log(1 + exp(x))',
      code: () => 'nn.Softplus()',
      note: 'torch returns x itself above x = 20, where the two differ by under 2.1e-9',
    },
    linear: { formula: 'x', code: () => 'nn.Identity()' },
  },
  optimizers: {
    sgd: {},
    momentum: { momentum: OPTIMIZERS.momentum.momentum },
    adam: { beta1: OPTIMIZERS.adam.beta1, beta2: OPTIMIZERS.adam.beta2, eps: OPTIMIZERS.adam.epsilon },
    rmsprop: {
      decay: OPTIMIZERS.rmsprop.decay,
      momentum: OPTIMIZERS.rmsprop.momentum,
      eps: OPTIMIZERS.rmsprop.epsilon,
    },
  },
  notes: [
    'Dense: the tfjs kernel [in, out] is loaded transposed as nn.Linear.weight [out, in]; useBias -> bias.',
    'Output: a linear nn.Linear giving logits; sigmoid/softmax live in the loss.',
    'BatchNorm: tfjs momentum m is torch momentum 1 - m; epsilon as in NormLab (raised to 1e-12);',
    '  moving_mean/moving_variance -> running_mean/running_var; in training the running variance is',
    '  updated with the batch (biased) variance, as tfjs does (nn.BatchNorm1d alone uses the unbiased one).',
    'BatchNorm/LayerNorm center or scale off: beta stays 0 / gamma stays 1 and is not trained',
    '  (torch 1.13 has no separate switch; NormLab pins them the same way).',
    'LayerNorm normalizes each row over its features (biased variance), as tfjs.',
    "Activations: leakyRelu(alpha) = LeakyReLU(alpha); elu alpha 1; gelu is the exact erf form, as tfjs's;",
    '  swish = SiLU = x * sigmoid(x); softplus = log(1 + exp(x)).',
    'Loss on logits, mean over rows: binary BCEWithLogits, multiclass CrossEntropy, regression MSE.',
    'L2: loss + l2 * sum(W^2) over every Dense kernel (Output included), never biases or norm weights.',
    'Optimizers: sgd; momentum = SGD(momentum=0.9); adam = Adam(betas=(0.9, 0.999), eps=1e-7): tfjs',
    "  uses eps 1e-7 where torch's default is 1e-8 (same formula otherwise); rmsprop = TfjsRMSprop below:",
    '  tfjs divides by sqrt(ms + eps), torch.optim.RMSprop by sqrt(ms) + eps, which cannot be mapped.',
    'Batches: one process draws the same batches as NormLab (mulberry32 Fisher-Yates per epoch, the',
    '  last partial batch left for the next epoch); several processes use a DistributedSampler instead,',
    '  each normalizing BatchNorm over its own share of the batch (no SyncBatchNorm).',
  ],
};
