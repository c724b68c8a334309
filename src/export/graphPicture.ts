import { REGISTRY } from '../graph/registry';
import type { Graph, GraphContext, GraphNode, NodeKind } from '../graph/types';
import { type SlideText, scaleCapForText, wrapText } from './slideLayout';
import {
  composeSlide,
  escapeXml,
  FONT_STACK,
  num,
  type Picture,
  SLIDE_INK,
  SLIDE_MUTED,
  type Slide,
} from './slideSvg';

/** Each kind's colour, as on the canvas (the node's top bar; src/app/styles.css .kind-*). */
export const KIND_COLORS: Readonly<Record<NodeKind, string>> = {
  input: '#5f6368',
  dense: '#1967d2',
  batchnorm: '#e8710a',
  layernorm: '#9334e6',
  activation: '#188038',
  add: '#b06000',
  concatenate: '#007b83',
  output: '#202124',
};

/** A node's box: the canvas's width (170 px), its top bar, padding and font sizes. */
export const NODE_BOX = {
  width: 170,
  bar: 6,
  pad: 9,
  titleSize: 14,
  textSize: 13,
  lineHeight: 1.3,
  radius: 8,
} as const;

/** The largest text of the graph picture, for the slide's text-size cap (scaleCapForText). */
export const GRAPH_TEXT_PX = NODE_BOX.titleSize;

const EDGE_COLOR = '#5f6368';
const BORDER = '#9aa5b4';
const DANGER = '#c5221f';
/** Blank space around the graph, in graph units. */
const PAD = 24;
/** The arrowhead's length along the edge. */
const ARROW = 11;
/** The radius of an edge's rounded corners. */
const CORNER = 10;

/** What the picture says about the graph besides its structure. */
export interface GraphPictureOptions {
  /** The dataset's widths and task, which some summaries name ("2 features"). */
  readonly context: GraphContext;
  /** Each node's output width (shown as "→ [8]"), where known. */
  readonly widths?: Readonly<Record<string, number | null | undefined>>;
  /** Nodes with a problem, outlined in red. */
  readonly invalid?: ReadonlySet<string>;
}

/** A node's box on the picture, with its summary wrapped into lines. */
export interface Box {
  readonly node: GraphNode;
  readonly x: number;
  readonly y: number;
  readonly h: number;
  readonly lines: readonly string[];
}

/** A node's box at its canvas position (top left), as tall as its wrapped summary needs. */
function boxOf(node: GraphNode, ctx: GraphContext): Box {
  const { width, pad, bar, titleSize, textSize, lineHeight } = NODE_BOX;
  const summary = REGISTRY[node.kind].summary(node.params, ctx);
  const lines = wrapText(summary, textSize, width - 2 * pad, 3);
  const h = bar + pad * 0.6 + titleSize * lineHeight + lines.length * textSize * lineHeight + pad * 0.7;
  return { node, x: node.position.x, y: node.position.y, h, lines };
}

/** The SVG of one node: a rounded box with its kind's colour on top, its label, width and summary. */
function nodeSvg(b: Box, width: number | null | undefined, invalid: boolean): string {
  const { width: w, bar, pad, titleSize, textSize, lineHeight, radius } = NODE_BOX;
  const spec = REGISTRY[b.node.kind];
  const color = KIND_COLORS[b.node.kind];
  const titleY = b.y + bar + pad * 0.6 + titleSize * 0.95;
  const shape = `→ [${width ?? '?'}]`;
  const parts = [
    `<g class="graph-node" data-id="${escapeXml(b.node.id)}">`,
    `<title>${escapeXml(`${spec.label} (${b.node.id})`)}</title>`,
    // The coloured top: a rounded box in the kind's colour under the white body.
    `<rect x="${num(b.x)}" y="${num(b.y)}" width="${w}" height="${num(b.h)}" rx="${radius}" fill="${color}"/>`,
    `<rect x="${num(b.x)}" y="${num(b.y + bar)}" width="${w}" height="${num(b.h - bar)}" rx="${radius - 2}" fill="${invalid ? '#fff6f5' : '#ffffff'}"/>`,
    `<rect x="${num(b.x)}" y="${num(b.y)}" width="${w}" height="${num(b.h)}" rx="${radius}" fill="none" stroke="${invalid ? DANGER : BORDER}" stroke-width="${invalid ? 2 : 1.5}"/>`,
    `<text x="${num(b.x + pad)}" y="${num(titleY)}" font-size="${titleSize}" font-weight="700" fill="${SLIDE_INK}">${escapeXml(spec.label)}</text>`,
    `<text x="${num(b.x + w - pad)}" y="${num(titleY)}" font-size="${textSize}" text-anchor="end" font-family="ui-monospace, 'SF Mono', Menlo, Consolas, monospace" fill="${SLIDE_MUTED}">${escapeXml(shape)}</text>`,
  ];
  b.lines.forEach((line, i) => {
    const y = titleY + (i + 1) * textSize * lineHeight + 1;
    parts.push(
      `<text x="${num(b.x + pad)}" y="${num(y)}" font-size="${textSize}" fill="${SLIDE_INK}">${escapeXml(line)}</text>`,
    );
  });
  parts.push('</g>');
  return parts.join('');
}

/**
 * A polyline through `points` with its corners rounded (radius `r`, less where a segment is too
 * short): straight runs joined by quadratic curves, as React Flow's smoothstep edges.
 */
export function roundedPath(points: readonly (readonly [number, number])[], r: number): string {
  const first = points[0];
  if (!first) return '';
  let d = `M${num(first[0])} ${num(first[1])}`;
  for (let i = 1; i < points.length; i++) {
    const [x, y] = points[i] as readonly [number, number];
    const prev = points[i - 1] as readonly [number, number];
    const next = points[i + 1];
    if (!next) {
      d += `L${num(x)} ${num(y)}`;
      break;
    }
    const inLen = Math.hypot(x - prev[0], y - prev[1]);
    const outLen = Math.hypot(next[0] - x, next[1] - y);
    const k = Math.min(r, inLen / 2, outLen / 2);
    const a = inLen > 0 ? k / inLen : 0;
    const b = outLen > 0 ? k / outLen : 0;
    d += `L${num(x - (x - prev[0]) * a)} ${num(y - (y - prev[1]) * a)}`;
    d += `Q${num(x)} ${num(y)} ${num(x + (next[0] - x) * b)} ${num(y + (next[1] - y) * b)}`;
  }
  return d;
}

/** How far an edge runs straight out of a node and into one before it turns. */
const STUB = 24;

/**
 * The corners of an edge from the bottom middle of `s` to the top middle of `t`, drawn as the
 * canvas draws it (smoothstep): to a target below, down, across at half height, down; to a target
 * above (or level), down a stub, across to the gap between the two (beside both when they share a
 * column), up past the target, across and down into it. It ends ARROW short of `t`, at the
 * arrowhead's base, so the arrow's tip touches the node.
 */
export function edgeCorners(s: Box, t: Box): [number, number][] {
  const w = NODE_BOX.width;
  const [sx, sy] = [s.x + w / 2, s.y + s.h];
  const [tx, ty] = [t.x + w / 2, t.y];
  const end: [number, number] = [tx, ty - ARROW];
  if (ty - sy >= 2 * STUB) {
    if (Math.abs(tx - sx) < 0.5) return [[sx, sy], end];
    const my = (sy + ty) / 2;
    return [[sx, sy], [sx, my], [tx, my], end];
  }
  const apart = Math.abs(s.x - t.x) >= w + STUB;
  const gx = apart ? (Math.min(s.x, t.x) + w + Math.max(s.x, t.x)) / 2 : Math.max(s.x, t.x) + w + STUB;
  const low = sy + STUB;
  const high = ty - STUB;
  return [[sx, sy], [sx, low], [gx, low], [gx, high], [tx, high], end];
}

/**
 * The graph as a standalone SVG picture, in the canvas's own coordinates (the same layout): each
 * node a rounded box with its kind's colour, label, output width and parameter summary, each edge
 * a curve with an arrowhead from the source's bottom to the target's top. Text is escaped.
 */
export function graphPicture(graph: Graph, options: GraphPictureOptions): Picture {
  const boxes = new Map(graph.nodes.map((n) => [n.id, boxOf(n, options.context)]));
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes.values()) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + NODE_BOX.width);
    y1 = Math.max(y1, b.y + b.h);
  }
  const edges: string[] = [];
  for (const e of graph.edges) {
    const s = boxes.get(e.source);
    const t = boxes.get(e.target);
    if (!s || !t) continue;
    const corners = edgeCorners(s, t);
    for (const [x, y] of corners) {
      [x0, x1] = [Math.min(x0, x), Math.max(x1, x)];
      [y0, y1] = [Math.min(y0, y), Math.max(y1, y)];
    }
    edges.push(
      `<path class="graph-edge" data-id="${escapeXml(e.id)}" d="${roundedPath(corners, CORNER)}" fill="none" stroke="${EDGE_COLOR}" stroke-width="2" stroke-linejoin="round" marker-end="url(#normlab-arrow)"/>`,
    );
  }
  if (boxes.size === 0) [x0, y0, x1, y1] = [0, 0, 240, 60];
  const [vx, vy] = [x0 - PAD, y0 - PAD];
  const [w, h] = [x1 - x0 + 2 * PAD, y1 - y0 + 2 * PAD];
  const nodes = [...boxes.values()].map((b) =>
    nodeSvg(b, options.widths?.[b.node.id], options.invalid?.has(b.node.id) ?? false),
  );
  const markup = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="${num(vx)} ${num(vy)} ${num(w)} ${num(h)}" font-family="${FONT_STACK}">`,
    `<defs><marker id="normlab-arrow" viewBox="0 0 10 10" refX="0" refY="5" markerWidth="${ARROW}" markerHeight="${ARROW}" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L10 5L0 10z" fill="${EDGE_COLOR}"/></marker></defs>`,
    ...edges,
    ...nodes,
    boxes.size === 0
      ? `<text x="120" y="36" font-size="16" text-anchor="middle" fill="${SLIDE_MUTED}">Empty graph</text>`
      : '',
    '</svg>',
  ].join('');
  return { width: w, height: h, markup };
}

/**
 * A slide of the graph: the picture of graphPicture fitted to the slide under `text`'s title,
 * enlarged no more than keeps its node titles at TARGET_TEXT_PX (a small graph stays a small drawing).
 */
export function graphSlide(graph: Graph, options: GraphPictureOptions, text: SlideText): Slide {
  return composeSlide(graphPicture(graph, options), text, { maxScale: scaleCapForText(GRAPH_TEXT_PX) });
}
