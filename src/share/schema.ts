import * as v from 'valibot';
import type { GraphEdge, GraphNode } from '../graph/types';
import { CLASS_SCHEMA } from './classroom';
import { CSV_CHOICE_SCHEMA, csvChoiceProblem } from './csvChoice';
import type { Lab } from './lab';
import { SHARE_ERRORS } from './messages';
import { CURRENT_VERSION, type Payload } from './migrations';
import { describeEdgeRow, describeNodeRow, edgesSchema, nodesSchema, writeEdge, writeNode } from './rows';
import { SETTING_SPECS, specSchema } from './specs';
import { structuralError } from './structure';

/**
 * One field of a lab as links and files write it: where it lives in the Lab (`path`), its key
 * in the written object (`key`), the valibot schema that reads it back (and may reshape it), and
 * how it is written (`write`, identity when absent).
 */
export interface Field {
  readonly path: readonly [string] | readonly [string, string];
  readonly key: string;
  readonly schema: v.GenericSchema;
  readonly write?: (value: unknown) => unknown;
}

/**
 * THE table of a lab's fields (the pattern of tensorflow/playground's state.ts PROPS). Encoding
 * walks it to write a flat object; decoding builds its valibot schema from it and walks it again
 * to put each value back at its path. Adding a field here adds it to links, files and checks.
 */
export const FIELDS: readonly Field[] = [
  {
    path: ['graph', 'nodes'],
    key: 'nodes',
    schema: nodesSchema,
    write: (nodes) => (nodes as readonly GraphNode[]).map(writeNode),
  },
  {
    path: ['graph', 'edges'],
    key: 'edges',
    schema: edgesSchema,
    write: (edges) => (edges as readonly GraphEdge[]).map(writeEdge),
  },
  { path: ['data', 'dataset'], key: 'dataset', schema: specSchema(SETTING_SPECS.dataset) },
  { path: ['data', 'samples'], key: 'samples', schema: specSchema(SETTING_SPECS.samples) },
  { path: ['data', 'noise'], key: 'noise', schema: specSchema(SETTING_SPECS.noise) },
  { path: ['data', 'trainFraction'], key: 'trainFraction', schema: specSchema(SETTING_SPECS.trainFraction) },
  { path: ['data', 'seed'], key: 'seed', schema: specSchema(SETTING_SPECS.seed) },
  { path: ['data', 'inputScale'], key: 'inputScale', schema: specSchema(SETTING_SPECS.inputScale) },
  // The imported file and columns (never its rows); written null for generated data, read back absent.
  {
    path: ['data', 'csv'],
    key: 'csv',
    schema: v.pipe(
      v.nullable(CSV_CHOICE_SCHEMA),
      v.transform((csv) => csv ?? undefined),
    ),
    write: (csv) => csv ?? null,
  },
  { path: ['hyper', 'optimizer'], key: 'optimizer', schema: specSchema(SETTING_SPECS.optimizer) },
  { path: ['hyper', 'learningRate'], key: 'learningRate', schema: specSchema(SETTING_SPECS.learningRate) },
  { path: ['hyper', 'batchSize'], key: 'batchSize', schema: specSchema(SETTING_SPECS.batchSize) },
  { path: ['hyper', 'l2'], key: 'l2', schema: specSchema(SETTING_SPECS.l2) },
  { path: ['backendPref'], key: 'backend', schema: specSchema(SETTING_SPECS.backend) },
  { path: ['panels', 'open'], key: 'panel', schema: v.nullable(specSchema(SETTING_SPECS.panel)) },
  { path: ['panels', 'distMode'], key: 'distMode', schema: specSchema(SETTING_SPECS.distMode) },
  // Absent in links made before class links existed: an ordinary lab.
  { path: ['classroom'], key: 'class', schema: v.optional(CLASS_SCHEMA, null) },
];

/** The valibot schema of a written lab at CURRENT_VERSION, built from FIELDS; unknown fields are refused. */
export const LAB_SCHEMA = v.strictObject(
  {
    version: v.literal(CURRENT_VERSION),
    ...Object.fromEntries(FIELDS.map((f) => [f.key, f.schema])),
  },
  (issue) => {
    const key = String(issue.input ?? issue.expected ?? '').replace(/^"|"$/g, '');
    return issue.expected === 'never' ? SHARE_ERRORS.unknownField(key) : SHARE_ERRORS.missingField(key);
  },
);

/** Writes a lab as the flat object of FIELDS (what links compress and files hold). */
export function labToPayload(lab: Lab): Record<string, unknown> {
  const out: Record<string, unknown> = { version: CURRENT_VERSION };
  for (const f of FIELDS) {
    let value: unknown = lab;
    for (const step of f.path) value = (value as Record<string, unknown>)[step];
    out[f.key] = f.write ? f.write(value) : value;
  }
  return out;
}

/** Turns valibot's first issue into one sentence, naming the node or connection it is about. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const [top, row] = issue.path ?? [];
  if (row && typeof row.key === 'number' && (top?.key === 'nodes' || top?.key === 'edges')) {
    const where =
      top.key === 'nodes' ? describeNodeRow(row.value, row.key) : describeEdgeRow(row.value, row.key);
    return `${where}: ${issue.message}`;
  }
  return issue.message;
}

/** A decoded lab, or one sentence saying why it was refused. */
export type LabResult = { ok: true; lab: Lab } | { ok: false; error: string };

/**
 * Reads a payload at CURRENT_VERSION into a Lab: validates every field (the schema built from
 * FIELDS, stopping at the first problem), puts each value at its path, then refuses structural
 * corruption of the graph (see structure.ts). Never throws.
 */
export function labFromPayload(payload: Payload): LabResult {
  const parsed = v.safeParse(LAB_SCHEMA, payload, { abortEarly: true });
  if (!parsed.success) {
    const first = parsed.issues[0];
    return { ok: false, error: first ? describeIssue(first) : 'This lab could not be read.' };
  }
  const output = parsed.output as Record<string, unknown>;
  const lab: Record<string, unknown> = { version: CURRENT_VERSION };
  for (const f of FIELDS) {
    const [head, leaf] = f.path;
    // A field that reads back as undefined (csv: null) is left out rather than set to undefined.
    if (output[f.key] === undefined) continue;
    if (leaf === undefined) lab[head] = output[f.key];
    else lab[head] = { ...(lab[head] as object | undefined), [leaf]: output[f.key] };
  }
  const result = lab as unknown as Lab;
  const broken = csvChoiceProblem(result.data) ?? structuralError(result.graph, result.data);
  return broken ? { ok: false, error: broken } : { ok: true, lab: result };
}
