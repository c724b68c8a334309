import fc from 'fast-check';
import type { BuiltinName } from '../src/data/types';
import { makeNode } from '../src/graph/defaultGraph';
import { REGISTRY } from '../src/graph/registry';
import { type Graph, type GraphContext, type GraphNode, NODE_KINDS, type NodeKind } from '../src/graph/types';
import { buildGraph, contextOf, datasetArb, idPrefixArb, recipeArb } from './arbitraryGraph';
import { badValueArb, outsideValues, unitsArb, validParamsArb } from './arbitraryParams';
import { describeGraph } from './graphText';

/**
 * One way to damage a graph. Node and edge positions are taken modulo the graph's size, so any
 * mutation applies to any graph (and shrinks towards the first node or edge).
 */
export type Mutation =
  | { readonly op: 'dropEdge'; readonly at: number }
  | { readonly op: 'addEdge'; readonly from: number; readonly to: number }
  | { readonly op: 'ghostEdge'; readonly at: number; readonly end: 'source' | 'target' }
  | { readonly op: 'dropNode'; readonly at: number; readonly keepEdges: boolean }
  | { readonly op: 'badParam'; readonly at: number; readonly key: number; readonly value: unknown }
  | { readonly op: 'missingParam'; readonly at: number; readonly key: number }
  | { readonly op: 'resize'; readonly at: number; readonly units: number }
  | { readonly op: 'duplicateId'; readonly at: number }
  | { readonly op: 'extraNode'; readonly kind: NodeKind; readonly from: number }
  | { readonly op: 'retype'; readonly at: number; readonly kind: NodeKind };

const pos = fc.nat(40);
const kindArb = fc.constantFrom(...NODE_KINDS);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('dropEdge' as const), at: pos }),
  fc.record({ op: fc.constant('addEdge' as const), from: pos, to: pos }),
  fc.record({ op: fc.constant('ghostEdge' as const), at: pos, end: fc.constantFrom('source', 'target') }),
  fc.record({ op: fc.constant('dropNode' as const), at: pos, keepEdges: fc.boolean() }),
  fc.record({ op: fc.constant('badParam' as const), at: pos, key: fc.nat(3), value: badValueArb }),
  fc.record({ op: fc.constant('missingParam' as const), at: pos, key: fc.nat(3) }),
  fc.record({ op: fc.constant('resize' as const), at: pos, units: unitsArb(512) }),
  fc.record({ op: fc.constant('duplicateId' as const), at: pos }),
  fc.record({ op: fc.constant('extraNode' as const), kind: kindArb, from: pos }),
  fc.record({ op: fc.constant('retype' as const), at: pos, kind: kindArb }),
);

const withParam = (n: GraphNode, key: string, value: unknown): GraphNode => ({
  ...n,
  params: { ...n.params, [key]: value } as GraphNode['params'],
});

/** Applies one mutation (returns the graph unchanged when it has nothing to act on). */
export function mutate(graph: Graph, m: Mutation): Graph {
  const { nodes, edges } = graph;
  const node = (at: number) => nodes[at % Math.max(1, nodes.length)];
  const withParams = nodes.filter((n) => REGISTRY[n.kind].params.length > 0);
  switch (m.op) {
    case 'dropEdge':
      return { nodes, edges: edges.filter((_, i) => i !== m.at % Math.max(1, edges.length)) };
    case 'addEdge': {
      const [a, b] = [node(m.from), node(m.to)];
      if (!a || !b) return graph;
      return { nodes, edges: [...edges, { id: `x${edges.length}`, source: a.id, target: b.id }] };
    }
    case 'ghostEdge': {
      const a = node(m.at);
      const ends =
        m.end === 'source'
          ? { source: 'ghost', target: a?.id ?? 'nowhere' }
          : { source: a?.id ?? 'nowhere', target: 'ghost' };
      return { nodes, edges: [...edges, { id: `g${edges.length}`, ...ends }] };
    }
    case 'dropNode': {
      const gone = node(m.at);
      if (!gone) return graph;
      const kept = m.keepEdges ? edges : edges.filter((e) => e.source !== gone.id && e.target !== gone.id);
      return { nodes: nodes.filter((n) => n !== gone), edges: kept };
    }
    case 'badParam':
    case 'missingParam': {
      const target = withParams[m.at % Math.max(1, withParams.length)];
      if (!target) return graph;
      const specs = REGISTRY[target.kind].params;
      const key = (specs[m.key % specs.length] as (typeof specs)[number]).key;
      const changed =
        m.op === 'badParam'
          ? withParam(target, key, m.value)
          : {
              ...target,
              params: Object.fromEntries(Object.entries(target.params).filter(([k]) => k !== key)),
            };
      return { nodes: nodes.map((n) => (n === target ? changed : n)), edges };
    }
    case 'resize': {
      const dense = nodes.filter((n) => n.kind === 'dense');
      const target = dense[m.at % Math.max(1, dense.length)];
      if (!target) return graph;
      return { nodes: nodes.map((n) => (n === target ? withParam(n, 'units', m.units) : n)), edges };
    }
    case 'duplicateId': {
      const a = node(m.at);
      const b = node(m.at + 1);
      if (!a || !b || a === b) return graph;
      return { nodes: nodes.map((n) => (n === b ? { ...b, id: a.id } : n)), edges };
    }
    case 'extraNode': {
      const id = `extra${nodes.length}`;
      const extra = makeNode(id, m.kind, 0, 0);
      const from = node(m.from);
      const edge = from ? [{ id: `e-${from.id}-${id}`, source: from.id, target: id }] : [];
      return { nodes: [...nodes, extra], edges: [...edges, ...edge] };
    }
    case 'retype': {
      const target = node(m.at);
      if (!target) return graph;
      return { nodes: nodes.map((n) => (n === target ? { ...n, kind: m.kind } : n)), edges };
    }
  }
}

/** A node of any kind (Input and Output too), its parameters valid or with one bad value. */
const anyNodeArb = (id: string): fc.Arbitrary<GraphNode> =>
  kindArb.chain((kind) =>
    fc
      .tuple(validParamsArb(kind, 16), fc.option(fc.tuple(fc.nat(3), badValueArb), { freq: 3 }))
      .map(([params, bad]) => {
        const specs = REGISTRY[kind].params;
        const spec = bad && specs.length > 0 ? specs[bad[0] % specs.length] : undefined;
        return {
          id,
          kind,
          params: spec ? { ...params, [spec.key]: bad?.[1] } : params,
          position: { x: 0, y: 0 },
        } as GraphNode;
      }),
  );

/** Random nodes of any kind wired at random (loops, self-loops, repeats and all). */
export const randomGraphArb: fc.Arbitrary<Graph> = fc
  .integer({ min: 0, max: 9 })
  .chain((count) =>
    fc.record({
      nodes: fc.tuple(...Array.from({ length: count }, (_, i) => anyNodeArb(`r${i}`))),
      wires: fc.array(fc.tuple(fc.nat(12), fc.nat(12)), { maxLength: 14 }),
    }),
  )
  .map(({ nodes, wires }) => {
    const ids = [...nodes.map((n) => n.id), 'ghost'];
    const edges = wires.map(([a, b], i) => ({
      id: `w${i}`,
      source: ids[a % ids.length] as string,
      target: ids[b % ids.length] as string,
    }));
    return { nodes, edges };
  });

/** A graph to validate, usually broken, with the dataset context it is checked against. */
export interface BrokenCase {
  readonly dataset: BuiltinName;
  readonly graph: Graph;
  readonly ctx: GraphContext;
  readonly origin: 'mutated' | 'random';
}

/** Valid graphs damaged by one to four mutations, and graphs wired at random. */
export const brokenCaseArb: fc.Arbitrary<BrokenCase> = fc
  .record({
    dataset: datasetArb,
    made: fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .tuple(
            fc.array(recipeArb(16), { maxLength: 8 }),
            fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
            idPrefixArb,
          )
          .map(([recipes, mutations, prefix]) => ({ recipes, mutations, prefix })),
      },
      { weight: 2, arbitrary: randomGraphArb.map((graph) => ({ graph })) },
    ),
  })
  .map(({ dataset, made }) => {
    const ctx = contextOf(dataset);
    const graph =
      'graph' in made
        ? made.graph
        : made.mutations.reduce(mutate, buildGraph(made.recipes, ctx, made.prefix).graph);
    const origin = 'graph' in made ? ('random' as const) : ('mutated' as const);
    return {
      dataset,
      graph,
      ctx,
      origin,
      [fc.toStringMethod]: () => `${ctx.task}, ${origin}\n${describeGraph(graph)}`,
    };
  });

/** A valid graph with one parameter of one node set just outside its range (see outsideValues). */
export interface OutsideCase {
  readonly graph: Graph;
  readonly ctx: GraphContext;
  readonly nodeId: string;
  readonly label: string;
}

export const outsideCaseArb: fc.Arbitrary<OutsideCase> = fc
  .record({
    dataset: datasetArb,
    recipes: fc.array(recipeArb(16), { minLength: 1, maxLength: 6 }),
    at: fc.nat(40),
    key: fc.nat(3),
    which: fc.nat(3),
  })
  .map(({ dataset, recipes, at, key, which }): OutsideCase | null => {
    const ctx = contextOf(dataset);
    const { graph } = buildGraph(recipes, ctx);
    const candidates = graph.nodes.filter((n) => REGISTRY[n.kind].params.length > 0);
    const target = candidates[at % Math.max(1, candidates.length)];
    if (!target) return null;
    const specs = REGISTRY[target.kind].params;
    const spec = specs[key % specs.length] as (typeof specs)[number];
    const values = outsideValues(spec);
    const value = values[which % values.length];
    const nodes = graph.nodes.map((n) => (n === target ? withParam(n, spec.key, value) : n));
    const broken = { nodes, edges: graph.edges };
    const text = () =>
      `${ctx.task}, ${target.id}.${spec.key} = ${fc.stringify(value)}\n${describeGraph(broken)}`;
    const found: OutsideCase = { graph: broken, ctx, nodeId: target.id, label: spec.label };
    return Object.assign(found, { [fc.toStringMethod]: text });
  })
  .filter((c): c is OutsideCase => c !== null);
