import * as v from 'valibot';
import type { Graph } from '../graph/types';
import type { LabWeights } from './lab';
import { SHARE_LIMITS as L } from './limits';
import { quote, SHARE_ERRORS } from './messages';

const NAME = /^[\w.:/-]{1,64}$/;

/** Trained weights in a file: node id -> weight name -> finite numbers. */
export const WEIGHTS_SCHEMA = v.record(
  v.pipe(
    v.string(),
    v.regex(NAME, (i) => `The weights name a node with a bad id ${quote(i.input)}.`),
  ),
  v.pipe(
    v.record(
      v.pipe(
        v.string(),
        v.regex(NAME, (i) => `The weights have a bad name ${quote(i.input)}.`),
      ),
      v.array(
        v.pipe(
          v.number('The weights must be lists of numbers.'),
          v.finite('The weights must be finite numbers.'),
        ),
        'The weights must be lists of numbers.',
      ),
      'The weights of each node must be an object of names and lists of numbers.',
    ),
    v.maxEntries(L.maxWeightsPerNode, `A node may carry at most ${L.maxWeightsPerNode} weight arrays.`),
  ),
  SHARE_ERRORS.weightsNotObject,
);

/** Counts the values in a weights object without trusting its shape (stops past the limit). */
function countValues(raw: object): number {
  let total = 0;
  for (const perNode of Object.values(raw)) {
    if (typeof perNode !== 'object' || perNode === null) continue;
    for (const values of Object.values(perNode)) {
      if (Array.isArray(values)) total += values.length;
      if (total > L.maxWeightValues) return total;
    }
  }
  return total;
}

/** The file's weights, checked against the lab's graph; or one sentence saying why not. */
export type WeightsResult = { ok: true; weights: LabWeights } | { ok: false; error: string };

/**
 * Validates the optional `weights` of a lab file: finite numbers only, at most
 * SHARE_LIMITS.maxWeightValues in all, and only for nodes of `graph`. Shapes are not checked
 * against the model here (the trainer does that when it loads them). Never throws.
 */
export function readWeights(raw: unknown, graph: Graph): WeightsResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: SHARE_ERRORS.weightsNotObject };
  }
  const count = countValues(raw);
  if (count > L.maxWeightValues) return { ok: false, error: SHARE_ERRORS.tooManyWeights(count) };
  const parsed = v.safeParse(WEIGHTS_SCHEMA, raw, { abortEarly: true });
  if (!parsed.success)
    return { ok: false, error: parsed.issues[0]?.message ?? SHARE_ERRORS.weightsNotObject };
  const ids = new Set(graph.nodes.map((n) => n.id));
  const stray = Object.keys(parsed.output).find((id) => !ids.has(id));
  if (stray !== undefined) return { ok: false, error: SHARE_ERRORS.weightsUnknownNode(stray) };
  return { ok: true, weights: parsed.output };
}
