import * as v from 'valibot';
import { REGISTRY } from '../graph/registry';
import type { GraphEdge, GraphNode, NodeKind, ParamValue } from '../graph/types';
import { NODE_KINDS } from '../graph/types';
import { SHARE_LIMITS as L } from './limits';
import { quote, SHARE_ERRORS } from './messages';
import { paramsSchema, wireDefault } from './specs';

/** Ids are what the editor makes: letters, digits and "_", "-", ".", ":" (safe in DOM attributes and CSS selectors). */
const ID_PATTERN = /^[\w.:-]+$/;

const idSchema = (what: string, max: number) =>
  v.pipe(
    v.string(`Its ${what} must be text.`),
    v.minLength(1, `Its ${what} is empty.`),
    v.maxLength(max, `Its ${what} is longer than ${max} characters.`),
    v.regex(ID_PATTERN, `Its ${what} may hold only letters, digits and "_", "-", ".", ":".`),
  );

const coord = v.pipe(
  v.number('Its position must be two numbers.'),
  v.finite('Its position must be two finite numbers.'),
  v.minValue(-L.maxCoordinate, `Its position must lie within ±${L.maxCoordinate}.`),
  v.maxValue(L.maxCoordinate, `Its position must lie within ±${L.maxCoordinate}.`),
);

const kindSchema = v.picklist(NODE_KINDS, (issue) =>
  typeof issue.input === 'string'
    ? `Its kind ${quote(issue.input)} is unknown; NormLab knows ${NODE_KINDS.join(', ')}.`
    : `Its kind must be one of ${NODE_KINDS.join(', ')}.`,
);

/** A node with each kind's parameters checked against its registry specs. */
const nodeSchema = v.variant(
  'kind',
  NODE_KINDS.map((kind) =>
    v.object({
      id: v.string(),
      kind: v.literal(kind),
      position: v.object({ x: v.number(), y: v.number() }),
      params: v.optional(paramsSchema(kind), {}),
    }),
  ),
);

/**
 * A node as written: `[id, kind, x, y]` or `[id, kind, x, y, params]`, where params holds only
 * the parameters that differ from their wire default. Read back into a GraphNode, each kind's
 * parameters validated against its registry specs.
 */
export const nodeRowSchema = v.pipe(
  v.strictTuple(
    [idSchema('id', L.maxIdLength), kindSchema, coord, coord, v.optional(v.unknown())],
    'It must be a list [id, kind, x, y] or [id, kind, x, y, parameters].',
  ),
  // Reshaped for the per-kind check below; params is still unchecked here, which that check does.
  v.transform(
    ([id, kind, x, y, params]) =>
      ({ id, kind, position: { x, y }, params }) as v.InferInput<typeof nodeSchema>,
  ),
  nodeSchema,
);

/** Writes a node as its row (see nodeRowSchema). */
export function writeNode(node: GraphNode): unknown[] {
  const changed: Record<string, ParamValue> = {};
  for (const [key, value] of Object.entries(node.params)) {
    if (wireDefault(node.kind, key) !== value) changed[key] = value;
  }
  const row: unknown[] = [node.id, node.kind, node.position.x, node.position.y];
  if (Object.keys(changed).length > 0) row.push(changed);
  return row;
}

/** The id an edge gets when its row leaves it out: the one defaultGraph and chainGraph give. */
export const implicitEdgeId = (source: string, target: string): string => `e-${source}-${target}`;

/** The suffixes the editor appends (`e-a-b-1`, as lib/ids nextId numbers them) that a row writes as a number. */
const SUFFIX = /^[1-9]\d{0,5}$/;

/**
 * An edge as written: `[source, target]` when its id is the implicit `e-source-target`,
 * `[source, target, n]` when it is the editor's `e-source-target-n`, else `[source, target, id]`.
 */
export const edgeRowSchema = v.pipe(
  v.strictTuple(
    [
      idSchema('source', L.maxIdLength),
      idSchema('target', L.maxIdLength),
      v.optional(
        v.union(
          [
            idSchema('id', L.maxEdgeIdLength),
            v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(999_999)),
          ],
          'Its id must be text, or a whole number from 1 to 999999.',
        ),
      ),
    ],
    'It must be a list [source, target] or [source, target, id].',
  ),
  v.transform(([source, target, id]): GraphEdge => {
    const base = implicitEdgeId(source, target);
    return { id: id === undefined ? base : typeof id === 'number' ? `${base}-${id}` : id, source, target };
  }),
);

/** Writes an edge as its row (see edgeRowSchema). */
export function writeEdge(edge: GraphEdge): unknown[] {
  const base = implicitEdgeId(edge.source, edge.target);
  if (edge.id === base) return [edge.source, edge.target];
  const suffix = edge.id.startsWith(`${base}-`) ? edge.id.slice(base.length + 1) : '';
  return [edge.source, edge.target, SUFFIX.test(suffix) ? Number(suffix) : edge.id];
}

/** A list of rows, refused whole (before any row is read) when longer than `max`. */
function rows<T extends v.GenericSchema>(row: T, max: number, what: string, tooMany: (n: number) => string) {
  return v.pipe(
    v.array(v.unknown(), SHARE_ERRORS.notAList(what)),
    v.maxLength(max, (issue) => tooMany((issue.input as unknown[]).length)),
    v.array(row),
  );
}

/** The graph's nodes, at most L.maxNodes. */
export const nodesSchema = rows(nodeRowSchema, L.maxNodes, 'nodes', SHARE_ERRORS.tooManyNodes);
/** The graph's edges, at most L.maxEdges. */
export const edgesSchema = rows(edgeRowSchema, L.maxEdges, 'edges', SHARE_ERRORS.tooManyEdges);

/** Names a node row for a message: `Node "dense1" (Dense)`, or `Node 3` when its id is unreadable. */
export function describeNodeRow(row: unknown, index: number): string {
  const [id, kind] = Array.isArray(row) ? row : [];
  const name = typeof id === 'string' && id.length > 0 ? quote(id) : String(index + 1);
  const known = NODE_KINDS.includes(kind as NodeKind) ? ` (${REGISTRY[kind as NodeKind].label})` : '';
  return `Node ${name}${known}`;
}

/** Names an edge row for a message: `Connection "e1"`, `Connection "a" -> "b"` or `Connection 3`. */
export function describeEdgeRow(row: unknown, index: number): string {
  const [source, target, id] = Array.isArray(row) ? row : [];
  if (typeof id === 'string' && id.length > 0) return `Connection ${quote(id)}`;
  if (typeof source === 'string' && typeof target === 'string')
    return `Connection ${quote(source)} -> ${quote(target)}`;
  return `Connection ${index + 1}`;
}
