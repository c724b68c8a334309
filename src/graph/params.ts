import type { ParamSpec } from './registry';
import type { ParamValue } from './types';

export type ParamCheck = { ok: true; value: ParamValue } | { ok: false; message: string };

function rangeText(spec: ParamSpec & { type: 'int' | 'float' }): string {
  const minEx = spec.type === 'float' && spec.minExclusive;
  const maxEx = spec.type === 'float' && spec.maxExclusive;
  if (!minEx && !maxEx) return `from ${spec.min} to ${spec.max}`;
  const lo = minEx ? `greater than ${spec.min}` : `at least ${spec.min}`;
  const hi = maxEx ? `less than ${spec.max}` : `at most ${spec.max}`;
  return `${lo} and ${hi}`;
}

/** Plain decimal notation with an optional exponent ("8", "-0.5", ".5", "1e-3"); no hex, no "Infinity". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Checks a parameter value against its spec. Accepts the raw text a person typed (or a value
 * from a file) and returns the parsed value or a message that says what is allowed.
 */
export function checkParam(spec: ParamSpec, raw: unknown): ParamCheck {
  switch (spec.type) {
    case 'int':
    case 'float': {
      const text = typeof raw === 'string' ? raw.trim() : raw;
      // Only numbers and numeric text count: Number(true), Number(null) and Number([8]) would
      // otherwise turn a boolean, null or array from a file into a "valid" 1, 0 or 8.
      const value =
        typeof text === 'number'
          ? text
          : typeof text === 'string' && DECIMAL.test(text)
            ? Number(text)
            : Number.NaN;
      const what = spec.type === 'int' ? 'a whole number' : 'a number';
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return { ok: false, message: `${spec.label} must be ${what} ${rangeText(spec)}.` };
      }
      if (spec.type === 'int' && !Number.isInteger(value)) {
        return { ok: false, message: `${spec.label} must be a whole number ${rangeText(spec)}.` };
      }
      const belowMin = spec.type === 'float' && spec.minExclusive ? value <= spec.min : value < spec.min;
      const aboveMax = spec.type === 'float' && spec.maxExclusive ? value >= spec.max : value > spec.max;
      if (belowMin || aboveMax) {
        return { ok: false, message: `${spec.label} must be ${what} ${rangeText(spec)}; got ${value}.` };
      }
      return { ok: true, value };
    }
    case 'bool':
      return typeof raw === 'boolean'
        ? { ok: true, value: raw }
        : { ok: false, message: `${spec.label} must be on or off.` };
    case 'enum': {
      const found = spec.options.find((o) => o.value === raw);
      return found
        ? { ok: true, value: found.value }
        : {
            ok: false,
            message: `${spec.label} must be one of ${spec.options.map((o) => o.label).join(', ')}.`,
          };
    }
  }
}
