import type { ActivationFunction, InitializerName } from '../graph/activations';
import { EPSILON_FLOOR } from '../graph/registry';
import type { NodeKind, NodeParams, ParamValue, Task } from '../graph/types';
import type { ExportHyper } from './types';

/**
 * What NormLab's engine (tfjs 4.22 through src/compile and src/train) computes, as plain data:
 * the facts both exporters translate. Each target has its own table (torchTable.ts,
 * kerasTable.ts) in the shape of LayerTable; tests/export-conventions.test.ts checks these facts
 * against tfjs itself and the two tables against each other.
 */

/** The epsilon a BatchNorm or LayerNorm computes with: the node's, raised to EPSILON_FLOOR. */
export function effectiveEpsilon(epsilon: ParamValue): number {
  return Math.max(Number(epsilon), EPSILON_FLOOR);
}

/**
 * tfjs's initializers are all VarianceScaling (tfjs-layers initializers.ts): scale divided by
 * fan_in or by (fan_in + fan_out) / 2; "uniform" draws from [-sqrt(3 s), sqrt(3 s)], "normal" from
 * a normal of stddev sqrt(s) truncated at 2 stddev (no rescaling, unlike Python Keras's named
 * ones, so the targets get explicit limits).
 */
export interface InitializerConvention {
  readonly scale: number;
  readonly mode: 'fanIn' | 'fanAvg';
  readonly distribution: 'uniform' | 'truncatedNormal';
}

export const INITIALIZERS: Readonly<Record<InitializerName, InitializerConvention>> = {
  glorotUniform: { scale: 1, mode: 'fanAvg', distribution: 'uniform' },
  glorotNormal: { scale: 1, mode: 'fanAvg', distribution: 'truncatedNormal' },
  heUniform: { scale: 2, mode: 'fanIn', distribution: 'uniform' },
  heNormal: { scale: 2, mode: 'fanIn', distribution: 'truncatedNormal' },
  leCunNormal: { scale: 1, mode: 'fanIn', distribution: 'truncatedNormal' },
};

/** A kernel initializer with its numbers worked out for one layer. */
export interface InitializerDraw {
  readonly distribution: 'uniform' | 'truncatedNormal';
  /** Uniform: the limit L of [-L, L]. Truncated normal: the stddev s (cut at +-2 s). */
  readonly value: number;
}

/** The limit or stddev tfjs draws a [fanIn, fanOut] kernel with. */
export function initializerDraw(name: InitializerName, fanIn: number, fanOut: number): InitializerDraw {
  const c = INITIALIZERS[name] ?? INITIALIZERS.glorotUniform;
  const fan = c.mode === 'fanIn' ? Math.max(1, fanIn) : Math.max(1, (fanIn + fanOut) / 2);
  const s = c.scale / fan;
  return {
    distribution: c.distribution,
    value: c.distribution === 'uniform' ? Math.sqrt(3 * s) : Math.sqrt(s),
  };
}

/**
 * The optimizers of src/train/optimizers.ts with tfjs's defaults filled in (tfjs-core
 * optimizer_constructors.ts; epsilon null means the backend's, 1e-7 in float32).
 *  - sgd:      w -= lr g
 *  - momentum: a = 0.9 a + g; w -= lr a
 *  - adam:     m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; w -= lr (m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + eps)
 *  - rmsprop:  s = d s + (1-d) g^2; a = mom a + lr g / sqrt(s + eps); w -= a
 */
export const OPTIMIZERS = {
  sgd: {},
  momentum: { momentum: 0.9 },
  adam: { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  rmsprop: { decay: 0.9, momentum: 0, epsilon: 1e-7 },
} as const satisfies Record<ExportHyper['optimizer'], Record<string, number>>;

/**
 * The loss of each task (src/train/loss.ts), always on the Output node's logits, mean over the
 * batch (tfjs's SUM_BY_NONZERO_WEIGHTS with no weights is the mean over every element).
 */
export const LOSSES: Readonly<Record<Task, string>> = {
  binary: 'sigmoid cross-entropy on the logit, mean over rows',
  multiclass: 'softmax cross-entropy on the logits against the class index, mean over rows',
  regression: 'squared error of the output, mean over rows',
};

/**
 * What each activation computes in tfjs (tfjs-layers activations.ts): the formula both targets
 * must reproduce. gelu is the exact erf form (its class "gelu", not "gelu_new"); elu has alpha 1.
 */
export const ACTIVATION_FORMULAS: Readonly<Record<ActivationFunction, string>> = {
  relu: 'max(x, 0)',
  leakyRelu: 'x if x > 0 else alpha * x',
  elu: 'x if x > 0 else exp(x) - 1',
  selu: '1.0507009873554805 * (x if x > 0 else 1.6732632423543772 * (exp(x) - 1))',
  gelu: '0.5 * x * (1 + erf(x / sqrt(2)))',
  swish: 'x * sigmoid(x)',
  tanh: 'tanh(x)',
  sigmoid: '1 / (1 + exp(-x))',
  softplus: 'log(1 + exp(x))',
  linear: 'x',
};

/** How one registry parameter reaches a target: the constructor argument and its value there. */
export interface ArgMap {
  readonly arg: string;
  readonly value: (v: ParamValue, params: NodeParams) => ParamValue;
}

/** One tfjs weight of a node and where it goes in a target. */
export interface WeightMap {
  /** tfjs's name: kernel, bias, gamma, beta, moving_mean, moving_variance. */
  readonly tfjs: string;
  /** The target's name for it (torch attribute, Keras weight). */
  readonly target: string;
  /** tfjs kernel [in, out] stored as the target's [out, in]. */
  readonly transpose: boolean;
  /** Present only when this holds (Keras leaves switched-off gamma/beta out); always when absent. */
  readonly when?: (params: NodeParams) => boolean;
}

/** One activation in a target: the Python expression that builds it, and which formula it computes. */
export interface ActivationMap {
  readonly formula: string;
  /** The Python constructor (name: the layer name, for targets that take one). */
  readonly code: (alpha: number, name: string) => string;
  /** Why it equals the tfjs formula, where that is not obvious. */
  readonly note?: string;
}

/** A target's layer conventions: every registry parameter, weight and activation. */
export interface LayerTable {
  readonly params: { readonly [K in NodeKind]: Readonly<Record<string, ArgMap>> };
  readonly weights: { readonly [K in NodeKind]: readonly WeightMap[] };
  readonly activations: Readonly<Record<ActivationFunction, ActivationMap>>;
  /** The targets' optimizer hyperparameters, by NormLab optimizer, as argument -> value. */
  readonly optimizers: Readonly<Record<ExportHyper['optimizer'], Readonly<Record<string, number>>>>;
  /** Notes for the generated file's header: what maps how, and what does not map exactly. */
  readonly notes: readonly string[];
}

/** The constructor arguments of one node in a target, from its table. */
export function targetArgs(
  table: LayerTable,
  kind: NodeKind,
  params: NodeParams,
): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [key, map] of Object.entries(table.params[kind])) {
    out[map.arg] = map.value(params[key] as ParamValue, params);
  }
  return out;
}

/**
 * True for a weight NormLab pins at its identity value (gamma 1 with scale off, beta 0 with
 * center off): never trained, so a file of weights may leave it out.
 */
export function isPinned(kind: NodeKind, tfjsName: string, params: NodeParams): boolean {
  if (kind !== 'batchnorm' && kind !== 'layernorm') return false;
  return (tfjsName === 'gamma' && params.scale === false) || (tfjsName === 'beta' && params.center === false);
}

/** The weights a node of this kind has in a target, in the target's order. */
export function targetWeights(table: LayerTable, kind: NodeKind, params: NodeParams): WeightMap[] {
  return table.weights[kind].filter((w) => !w.when || w.when(params));
}
