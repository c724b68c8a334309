import { describe, expect, it } from 'vitest';
import { ACTIVATION_FUNCTIONS, INITIALIZERS } from '../src/graph/activations';
import { checkParam } from '../src/graph/params';
import { defaultParams, type ParamSpec, paramSpec, REGISTRY } from '../src/graph/registry';
import { NODE_KINDS, type NodeKind } from '../src/graph/types';

function spec(kind: NodeKind, key: string): ParamSpec {
  const s = paramSpec(kind, key);
  if (!s) throw new Error(`no param ${kind}.${key}`);
  return s;
}

function refusal(s: ParamSpec, raw: unknown): string {
  const r = checkParam(s, raw);
  if (r.ok) throw new Error(`expected ${String(raw)} to be refused, got ok ${String(r.value)}`);
  return r.message;
}

const units = () => spec('dense', 'units');
const ctx = { inputDim: 2, outputDim: 1, task: 'binary' } as const;

describe('registry', () => {
  it('has one entry per node kind, keyed by its own kind', () => {
    expect(Object.keys(REGISTRY).sort()).toEqual([...NODE_KINDS].sort());
    for (const kind of NODE_KINDS) expect(REGISTRY[kind].kind).toBe(kind);
  });

  it('gives every kind the expected human label and a description', () => {
    const labels = Object.fromEntries(NODE_KINDS.map((k) => [k, REGISTRY[k].label]));
    expect(labels).toEqual({
      input: 'Input',
      dense: 'Dense',
      batchnorm: 'BatchNorm',
      layernorm: 'LayerNorm',
      activation: 'Activation',
      add: 'Add',
      concatenate: 'Concatenate',
      output: 'Output',
    });
    for (const kind of NODE_KINDS) expect(REGISTRY[kind].description.trim().length).toBeGreaterThan(0);
  });

  it('offers exactly Dense, BatchNorm, LayerNorm, Activation, Add, Concatenate in the palette', () => {
    const palette = NODE_KINDS.filter((k) => REGISTRY[k].inPalette).map((k) => REGISTRY[k].label);
    expect(palette).toEqual(['Dense', 'BatchNorm', 'LayerNorm', 'Activation', 'Add', 'Concatenate']);
    expect(REGISTRY.input.inPalette).toBe(false);
    expect(REGISTRY.output.inPalette).toBe(false);
  });

  it('declares the input arity of every kind', () => {
    expect(REGISTRY.input.inputs).toEqual({ min: 0, max: 0 });
    for (const k of ['dense', 'batchnorm', 'layernorm', 'activation', 'output'] as const) {
      expect(REGISTRY[k].inputs).toEqual({ min: 1, max: 1 });
    }
    expect(REGISTRY.add.inputs.min).toBe(2);
    expect(REGISTRY.concatenate.inputs.min).toBe(2);
    expect(REGISTRY.add.inputs.max).toBeGreaterThanOrEqual(2);
  });

  it('every default passes its own checkParam and comes back unchanged', () => {
    let checked = 0;
    for (const kind of NODE_KINDS) {
      for (const s of REGISTRY[kind].params) {
        const r = checkParam(s, s.default);
        expect(r, `${kind}.${s.key}`).toEqual({ ok: true, value: s.default });
        checked++;
      }
    }
    // dense 3, batchnorm 4, layernorm 3, activation 2
    expect(checked).toBe(12);
  });

  it('defaultParams fills every parameter with its spec default', () => {
    expect(defaultParams('dense')).toEqual({ units: 8, useBias: true, initializer: 'glorotUniform' });
    expect(defaultParams('batchnorm')).toEqual({ momentum: 0.9, epsilon: 0.001, center: true, scale: true });
    expect(defaultParams('layernorm')).toEqual({ epsilon: 0.001, center: true, scale: true });
    expect(defaultParams('activation')).toEqual({ fn: 'relu', alpha: 0.2 });
    expect(defaultParams('add')).toEqual({});
    expect(defaultParams('input')).toEqual({});
  });

  it('paramSpec finds a spec by key and returns undefined for unknown keys', () => {
    expect(paramSpec('dense', 'units')?.type).toBe('int');
    expect(paramSpec('dense', 'nope')).toBeUndefined();
    expect(paramSpec('add', 'units')).toBeUndefined();
  });

  it('summaries describe the key parameters', () => {
    expect(REGISTRY.dense.summary({ units: 16, useBias: true }, ctx)).toBe('16 units');
    expect(REGISTRY.dense.summary({ units: 4, useBias: false }, ctx)).toBe('4 units, no bias');
    expect(REGISTRY.input.summary({}, ctx)).toBe('2 features');
    expect(REGISTRY.activation.summary({ fn: 'gelu', alpha: 0.2 }, ctx)).toBe('GELU');
    expect(REGISTRY.activation.summary({ fn: 'leakyRelu', alpha: 0.3 }, ctx)).toBe('Leaky ReLU, alpha 0.3');
    expect(REGISTRY.output.summary({}, { ...ctx, task: 'multiclass', outputDim: 3 })).toBe(
      'softmax + cross-entropy',
    );
  });

  it('alpha is only visible for Leaky ReLU', () => {
    const alpha = spec('activation', 'alpha');
    expect(alpha.visibleWhen?.({ fn: 'leakyRelu' })).toBe(true);
    expect(alpha.visibleWhen?.({ fn: 'relu' })).toBe(false);
  });
});

describe('checkParam: int (Dense units, 1..512)', () => {
  it.each([
    ['0', 0],
    ['-3', -3],
    ['1e9', 1e9],
    ['513', 513],
    ['"abc"', 'abc'],
    ['empty string', ''],
    ['blank string', '   '],
    ['2.5', 2.5],
    ['"2.5"', '2.5'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('refuses %s with a message naming the field and the range', (_name, raw) => {
    const msg = refusal(units(), raw);
    expect(msg).toContain('Units');
    expect(msg).toContain('from 1 to 512');
    expect(msg).toContain('whole number');
  });

  it('says what it got when the number is out of range', () => {
    expect(refusal(units(), 0)).toBe('Units must be a whole number from 1 to 512; got 0.');
    expect(refusal(units(), 1e9)).toContain('got 1000000000');
  });

  it.each([
    ['"8"', '8', 8],
    ['" 16 "', ' 16 ', 16],
    ['512', 512, 512],
    ['1', 1, 1],
    ['"512"', '512', 512],
  ])('accepts %s as a number', (_name, raw, value) => {
    expect(checkParam(units(), raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['true', true],
    ['false', false],
    ['null', null],
    ['undefined', undefined],
    ['an array', [8]],
    ['an object', {}],
  ])('refuses %s: only numbers and numeric text are numbers', (_name, raw) => {
    expect(refusal(units(), raw)).toContain('Units');
  });
});

describe('checkParam: float bounds', () => {
  const epsilon = () => spec('batchnorm', 'epsilon');
  const momentum = () => spec('batchnorm', 'momentum');

  it('epsilon has an exclusive minimum of 0', () => {
    const msg = refusal(epsilon(), 0);
    expect(msg).toContain('Epsilon');
    expect(msg).toContain('greater than 0');
    expect(refusal(epsilon(), -0.001)).toContain('Epsilon');
    expect(checkParam(epsilon(), 1e-12)).toEqual({ ok: true, value: 1e-12 });
    expect(checkParam(epsilon(), '1e-5')).toEqual({ ok: true, value: 1e-5 });
    // the maximum is inclusive
    expect(checkParam(epsilon(), 1)).toEqual({ ok: true, value: 1 });
    expect(refusal(epsilon(), 1.5)).toContain('greater than 0 and at most 1');
  });

  it('LayerNorm epsilon has the same exclusive minimum', () => {
    expect(refusal(spec('layernorm', 'epsilon'), 0)).toContain('greater than 0');
  });

  it('momentum has an exclusive maximum of 1', () => {
    const msg = refusal(momentum(), 1);
    expect(msg).toContain('Momentum');
    expect(msg).toContain('less than 1');
    expect(msg).toContain('at least 0 and less than 1');
    expect(checkParam(momentum(), 0.99)).toEqual({ ok: true, value: 0.99 });
    expect(checkParam(momentum(), '0.99')).toEqual({ ok: true, value: 0.99 });
    // the minimum is inclusive
    expect(checkParam(momentum(), 0)).toEqual({ ok: true, value: 0 });
    expect(refusal(momentum(), -0.1)).toContain('Momentum');
  });

  it('float messages say "a number", not "a whole number", and accept fractions', () => {
    const msg = refusal(momentum(), 'abc');
    expect(msg).toContain('must be a number');
    expect(msg).not.toContain('whole');
    expect(checkParam(spec('activation', 'alpha'), 0.25)).toEqual({ ok: true, value: 0.25 });
  });
});

describe('checkParam: enum and bool', () => {
  const fn = () => spec('activation', 'fn');

  it('accepts every listed activation function', () => {
    for (const a of ACTIVATION_FUNCTIONS)
      expect(checkParam(fn(), a.value)).toEqual({ ok: true, value: a.value });
    for (const i of INITIALIZERS) {
      expect(checkParam(spec('dense', 'initializer'), i.value)).toEqual({ ok: true, value: i.value });
    }
  });

  it.each([['mish'], ['ReLU'], ['relu '], [''], [3], [null]])('refuses unknown activation %s', (raw) => {
    const msg = refusal(fn(), raw);
    expect(msg).toContain('Activation function');
    expect(msg).toContain('ReLU');
    expect(msg).toContain('Sigmoid');
  });

  it.each([['true'], ['false'], [1], [0], [null], [undefined]])('bool refuses non-boolean %s', (raw) => {
    expect(refusal(spec('dense', 'useBias'), raw)).toBe('Use bias must be on or off.');
  });

  it('bool accepts true and false', () => {
    const s = spec('batchnorm', 'center');
    expect(checkParam(s, true)).toEqual({ ok: true, value: true });
    expect(checkParam(s, false)).toEqual({ ok: true, value: false });
  });
});

describe('checkParam: only plain decimal text counts as a number', () => {
  const units = paramSpec('dense', 'units');
  it.each(['0x10', '0b11', 'Infinity', '1_000', '8px', '--8'])('refuses %s', (raw) => {
    if (!units) throw new Error('no units spec');
    expect(checkParam(units, raw).ok).toBe(false);
  });
  it.each([
    ['1e1', 10],
    ['+8', 8],
    [' 16 ', 16],
  ])('accepts %s as %d', (raw, value) => {
    if (!units) throw new Error('no units spec');
    expect(checkParam(units, raw)).toEqual({ ok: true, value });
  });
});
