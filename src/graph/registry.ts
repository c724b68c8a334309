import { ACTIVATION_FUNCTIONS, activationLabel, INITIALIZERS } from './activations';
import type { GraphContext, NodeKind, NodeParams, ParamValue } from './types';

interface ParamBase {
  readonly key: string;
  readonly label: string;
  readonly help: string;
  /** When given, the parameter only matters (and is only shown) if this returns true. */
  readonly visibleWhen?: (params: NodeParams) => boolean;
}
export interface IntParam extends ParamBase {
  readonly type: 'int';
  readonly min: number;
  readonly max: number;
  readonly default: number;
}
export interface FloatParam extends ParamBase {
  readonly type: 'float';
  readonly min: number;
  readonly max: number;
  /** True when `min` itself is not allowed (epsilon must be > 0). */
  readonly minExclusive?: boolean;
  /** True when `max` itself is not allowed (momentum must be < 1). */
  readonly maxExclusive?: boolean;
  readonly default: number;
}
export interface BoolParam extends ParamBase {
  readonly type: 'bool';
  readonly default: boolean;
}
export interface EnumParam extends ParamBase {
  readonly type: 'enum';
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly default: string;
}
export type ParamSpec = IntParam | FloatParam | BoolParam | EnumParam;

export interface KindSpec {
  readonly kind: NodeKind;
  readonly label: string;
  readonly description: string;
  readonly params: readonly ParamSpec[];
  /** How many incoming edges the node takes. */
  readonly inputs: { readonly min: number; readonly max: number };
  /** Whether the palette offers it (Input and Output exist once per graph). */
  readonly inPalette: boolean;
  /** A one-line summary of the key parameters, shown on the canvas node. */
  readonly summary: (params: NodeParams, ctx: GraphContext) => string;
}

/**
 * The smallest epsilon the model computes with. The network runs in float32, where a smaller one
 * is no longer "greater than 0": below 1.4e-45 it rounds to 0 (a BatchNorm over a batch of 1 or a
 * dead unit, variance 0, then computes 0 / 0), and below about 1e-26 LayerNorm's gradient of
 * 1 / sqrt(var + eps) at var = 0 (a width of 1, a row of equal values), -(var + eps)^(-3/2) / 2,
 * overflows: one step turns every weight into NaN. Any value above 0 is accepted; below this
 * floor the model uses the floor (for a variance above about 1e-5 float32 cannot tell them apart
 * anyway: var + 1e-12 rounds to var).
 */
export const EPSILON_FLOOR = 1e-12;

const epsilon = (def: number): FloatParam => ({
  key: 'epsilon',
  label: 'Epsilon',
  type: 'float',
  min: 0,
  minExclusive: true,
  max: 1,
  default: def,
  help: `Added to the variance before the square root, so a constant input does not divide by zero. Values below ${EPSILON_FLOOR} act as ${EPSILON_FLOOR} (float32 has no room for less).`,
});
const center: BoolParam = {
  key: 'center',
  label: 'Center (beta)',
  type: 'bool',
  default: true,
  help: 'Learn a shift beta added after normalizing.',
};
const scale: BoolParam = {
  key: 'scale',
  label: 'Scale (gamma)',
  type: 'bool',
  default: true,
  help: 'Learn a scale gamma multiplied after normalizing.',
};

export const OUTPUT_HEADS = {
  binary: 'sigmoid + binary cross-entropy',
  multiclass: 'softmax + cross-entropy',
  regression: 'linear + mean squared error',
} as const;

/** The layer registry: every kind's parameters (defaults, limits), label and summary. */
export const REGISTRY: Readonly<Record<NodeKind, KindSpec>> = {
  input: {
    kind: 'input',
    label: 'Input',
    description: "The dataset's features.",
    params: [],
    inputs: { min: 0, max: 0 },
    inPalette: false,
    summary: (_p, ctx) => `${ctx.inputDim} features`,
  },
  dense: {
    kind: 'dense',
    label: 'Dense',
    description: 'Affine map y = W x + b.',
    params: [
      {
        key: 'units',
        label: 'Units',
        type: 'int',
        min: 1,
        max: 512,
        default: 8,
        help: 'Width of the layer: how many outputs W x + b has.',
      },
      { key: 'useBias', label: 'Use bias', type: 'bool', default: true, help: 'Add a learned bias b.' },
      {
        key: 'initializer',
        label: 'Initializer',
        type: 'enum',
        options: INITIALIZERS,
        default: 'glorotUniform',
        help: 'How W is drawn at the start (seeded).',
      },
    ],
    inputs: { min: 1, max: 1 },
    inPalette: true,
    summary: (p) => `${p.units} units${p.useBias === false ? ', no bias' : ''}`,
  },
  batchnorm: {
    kind: 'batchnorm',
    label: 'BatchNorm',
    description: 'Normalizes each unit over the batch: (x - mean) / sqrt(var + eps) * gamma + beta.',
    params: [
      {
        key: 'momentum',
        label: 'Momentum',
        type: 'float',
        min: 0,
        max: 1,
        maxExclusive: true,
        default: 0.9,
        help: 'Running statistics: running = momentum * running + (1 - momentum) * batch.',
      },
      epsilon(0.001),
      center,
      scale,
    ],
    inputs: { min: 1, max: 1 },
    inPalette: true,
    summary: (p) => `momentum ${p.momentum}, eps ${p.epsilon}`,
  },
  layernorm: {
    kind: 'layernorm',
    label: 'LayerNorm',
    description: 'Normalizes each sample over its own features: a per-sample nonlinearity.',
    params: [epsilon(0.001), center, scale],
    inputs: { min: 1, max: 1 },
    inPalette: true,
    summary: (p) => `eps ${p.epsilon}`,
  },
  activation: {
    kind: 'activation',
    label: 'Activation',
    description: 'Applies a function to each unit.',
    params: [
      {
        key: 'fn',
        label: 'Activation function',
        type: 'enum',
        options: ACTIVATION_FUNCTIONS,
        default: 'relu',
        help: 'The function applied to each unit.',
      },
      {
        key: 'alpha',
        label: 'Alpha',
        type: 'float',
        min: 0,
        max: 1,
        default: 0.2,
        help: 'Slope of Leaky ReLU for x < 0.',
        visibleWhen: (p) => p.fn === 'leakyRelu',
      },
    ],
    inputs: { min: 1, max: 1 },
    inPalette: true,
    summary: (p) => (p.fn === 'leakyRelu' ? `Leaky ReLU, alpha ${p.alpha}` : activationLabel(String(p.fn))),
  },
  add: {
    kind: 'add',
    label: 'Add',
    description: 'Sums two or more inputs of equal width (a residual connection).',
    params: [],
    inputs: { min: 2, max: 16 },
    inPalette: true,
    summary: () => 'x1 + x2 + …',
  },
  concatenate: {
    kind: 'concatenate',
    label: 'Concatenate',
    description: 'Joins two or more inputs side by side.',
    params: [],
    inputs: { min: 2, max: 16 },
    inPalette: true,
    summary: () => '[x1, x2, …]',
  },
  output: {
    kind: 'output',
    label: 'Output',
    description: 'Projects to the target size; the loss fits the dataset.',
    params: [],
    inputs: { min: 1, max: 1 },
    inPalette: false,
    summary: (_p, ctx) => OUTPUT_HEADS[ctx.task],
  },
};

/** Default parameters for a kind, from the registry. */
export function defaultParams(kind: NodeKind): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const spec of REGISTRY[kind].params) out[spec.key] = spec.default;
  return out;
}

export function paramSpec(kind: NodeKind, key: string): ParamSpec | undefined {
  return REGISTRY[kind].params.find((p) => p.key === key);
}
