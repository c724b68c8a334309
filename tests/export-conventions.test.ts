import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerName } from '../src/compile/layers';
import * as tf from '../src/compile/tf';
import {
  ACTIVATION_FORMULAS,
  effectiveEpsilon,
  INITIALIZERS,
  initializerDraw,
  isPinned,
  LOSSES,
  OPTIMIZERS,
  targetArgs,
  targetWeights,
} from '../src/export/conventions';
import { KERAS_TABLE } from '../src/export/kerasTable';
import { TORCH_TABLE } from '../src/export/torchTable';
import { ACTIVATION_FUNCTIONS, INITIALIZERS as INITIALIZER_OPTIONS } from '../src/graph/activations';
import { EPSILON_FLOOR, REGISTRY } from '../src/graph/registry';
import { NODE_KINDS, type NodeKind } from '../src/graph/types';
import { makeOptimizer } from '../src/train/optimizers';
import { validParamsArb } from './arbitraryParams';
import { ACTIVATION_REFERENCE, erf } from './export/activationReference';
import { chain, trackedCompile, useCpu } from './helpers';

/*
 * The conversion tables, layer by layer: the Keras table against the PyTorch one (every kind,
 * parameter, weight and activation in both, with consistent values), and the tfjs facts both
 * translate against tfjs itself. The numbers are also checked end to end by PyTorch in
 * export-pytorch-roundtrip.test.ts; Keras cannot run here (no TensorFlow), so this is its check.
 */

beforeAll(useCpu);
const compile = trackedCompile();
const TABLES = { torch: TORCH_TABLE, keras: KERAS_TABLE } as const;

describe('both tables cover every node kind, parameter and activation', () => {
  it.each(NODE_KINDS)(
    '%s: every registry parameter has an argument in PyTorch and in Keras, and nothing else',
    (kind) => {
      const keys = REGISTRY[kind].params.map((p) => p.key).sort();
      for (const table of Object.values(TABLES)) expect(Object.keys(table.params[kind]).sort()).toEqual(keys);
    },
  );

  it('every activation is in both tables, computing the tfjs formula', () => {
    for (const { value } of ACTIVATION_FUNCTIONS) {
      expect(TORCH_TABLE.activations[value].formula, value).toBe(ACTIVATION_FORMULAS[value]);
      expect(KERAS_TABLE.activations[value].formula, value).toBe(ACTIVATION_FORMULAS[value]);
    }
    expect(Object.keys(ACTIVATION_FORMULAS).sort()).toEqual(ACTIVATION_FUNCTIONS.map((a) => a.value).sort());
  });

  it('every initializer and every task has a convention', () => {
    expect(Object.keys(INITIALIZERS).sort()).toEqual(INITIALIZER_OPTIONS.map((i) => i.value).sort());
    expect(Object.keys(LOSSES).sort()).toEqual(['binary', 'multiclass', 'regression']);
  });
});

describe('the Keras table agrees with the PyTorch one', () => {
  const kinds: NodeKind[] = ['dense', 'batchnorm', 'layernorm', 'activation'];
  it.each(kinds)('%s: random valid parameters map consistently', (kind) => {
    fc.assert(
      fc.property(validParamsArb(kind, 512), (params) => {
        const t = targetArgs(TORCH_TABLE, kind, params);
        const k = targetArgs(KERAS_TABLE, kind, params);
        if (kind === 'dense') {
          expect([t.out_features, t.bias, t.init]).toEqual([k.units, k.use_bias, k.kernel_initializer]);
        }
        if (kind === 'batchnorm') {
          // Keras (and tfjs) keep m of the old running value; PyTorch takes 1 - m of the new one.
          expect(t.momentum).toBe(1 - Number(k.momentum));
          expect(k.momentum).toBe(params.momentum);
        }
        if (kind === 'batchnorm' || kind === 'layernorm') {
          expect(t.eps).toBe(k.epsilon);
          expect(t.eps).toBe(Math.max(Number(params.epsilon), EPSILON_FLOOR));
          expect([t.center, t.scale]).toEqual([k.center, k.scale]);
          expect([t.center, t.scale]).toEqual([params.center !== false, params.scale !== false]);
        }
        if (kind === 'activation') {
          expect(t.module).toBe(k.activation);
          expect(t.negative_slope).toBe(k.negative_slope);
        }
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it.each(NODE_KINDS)(
    '%s: the same tfjs weights, transposed only for PyTorch, extra only where pinned',
    (kind) => {
      fc.assert(
        fc.property(validParamsArb(kind, 16), (params) => {
          const torch = targetWeights(TORCH_TABLE, kind, params);
          const keras = targetWeights(KERAS_TABLE, kind, params);
          const kerasNames = keras.map((w) => w.tfjs);
          expect(kerasNames.every((n) => torch.some((w) => w.tfjs === n))).toBe(true);
          // PyTorch keeps switched-off gamma/beta (pinned); Keras drops them: nothing else differs.
          const torchOnly = torch.filter((w) => !kerasNames.includes(w.tfjs)).map((w) => w.tfjs);
          expect(torchOnly.every((n) => isPinned(kind, n, params))).toBe(true);
          for (const w of torch) expect(w.transpose).toBe(w.tfjs === 'kernel');
          for (const w of keras) expect(w.transpose).toBe(false);
        }),
        { numRuns: 50, seed: 6 },
      );
    },
  );

  it('Keras set_weights order: gamma, beta, moving_mean, moving_variance; PyTorch names', () => {
    const p = { momentum: 0.9, epsilon: 0.001, center: false, scale: true };
    expect(targetWeights(KERAS_TABLE, 'batchnorm', p).map((w) => w.target)).toEqual([
      'gamma',
      'moving_mean',
      'moving_variance',
    ]);
    expect(targetWeights(TORCH_TABLE, 'batchnorm', p).map((w) => `${w.tfjs}->${w.target}`)).toEqual([
      'gamma->weight',
      'beta->bias',
      'moving_mean->running_mean',
      'moving_variance->running_var',
    ]);
  });

  it("optimizers: PyTorch's and Keras's hyperparameters are tfjs's", () => {
    const t = TORCH_TABLE.optimizers;
    const k = KERAS_TABLE.optimizers;
    expect([t.momentum.momentum, k.momentum.momentum]).toEqual([0.9, 0.9]);
    expect([t.adam.beta1, t.adam.beta2, t.adam.eps]).toEqual([k.adam.beta_1, k.adam.beta_2, k.adam.epsilon]);
    expect([t.rmsprop.decay, t.rmsprop.momentum, t.rmsprop.eps]).toEqual([
      k.rmsprop.rho,
      k.rmsprop.momentum,
      k.rmsprop.epsilon,
    ]);
  });
});

describe('the tfjs facts are what tfjs does', () => {
  it('each NormLab optimizer is built by the app with the hyperparameters the tables use', () => {
    const config = (name: 'sgd' | 'momentum' | 'adam' | 'rmsprop') => {
      const opt = makeOptimizer({ optimizer: name, learningRate: 0.01, batchSize: 8, l2: 0 });
      const c = opt.getConfig() as Record<string, number>;
      opt.dispose();
      return c;
    };
    expect(config('sgd').learningRate).toBe(0.01);
    expect(config('momentum').momentum).toBe(OPTIMIZERS.momentum.momentum);
    const adam = config('adam');
    expect([adam.beta1, adam.beta2, adam.epsilon]).toEqual([
      OPTIMIZERS.adam.beta1,
      OPTIMIZERS.adam.beta2,
      OPTIMIZERS.adam.epsilon,
    ]);
    const rms = config('rmsprop');
    expect([rms.decay, rms.momentum, rms.epsilon]).toEqual([
      OPTIMIZERS.rmsprop.decay,
      OPTIMIZERS.rmsprop.momentum,
      OPTIMIZERS.rmsprop.epsilon,
    ]);
  });

  it('each initializer is the VarianceScaling the table says, and draws within its limit', () => {
    for (const { value } of INITIALIZER_OPTIONS) {
      const c = compile(chain([['dense', { units: 40, initializer: value }]]));
      const layer = c.model.getLayer(layerName('n1')) as unknown as {
        kernelInitializer: { getConfig(): Record<string, unknown> };
      };
      const cfg = layer.kernelInitializer.getConfig();
      const want = INITIALIZERS[value];
      expect(cfg.scale, value).toBe(want.scale);
      expect(cfg.mode, value).toBe(want.mode);
      expect(cfg.distribution, value).toBe(want.distribution === 'uniform' ? 'uniform' : 'normal');
      const kernel = Array.from(c.model.getLayer(layerName('n1')).getWeights()[0]?.dataSync() ?? []);
      const draw = initializerDraw(value, 2, 40);
      const largest = Math.max(...kernel.map(Math.abs));
      const bound = draw.distribution === 'uniform' ? draw.value : 2 * draw.value;
      expect(largest, value).toBeLessThanOrEqual(bound * (1 + 1e-6));
      expect(largest, value).toBeGreaterThan(bound * 0.5);
    }
  });

  it('BatchNorm and LayerNorm compute with the epsilon the tables give (raised to 1e-12) and the same momentum', () => {
    const p = { momentum: 0.75, epsilon: 1e-30 };
    const c = compile(
      chain([
        ['batchnorm', p],
        ['layernorm', { epsilon: 0.25 }],
      ]),
    );
    const bn = c.model.getLayer(layerName('n1')).getConfig();
    const ln = c.model.getLayer(layerName('n2')).getConfig();
    expect(bn.epsilon).toBe(effectiveEpsilon(p.epsilon));
    expect(bn.momentum).toBe(p.momentum);
    expect(ln.epsilon).toBe(0.25);
  });

  it('the tfjs weights of every kind are the ones the PyTorch table loads', () => {
    const c = compile(
      chain([
        ['dense', { units: 3 }],
        ['dense', { units: 3, useBias: false }],
        ['batchnorm', { center: false }],
        ['layernorm', { scale: false }],
        ['activation', { fn: 'tanh' }],
      ]),
    );
    const names = (id: string) =>
      c.model
        .getLayer(layerName(id))
        .weights.map((w) => (w.originalName ?? w.name).split('/').pop())
        .sort();
    const table = (kind: NodeKind, params: Record<string, unknown>) =>
      targetWeights(TORCH_TABLE, kind, params as never)
        .map((w) => w.tfjs)
        .sort();
    expect(names('n1')).toEqual(table('dense', { useBias: true }));
    expect(names('n2')).toEqual(table('dense', { useBias: false }));
    expect(names('n3')).toEqual(table('batchnorm', { center: false }));
    expect(names('n4')).toEqual(table('layernorm', { scale: false }));
    expect(names('n5')).toEqual(table('activation', {}));
    expect(names('output')).toEqual(table('output', {}));
  });

  it('each activation formula is what tfjs computes (gelu: the erf form, not the tanh one)', () => {
    const xs = Array.from({ length: 81 }, (_, i) => -8 + i * 0.2);
    for (const { value } of ACTIVATION_FUNCTIONS) {
      const layer =
        value === 'leakyRelu'
          ? tf.layers.leakyReLU({ alpha: 0.3 })
          : tf.layers.activation({ activation: value as 'relu' });
      const out = tf.tidy(() => Array.from((layer.apply(tf.tensor1d(xs)) as tf.Tensor).dataSync()));
      const ref = ACTIVATION_REFERENCE[ACTIVATION_FORMULAS[value]];
      expect(ref, `a reference for "${ACTIVATION_FORMULAS[value]}"`).toBeDefined();
      const worst = Math.max(
        ...xs.map((x, i) => Math.abs((out[i] as number) - (ref?.(x, 0.3) ?? Number.NaN))),
      );
      expect(worst, value).toBeLessThan(2e-6);
    }
    // The tanh approximation would be told apart: it is off by about 1e-3 near |x| = 2.
    const tanhGelu = (x: number) =>
      0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
    const erfGelu = (x: number) => 0.5 * x * (1 + erf(x / Math.SQRT2));
    expect(Math.max(...xs.map((x) => Math.abs(tanhGelu(x) - erfGelu(x))))).toBeGreaterThan(1e-4);
  });
});
