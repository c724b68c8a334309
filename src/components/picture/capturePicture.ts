import { canvasRedraw } from '../../charts/pictureCanvas';
import type { Picture } from '../../export/slideSvg';

/** An element with this attribute, and all it holds, is left out of pictures (e.g. the menu's icon). */
export const PICTURE_IGNORE = 'data-picture-ignore';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
/** Largest side of a canvas redrawn for a picture, in pixels (browsers refuse much larger canvases). */
const MAX_CANVAS_SIDE = 4096;
/** Smaller drawings (both sides under this, in CSS pixels) are icons, left out of pictures. */
export const MIN_GRAPHIC = 24;
/** The space between graphics arranged in a row, in CSS pixels. */
export const ROW_GAP = 24;

/** A box relative to the picture's top left, in CSS pixels. */
interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One drawing on screen that goes into the picture, and where. */
export interface Graphic {
  readonly el: SVGSVGElement | HTMLCanvasElement;
  /** Relative to the union of all graphics' boxes. */
  readonly rect: Rect;
  /** An SVG cropped to what it draws: the part of its user space shown in `rect`. */
  readonly viewBox?: string;
  /** CSS pixels per user unit of an SVG, where known. */
  readonly unit?: number;
}

/** A box on screen, in CSS pixels. */
interface ScreenBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Blank space kept around an SVG's drawing when it is cropped, in CSS pixels. */
const INK_PAD = 4;

/**
 * The part of an SVG's box that it draws on (its content's bounding box, padded by INK_PAD and
 * clipped to the box), with the matching viewBox: charts leave room that is blank in the picture,
 * e.g. recharts for its legend, which is HTML. The SVG as it is where the browser cannot say
 * (jsdom) or where it is rotated or skewed.
 */
function inkBox(svg: SVGSVGElement, box: ScreenBox): { box: ScreenBox; viewBox?: string; unit?: number } {
  if (typeof svg.getBBox !== 'function' || typeof svg.getScreenCTM !== 'function') return { box };
  let bb: DOMRect;
  try {
    bb = svg.getBBox();
  } catch {
    return { box };
  }
  const m = svg.getScreenCTM();
  if (!m) return { box };
  if (m.b !== 0 || m.c !== 0 || !(m.a > 0) || !(m.d > 0) || !(bb.width > 0 && bb.height > 0)) return { box };
  // Screen x = a * x + e, y = d * y + f (SVG 1.1, 7.15 getScreenCTM).
  const left = Math.max(box.left, m.a * bb.x + m.e - INK_PAD);
  const top = Math.max(box.top, m.d * bb.y + m.f - INK_PAD);
  const right = Math.min(box.left + box.width, m.a * (bb.x + bb.width) + m.e + INK_PAD);
  const bottom = Math.min(box.top + box.height, m.d * (bb.y + bb.height) + m.f + INK_PAD);
  if (!(right > left && bottom > top)) return { box };
  const vx = (left - m.e) / m.a;
  const vy = (top - m.f) / m.d;
  const viewBox = [vx, vy, (right - left) / m.a, (bottom - top) / m.d].map((v) => Math.round(v * 100) / 100);
  return {
    box: { left, top, width: right - left, height: bottom - top },
    viewBox: viewBox.join(' '),
    unit: Math.min(m.a, m.d),
  };
}

/** What was found in a container: its drawings and the size of the box around them. */
export interface Found {
  readonly graphics: readonly Graphic[];
  readonly width: number;
  readonly height: number;
}

/**
 * The style properties that decide how SVG looks, read back from the page (CSS, custom properties,
 * currentColor all resolved) and written as presentation attributes, so the picture needs no stylesheet.
 * Presentation attributes, not style="": a Content-Security-Policy without 'unsafe-inline' allows them.
 */
const PROPS = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'paint-order',
  'visibility',
  'opacity',
] as const;

/** Properties an element does not inherit: written whenever they differ from the initial value. */
const NOT_INHERITED: Readonly<Record<string, string>> = { opacity: '1', 'dominant-baseline': 'auto' };

/** Initial values of the inherited properties: what the picture's root starts from. */
const INITIAL: Readonly<Record<string, string>> = {
  fill: 'rgb(0, 0, 0)',
  'fill-opacity': '1',
  'fill-rule': 'nonzero',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-opacity': '1',
  'stroke-dasharray': 'none',
  'stroke-dashoffset': '0px',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  'font-style': 'normal',
  'font-weight': '400',
  'text-anchor': 'start',
  'letter-spacing': 'normal',
  'paint-order': 'normal',
  visibility: 'visible',
};

/** Elements that draw (or group what draws): dropped from a picture when not displayed. */
const DRAWN = new Set([
  'a',
  'circle',
  'ellipse',
  'foreignObject',
  'g',
  'image',
  'line',
  'path',
  'polygon',
  'polyline',
  'rect',
  'svg',
  'text',
  'textPath',
  'tspan',
  'use',
]);

const isVisible = (el: Element) => {
  const s = getComputedStyle(el);
  return s.display !== 'none' && s.visibility !== 'hidden';
};

/**
 * The SVGs and canvases inside `container` that are on screen: outermost SVGs only (an SVG inside
 * another travels with it), none inside an element marked PICTURE_IGNORE, no icon (MIN_GRAPHIC). Their
 * boxes are given relative to the box around them all: as on the page, or with `arrange` 'row' side
 * by side in page order, tops aligned, ROW_GAP apart (a pair that the page stacks on a narrow screen).
 */
export function findGraphics(container: HTMLElement, arrange: 'page' | 'row' = 'page'): Found {
  const els = Array.from(container.querySelectorAll<SVGSVGElement | HTMLCanvasElement>('svg, canvas')).filter(
    (el) =>
      !el.closest(`[${PICTURE_IGNORE}]`) &&
      !(el instanceof SVGSVGElement && el.parentElement?.closest('svg')) &&
      isVisible(el),
  );
  const boxes = els.map((el) => ({ el, box: el.getBoundingClientRect() }));
  // Icons (a legend's swatches, as recharts draws them) are no chart: their words are HTML, not taken.
  const shown = boxes
    .filter(
      (b) =>
        b.box.width > 0 && b.box.height > 0 && (b.box.width >= MIN_GRAPHIC || b.box.height >= MIN_GRAPHIC),
    )
    .map(({ el, box }) => ({ el, ...(el instanceof SVGSVGElement ? inkBox(el, box) : { box }) }));
  if (shown.length === 0) return { graphics: [], width: 0, height: 0 };
  const graphic = (g: (typeof shown)[number], x: number, y: number): Graphic => ({
    el: g.el,
    rect: { x, y, width: g.box.width, height: g.box.height },
    ...('viewBox' in g && g.viewBox ? { viewBox: g.viewBox, unit: g.unit } : {}),
  });
  if (arrange === 'row') {
    let x = 0;
    const graphics = shown.map((g) => {
      const placed = graphic(g, x, 0);
      x += g.box.width + ROW_GAP;
      return placed;
    });
    return { graphics, width: x - ROW_GAP, height: Math.max(...shown.map((g) => g.box.height)) };
  }
  const left = Math.min(...shown.map((g) => g.box.left));
  const top = Math.min(...shown.map((g) => g.box.top));
  const right = Math.max(...shown.map((g) => g.box.left + g.box.width));
  const bottom = Math.max(...shown.map((g) => g.box.top + g.box.height));
  return {
    graphics: shown.map((g) => graphic(g, g.box.left - left, g.box.top - top)),
    width: right - left,
    height: bottom - top,
  };
}

/** How many CSS pixels one user unit of an SVG takes on screen (its viewBox against its box). */
function svgScale(svg: SVGSVGElement, rect: Rect): number {
  const vb = svg
    .getAttribute('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const vbW = vb?.[2];
  const vbH = vb?.[3];
  if (!vbW || !vbH || !(vbW > 0) || !(vbH > 0)) return 1;
  return Math.min(rect.width / vbW, rect.height / vbH);
}

/** The largest text in the graphics as drawn on screen, in CSS pixels (0 when there is none). */
export function largestTextPx(found: Found): number {
  let largest = 0;
  for (const { el, rect, unit } of found.graphics) {
    if (!(el instanceof SVGSVGElement)) continue;
    const scale = unit ?? svgScale(el, rect);
    for (const t of Array.from(el.querySelectorAll('text'))) {
      if (!t.textContent?.trim()) continue;
      const px = Number.parseFloat(getComputedStyle(t).fontSize) * scale;
      if (Number.isFinite(px)) largest = Math.max(largest, px);
    }
  }
  return largest;
}

/** A computed value, with currentColor resolved to the element's colour. */
function computedValue(style: CSSStyleDeclaration, prop: string): string {
  const v = style.getPropertyValue(prop).trim();
  return v.toLowerCase() === 'currentcolor' ? style.color : v;
}

/**
 * Copies the look of `original` onto its clone: each property in PROPS as a presentation attribute
 * where it differs from what the clone would inherit anyway, style and event attributes removed,
 * elements not displayed dropped. `inherited` holds the parent's values.
 */
function inlineStyles(original: Element, clone: Element, inherited: Readonly<Record<string, string>>): void {
  const style = getComputedStyle(original);
  const own: Record<string, string> = { ...inherited };
  for (const prop of PROPS) {
    const v = computedValue(style, prop);
    if (!v) continue; // Not computed (jsdom): leave the element's own attribute as it is.
    clone.removeAttribute(prop);
    const base = NOT_INHERITED[prop] ?? inherited[prop];
    if (v !== base) clone.setAttribute(prop, v);
    if (!(prop in NOT_INHERITED)) own[prop] = v;
  }
  clone.removeAttribute('style');
  const kids = Array.from(original.children);
  const cloneKids = Array.from(clone.children);
  kids.forEach((kid, i) => {
    const c = cloneKids[i];
    if (!c) return;
    const hidden = DRAWN.has(kid.localName) && getComputedStyle(kid).display === 'none';
    if (hidden || kid.hasAttribute(PICTURE_IGNORE)) c.remove();
    else inlineStyles(kid, c, own);
  });
}

/** A standalone copy of an on-screen SVG, placed at `rect` in the picture (cropped to `viewBox`). */
function svgCopy(svg: SVGSVGElement, rect: Rect, viewBox?: string): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy, INITIAL);
  for (const a of ['x', 'y', 'width', 'height'] as const) copy.setAttribute(a, String(rect[a]));
  if (viewBox) {
    copy.setAttribute('viewBox', viewBox);
    copy.setAttribute('preserveAspectRatio', 'none');
  }
  return copy;
}

/** The pixels of a canvas as a PNG data URL: redrawn at `pixelScale` when the chart can, else as it is. */
function canvasUrl(canvas: HTMLCanvasElement, rect: Rect, pixelScale: number): string {
  const redraw = canvasRedraw(canvas);
  const side = Math.max(rect.width, rect.height);
  const scale = Math.min(pixelScale, MAX_CANVAS_SIDE / Math.max(1, side));
  const sharper = redraw && scale * rect.width > canvas.width ? redraw(scale) : null;
  return (sharper ?? canvas).toDataURL('image/png');
}

/**
 * The graphics as one standalone SVG picture of found.width x found.height units (CSS pixels):
 * each SVG copied with its computed look written into it, each canvas an embedded PNG image.
 * `pixelScale` is how many picture pixels one CSS pixel becomes, for canvases that can redraw sharper.
 */
export function capturePicture(found: Found, pixelScale = 1): Picture {
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('width', String(found.width));
  root.setAttribute('height', String(found.height));
  root.setAttribute('viewBox', `0 0 ${found.width} ${found.height}`);
  for (const { el, rect, viewBox } of found.graphics) {
    if (el instanceof SVGSVGElement) {
      root.append(svgCopy(el, rect, viewBox));
      continue;
    }
    const image = document.createElementNS(SVG_NS, 'image');
    for (const a of ['x', 'y', 'width', 'height'] as const) image.setAttribute(a, String(rect[a]));
    image.setAttribute('preserveAspectRatio', 'none');
    const url = canvasUrl(el, rect, pixelScale);
    image.setAttribute('href', url);
    // Older SVG readers (and some slide programs) know only xlink:href.
    image.setAttributeNS(XLINK_NS, 'xlink:href', url);
    root.append(image);
  }
  const markup = new XMLSerializer().serializeToString(root);
  return { width: found.width, height: found.height, markup };
}
