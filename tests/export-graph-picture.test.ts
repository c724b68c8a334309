// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  GRAPH_TEXT_PX,
  graphPicture,
  graphSlide,
  KIND_COLORS,
  NODE_BOX,
  roundedPath,
} from '../src/export/graphPicture';
import { scaleCapForText } from '../src/export/slideLayout';
import { chainGraph, defaultGraph, makeNode } from '../src/graph/defaultGraph';
import { REGISTRY } from '../src/graph/registry';
import type { Graph, GraphContext } from '../src/graph/types';
import { analyzeGraph } from '../src/graph/validate';

const CTX: GraphContext = { inputDim: 2, outputDim: 1, task: 'binary' };

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

const nodesOf = (doc: Document) =>
  Array.from(doc.getElementsByTagName('g')).filter((g) => g.getAttribute('class') === 'graph-node');
const edgesOf = (doc: Document) =>
  Array.from(doc.getElementsByTagName('path')).filter((p) => p.getAttribute('class') === 'graph-edge');

/** The end point of a path: its last two numbers. */
const endOf = (d: string) =>
  d
    .match(/(-?[\d.]+) (-?[\d.]+)$/)
    ?.slice(1)
    .map(Number) ?? [];
const startOf = (d: string) =>
  d
    .match(/^M(-?[\d.]+) (-?[\d.]+)/)
    ?.slice(1)
    .map(Number) ?? [];

describe('graphPicture', () => {
  const graph = defaultGraph();
  const analysis = analyzeGraph(graph, CTX);
  const picture = graphPicture(graph, { context: CTX, widths: analysis.widths });
  const doc = parse(picture.markup);

  it('draws every node with its label, output width and summary, at its canvas position', () => {
    const groups = nodesOf(doc);
    expect(groups.map((g) => g.getAttribute('data-id'))).toEqual(graph.nodes.map((n) => n.id));
    for (const node of graph.nodes) {
      const g = groups.find((x) => x.getAttribute('data-id') === node.id) as Element;
      const texts = Array.from(g.getElementsByTagName('text'), (t) => t.textContent).join(' ');
      expect(texts).toContain(REGISTRY[node.kind].label);
      expect(texts).toContain(`→ [${analysis.widths[node.id]}]`);
      // The summary, wrapped over lines, reads the same once joined.
      expect(texts.replace(/\s+/g, ' ')).toContain(REGISTRY[node.kind].summary(node.params, CTX));
      const box = g.getElementsByTagName('rect')[0];
      expect(Number(box?.getAttribute('x'))).toBe(node.position.x);
      expect(Number(box?.getAttribute('y'))).toBe(node.position.y);
      expect(box?.getAttribute('fill')).toBe(KIND_COLORS[node.kind]);
    }
  });

  it('draws every edge from the bottom of its source to an arrowhead on top of its target', () => {
    const paths = edgesOf(doc);
    expect(paths.map((p) => p.getAttribute('data-id'))).toEqual(graph.edges.map((e) => e.id));
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    for (const e of graph.edges) {
      const d = paths.find((p) => p.getAttribute('data-id') === e.id)?.getAttribute('d') ?? '';
      const s = byId.get(e.source);
      const t = byId.get(e.target);
      const [sx, sy] = startOf(d);
      const [tx, ty] = endOf(d);
      expect(sx).toBeCloseTo((s?.position.x ?? 0) + NODE_BOX.width / 2);
      expect(sy).toBeGreaterThan(s?.position.y ?? 0);
      expect(tx).toBeCloseTo((t?.position.x ?? 0) + NODE_BOX.width / 2);
      // The path stops at the arrowhead's base, just above the target.
      expect(ty).toBeLessThan(t?.position.y ?? 0);
      expect(ty).toBeGreaterThan((t?.position.y ?? 0) - 20);
      expect(paths.find((p) => p.getAttribute('data-id') === e.id)?.getAttribute('marker-end')).toBe(
        'url(#normlab-arrow)',
      );
    }
    expect(doc.getElementById('normlab-arrow')).not.toBeNull();
  });

  it('routes an edge to a node above around the side, inside the picture', () => {
    // act1 (bottom of the left column) feeds dense2 (top of the right column).
    const d =
      edgesOf(doc)
        .find((p) => p.getAttribute('data-id') === 'e-act1-dense2')
        ?.getAttribute('d') ?? '';
    const ys = Array.from(d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g), (m) => Number(m[2]));
    const act1 = graph.nodes.find((n) => n.id === 'act1');
    expect(Math.max(...ys)).toBeGreaterThan(act1?.position.y ?? 0);
    const [vx, vy, vw, vh] = (doc.documentElement.getAttribute('viewBox') ?? '')
      .split(' ')
      .map(Number) as number[];
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(vy ?? 0);
    expect(Math.max(...ys)).toBeLessThanOrEqual((vy ?? 0) + (vh ?? 0));
    expect(picture.width).toBe(vw);
    expect(picture.height).toBe(vh);
    expect(vx).toBeLessThan(Math.min(...graph.nodes.map((n) => n.position.x)));
  });

  it('escapes node ids and shows a node with a problem outlined', () => {
    const odd = chainGraph([
      makeNode('input', 'input', 0, 0),
      makeNode(`x"<&>'`, 'dense', 0, 120, { units: 4 }),
      makeNode('output', 'output', 0, 240),
    ]);
    const pic = graphPicture(odd, { context: CTX, invalid: new Set([`x"<&>'`]) });
    const parsed = parse(pic.markup);
    const ids = nodesOf(parsed).map((g) => g.getAttribute('data-id'));
    expect(ids).toContain(`x"<&>'`);
    const titles = Array.from(parsed.getElementsByTagName('title'), (t) => t.textContent);
    expect(titles).toContain(`Dense (x"<&>')`);
    const outline = nodesOf(parsed)
      .find((g) => g.getAttribute('data-id') === `x"<&>'`)
      ?.getElementsByTagName('rect')[2];
    expect(outline?.getAttribute('stroke')).toBe('#c5221f');
    expect(edgesOf(parsed)).toHaveLength(2);
  });

  it('skips an edge whose node is missing and still draws an empty graph', () => {
    const broken: Graph = {
      nodes: [makeNode('input', 'input', 0, 0)],
      edges: [{ id: 'dangling', source: 'input', target: 'gone' }],
    };
    expect(edgesOf(parse(graphPicture(broken, { context: CTX }).markup))).toHaveLength(0);
    const empty = parse(graphPicture({ nodes: [], edges: [] }, { context: CTX }).markup);
    expect(empty.getElementsByTagName('text')[0]?.textContent).toBe('Empty graph');
  });
});

describe('roundedPath', () => {
  it('joins straight runs with rounded corners, at most half the shorter run', () => {
    expect(
      roundedPath(
        [
          [0, 0],
          [0, 100],
        ],
        10,
      ),
    ).toBe('M0 0L0 100');
    expect(
      roundedPath(
        [
          [0, 0],
          [0, 50],
          [100, 50],
        ],
        10,
      ),
    ).toBe('M0 0L0 40Q0 50 10 50L100 50');
    expect(
      roundedPath(
        [
          [0, 0],
          [0, 8],
          [100, 8],
        ],
        10,
      ),
    ).toBe('M0 0L0 4Q0 8 4 8L100 8');
  });
});

describe('graphSlide', () => {
  it('puts the graph on a slide, enlarged no more than keeps node titles at the target size', () => {
    const tiny = chainGraph([makeNode('input', 'input', 0, 0), makeNode('output', 'output', 0, 120)]);
    const slide = graphSlide(tiny, { context: CTX }, { title: 'Network graph', subtitle: 'two nodes' });
    const doc = parse(slide.svg);
    expect(doc.documentElement.getAttribute('width')).toBe('1920');
    const group = Array.from(doc.getElementsByTagName('g')).find((g) =>
      g.getAttribute('transform')?.includes('scale'),
    );
    const scale = Number(group?.getAttribute('transform')?.match(/scale\(([\d.]+)\)/)?.[1]);
    expect(scale).toBeCloseTo(scaleCapForText(GRAPH_TEXT_PX), 3);
    expect(Array.from(doc.getElementsByTagName('text'), (t) => t.textContent)).toEqual(
      expect.arrayContaining(['Network graph', 'two nodes', 'Input', 'Output']),
    );
  });
});
