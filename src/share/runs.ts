import * as v from 'valibot';
import type { XY } from '../lib/downsample';
import { hasControlChars } from '../lib/text';
import { parseJson } from './json';
import type { Lab } from './lab';
import { migrate } from './migrations';
import { labFromPayload, labToPayload } from './schema';

/** How much pinned runs may hold: they are kept in this browser's storage and travel in lab files. */
export const RUN_LIMITS = {
  /** Runs pinned at once (a fifth is refused with a message). */
  maxRuns: 4,
  /** Points kept per curve (downsampled when pinned). */
  maxPoints: 300,
  maxNameLength: 60,
  /** Side of the kept decision-boundary grid (the live one is 100 × 100). */
  maxBoundarySize: 40,
  maxChannels: 8,
} as const;

/** The task a run's decision boundary shows, as the heatmap colours it. */
export type RunTask = 'binary' | 'multiclass' | 'regression';

/**
 * A pinned run's decision boundary, small: `size` × `size` cells (row 0 at the top), `channels`
 * values a cell, each quantized to a byte (0..255): probabilities p as round(255 p), regression
 * values y in [-1, 1] as round(255 (y + 1) / 2).
 */
export interface RunBoundary {
  readonly size: number;
  readonly channels: number;
  readonly task: RunTask;
  readonly values: readonly number[];
}

/** A run's last measured metrics (null where not measured, or not finite: a diverged run). */
export interface RunFinal {
  readonly trainLoss: number | null;
  readonly testLoss: number | null;
  readonly testAccuracy: number | null;
  readonly testR2: number | null;
}

/** A run's curves against step, each at most RUN_LIMITS.maxPoints points. */
export interface RunCurves {
  readonly trainLoss: readonly XY[];
  readonly testLoss: readonly XY[];
  readonly testAccuracy: readonly XY[];
}

/**
 * A run kept for comparison ("Pin run"): its name and colour, the lab it trained (graph, data and
 * seed, hyperparameters), how far (steps, wall time), its final metrics, curves and boundary.
 */
export interface PinnedRun {
  readonly id: string;
  readonly name: string;
  /** "#rrggbb". */
  readonly color: string;
  readonly lab: Lab;
  readonly steps: number;
  /** Wall time spent training, in ms. */
  readonly wallMs: number;
  readonly final: RunFinal;
  readonly curves: RunCurves;
  readonly boundary: RunBoundary | null;
  /** A remark, e.g. "diverged at step 40". */
  readonly note: string | null;
}

const finiteOrNull = (x: number | null) => (x !== null && Number.isFinite(x) ? x : null);
/** 5 significant digits: curves stay exact to the eye at a fifth of the characters. */
const short = (x: number) => Number(x.toPrecision(5));
const flat = (points: readonly XY[]) => points.flatMap((p) => [p.x, short(p.y)]);

/** One run as files and storage write it (curves as flat [x0, y0, x1, y1, …] lists). */
export function runToPayload(run: PinnedRun): Record<string, unknown> {
  const f = run.final;
  return {
    id: run.id,
    name: run.name,
    color: run.color,
    steps: run.steps,
    wallMs: Math.round(run.wallMs),
    final: {
      trainLoss: finiteOrNull(f.trainLoss),
      testLoss: finiteOrNull(f.testLoss),
      testAccuracy: finiteOrNull(f.testAccuracy),
      testR2: finiteOrNull(f.testR2),
    },
    curves: {
      trainLoss: flat(run.curves.trainLoss),
      testLoss: flat(run.curves.testLoss),
      testAccuracy: flat(run.curves.testAccuracy),
    },
    boundary: run.boundary,
    note: run.note,
    lab: labToPayload(run.lab),
  };
}

const num = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));
const metric = v.nullable(num);
const curve = v.pipe(
  v.array(num, 'its curves must be lists of numbers'),
  v.maxLength(2 * RUN_LIMITS.maxPoints, `a curve may hold at most ${RUN_LIMITS.maxPoints} points`),
  v.check((a) => a.length % 2 === 0, 'a curve must hold (step, value) pairs'),
);
const byte = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255));

/** The schema of one written run; `lab` is checked apart (migrated, then the lab schema). */
const RUN_SCHEMA = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[\w-]{1,40}$/, 'its id must be 1 to 40 letters, digits, - or _')),
  name: v.pipe(
    v.string('its name must be text'),
    v.minLength(1, 'its name is empty'),
    v.maxLength(RUN_LIMITS.maxNameLength, `its name may be at most ${RUN_LIMITS.maxNameLength} characters`),
    v.check((name) => !hasControlChars(name), 'its name holds control characters'),
  ),
  color: v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'its colour must be #rrggbb')),
  steps: v.pipe(v.number(), v.integer('its steps must be a whole number'), v.minValue(0), v.maxValue(1e12)),
  wallMs: v.pipe(num, v.minValue(0, 'its wall time must be 0 or more')),
  final: v.strictObject({ trainLoss: metric, testLoss: metric, testAccuracy: metric, testR2: metric }),
  curves: v.strictObject({ trainLoss: curve, testLoss: curve, testAccuracy: curve }),
  boundary: v.nullable(
    v.pipe(
      v.strictObject({
        size: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(RUN_LIMITS.maxBoundarySize)),
        channels: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(RUN_LIMITS.maxChannels)),
        task: v.picklist(['binary', 'multiclass', 'regression']),
        values: v.array(byte, 'its boundary must be a list of bytes (0 to 255)'),
      }),
      v.check(
        (b) => b.values.length === b.size * b.size * b.channels,
        'its boundary must hold size × size × channels values',
      ),
    ),
  ),
  note: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  lab: v.unknown(),
});

const pairs = (a: readonly number[]): XY[] =>
  Array.from({ length: a.length / 2 }, (_, i) => ({ x: a[2 * i] as number, y: a[2 * i + 1] as number }));

/** Pinned runs read back, or one sentence saying what is wrong. */
export type RunsResult = { ok: true; runs: PinnedRun[] } | { ok: false; error: string };

/**
 * Reads pinned runs from untrusted data (a lab file's `runs`, or this browser's storage): a list
 * of at most RUN_LIMITS.maxRuns runs, each checked field by field, its lab migrated and validated
 * as any lab is. Ids must differ. Never throws.
 */
export function readRuns(raw: unknown): RunsResult {
  if (!Array.isArray(raw)) return { ok: false, error: 'The pinned runs must be a list.' };
  if (raw.length > RUN_LIMITS.maxRuns) {
    return {
      ok: false,
      error: `There are ${raw.length} pinned runs; at most ${RUN_LIMITS.maxRuns} are kept.`,
    };
  }
  const runs: PinnedRun[] = [];
  for (const [i, item] of raw.entries()) {
    const where = `Pinned run ${i + 1}`;
    const parsed = v.safeParse(RUN_SCHEMA, item, { abortEarly: true });
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const field = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
      return {
        ok: false,
        error: `${where}: ${issue?.message ?? 'it cannot be read'}${field ? ` (${field})` : ''}.`,
      };
    }
    const r = parsed.output;
    const lab = r.lab;
    if (typeof lab !== 'object' || lab === null || Array.isArray(lab)) {
      return { ok: false, error: `${where}: it holds no lab.` };
    }
    const migrated = migrate(lab as Record<string, unknown>);
    if (!migrated.ok) return { ok: false, error: `${where}: ${migrated.error}` };
    const read = labFromPayload(migrated.payload);
    if (!read.ok) return { ok: false, error: `${where}: ${read.error}` };
    if (runs.some((other) => other.id === r.id)) {
      return { ok: false, error: `${where}: two pinned runs share the id ${JSON.stringify(r.id)}.` };
    }
    runs.push({
      ...r,
      lab: read.lab,
      curves: {
        trainLoss: pairs(r.curves.trainLoss),
        testLoss: pairs(r.curves.testLoss),
        testAccuracy: pairs(r.curves.testAccuracy),
      },
    });
  }
  return { ok: true, runs };
}

/** Pinned runs as the text this browser keeps them in: `{ "version": 1, "runs": [ … ] }`. */
export function runsToJson(runs: readonly PinnedRun[]): string {
  return JSON.stringify({ version: 1, runs: runs.map(runToPayload) });
}

/** Reads `runsToJson` text back (untrusted: parsed with the lab files' guards). Never throws. */
export function runsFromJson(text: string): RunsResult {
  try {
    const parsed = parseJson(text, 'file');
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const value = parsed.value as { version?: unknown; runs?: unknown } | null;
    if (typeof value !== 'object' || value === null || value.version !== 1) {
      return { ok: false, error: 'The kept pinned runs are not in a format this NormLab reads.' };
    }
    return readRuns(value.runs);
  } catch (e) {
    return {
      ok: false,
      error: `The pinned runs could not be read (internal error: ${String(e).slice(0, 80)}).`,
    };
  }
}

/**
 * A decision-boundary grid made small for keeping: `size` × `size` cells, each the nearest cell of
 * the `from` × `from` grid, quantized to bytes (see RunBoundary). Not-finite values become the
 * middle (127).
 */
export function shrinkBoundary(
  values: ArrayLike<number>,
  from: number,
  channels: number,
  task: RunTask,
  size = 32,
): RunBoundary {
  const side = Math.max(1, Math.min(size, from, RUN_LIMITS.maxBoundarySize));
  const out: number[] = [];
  for (let r = 0; r < side; r++) {
    const sr = Math.min(from - 1, Math.floor(((r + 0.5) * from) / side));
    for (let c = 0; c < side; c++) {
      const sc = Math.min(from - 1, Math.floor(((c + 0.5) * from) / side));
      for (let k = 0; k < channels; k++) {
        const x = values[(sr * from + sc) * channels + k] as number;
        const unit = task === 'regression' ? (x + 1) / 2 : x;
        out.push(Number.isFinite(unit) ? Math.round(255 * Math.min(1, Math.max(0, unit))) : 127);
      }
    }
  }
  return { size: side, channels, task, values: out };
}

/** A kept boundary's values back as numbers on the heatmap's scale (probabilities, or -1..1). */
export function boundaryValues(b: RunBoundary): Float32Array {
  return Float32Array.from(b.values, (q) => (b.task === 'regression' ? (q / 255) * 2 - 1 : q / 255));
}
