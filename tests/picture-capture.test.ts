// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCanvasRedraw } from '../src/charts/pictureCanvas';
import {
  capturePicture,
  findGraphics,
  largestTextPx,
  PICTURE_IGNORE,
  ROW_GAP,
} from '../src/components/picture/capturePicture';
import { chartSlide } from '../src/components/picture/chartSlide';
import { PictureError } from '../src/components/picture/deliverPicture';
import { TARGET_TEXT_PX } from '../src/export/slideLayout';

// jsdom lays nothing out and computes no SVG styles: boxes and computed styles are given here, the
// styles as a browser would compute them (declared values, inherited ones from the ancestors).
const boxes = new Map<Element, [number, number, number, number]>();
const declared = new Map<Element, Record<string, string>>();
const INHERITED = new Set([
  'fill',
  'stroke',
  'stroke-width',
  'font-size',
  'font-family',
  'color',
  'visibility',
]);
const INITIAL: Record<string, string> = {
  fill: 'rgb(0, 0, 0)',
  stroke: 'none',
  'stroke-width': '1px',
  'font-size': '16px',
  'font-family': 'sans-serif',
  color: 'rgb(0, 0, 0)',
  display: 'inline',
  visibility: 'visible',
  opacity: '1',
};

function computed(el: Element, prop: string): string {
  const own = declared.get(el)?.[prop];
  if (own !== undefined) return own;
  if (INHERITED.has(prop) && el.parentElement) return computed(el.parentElement, prop);
  return INITIAL[prop] ?? '';
}

function fakeStyle(el: Element): CSSStyleDeclaration {
  const get = (p: string) => computed(el, p);
  return {
    getPropertyValue: get,
    get display() {
      return get('display');
    },
    get visibility() {
      return get('visibility');
    },
    get fontSize() {
      return get('font-size');
    },
    get color() {
      return get('color');
    },
  } as unknown as CSSStyleDeclaration;
}

/** Sets an element's on-screen box (left, top, width, height). */
function place(el: Element | null, box: [number, number, number, number]) {
  if (!el) throw new Error('no element');
  boxes.set(el, box);
}

beforeEach(() => {
  vi.spyOn(window, 'getComputedStyle').mockImplementation((el: Element) => fakeStyle(el));
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const [left, top, width, height] = boxes.get(this) ?? [0, 0, 0, 0];
    return {
      left,
      top,
      width,
      height,
      right: left + width,
      bottom: top + height,
      x: left,
      y: top,
    } as DOMRect;
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockImplementation(function (this: HTMLCanvasElement) {
    return `data:image/png;base64,${this.width}x${this.height}`;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  boxes.clear();
  declared.clear();
  document.body.innerHTML = '';
});

function container(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.append(div);
  return div;
}

describe('findGraphics', () => {
  it('finds the outermost SVGs and the canvases on screen (no icons), relative to the box around them', () => {
    const c = container(`
      <svg id="a" viewBox="0 0 100 50"><svg id="nested"></svg><text>x</text></svg>
      <canvas id="b"></canvas>
      <div ${PICTURE_IGNORE}><svg id="icon"></svg></div>
      <svg id="empty"></svg>
      <svg id="hidden"></svg>
      <span class="legend-item"><svg id="swatch"></svg> train</span>`);
    place(c.querySelector('#a'), [100, 50, 200, 100]);
    place(c.querySelector('#nested'), [110, 60, 20, 20]);
    place(c.querySelector('#b'), [120, 160, 180, 200]);
    place(c.querySelector('#icon'), [0, 0, 16, 16]);
    place(c.querySelector('#hidden'), [0, 0, 50, 50]);
    place(c.querySelector('#swatch'), [0, 400, 14, 14]);
    declared.set(c.querySelector('#hidden') as Element, { display: 'none' });
    const found = findGraphics(c);
    expect(found.graphics.map((g) => g.el.id)).toEqual(['a', 'b']);
    expect(found.graphics.map((g) => g.rect)).toEqual([
      { x: 0, y: 0, width: 200, height: 100 },
      { x: 20, y: 110, width: 180, height: 200 },
    ]);
    expect(found).toMatchObject({ width: 200, height: 310 });
  });

  it("lays a stacked pair side by side in 'row' arrangement", () => {
    const c = container('<svg id="a"></svg><svg id="b"></svg>');
    place(c.querySelector('#a'), [0, 0, 100, 50]);
    place(c.querySelector('#b'), [0, 60, 100, 40]);
    const found = findGraphics(c, 'row');
    expect(found.graphics.map((g) => g.rect)).toEqual([
      { x: 0, y: 0, width: 100, height: 50 },
      { x: 100 + ROW_GAP, y: 0, width: 100, height: 40 },
    ]);
    expect(found).toMatchObject({ width: 200 + ROW_GAP, height: 50 });
  });

  it('crops an SVG to what it draws, where the browser measures it', () => {
    // A 300 x 180 recharts-like SVG at (50, 20), 2 px per unit, whose drawing leaves its foot blank.
    const c = container('<svg id="s" viewBox="0 0 150 90"><path d="M10 5L140 60"/></svg>');
    const svg = c.querySelector('#s') as SVGSVGElement;
    place(svg, [50, 20, 300, 180]);
    Object.assign(svg, {
      getBBox: () => ({ x: 10, y: 5, width: 130, height: 55 }) as DOMRect,
      getScreenCTM: () => ({ a: 2, b: 0, c: 0, d: 2, e: 50, f: 20 }) as DOMMatrix,
    });
    const found = findGraphics(c);
    // 4 px of padding around the drawing: (70 - 4, 30 - 4) to (330 + 4, 140 + 4), within the box.
    expect(found.graphics[0]).toMatchObject({
      rect: { x: 0, y: 0, width: 268, height: 118 },
      viewBox: '8 3 134 59',
      unit: 2,
    });
    expect(found).toMatchObject({ width: 268, height: 118 });
    const doc = new DOMParser().parseFromString(capturePicture(found).markup, 'image/svg+xml');
    expect(doc.getElementsByTagName('svg')[1]?.getAttribute('viewBox')).toBe('8 3 134 59');
  });

  it('finds nothing in an empty chart', () => {
    expect(findGraphics(container('<div class="chart-empty">No training yet</div>'))).toEqual({
      graphics: [],
      width: 0,
      height: 0,
    });
  });
});

describe('largestTextPx', () => {
  it('measures text as drawn: font size times the SVG scale', () => {
    const c = container('<svg viewBox="0 0 100 50"><text id="t">Loss</text><text id="u">0.1</text></svg>');
    place(c.querySelector('svg'), [0, 0, 300, 150]);
    declared.set(c.querySelector('#t') as Element, { 'font-size': '12px' });
    declared.set(c.querySelector('#u') as Element, { 'font-size': '10px' });
    expect(largestTextPx(findGraphics(c))).toBe(36);
  });
});

describe('capturePicture', () => {
  it('writes the computed look into the copy as attributes and drops what is not displayed', () => {
    const c = container(`
      <svg viewBox="0 0 100 50" style="display: block" class="chart">
        <g id="g" fill="var(--accent)" style="stroke: red">
          <rect id="r" width="10" height="10"/>
          <path id="p" d="M0 0L1 1"/>
          <text id="gone">hover</text>
        </g>
      </svg>`);
    place(c.querySelector('svg'), [10, 20, 200, 100]);
    declared.set(c.querySelector('#g') as Element, { fill: 'rgb(25, 103, 210)', stroke: 'rgb(255, 0, 0)' });
    declared.set(c.querySelector('#p') as Element, { stroke: 'currentcolor', color: 'rgb(9, 9, 9)' });
    declared.set(c.querySelector('#gone') as Element, { display: 'none' });
    const picture = capturePicture(findGraphics(c));
    const doc = new DOMParser().parseFromString(picture.markup, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['200', '100']);
    const copy = root.getElementsByTagName('svg')[0];
    expect(copy?.getAttribute('viewBox')).toBe('0 0 100 50');
    expect(['x', 'y', 'width', 'height'].map((a) => copy?.getAttribute(a))).toEqual(['0', '0', '200', '100']);
    const g = doc.getElementById('g');
    expect(g?.getAttribute('fill')).toBe('rgb(25, 103, 210)');
    expect(g?.getAttribute('stroke')).toBe('rgb(255, 0, 0)');
    // The rect inherits the same values: nothing written on it.
    expect(doc.getElementById('r')?.hasAttribute('fill')).toBe(false);
    expect(doc.getElementById('p')?.getAttribute('stroke')).toBe('rgb(9, 9, 9)');
    expect(doc.getElementById('gone')).toBeNull();
    expect(picture.markup).not.toMatch(/style=|var\(/);
    // The page itself is untouched.
    expect(c.querySelector('#g')?.getAttribute('fill')).toBe('var(--accent)');
    expect(c.querySelector('#gone')).not.toBeNull();
  });

  it('embeds a canvas as a PNG image, redrawn sharper where the chart registered a redraw', () => {
    const c = container('<canvas id="plain" width="100" height="100"></canvas><canvas id="sharp"></canvas>');
    const plain = c.querySelector('#plain') as HTMLCanvasElement;
    const sharp = c.querySelector('#sharp') as HTMLCanvasElement;
    place(plain, [0, 0, 200, 200]);
    place(sharp, [0, 0, 200, 200]);
    const scales: number[] = [];
    setCanvasRedraw(sharp, (scale) => {
      scales.push(scale);
      const out = document.createElement('canvas');
      out.width = 200 * scale;
      out.height = 200 * scale;
      return out;
    });
    const doc = new DOMParser().parseFromString(capturePicture(findGraphics(c), 3).markup, 'image/svg+xml');
    const images = Array.from(doc.getElementsByTagName('image'));
    expect(images.map((i) => i.getAttribute('href'))).toEqual([
      'data:image/png;base64,100x100',
      'data:image/png;base64,600x600',
    ]);
    expect(images[0]?.getAttributeNS('http://www.w3.org/1999/xlink', 'href')).toBe(
      'data:image/png;base64,100x100',
    );
    expect(images.map((i) => i.getAttribute('width'))).toEqual(['200', '200']);
    expect(scales).toEqual([3]);
  });
});

describe('chartSlide', () => {
  it('says why when the chart is gone or has drawn nothing', () => {
    expect(() => chartSlide(null, 'the loss chart', { title: 'Loss' })).toThrow(
      new PictureError('The loss chart is not on screen.'),
    );
    expect(() =>
      chartSlide(container('<p>No training yet</p>'), 'the loss chart', { title: 'Loss' }),
    ).toThrow(/The loss chart has nothing drawn yet/);
  });

  it('makes a slide with the title and labels, the chart enlarged until its text reaches the target', () => {
    const c = container('<svg viewBox="0 0 300 140"><text id="t">0.5</text></svg>');
    place(c.querySelector('svg'), [0, 0, 300, 140]);
    declared.set(c.querySelector('#t') as Element, { 'font-size': '10px' });
    const slide = chartSlide(c, 'the loss chart', { title: 'Loss', xLabel: 'Step', yLabel: 'Loss' });
    const doc = new DOMParser().parseFromString(slide.svg, 'image/svg+xml');
    const texts = Array.from(doc.getElementsByTagName('text'), (t) => t.textContent);
    expect(texts.slice(0, 3)).toEqual(['Loss', 'Step', 'Loss']);
    expect(texts).toContain('0.5');
    const group = Array.from(doc.getElementsByTagName('g')).find((g) =>
      g.getAttribute('transform')?.includes('scale'),
    );
    expect(Number(group?.getAttribute('transform')?.match(/scale\(([\d.]+)\)/)?.[1])).toBeCloseTo(
      TARGET_TEXT_PX / 10,
    );
  });
});
