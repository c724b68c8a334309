import fc from 'fast-check';
import { strToU8, zlibSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_LIMITS, DATASETS } from '../src/data/datasets';
import type { BuiltinName } from '../src/data/types';
import type { ParamSpec } from '../src/graph/registry';
import { REGISTRY } from '../src/graph/registry';
import type { GraphEdge, GraphNode, NodeKind, ParamValue } from '../src/graph/types';
import {
  CURRENT_VERSION,
  type DecodeResult,
  decodeLab,
  encodeLab,
  HIDEABLE_SECTIONS,
  LAB_BACKEND_PREFS,
  LAB_DIST_MODES,
  LAB_OPTIMIZERS,
  LAB_PANEL_IDS,
  type Lab,
  labFromJson,
  labToJson,
} from '../src/share';

const PROTOTYPES = [
  Object.prototype,
  Array.prototype,
  Function.prototype,
  String.prototype,
  Number.prototype,
];
const before = PROTOTYPES.map((p) => Reflect.ownKeys(p).map(String).sort());
const started = Date.now();
let payloads = 0;

// ---- valid labs -------------------------------------------------------------------------

/** A double in [min, max] (bounds optionally excluded), never -0 (JSON writes it as 0). */
const double = (min: number, max: number, minExcluded = false, maxExcluded = false) =>
  fc
    .double({ min, max, minExcluded, maxExcluded, noNaN: true, noDefaultInfinity: true })
    .map((x) => (Object.is(x, -0) ? 0 : x));

function paramArb(spec: ParamSpec): fc.Arbitrary<ParamValue> {
  switch (spec.type) {
    case 'int':
      return fc.integer({ min: spec.min, max: spec.max });
    case 'float':
      return double(spec.min, spec.max, spec.minExclusive ?? false, spec.maxExclusive ?? false);
    case 'bool':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...spec.options.map((o) => o.value));
  }
}

/** Every parameter of a kind, drawn from its registry spec (defaults included sometimes). */
const paramsArb = (kind: NodeKind) =>
  fc.record(
    Object.fromEntries(
      REGISTRY[kind].params.map((spec) => [spec.key, fc.oneof(fc.constant(spec.default), paramArb(spec))]),
    ) as Record<string, fc.Arbitrary<ParamValue>>,
  );

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:';
const tagArb = fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 0, maxLength: 12 });
const coordArb = fc.oneof(fc.integer({ min: -2000, max: 2000 }), double(-1e6, 1e6));
const MIDDLE: NodeKind[] = ['dense', 'batchnorm', 'layernorm', 'activation', 'add', 'concatenate'];

const nodeArb = (kind: NodeKind, index: number): fc.Arbitrary<GraphNode> =>
  fc.record({
    id: tagArb.map((tag) => `${tag}${index}`.slice(-64)),
    kind: fc.constant(kind),
    params: paramsArb(kind),
    position: fc.record({ x: coordArb, y: coordArb }),
  });

/** Nodes in topological order (Input first, Output last), so edges from lower to higher index are acyclic. */
const graphArb = fc
  .array(fc.constantFrom(...MIDDLE), { maxLength: 20 })
  .chain((kinds) => {
    const all: NodeKind[] = ['input', ...kinds, 'output'];
    return fc.tuple(fc.tuple(...all.map((k, i) => nodeArb(k, i))), fc.shuffledSubarray(pairs(all.length)));
  })
  .chain(([nodes, chosen]) =>
    fc
      .tuple(...chosen.map(() => fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 99 }), tagArb)))
      .map((idForms) => {
        const edges: GraphEdge[] = chosen.map(([i, j], k) => {
          const source = (nodes[i] as GraphNode).id;
          const target = (nodes[j] as GraphNode).id;
          const form = idForms[k];
          const base = `e-${source}-${target}`;
          const id = form === 0 ? base : typeof form === 'number' ? `${base}-${form}` : `k${k}${form}`;
          return { id, source, target };
        });
        return { nodes, edges };
      }),
  );

function pairs(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
  return out;
}

const labArb: fc.Arbitrary<Lab> = fc.record({
  version: fc.constant(CURRENT_VERSION),
  graph: graphArb,
  data: fc.record({
    dataset: fc.constantFrom(...(Object.keys(DATASETS) as BuiltinName[])),
    samples: fc.integer({ min: DATA_LIMITS.samples.min, max: DATA_LIMITS.samples.max }),
    noise: double(0, 1),
    trainFraction: double(0.1, 0.9),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    inputScale: double(0.01, 100),
  }),
  hyper: fc.record({
    optimizer: fc.constantFrom(...LAB_OPTIMIZERS),
    learningRate: double(0, 10, true),
    batchSize: fc.integer({ min: 1, max: 1024 }),
    l2: double(0, 1),
  }),
  backendPref: fc.constantFrom(...LAB_BACKEND_PREFS),
  panels: fc.record({
    open: fc.constantFrom(null, ...LAB_PANEL_IDS),
    distMode: fc.constantFrom(...LAB_DIST_MODES),
  }),
  classroom: fc.option(
    fc.record({
      lockGraph: fc.boolean(),
      lockData: fc.boolean(),
      lockTraining: fc.boolean(),
      hide: fc.subarray(HIDEABLE_SECTIONS.map((h) => h.id)),
      lesson: fc.option(fc.integer({ min: 1, max: 99 })),
    }),
  ),
});

// ---- the invariant every decode must keep ------------------------------------------------------

/** ok:true with a lab that re-validates (and round-trips), or ok:false with one non-empty message. */
function check(result: DecodeResult): void {
  payloads++;
  if (result.ok) {
    expect(decodeLab(encodeLab(result.lab))).toEqual({ ok: true, lab: result.lab });
  } else {
    expect(typeof result.error).toBe('string');
    expect(result.error.length).toBeGreaterThan(0);
    expect(result.error).not.toMatch(/internal error/);
  }
}

const b64url = (bytes: Uint8Array) => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const unb64url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const linkOf = (json: string) => b64url(zlibSync(strToU8(json), { level: 6 }));

// ---- properties -----------------------------------------------------------------------------

describe('fuzz: share codec', () => {
  it('encode then decode is the identity for random valid labs (links and files)', () => {
    fc.assert(
      fc.property(labArb, (lab) => {
        expect(decodeLab(encodeLab(lab))).toEqual({ ok: true, lab });
        expect(labFromJson(labToJson(lab))).toEqual({ ok: true, lab });
      }),
      { numRuns: 300 },
    );
  });

  it('random strings never throw (as links and as files)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ unit: 'grapheme', maxLength: 100 }),
        ),
        (text) => {
          check(decodeLab(text));
          check(labFromJson(text));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('random base64url text and random compressed bytes never throw', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 600 }), (text) => {
        check(decodeLab(text));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, compress) => {
        check(decodeLab(b64url(compress ? zlibSync(bytes) : bytes)));
      }),
      { numRuns: 1000 },
    );
  });

  const mutationArb = fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({
      op: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
    }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  );

  it('mutated valid encodings (bit flips, truncation, insertion, deletion) never throw', () => {
    fc.assert(
      fc.property(labArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (lab, mutations) => {
        let bytes = unb64url(encodeLab(lab));
        for (const m of mutations) {
          const at = m.at % (bytes.length + 1);
          if (m.op === 'flip' && at < bytes.length) bytes[at] = (bytes[at] as number) ^ (1 << m.bit);
          if (m.op === 'set' && at < bytes.length) bytes[at] = m.value;
          if (m.op === 'truncate') bytes = bytes.slice(0, at);
          if (m.op === 'insert')
            bytes = new Uint8Array([...bytes.slice(0, at), ...m.bytes, ...bytes.slice(at)]);
          if (m.op === 'delete')
            bytes = new Uint8Array([...bytes.slice(0, at), ...bytes.slice(at + m.count)]);
        }
        check(decodeLab(b64url(bytes)));
      }),
      { numRuns: 2500 },
    );
  });

  it('mutated link text (changed, dropped and added characters) never throws', () => {
    fc.assert(
      fc.property(
        labArb,
        fc.nat(),
        fc.string({ maxLength: 3 }),
        fc.nat({ max: 3 }),
        (lab, at, text, drop) => {
          const link = encodeLab(lab);
          const i = at % (link.length + 1);
          check(decodeLab(link.slice(0, i) + text + link.slice(i + drop)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  const weird = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(
      1e308,
      -1e308,
      2 ** 53 + 1,
      1e-320,
      'NaN',
      'Infinity',
      '-Infinity',
      '',
      null,
      [],
      {},
      true,
    ),
    fc.constantFrom('input', 'output', 'dense', 'conv2d', 'toString', 'constructor', '__proto__'),
  );
  const jsonMutationArb = fc.oneof(
    fc.record({ op: fc.constant('deleteField' as const), key: fc.nat() }),
    fc.record({ op: fc.constant('setField' as const), key: fc.nat(), value: weird }),
    fc.record({
      op: fc.constant('setRowItem' as const),
      list: fc.boolean(),
      row: fc.nat(),
      item: fc.nat({ max: 5 }),
      value: weird,
    }),
    fc.record({
      op: fc.constant('setParams' as const),
      row: fc.nat(),
      value: fc.dictionary(
        fc.constantFrom('units', 'epsilon', 'fn', 'alpha', 'momentum', 'center', 'x'),
        weird,
      ),
    }),
    fc.record({
      op: fc.constant('addNode' as const),
      kind: fc.constantFrom('dense', 'add', 'input', 'output', 'conv2d'),
      id: fc.constantFrom('input', 'output', 'n0', 'fresh'),
    }),
    fc.record({ op: fc.constant('addEdge' as const), from: fc.nat(), to: fc.nat() }),
    fc.record({ op: fc.constant('manyNodes' as const), count: fc.integer({ min: 150, max: 400 }) }),
    fc.record({ op: fc.constant('deep' as const), key: fc.nat(), depth: fc.integer({ min: 20, max: 60 }) }),
    fc.record({ op: fc.constant('version' as const), value: weird }),
  );
  const textMutationArb = fc.oneof(
    fc.constant('none' as const),
    fc
      .constantFrom('"__proto__"', '"constructor"', '"prototype"', '"\\u005f_proto__"')
      .map((key) => ({ key })),
    fc.constant('bigNumber' as const),
    fc.nat().map((cut) => ({ cut })),
  );

  it('mutated JSON of valid labs (fields, types, huge numbers, NaN text, __proto__, deep nesting) never throws', () => {
    fc.assert(
      fc.property(
        labArb,
        fc.array(jsonMutationArb, { minLength: 1, maxLength: 3 }),
        textMutationArb,
        fc.nat(),
        (lab, mutations, textMutation, seed) => {
          const p = JSON.parse(labToJson(lab)) as Record<string, unknown>;
          const keys = Object.keys(p);
          const nodes = p.nodes as unknown[][];
          const edges = p.edges as unknown[][];
          for (const m of mutations) {
            const key = 'key' in m ? (keys[m.key % keys.length] as string) : '';
            if (m.op === 'deleteField') delete p[key];
            if (m.op === 'setField') p[key] = m.value;
            if (m.op === 'version') p.version = m.value;
            if (m.op === 'setRowItem') {
              const list = m.list ? nodes : edges;
              const row = list[m.row % Math.max(1, list.length)];
              if (Array.isArray(row)) row[m.item] = m.value;
            }
            if (m.op === 'setParams') {
              const row = nodes[m.row % nodes.length];
              if (Array.isArray(row)) row[4] = m.value;
            }
            if (m.op === 'addNode') nodes.push([m.id, m.kind, 0, 0]);
            if (m.op === 'addEdge' && nodes.length > 0) {
              const a = nodes[m.from % nodes.length]?.[0];
              const b = nodes[m.to % nodes.length]?.[0];
              edges.push([a, b]);
            }
            if (m.op === 'manyNodes') {
              for (let i = 0; i < m.count; i++) nodes.push([`m${i}`, 'dense', i, i]);
            }
            if (m.op === 'deep') {
              let value: unknown = p[key];
              for (let i = 0; i < m.depth; i++) value = [value];
              p[key] = value;
            }
          }
          let text = JSON.stringify(p);
          if (typeof textMutation === 'object' && 'key' in textMutation) {
            const opens = [...text.matchAll(/\{/g)].map((x) => x.index);
            const at = opens[seed % opens.length] ?? 0;
            text =
              `${text.slice(0, at + 1)}${textMutation.key}: {"polluted": true}, ${text.slice(at + 1)}`.replace(
                ', }',
                '}',
              );
          }
          if (textMutation === 'bigNumber') text = text.replace(/(\d)([,\]}])/, '$1e999$2');
          if (typeof textMutation === 'object' && 'cut' in textMutation)
            text = text.slice(0, textMutation.cut % text.length);
          check(labFromJson(text));
          check(decodeLab(linkOf(text)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('random JSON values never throw (as files and as links)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value) ?? 'null';
        check(labFromJson(text));
        check(decodeLab(linkOf(text)));
      }),
      { numRuns: 500 },
    );
  });

  afterAll(() => {
    const seconds = (Date.now() - started) / 1000;
    console.log(`share fuzz: ${payloads} random and mutated payloads decoded in ${seconds.toFixed(1)} s`);
  });

  it('left every prototype as it was, after all of the above', () => {
    expect(payloads).toBeGreaterThanOrEqual(10_000);
    expect(PROTOTYPES.map((p) => Reflect.ownKeys(p).map(String).sort())).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
