import * as v from 'valibot';
import { DATA_LIMITS, DATASETS } from '../data/datasets';
import { checkParam } from '../graph/params';
import type { EnumParam, FloatParam, IntParam, ParamSpec } from '../graph/registry';
import { REGISTRY } from '../graph/registry';
import type { NodeKind, ParamValue } from '../graph/types';
import { LAB_BACKEND_PREFS, LAB_DIST_MODES, LAB_OPTIMIZERS, LAB_PANEL_IDS } from './lab';
import { quote } from './messages';

/** The message for a value a spec refuses: checkParam's own wording (as the Inspector shows it). */
function specMessage(spec: ParamSpec) {
  return (issue: { input: unknown }): string => {
    const check = checkParam(spec, issue.input);
    // checkParam accepts numeric text as typed in a field; a lab must hold real numbers.
    return check.ok ? `${spec.label} must be a number, not text.` : check.message;
  };
}

/**
 * The valibot schema of one parameter spec (node parameters and lab settings alike): ints are
 * whole and in range, floats finite and in range (exclusive bounds honoured), enums one of their
 * options, bools true or false. Messages are those of checkParam, naming the parameter.
 */
export function specSchema(spec: ParamSpec): v.GenericSchema<ParamValue> {
  const msg = specMessage(spec);
  switch (spec.type) {
    case 'int':
      return v.pipe(v.number(msg), v.integer(msg), v.minValue(spec.min, msg), v.maxValue(spec.max, msg));
    case 'float':
      return v.pipe(
        v.number(msg),
        v.finite(msg),
        spec.minExclusive ? v.gtValue(spec.min, msg) : v.minValue(spec.min, msg),
        spec.maxExclusive ? v.ltValue(spec.max, msg) : v.maxValue(spec.max, msg),
      );
    case 'bool':
      return v.boolean(msg);
    case 'enum':
      return v.picklist(
        spec.options.map((o) => o.value),
        msg,
      );
  }
}

/**
 * Node parameters as written in schema version 2: a parameter equal to its default here is left
 * out of links and files, and filled back in on reading. Pinned (not read from REGISTRY) so that
 * changing a registry default never changes what an old link means.
 */
export const WIRE_PARAM_DEFAULTS: Readonly<Record<NodeKind, Readonly<Record<string, ParamValue>>>> = {
  input: {},
  dense: { units: 8, useBias: true, initializer: 'glorotUniform' },
  batchnorm: { momentum: 0.9, epsilon: 0.001, center: true, scale: true },
  layernorm: { epsilon: 0.001, center: true, scale: true },
  activation: { fn: 'relu', alpha: 0.2 },
  add: {},
  concatenate: {},
  output: {},
};

/** The pinned wire default of a parameter, or undefined when it has none (always written). */
export function wireDefault(kind: NodeKind, key: string): ParamValue | undefined {
  const pinned = WIRE_PARAM_DEFAULTS[kind];
  return Object.hasOwn(pinned, key) ? pinned[key] : undefined;
}

/**
 * The valibot schema of one kind's parameters: an object whose keys are that kind's registry
 * parameters. Unknown keys are refused (not dropped): a typo in a hand-edited file should not
 * silently become a default. Missing keys take their wire default (else the registry's).
 */
export function paramsSchema(kind: NodeKind) {
  const spec = REGISTRY[kind];
  const entries = Object.fromEntries(
    spec.params.map((p) => [p.key, v.optional(specSchema(p), wireDefault(kind, p.key) ?? p.default)]),
  );
  return v.strictObject(entries, (issue) =>
    issue.expected === 'never'
      ? `${spec.label} nodes have no parameter ${quote(issue.input)}.`
      : 'Its parameters must be an object of names and values.',
  );
}

const float = (key: string, label: string, min: number, max: number, minExclusive = false): FloatParam => ({
  key,
  label,
  type: 'float',
  min,
  max,
  minExclusive,
  default: min,
  help: '',
});
const int = (key: string, label: string, min: number, max: number): IntParam => ({
  key,
  label,
  type: 'int',
  min,
  max,
  default: min,
  help: '',
});
const choice = (
  key: string,
  label: string,
  options: readonly { value: string; label: string }[],
): EnumParam => ({
  key,
  label,
  type: 'enum',
  options,
  default: options[0]?.value ?? '',
  help: '',
});
const plain = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/**
 * The lab's settings as parameter specs: the one table of their labels and limits. The toolbar
 * (src/store/settingsSpecs.ts) uses these too, so a file, a link and a typed value are held to
 * the same limits and get the same messages.
 */
export const SETTING_SPECS = {
  dataset: choice('dataset', 'Dataset', [
    ...Object.values(DATASETS).map((d) => ({ value: d.name, label: d.label })),
    { value: 'csv', label: 'Imported data (CSV)' },
  ]),
  samples: int('samples', 'Samples', DATA_LIMITS.samples.min, DATA_LIMITS.samples.max),
  noise: float('noise', 'Noise', DATA_LIMITS.noise.min, DATA_LIMITS.noise.max),
  trainFraction: float(
    'trainFraction',
    'Train split',
    DATA_LIMITS.trainFraction.min,
    DATA_LIMITS.trainFraction.max,
  ),
  seed: int('seed', 'Seed', DATA_LIMITS.seed.min, DATA_LIMITS.seed.max),
  inputScale: float('inputScale', 'Input scale', DATA_LIMITS.inputScale.min, DATA_LIMITS.inputScale.max),
  optimizer: choice('optimizer', 'Optimizer', plain(LAB_OPTIMIZERS)),
  learningRate: float('learningRate', 'Learning rate', 0, 10, true),
  batchSize: int('batchSize', 'Batch size', 1, 1024),
  l2: float('l2', 'L2', 0, 1),
  backend: choice('backend', 'Backend', plain(LAB_BACKEND_PREFS)),
  panel: choice('panel', 'Open panel', plain(LAB_PANEL_IDS)),
  distMode: choice('distMode', 'Distribution mode', plain(LAB_DIST_MODES)),
} as const;
