import fc from 'fast-check';
import { DATASETS } from '../src/data/datasets';
import type { BuiltinName } from '../src/data/types';
import { makeNode } from '../src/graph/defaultGraph';
import type {
  Graph,
  GraphContext,
  GraphEdge,
  GraphNode,
  NodeKind,
  ParamValue,
  Task,
} from '../src/graph/types';
import { validParamsArb } from './arbitraryParams';
import { describeGraph } from './graphText';

/** The kinds a person adds from the palette (Input and Output exist once per graph). */
export type InnerKind = Exclude<NodeKind, 'input' | 'output'>;
export const INNER_KINDS: readonly InnerKind[] = [
  'dense',
  'batchnorm',
  'layernorm',
  'activation',
  'add',
  'concatenate',
];
const JOINS: readonly InnerKind[] = ['add', 'concatenate'];

/**
 * One node to add: its kind, its parameters, and which earlier nodes feed it. A pick p names the
 * p-th most recent node (0 = the last one added), modulo how many exist, so any list of picks
 * wires somewhere, and shrinking picks towards 0 shrinks the graph towards a plain chain.
 */
export interface Recipe {
  readonly kind: InnerKind;
  readonly params: Record<string, ParamValue>;
  readonly picks: readonly number[];
}

/** What buildGraph makes: a valid graph plus the widths and weight counts it worked out by hand. */
export interface BuiltGraph {
  readonly graph: Graph;
  readonly widths: Readonly<Record<string, number>>;
  readonly handCounts: Readonly<Record<string, number>>;
}

/** Widths above this are not built by a Concatenate (keeps a thousand graphs cheap). */
const MAX_JOIN_WIDTH = 256;
/** The most inputs a join takes (REGISTRY add/concatenate inputs.max). */
const MAX_JOIN_INPUTS = 16;

const on = (v: ParamValue | undefined) => v !== false;

/**
 * Weights of one node counted by hand from its definition: Dense W (in x units) and b; BatchNorm
 * gamma and beta when switched on plus its moving mean and variance; LayerNorm gamma and beta
 * when on; Output W (in x out) and b.
 */
export function handCount(node: GraphNode, inWidth: number, width: number): number {
  const p = node.params;
  switch (node.kind) {
    case 'dense':
      return inWidth * width + (on(p.useBias) ? width : 0);
    case 'output':
      return inWidth * width + width;
    case 'batchnorm':
      return (on(p.center) ? width : 0) + (on(p.scale) ? width : 0) + 2 * width;
    case 'layernorm':
      return (on(p.center) ? width : 0) + (on(p.scale) ? width : 0);
    default:
      return 0;
  }
}

/**
 * Builds a valid graph from recipes: a join's input picked twice comes again through a Linear
 * activation, an Add's inputs of another width go through a Dense projection to the first
 * input's width, a Concatenate wider than MAX_JOIN_WIDTH is left out; every node left without a consumer is
 * concatenated (16 at a time) into what feeds Output. Node ids are `${prefix}in`, `${prefix}1`,
 * ..., `${prefix}out`.
 */
export function buildGraph(recipes: readonly Recipe[], ctx: GraphContext, prefix = 'n'): BuiltGraph {
  const inputId = `${prefix}in`;
  const nodes: GraphNode[] = [makeNode(inputId, 'input', 0, 0)];
  const edges: GraphEdge[] = [];
  const widths: Record<string, number> = { [inputId]: ctx.inputDim };
  const handCounts: Record<string, number> = { [inputId]: 0 };
  const used = new Set<string>();
  let next = 1;
  const add = (kind: NodeKind, params: Record<string, ParamValue>, sources: readonly string[]) => {
    const id = kind === 'output' ? `${prefix}out` : `${prefix}${next++}`;
    const node = makeNode(id, kind, 0, nodes.length * 100, params);
    nodes.push(node);
    for (const s of sources) {
      edges.push({ id: `e-${s}-${id}`, source: s, target: id });
      used.add(s);
    }
    const ins = sources.map((s) => widths[s] as number);
    const inWidth = ins.reduce((a, b) => a + b, 0);
    const width =
      kind === 'dense'
        ? Number(params.units)
        : kind === 'output'
          ? ctx.outputDim
          : kind === 'concatenate'
            ? inWidth
            : (ins[0] as number);
    widths[id] = width;
    handCounts[id] = handCount(node, inWidth, width);
    return id;
  };
  for (const r of recipes) {
    const ids = nodes.map((n) => n.id);
    const at = (p: number) => ids[ids.length - 1 - (p % ids.length)] as string;
    if (!JOINS.includes(r.kind)) {
      add(r.kind, r.params, [at(r.picks[0] ?? 0)]);
      continue;
    }
    // A source picked twice comes in again through a Linear activation (no edge repeats).
    const seen = new Set<string>();
    const sources = r.picks.slice(0, MAX_JOIN_INPUTS).map((p) => {
      const s = at(p);
      if (!seen.has(s)) {
        seen.add(s);
        return s;
      }
      return add('activation', { fn: 'linear' }, [s]);
    });
    if (r.kind === 'concatenate') {
      if (sources.reduce((w, s) => w + (widths[s] as number), 0) > MAX_JOIN_WIDTH) continue;
      add('concatenate', {}, sources);
      continue;
    }
    const w = widths[sources[0] as string] as number;
    const matched = sources.map((s) => (widths[s] === w ? s : add('dense', { units: w }, [s])));
    add('add', {}, matched);
  }
  let sinks = nodes.map((n) => n.id).filter((id) => !used.has(id));
  while (sinks.length > 1) {
    const joined: string[] = [];
    for (let i = 0; i < sinks.length; i += MAX_JOIN_INPUTS) {
      const group = sinks.slice(i, i + MAX_JOIN_INPUTS);
      joined.push(group.length === 1 ? (group[0] as string) : add('concatenate', {}, group));
    }
    sinks = joined;
  }
  add('output', {}, [sinks[0] as string]);
  return { graph: { nodes, edges }, widths, handCounts };
}

/** One recipe per kind, each drawn with valid parameters (joins take 2 to 4 picks, rarely 16). */
export function recipeArb(maxUnits: number): fc.Arbitrary<Recipe> {
  return fc.oneof(
    ...INNER_KINDS.map((kind) => {
      const picks = JOINS.includes(kind)
        ? fc.oneof(
            { weight: 8, arbitrary: fc.array(fc.nat(12), { minLength: 2, maxLength: 4 }) },
            { weight: 1, arbitrary: fc.array(fc.nat(40), { minLength: 16, maxLength: 16 }) },
          )
        : fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(12) }));
      return fc.record({ kind: fc.constant(kind), params: validParamsArb(kind, maxUnits), picks });
    }),
  );
}

/** The datasets of one task. */
const setsOf = (task: Task) =>
  (Object.keys(DATASETS) as BuiltinName[]).filter((d) => DATASETS[d].task === task);

/** A dataset, each task equally likely: a binary one, the 3-class spiral, or the regression wave. */
export const datasetArb: fc.Arbitrary<BuiltinName> = fc.oneof(
  fc.constantFrom(...setsOf('binary')),
  fc.constantFrom(...setsOf('multiclass')),
  fc.constantFrom(...setsOf('regression')),
);

/**
 * How node ids start: mostly the editor's way, sometimes anything a shared link may hold
 * (letters, digits, "_", "-", ".", ":"), bare numbers included.
 */
export const idPrefixArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('n') },
  { weight: 1, arbitrary: fc.constantFrom('', 'dense', 'x.', 'a:', '-', '_', 'input_', 'my-layer.v2:') },
);

/** A valid random graph for a dataset's task; printed (and shrunk) as a readable node/edge list. */
export interface GraphCase extends BuiltGraph {
  readonly dataset: BuiltinName;
  readonly ctx: GraphContext;
  readonly seed: number;
}

/** The widths and task a dataset gives the graph. */
export function contextOf(dataset: BuiltinName): GraphContext {
  const info = DATASETS[dataset];
  return { inputDim: info.inputDim, outputDim: info.outputDim, task: info.task };
}

/** Random valid graphs of up to `maxNodes` recipes (projections and joins come on top). */
export function graphCaseArb(opts: { maxNodes: number; maxUnits: number }): fc.Arbitrary<GraphCase> {
  return fc
    .record({
      dataset: datasetArb,
      recipes: fc.array(recipeArb(opts.maxUnits), { maxLength: opts.maxNodes }),
      seed: fc.nat(1_000_000),
      prefix: idPrefixArb,
    })
    .map(({ dataset, recipes, seed, prefix }) => {
      const ctx = contextOf(dataset);
      const built = buildGraph(recipes, ctx, prefix);
      return {
        ...built,
        dataset,
        ctx,
        seed,
        [fc.toStringMethod]: () => `${dataset} (${ctx.task}), seed ${seed}\n${describeGraph(built.graph)}`,
      };
    });
}
