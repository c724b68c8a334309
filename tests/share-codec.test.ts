import { strToU8, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { chainGraph, makeNode } from '../src/graph/defaultGraph';
import { checkParam } from '../src/graph/params';
import { REGISTRY } from '../src/graph/registry';
import type { GraphEdge, GraphNode, NodeKind } from '../src/graph/types';
import { NODE_KINDS } from '../src/graph/types';
import {
  CURRENT_VERSION,
  decodeLab,
  defaultLab,
  encodeLab,
  FIELDS,
  type Lab,
  labFromHash,
  labFromJson,
  labToJson,
  shareUrl,
  validateLab,
} from '../src/share';
import { WIRE_PARAM_DEFAULTS } from '../src/share/specs';
import type { BackendPref, Hyper } from '../src/train/protocol';

const BASE = 'http://127.0.0.1:5173/';

/** base64url by hand, independent of the module under test. */
function b64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
/** Link text for any JSON text (or raw payload), compressed the way links are. */
const linkOf = (json: string) => b64url(zlibSync(strToU8(json), { level: 9 }));
const linkOfValue = (value: unknown) => linkOf(JSON.stringify(value));
const bytesOf = (link: string) =>
  Uint8Array.from(atob(link.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** The default lab as a raw current-version payload, to break one field at a time. */
const payload = (): Record<string, unknown> => JSON.parse(labToJson(defaultLab()));

function expectError(result: ReturnType<typeof decodeLab>, pattern: RegExp): string {
  expect(result.ok).toBe(false);
  const error = result.ok ? '' : result.error;
  expect(error).toMatch(pattern);
  expect(error).not.toMatch(/internal error/);
  return error;
}

/** Every node kind, non-default parameters, a branch, explicit and implicit edge ids. */
function handBuiltLab(): Lab {
  const nodes: GraphNode[] = [
    makeNode('input', 'input', 0, 0),
    makeNode('dense1', 'dense', 10.5, 100, { units: 16, useBias: false, initializer: 'heNormal' }),
    makeNode('bn1', 'batchnorm', -20.25, 200, { momentum: 0.5, epsilon: 1e-5, center: false }),
    makeNode('ln1', 'layernorm', 0, 300, { epsilon: 0.01, scale: false }),
    makeNode('act1', 'activation', 0, 400, { fn: 'leakyRelu', alpha: 0.1 }),
    makeNode('dense2', 'dense', 250, 400, { units: 16 }),
    makeNode('add1', 'add', 0, 500),
    makeNode('concat1', 'concatenate', 0, 600),
    makeNode('output', 'output', 0, 700),
  ];
  const edge = (source: string, target: string, id = `e-${source}-${target}-1`): GraphEdge => ({
    id,
    source,
    target,
  });
  return {
    version: CURRENT_VERSION,
    graph: {
      nodes,
      edges: [
        edge('input', 'dense1', 'e-input-dense1'),
        edge('dense1', 'bn1'),
        edge('bn1', 'ln1'),
        edge('ln1', 'act1'),
        edge('act1', 'dense2'),
        edge('act1', 'add1'),
        edge('dense2', 'add1', 'e-dense2-add1-07'),
        edge('add1', 'concat1'),
        edge('act1', 'concat1', 'skip'),
        edge('concat1', 'output'),
      ],
    },
    data: { dataset: 'spiral3', samples: 1234, noise: 0.37, trainFraction: 0.8, seed: 42, inputScale: 2.5 },
    hyper: { optimizer: 'rmsprop', learningRate: 0.001, batchSize: 128, l2: 0.0005 },
    backendPref: 'wasm',
    panels: { open: null, distMode: 'training' },
    classroom: {
      lockGraph: true,
      lockData: false,
      lockTraining: true,
      hide: ['palette', 'tab:warp'],
      lesson: 3,
    },
  };
}

/** A chain of `n` nodes as the editor would build it (its ids, rounded positions, `-1` edge ids). */
function editorChain(n: number): Lab {
  const kinds: NodeKind[] = ['dense', 'batchnorm', 'activation', 'layernorm'];
  const prefix: Record<string, string> = {
    dense: 'dense',
    batchnorm: 'bn',
    activation: 'act',
    layernorm: 'ln',
  };
  const counts: Record<string, number> = {};
  const middle = Array.from({ length: n - 2 }, (_, i) => {
    const kind = kinds[i % kinds.length] as NodeKind;
    counts[kind] = (counts[kind] ?? 0) + 1;
    return makeNode(`${prefix[kind]}${counts[kind]}`, kind, 40 + 260 * Math.floor(i / 6), 118 * (i % 6));
  });
  const nodes = [makeNode('input', 'input', 40, -118), ...middle, makeNode('output', 'output', 600, 800)];
  const graph = chainGraph(nodes);
  return {
    ...defaultLab(),
    graph: { nodes, edges: graph.edges.map((e) => ({ ...e, id: `${e.id}-1` })) },
  };
}

describe('round trips', () => {
  it('the default lab survives a link and a file', () => {
    const lab = defaultLab();
    expect(decodeLab(encodeLab(lab))).toEqual({ ok: true, lab });
    expect(labFromJson(labToJson(lab))).toEqual({ ok: true, lab });
    expect(labFromHash(new URL(shareUrl(BASE, lab)).hash)).toEqual({ ok: true, lab });
  });

  it('a hand-built lab with every node kind and non-default settings survives', () => {
    const lab = handBuiltLab();
    expect(new Set(lab.graph.nodes.map((n) => n.kind))).toEqual(new Set(NODE_KINDS));
    expect(validateLab(lab)).toBeNull();
    expect(decodeLab(encodeLab(lab))).toEqual({ ok: true, lab });
    expect(labFromJson(labToJson(lab))).toEqual({ ok: true, lab });
  });

  it('a file carries trained weights through', () => {
    const lab = defaultLab();
    const weights = { dense1: { kernel: [0.5, -1.25, 3e-8, 0], bias: [0.1] }, bn1: { gamma: [1, 1] } };
    expect(labFromJson(labToJson(lab, { weights }))).toEqual({ ok: true, lab, weights });
  });

  it('the table covers every leaf of a lab, each once', () => {
    const leaves = (value: unknown, prefix: string): string[] =>
      typeof value === 'object' && value !== null && !Array.isArray(value) && prefix !== 'graph'
        ? Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
        : [prefix];
    const { graph, ...rest } = defaultLab();
    const expected = [
      ...Object.keys(graph).map((k) => `graph.${k}`),
      ...leaves(rest, '').filter((p) => p !== 'version'),
      // Imported data's description: absent from a lab on generated data, one field (not a leaf per key).
      'data.csv',
    ];
    expect(FIELDS.map((f) => f.path.join('.')).sort()).toEqual(expected.sort());
    expect(new Set(FIELDS.map((f) => f.key)).size).toBe(FIELDS.length);
  });

  it('pinned wire defaults name real parameters, with values their specs accept', () => {
    for (const kind of NODE_KINDS) {
      for (const [key, value] of Object.entries(WIRE_PARAM_DEFAULTS[kind])) {
        const spec = REGISTRY[kind].params.find((p) => p.key === key);
        expect(spec, `${kind}.${key}`).toBeDefined();
        if (spec) expect(checkParam(spec, value).ok).toBe(true);
      }
    }
  });

  it("share's hyper and backend types are interchangeable with the worker protocol's", () => {
    const lab = defaultLab();
    const hyper: Hyper = lab.hyper;
    const pref: BackendPref = lab.backendPref;
    const back: Lab = { ...lab, hyper, backendPref: pref };
    expect(back).toEqual(lab);
  });

  it('a work-in-progress graph (a node not connected yet, an Add with one input) still loads', () => {
    const lab = defaultLab();
    const wip: Lab = {
      ...lab,
      graph: {
        nodes: [...lab.graph.nodes, makeNode('dense3', 'dense', 600, 0), makeNode('add1', 'add', 600, 100)],
        edges: [...lab.graph.edges, { id: 'e-act2-add1-1', source: 'act2', target: 'add1' }],
      },
    };
    expect(decodeLab(encodeLab(wip))).toEqual({ ok: true, lab: wip });
  });

  it('labFromHash returns null when the hash holds no lab, and finds it among other parts', () => {
    expect(labFromHash('')).toBeNull();
    expect(labFromHash('#')).toBeNull();
    expect(labFromHash('#backend=cpu')).toBeNull();
    const lab = defaultLab();
    expect(labFromHash(`#x=1&lab=${encodeLab(lab)}`)).toEqual({ ok: true, lab });
    expect(shareUrl(`${BASE}#lab=old`, lab)).toBe(`${BASE}#lab=${encodeLab(lab)}`);
  });
});

describe('link length', () => {
  it('the default lab makes a link under 500 characters', () => {
    const url = shareUrl(BASE, defaultLab());
    console.log(`default lab link: ${url.length} characters (${encodeLab(defaultLab()).length} after #lab=)`);
    expect(url.length).toBeLessThan(500);
  });

  it('reports the link length of a 30-node graph', () => {
    const lab = editorChain(30);
    expect(lab.graph.nodes).toHaveLength(30);
    expect(decodeLab(encodeLab(lab))).toEqual({ ok: true, lab });
    const url = shareUrl(BASE, lab);
    const implicitIds = { ...lab, graph: chainGraph([...lab.graph.nodes]) };
    console.log(
      `30-node chain link: ${url.length} characters (${shareUrl(BASE, implicitIds).length} with implicit edge ids)`,
    );
    expect(url.length).toBeLessThan(2000);
  });
});

describe('migrations', () => {
  const v1 = {
    version: 1,
    nodes: [
      ['input', 'input', 0, 0],
      ['dense1', 'dense', 0, 100, { units: 4 }],
      ['act1', 'activation', 0, 200, { fn: 'tanh' }],
      ['output', 'output', 0, 300],
    ],
    edges: [
      ['input', 'dense1'],
      ['dense1', 'act1'],
      ['act1', 'output'],
    ],
    dataset: 'xor',
    samples: 300,
    noise: 0.2,
    trainFraction: 0.6,
    seed: 7,
    optimizer: 'sgd',
    lr: 0.1,
    batchSize: 16,
    l2: 0.001,
  };
  const check = (result: ReturnType<typeof decodeLab>) => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(result.lab.version).toBe(CURRENT_VERSION);
    expect(result.lab.hyper).toEqual({ optimizer: 'sgd', learningRate: 0.1, batchSize: 16, l2: 0.001 });
    expect(result.lab.backendPref).toBe('auto');
    expect(result.lab.panels).toEqual({ open: 'distributions', distMode: 'inference' });
    expect(result.lab.data).toEqual({
      dataset: 'xor',
      samples: 300,
      noise: 0.2,
      trainFraction: 0.6,
      seed: 7,
      inputScale: 1,
    });
    expect(result.lab.graph.nodes[1]?.params).toEqual({
      units: 4,
      useBias: true,
      initializer: 'glorotUniform',
    });
    expect(result.lab.graph.nodes[2]?.params).toEqual({ fn: 'tanh', alpha: 0.2 });
    expect(result.lab.graph.edges[0]).toEqual({ id: 'e-input-dense1', source: 'input', target: 'dense1' });
  };

  it('a version-1 link migrates forward', () => check(decodeLab(linkOfValue(v1))));
  it('a version-1 file migrates forward', () => check(labFromJson(JSON.stringify(v1, null, 2))));
  /** What NormLab wrote in format 2 (before the input scale), spelled out by hand. */
  const v2 = {
    version: 2,
    nodes: [
      ['input', 'input', 0, 0],
      ['dense1', 'dense', 0, 100, { units: 3 }],
      ['ln1', 'layernorm', 0, 200],
      ['output', 'output', 0, 300],
    ],
    edges: [
      ['input', 'dense1'],
      ['dense1', 'ln1'],
      ['ln1', 'output'],
    ],
    dataset: 'xor',
    samples: 240,
    noise: 0.05,
    trainFraction: 0.5,
    seed: 11,
    optimizer: 'adam',
    learningRate: 0.05,
    batchSize: 32,
    l2: 0,
    backend: 'cpu',
    panel: 'warp',
    distMode: 'training',
  };
  const checkV2 = (result: ReturnType<typeof decodeLab>) => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(2);
    expect(result.lab.version).toBe(4);
    expect(result.lab.data).toEqual({
      dataset: 'xor',
      samples: 240,
      noise: 0.05,
      trainFraction: 0.5,
      seed: 11,
      inputScale: 1,
    });
    expect(result.lab.hyper).toEqual({ optimizer: 'adam', learningRate: 0.05, batchSize: 32, l2: 0 });
    expect(result.lab.backendPref).toBe('cpu');
    expect(result.lab.panels).toEqual({ open: 'warp', distMode: 'training' });
    expect(result.lab.graph.nodes.map((n) => n.id)).toEqual(['input', 'dense1', 'ln1', 'output']);
    // Re-encoded, it is a current lab that spells the scale (and no imported data).
    expect(JSON.parse(labToJson(result.lab))).toMatchObject({ version: 4, inputScale: 1, csv: null });
  };
  it('a version-2 link opens as the current version with input scale 1', () =>
    checkV2(decodeLab(linkOfValue(v2))));
  it('a version-2 file opens as the current version with input scale 1', () =>
    checkV2(labFromJson(JSON.stringify(v2, null, 2))));
  it('a version-3 lab without its input scale is refused by name', () => {
    const { inputScale: _, ...noScale } = payload();
    expectError(decodeLab(linkOfValue(noScale)), /missing the field "inputScale"/);
  });
  it('an input scale outside 0.01..100 is refused with the field limits', () => {
    expectError(decodeLab(linkOfValue({ ...payload(), inputScale: 0 })), /Input scale/);
    expectError(decodeLab(linkOfValue({ ...payload(), inputScale: 101 })), /Input scale/);
    expectError(labFromJson(JSON.stringify({ ...payload(), inputScale: '20' })), /Input scale/);
  });
  it('a current lab reports no migration', () => {
    const result = decodeLab(encodeLab(defaultLab()));
    expect(result.ok && result.migratedFrom).toBeUndefined();
  });
  it('a newer version is named, with the version this NormLab reads', () => {
    const error = expectError(decodeLab(linkOfValue({ ...payload(), version: 5 })), /newer NormLab/);
    expect(error).toBe('This lab was saved by a newer NormLab (version 5); this one reads up to version 4.');
    expectError(labFromJson(JSON.stringify({ ...payload(), version: 7 })), /newer NormLab \(version 7\)/);
  });
  it('a missing or invalid version is refused', () => {
    const { version: _, ...noVersion } = payload();
    expectError(decodeLab(linkOfValue(noVersion)), /no valid version number/);
    expectError(decodeLab(linkOfValue({ ...payload(), version: '3' })), /no valid version number/);
    expectError(decodeLab(linkOfValue({ ...payload(), version: 1.5 })), /no valid version number/);
    expectError(decodeLab(linkOfValue({ ...payload(), version: 0 })), /no valid version number/);
  });
});

describe('untrusted links: one clear message each', () => {
  const good = encodeLab(defaultLab());

  it('empty link', () => expectError(decodeLab(''), /part after "#lab=" is empty/));
  it('malformed base64: a character outside the alphabet', () =>
    expectError(decodeLab(`${good.slice(0, 20)}$%*${good.slice(20)}`), /not base64url/));
  it('malformed base64: an impossible length', () =>
    expectError(
      decodeLab(`${good}${good.length % 4 === 0 ? 'A' : ''}`.slice(0, 4 * 20 + 1)),
      /impossible length/,
    ));
  it('truncated compression', () => {
    expectError(decodeLab(good.slice(0, 4 * Math.floor(good.length / 8))), /cut off/);
    for (let cut = 1; cut < good.length - 8; cut += 7) {
      expectError(decodeLab(good.slice(0, cut)), /cut off|damaged/);
    }
  });
  it('corrupted compression (invalid deflate block)', () => {
    const bytes = bytesOf(good);
    bytes[2] = 0xff; // BTYPE 11: a reserved, invalid block type
    expectError(decodeLab(b64url(bytes)), /compressed data is corrupted/);
  });
  it('corrupted data caught by the Adler-32 checksum', () => {
    const bytes = bytesOf(good);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0x01;
    expectError(decodeLab(b64url(bytes)), /checksum does not match/);
  });
  it('a changed byte that still inflates is caught by the checksum', () => {
    // Stored (uncompressed) deflate blocks make a flipped byte inflate fine: only the checksum notices.
    const stored = zlibSync(strToU8(JSON.stringify(payload())), { level: 0 });
    stored[20] = (stored[20] as number) ^ 0x20;
    expectError(decodeLab(b64url(stored)), /checksum does not match/);
  });
  it('invalid JSON', () => expectError(decodeLab(linkOf('{"version": 3, "nodes": [')), /not valid JSON/));
  it('JSON that is not a lab', () =>
    expectError(decodeLab(linkOf('[1, 2, 3]')), /holds JSON, but not a NormLab lab/));
  it('content that is not UTF-8', () =>
    expectError(decodeLab(b64url(zlibSync(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))), /not UTF-8/));
  it('a compressed payload over 64 KB', () => {
    const random = new Uint8Array(70 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    expectError(decodeLab(b64url(random)), /too long .* at most 64 KB of compressed data/);
  });
  it('a small link that inflates beyond 1 MB is stopped while inflating', () => {
    const bomb = linkOf(' '.repeat(5 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(10_000);
    expectError(decodeLab(bomb), /expands to more than 1 MB/);
  });
  it('deep nesting', () => {
    expectError(decodeLab(linkOf(`${'['.repeat(100)}${']'.repeat(100)}`)), /deeper than 32 levels/);
    const deep = { ...payload(), extra: JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) };
    expectError(decodeLab(linkOfValue(deep)), /deeper than 32 levels/);
  });
  it('__proto__, constructor and prototype keys, and Object.prototype stays untouched', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const base = labToJson(defaultLab()).trimEnd().slice(0, -1);
    expectError(decodeLab(linkOf(`${base}, "__proto__": {"polluted": true}}`)), /forbidden key "__proto__"/);
    expectError(
      decodeLab(linkOf(`${base}, "constructor": {"prototype": {"polluted": 1}}}`)),
      /forbidden key/,
    );
    expectError(
      decodeLab(linkOf(`{"version": 3, "x": {"\\u005f_proto__": {"polluted": 1}}}`)),
      /"__proto__"/,
    );
    const nodeProto = labToJson(defaultLab()).replace(
      '["input","input",40,0]',
      '["input","input",40,0,{"__proto__":{"polluted":1}}]',
    );
    expectError(decodeLab(linkOf(nodeProto)), /forbidden key "__proto__"/);
    expectError(labFromJson(`{"version": 3, "prototype": 1}`), /forbidden key "prototype"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
  it('unknown node kinds', () => {
    const p = payload();
    (p.nodes as unknown[][])[1] = ['conv1', 'conv2d', 0, 0];
    expectError(
      decodeLab(linkOfValue(p)),
      /Node "conv1": Its kind "conv2d" is unknown; NormLab knows input, dense, batchnorm/,
    );
  });
  it('out-of-range parameters, named with their node', () => {
    const p = payload();
    (p.nodes as unknown[][])[1] = ['dense1', 'dense', 40, 118, { units: 0 }];
    expectError(
      decodeLab(linkOfValue(p)),
      /^Node "dense1" \(Dense\): Units must be a whole number from 1 to 512; got 0\.$/,
    );
    (p.nodes as unknown[][])[1] = ['dense1', 'dense', 40, 118, { units: 8.5 }];
    expectError(decodeLab(linkOfValue(p)), /Node "dense1" \(Dense\): Units must be a whole number/);
    (p.nodes as unknown[][])[1] = ['dense1', 'dense', 40, 118, { initializer: 'zeros' }];
    expectError(
      decodeLab(linkOfValue(p)),
      /Node "dense1" \(Dense\): Initializer must be one of Glorot uniform/,
    );
    expectError(
      decodeLab(linkOfValue({ ...payload(), learningRate: 0 })),
      /Learning rate must be a number greater than 0/,
    );
    expectError(
      decodeLab(linkOfValue({ ...payload(), samples: 10 ** 7 })),
      /Samples must be a whole number from 50 to 5000/,
    );
    expectError(decodeLab(linkOfValue({ ...payload(), dataset: 'mnist' })), /Dataset must be one of Circle/);
  });
  it('non-finite parameters (1e999 parses as Infinity; "NaN" is text)', () => {
    const text = labToJson(defaultLab()).replace(
      '["bn1","batchnorm",40,236]',
      '["bn1","batchnorm",40,236,{"epsilon":1e999}]',
    );
    expect(text).toContain('1e999');
    expectError(decodeLab(linkOf(text)), /Node "bn1" \(BatchNorm\): Epsilon must be a number greater than 0/);
    const p = payload();
    (p.nodes as unknown[][])[2] = ['bn1', 'batchnorm', 40, 236, { momentum: 'NaN' }];
    expectError(decodeLab(linkOfValue(p)), /Node "bn1" \(BatchNorm\): Momentum must be a number/);
    expectError(
      decodeLab(linkOf(labToJson(defaultLab()).replace('"noise": 0.1', '"noise": -1e999'))),
      /Noise must be a number/,
    );
    (p.nodes as unknown[][])[2] = ['bn1', 'batchnorm', 'INF', 236];
    expectError(
      decodeLab(linkOf(JSON.stringify(p).replace('"INF"', '1e999'))),
      /Node "bn1" \(BatchNorm\): Its position must be two finite numbers/,
    );
  });
  it('unknown parameter keys are refused, not dropped', () => {
    const p = payload();
    (p.nodes as unknown[][])[1] = ['dense1', 'dense', 40, 118, { unit: 16 }];
    expectError(decodeLab(linkOfValue(p)), /Node "dense1" \(Dense\): Dense nodes have no parameter "unit"\./);
  });
  it('cycles', () => {
    const p = payload();
    (p.edges as unknown[][]).push(['act1', 'dense1']);
    expectError(decodeLab(linkOfValue(p)), /graph has a loop through node "dense1"/);
    const self = payload();
    (self.edges as unknown[][]).push(['add1', 'add1']);
    (self.nodes as unknown[][]).push(['add1', 'add', 0, 0]);
    expectError(decodeLab(linkOfValue(self)), /loop through node "add1"/);
  });
  it('dangling edges', () => {
    const p = payload();
    (p.edges as unknown[][]).push(['act2', 'ghost', 'e9']);
    expectError(decodeLab(linkOfValue(p)), /Connection "e9" points to a node that does not exist/);
  });
  it('duplicate node ids, duplicate edges and missing Input or Output', () => {
    const dup = payload();
    (dup.nodes as unknown[][]).push(['bn1', 'batchnorm', 0, 0]);
    expectError(decodeLab(linkOfValue(dup)), /Two nodes share the id "bn1"/);
    const twice = payload();
    (twice.edges as unknown[][]).push(['input', 'dense1', 'again']);
    expectError(
      decodeLab(linkOfValue(twice)),
      /Connection "again" joins two nodes that are already connected/,
    );
    const sameId = payload();
    (sameId.edges as unknown[][]).push(['act2', 'dense1', 'e-input-dense1']);
    expectError(decodeLab(linkOfValue(sameId)), /Two connections share the id "e-input-dense1"/);
    const noOutput = payload();
    noOutput.nodes = (noOutput.nodes as unknown[][]).filter((n) => n[1] !== 'output');
    noOutput.edges = (noOutput.edges as unknown[][]).filter((e) => e[1] !== 'output');
    expectError(decodeLab(linkOfValue(noOutput)), /graph has no Output node/);
  });
  it('thousands of nodes', () => {
    const p = payload();
    p.nodes = Array.from({ length: 5000 }, (_, i) => [`n${i}`, 'dense', i, 0]);
    expectError(decodeLab(linkOfValue(p)), /This lab has 5000 nodes; NormLab loads at most 200\./);
    const edges = payload();
    edges.edges = Array.from({ length: 401 }, (_, i) => ['input', `n${i}`]);
    expectError(decodeLab(linkOfValue(edges)), /401 connections; NormLab loads at most 400/);
  });
  it('bad ids, unknown and missing fields, wrong shapes', () => {
    const p = payload();
    (p.nodes as unknown[][])[1] = ['x'.repeat(65), 'dense', 0, 0];
    expectError(decodeLab(linkOfValue(p)), /Its id is longer than 64 characters/);
    (p.nodes as unknown[][])[1] = ['a"b', 'dense', 0, 0];
    expectError(decodeLab(linkOfValue(p)), /Its id may hold only letters, digits/);
    (p.nodes as unknown[])[1] = { id: 'dense1' };
    expectError(decodeLab(linkOfValue(p)), /Node 2: It must be a list \[id, kind, x, y\]/);
    expectError(decodeLab(linkOfValue({ ...payload(), weights: {} })), /unknown field "weights"/);
    const { seed: _, ...noSeed } = payload();
    expectError(decodeLab(linkOfValue(noSeed)), /missing the field "seed"/);
    expectError(decodeLab(linkOfValue({ ...payload(), nodes: 'none' })), /nodes must be a list/);
  });
});

describe('untrusted files: one clear message each', () => {
  it('a file that is not JSON at all', () => {
    expectError(labFromJson('\x89PNG\r\n\x1a\n\0\0\0\rIHDR'), /The file is not JSON at all/);
    expectError(labFromJson('hello, world'), /The file is not JSON at all/);
    expectError(labFromJson(''), /The file is not JSON at all/);
  });
  it('invalid JSON', () =>
    expectError(labFromJson('{"version": 3, "nodes": ['), /The file is not valid JSON/));
  it('JSON that is not a lab', () => {
    expectError(labFromJson('42'), /holds JSON, but not a NormLab lab/);
    expectError(labFromJson('[]'), /holds JSON, but not a NormLab lab/);
  });
  it('deep nesting', () =>
    expectError(labFromJson('['.repeat(33) + ']'.repeat(33)), /deeper than 32 levels/));
  it('a file over 16 MB', () =>
    expectError(labFromJson(' '.repeat(16 * 1024 * 1024 + 1)), /too large .* at most 16 MB/));
  it('weights that are not finite numbers, too many, or for unknown nodes', () => {
    const lab = defaultLab();
    const text = (weights: unknown) =>
      `${labToJson(lab).trimEnd().slice(0, -1)}, "weights": ${JSON.stringify(weights)}}`;
    expectError(labFromJson(text({ dense1: { kernel: [1, 'x'] } })), /weights must be lists of numbers/);
    expectError(labFromJson(text({ dense1: { kernel: [1, null] } })), /weights must be lists of numbers/);
    expectError(labFromJson(text([1, 2])), /weights in this file must be an object/);
    expectError(labFromJson(text({ ghost: { kernel: [1] } })), /weights name node "ghost", which is not in/);
    expectError(
      labFromJson(text({ dense1: { kernel: new Array(1_000_001).fill(0) } })),
      /hold 1000001 values/,
    );
  });
  it('validateLab names what would make a link unreadable', () => {
    expect(validateLab(defaultLab())).toBeNull();
    const big = editorChain(201);
    expect(validateLab(big)).toBe('This lab has 201 nodes; NormLab loads at most 200.');
    const nan = defaultLab();
    expect(validateLab({ ...nan, hyper: { ...nan.hyper, learningRate: Number.NaN } })).toMatch(
      /Learning rate/,
    );
  });
});

describe('class options (locks, hidden sections, lesson) travel in links and files', () => {
  const classLab = (): Lab => ({
    ...defaultLab(),
    classroom: {
      lockGraph: true,
      lockData: true,
      lockTraining: false,
      hide: ['inspector', 'tab:batch'],
      lesson: 1,
    },
  });

  it('round-trip through a link and a file', () => {
    const link = decodeLab(encodeLab(classLab()));
    expect(link.ok && link.lab.classroom).toEqual(classLab().classroom);
    const file = labFromJson(labToJson(classLab()));
    expect(file.ok && file.lab.classroom).toEqual(classLab().classroom);
  });

  it('a link made before class links existed opens as an ordinary lab', () => {
    const { class: _dropped, ...old } = payload();
    const result = decodeLab(linkOfValue(old));
    expect(result.ok && result.lab.classroom).toBeNull();
  });

  it('refuses an unknown section, an unknown option and a lesson out of range, each in one sentence', () => {
    const withClass = (c: unknown) => decodeLab(linkOfValue({ ...payload(), class: c }));
    const base = { lockGraph: true, lockData: false, lockTraining: false, hide: [], lesson: null };
    expectError(withClass({ ...base, hide: ['toolbar'] }), /cannot hide "toolbar": there is no such section/);
    expectError(withClass({ ...base, exam: true }), /A class link has no option "exam"/);
    expectError(withClass({ ...base, lesson: 0 }), /Lessons are numbered from 1/);
    expectError(withClass({ ...base, lockGraph: 'yes' }), /lockGraph must be true or false/);
  });
});
