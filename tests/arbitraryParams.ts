import fc from 'fast-check';
import { type ParamSpec, REGISTRY } from '../src/graph/registry';
import type { NodeKind, ParamValue } from '../src/graph/types';

/**
 * Layer widths for random graphs: mostly 1 to 8, sometimes 9 to 16, rarely the registry's
 * edges (1 and its max, 512), so a thousand graphs stay cheap yet the limits are exercised.
 */
export function unitsArb(maxUnits: number): fc.Arbitrary<number> {
  const spec = REGISTRY.dense.params.find((p) => p.key === 'units') as ParamSpec & { type: 'int' };
  return fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: spec.min, max: Math.min(8, maxUnits) }) },
    { weight: 3, arbitrary: fc.integer({ min: Math.min(9, maxUnits), max: Math.min(16, maxUnits) }) },
    { weight: 1, arbitrary: fc.constantFrom(spec.min, Math.min(spec.max, maxUnits)) },
  );
}

/** The next double after finite `x` towards +Infinity (dir 1) or -Infinity (dir -1). */
export function nextDouble(x: number, dir: 1 | -1): number {
  if (x === 0) return dir * Number.MIN_VALUE;
  const buf = new Float64Array([x]);
  const bits = new BigInt64Array(buf.buffer);
  // For doubles of one sign, the bit patterns order like the values (reversed for negatives).
  bits[0] = (bits[0] as bigint) + BigInt(x > 0 ? dir : -dir);
  return buf[0] as number;
}

/**
 * The edges of a float range as the registry states it: the bounds themselves where allowed,
 * else the nearest double inside (Number.MIN_VALUE above an exclusive 0, 1 - 2^-53 below an
 * exclusive 1).
 */
export function floatEdges(spec: ParamSpec & { type: 'float' }): number[] {
  const lo = spec.minExclusive ? nextDouble(spec.min, 1) : spec.min;
  const hi = spec.maxExclusive ? nextDouble(spec.max, -1) : spec.max;
  return [lo, hi];
}

/**
 * The values right outside a parameter's range, which validation must refuse: an exclusive bound
 * itself, the next double beyond an inclusive one, the whole numbers beyond an int range and a
 * fraction inside it; for a switch or a list, a value of the wrong type or not in the list.
 */
export function outsideValues(spec: ParamSpec): unknown[] {
  switch (spec.type) {
    case 'int':
      return [spec.min - 1, spec.max + 1, spec.min + 0.5];
    case 'float':
      return [
        spec.minExclusive ? spec.min : nextDouble(spec.min, -1),
        spec.maxExclusive ? spec.max : nextDouble(spec.max, 1),
      ];
    case 'bool':
      return [0, 'true'];
    case 'enum':
      return [spec.options[0]?.value.toUpperCase(), `${spec.options[0]?.value} `];
  }
}

/** A valid value of one parameter: its default, an edge of its range, or anything in between. */
export function validParamArb(spec: ParamSpec, maxUnits: number): fc.Arbitrary<ParamValue> {
  switch (spec.type) {
    case 'int':
      return spec.key === 'units' ? unitsArb(maxUnits) : fc.integer({ min: spec.min, max: spec.max });
    case 'float': {
      const inside = fc.double({
        min: spec.min,
        max: spec.max,
        minExcluded: spec.minExclusive ?? false,
        maxExcluded: spec.maxExclusive ?? false,
        noNaN: true,
      });
      return fc.oneof(
        { weight: 3, arbitrary: fc.constant(spec.default) },
        { weight: 2, arbitrary: fc.constantFrom(...floatEdges(spec)) },
        { weight: 3, arbitrary: inside },
      );
    }
    case 'bool':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...spec.options.map((o) => o.value));
  }
}

/** Every parameter of a kind, each drawn by validParamArb. */
export function validParamsArb(kind: NodeKind, maxUnits: number): fc.Arbitrary<Record<string, ParamValue>> {
  return fc.record(
    Object.fromEntries(REGISTRY[kind].params.map((spec) => [spec.key, validParamArb(spec, maxUnits)])),
  );
}

/** Values no parameter accepts (or only some do): wrong types, out of range, not finite, text. */
export const badValueArb: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  0,
  -3,
  1.5,
  1e9,
  -1e-9,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  'abc',
  '',
  '8',
  ' 1e-3 ',
  '0x10',
  'Infinity',
  true,
  false,
  null,
  [8],
  { units: 8 },
  'relu',
  'RELU',
);
