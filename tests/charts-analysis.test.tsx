// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchSpreadChart } from '../src/charts/BatchSpreadChart';
import { HistogramChart } from '../src/charts/HistogramChart';
import { WarpedGridChart } from '../src/charts/WarpedGridChart';
import type { Histogram } from '../src/lib/stats';

afterEach(cleanup);

const hist = (over: Partial<Histogram> = {}): Histogram => ({
  lo: 0,
  hi: 4,
  counts: [10, 30, 20, 5],
  mean: 1.5,
  std: 0.9,
  n: 65,
  nonFinite: 0,
  ...over,
});

const num = (el: Element | null | undefined, attr: string) => Number(el?.getAttribute(attr));
const all = (c: HTMLElement, sel: string) => Array.from(c.querySelectorAll(sel));
/** The x of the x-axis tick whose label reads exactly `label`. */
const tickX = (c: HTMLElement, label: string) => {
  const t = all(c, '.chart-tick-x').find((e) => e.textContent === label);
  expect(t, `tick ${label}`).toBeDefined();
  return num(t, 'x');
};
const tickLabels = (c: HTMLElement) => all(c, '.chart-tick-x').map((e) => e.textContent);
/** The stepped outline of the bins: its [x, y] vertices ("M x,y L x,y …"). */
const outline = (c: HTMLElement): [number, number][] => {
  const d = c.querySelector('.hist-bars path.recharts-area-curve')?.getAttribute('d') ?? '';
  return Array.from(d.matchAll(/[ML](-?[\d.e-]+),(-?[\d.e-]+)/g), (m) => [Number(m[1]), Number(m[2])]);
};
/** The x axis line's y: the bins' base. */
const baseY = (c: HTMLElement) =>
  num(c.querySelector('.recharts-xAxis line.recharts-cartesian-axis-line'), 'y1');
/** Each bin's drawn height, left to right (the outline's horizontal runs). */
const binHeights = (c: HTMLElement) => {
  const v = outline(c);
  const base = baseY(c);
  const out: number[] = [];
  for (let i = 0; i + 1 < v.length; i++) {
    const [a, b] = [v[i], v[i + 1]] as [[number, number], [number, number]];
    if (a[1] === b[1] && b[0] > a[0]) out.push(base - a[1]);
  }
  return out;
};

describe('HistogramChart (recharts)', () => {
  it('draws one step per bin, taller for larger counts, in the given colour', () => {
    const { container } = render(<HistogramChart hist={hist()} title="h1" color="#123456" />);
    const heights = binHeights(container);
    expect(heights).toHaveLength(4);
    expect(heights[1]).toBeGreaterThan(heights[2] as number);
    expect(heights[2]).toBeGreaterThan(heights[0] as number);
    expect((heights[1] as number) / (heights[3] as number)).toBeCloseTo(6, 5);
    expect(container.querySelector('.hist-bars path.recharts-area-area')?.getAttribute('fill')).toBe(
      '#123456',
    );
    // The bins start at x = 0 on the axis.
    expect(outline(container)[0]?.[0]).toBeCloseTo(tickX(container, '0'), 6);
  });

  it('puts the mean line and the mean ± std band where the values are on the axis', () => {
    const { container } = render(<HistogramChart hist={hist()} title="h" color="#1967d2" />);
    expect(tickLabels(container)).toEqual(['0', '1', '2', '3', '4']);
    const mean = container.querySelector('.hist-mean line');
    const x1 = tickX(container, '1');
    const x2 = tickX(container, '2');
    expect(num(mean, 'x1')).toBeCloseTo((x1 + x2) / 2, 6);
    const band = container.querySelector('.hist-std path');
    const unit = x2 - x1;
    expect(num(band, 'x')).toBeCloseTo(x1 + (0.6 - 1) * unit, 6);
    expect(num(band, 'width')).toBeCloseTo(1.8 * unit, 6);
  });

  it('shades a ReLU-style dead region behind the bins, clipped to the axis, with its label', () => {
    const { container } = render(
      <HistogramChart
        hist={hist({ lo: -2, hi: 2, mean: 0.2 })}
        title="after ReLU"
        color="#1967d2"
        regions={[
          { from: Number.NEGATIVE_INFINITY, to: 0, label: 'dead' },
          { from: 5, to: Number.POSITIVE_INFINITY, label: 'off-axis' },
        ]}
      />,
    );
    const regions = all(container, '.hist-region');
    expect(regions).toHaveLength(1);
    const rect = regions[0]?.querySelector('path');
    expect(num(rect, 'x')).toBeCloseTo(tickX(container, '-2'), 6);
    expect(num(rect, 'x') + num(rect, 'width')).toBeCloseTo(tickX(container, '0'), 6);
    expect(container.textContent).toContain('dead');
    // Behind the bins: earlier in document order.
    const bins = container.querySelector('.hist-bars') as Element;
    expect(regions[0]?.compareDocumentPosition(bins)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });

  it('states the numbers in the aria-label and caption, to 3 significant digits', () => {
    const { container } = render(
      <HistogramChart
        hist={hist({ mean: 0.12345, std: 0.98765, n: 256 })}
        title="pre-activation"
        color="#1967d2"
      />,
    );
    const img = screen.getByRole('img');
    expect(img.getAttribute('aria-label')).toBe(
      'Histogram of pre-activation: mean 0.123, standard deviation 0.988, 256 values',
    );
    expect(container.querySelector('.hist-caption')?.textContent).toBe(
      'mean 0.123 (line) · std 0.988 (band) · n 256',
    );
    expect(container.querySelector('.hist-title')?.textContent).toBe('pre-activation');
  });

  it('draws axes and says "no finite values" when every count is zero, and flags non-finite values in red', () => {
    const { container } = render(
      <HistogramChart
        hist={{ lo: 0, hi: 0, counts: [0, 0, 0], mean: Number.NaN, std: Number.NaN, n: 0, nonFinite: 3 }}
        title="broken"
        color="#1967d2"
        width={300}
        height={180}
      />,
    );
    expect(outline(container)).toHaveLength(0);
    expect(container.querySelector('.hist-mean')).toBeNull();
    expect(all(container, '.chart-tick-x').length).toBeGreaterThanOrEqual(3);
    const caption = container.querySelector('.hist-caption');
    expect(caption?.textContent).toBe('no finite values · 3 not finite');
    expect(caption?.querySelector('.hist-nonfinite')?.textContent).toBe(' · 3 not finite');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Histogram of broken: no finite values, 3 not finite',
    );
    expect(container.innerHTML).not.toContain('NaN');
  });

  it('copes with one bin and with no bins at all (no NaN, no throw)', () => {
    for (const h of [
      hist({ lo: 2, hi: 2, counts: [7], mean: 2, std: 0, n: 7 }),
      hist({ counts: [], n: 0 }),
    ]) {
      cleanup();
      const { container } = render(<HistogramChart hist={h} title="t" color="#000" />);
      expect(container.innerHTML).not.toContain('NaN');
      expect(all(container, '.chart-tick-x').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('uses xRange for the axis and keeps 3 to 5 round, legible tick labels', () => {
    const { container } = render(
      <HistogramChart hist={hist({ lo: -1, hi: 1 })} title="h" color="#1967d2" xRange={[-3, 3]} />,
    );
    expect(tickLabels(container)).toEqual(['-2', '0', '2']);
    // Bins over [-1, 1] sit in the middle third of the [-3, 3] axis.
    const v = outline(container);
    const perUnit = (tickX(container, '2') - tickX(container, '-2')) / 4;
    expect(v[0]?.[0]).toBeCloseTo(tickX(container, '0') - perUnit, 6);
    expect(v.at(-1)?.[0]).toBeCloseTo(tickX(container, '0') + perUnit, 6);
    for (const t of all(container, '.chart-tick')) expect(num(t, 'font-size')).toBeGreaterThanOrEqual(12);
    for (const [lo, hi] of [
      [0, 1],
      [-0.013, 0.021],
      [0.255, 149.4],
      [-250, 3],
      [1e-4, 7e-4],
    ] as const) {
      cleanup();
      const r = render(<HistogramChart hist={hist({ lo, hi })} title="t" color="#000" />);
      const ls = tickLabels(r.container);
      expect(ls.length, `${lo}..${hi}: ${ls.join(' ')}`).toBeGreaterThanOrEqual(3);
      expect(ls.length).toBeLessThanOrEqual(5);
      for (const l of ls)
        expect(l?.replace('-', '').replace('.', '').replace(/^0+/, '').length).toBeLessThanOrEqual(3);
    }
  });
});

const groups = [
  { label: 'class 0', values: [0.5, 1.25, 0.75] },
  { label: 'mixed', values: [-0.75, 0.9] },
  { label: 'n=64', values: [2, 1.5, 1.1, 0.95] },
];
/** The drawn dots' centres, in data order. */
const dots = (c: HTMLElement) =>
  all(c, '.spread-dots path.recharts-symbols').map((d) => ({ cx: num(d, 'cx'), cy: num(d, 'cy') }));

describe('BatchSpreadChart (recharts)', () => {
  it('draws one dot per value and a whisker (three strokes) per group', () => {
    const { container } = render(<BatchSpreadChart groups={groups} inference={0.9} yLabel="BN mean" />);
    expect(dots(container)).toHaveLength(9);
    expect(all(container, '.spread-whisker')).toHaveLength(9);
    expect(container.textContent).toContain('class 0');
    expect(container.textContent).toContain('n=64');
    expect(container.textContent).toContain('BN mean');
    for (const t of all(container, 'text')) expect(num(t, 'font-size')).toBeGreaterThanOrEqual(12);
  });

  it('states the spread (max - min) and the inference value in the aria-label', () => {
    render(<BatchSpreadChart groups={groups} inference={0.9} yLabel="BN mean" />);
    const label = screen.getByRole('img').getAttribute('aria-label') ?? '';
    expect(label).toContain(`a spread of ${2 - -0.75}`);
    expect(label).toContain('from -0.75 to 2');
    expect(label).toContain('inference mode gives 0.9');
  });

  it('draws a dashed, labelled inference line at the inference value', () => {
    const { container } = render(<BatchSpreadChart groups={groups} inference={0.9} />);
    const line = container.querySelector('.inference-line line');
    expect(line?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(container.querySelector('.spread-inference-key')?.textContent).toBe('inference mode (0.9)');
    // The 'mixed' group holds a value equal to the inference value: same height.
    const d = dots(container);
    expect(num(line, 'y1')).toBeCloseTo(d[4]?.cy as number, 6);
    // Higher values are higher up.
    expect(d[5]?.cy).toBeLessThan(d[3]?.cy as number);
  });

  it('jitters deterministically and keeps dots inside their column', () => {
    const a = dots(render(<BatchSpreadChart groups={groups} inference={0} />).container);
    cleanup();
    const { container } = render(<BatchSpreadChart groups={groups} inference={0} />);
    expect(dots(container)).toEqual(a);
    const xs = dots(container).map((d) => d.cx);
    expect(new Set(xs.slice(0, 3)).size).toBe(3);
    expect(Math.max(...xs.slice(0, 3))).toBeLessThan(Math.min(...xs.slice(3, 5)));
  });

  it('copes with all-equal values, one value, and no values (no NaN, no throw)', () => {
    const { container } = render(
      <BatchSpreadChart groups={[{ label: 'random', values: [3, 3] }]} inference={3} />,
    );
    expect(container.innerHTML).not.toContain('NaN');
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('a spread of 0');
    const ticks = all(container, '.chart-tick-y').map((t) => Number(t.textContent));
    expect(Math.min(...ticks)).toBeLessThanOrEqual(2.5);
    cleanup();
    const one = render(
      <BatchSpreadChart groups={[{ label: 'n=2', values: [Number.NaN, 1.5] }]} inference={Number.NaN} />,
    ).container;
    expect(dots(one)).toHaveLength(1);
    expect(one.innerHTML).not.toContain('NaN');
    cleanup();
    const empty = render(<BatchSpreadChart groups={[]} inference={Number.NaN} />).container;
    expect(empty.innerHTML).not.toContain('NaN');
    expect(empty.querySelector('.inference-line')).toBeNull();
  });
});

const square = [
  { axis: 'h' as const, points: [0, 0, 1, 0] },
  { axis: 'h' as const, points: [0, 1, 1, 1] },
  { axis: 'v' as const, points: new Float32Array([0, 0, 0, 1]) },
  { axis: 'v' as const, points: [1, 0, 1, 1] },
];
const coords = (el: Element | undefined) =>
  (el?.getAttribute('points') ?? '').split(' ').map((p) => p.split(',').map(Number) as [number, number]);

describe('WarpedGridChart', () => {
  it('draws one polyline per line, coloured by original direction, and names them in the aria-label', () => {
    const { container } = render(
      <WarpedGridChart lines={square} xLabel="unit 1" yLabel="unit 2" caption="after tanh" />,
    );
    const polys = all(container, 'polyline');
    expect(polys).toHaveLength(4);
    expect(polys.map((p) => p.getAttribute('stroke'))).toEqual(['#1967d2', '#1967d2', '#e8710a', '#e8710a']);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Image of 4 grid lines: unit 1 against unit 2. after tanh',
    );
    expect(container.textContent).toContain('after tanh');
    for (const t of all(container, 'text')) expect(num(t, 'font-size')).toBeGreaterThanOrEqual(13);
    for (const p of polys) expect(num(p, 'stroke-width')).toBeGreaterThanOrEqual(1.5);
  });

  it('keeps an equal aspect ratio: a unit square is as wide as it is tall, centred, y up', () => {
    const { container } = render(
      <WarpedGridChart lines={square} xLabel="x" yLabel="y" width={500} height={260} />,
    );
    const [bottom, top, left, right] = all(container, 'polyline').map(coords);
    const w = (bottom?.[1]?.[0] as number) - (bottom?.[0]?.[0] as number);
    const h = (bottom?.[0]?.[1] as number) - (top?.[0]?.[1] as number);
    expect(w).toBeGreaterThan(50);
    expect(h).toBeCloseTo(w, 1);
    expect(left?.[0]?.[0]).toBeCloseTo(bottom?.[0]?.[0] as number, 2);
    expect(right?.[0]?.[0]).toBeCloseTo(bottom?.[1]?.[0] as number, 2);
    const frame = container.querySelector('rect') as Element;
    const midX = num(frame, 'x') + num(frame, 'width') / 2;
    expect(((bottom?.[0]?.[0] as number) + (bottom?.[1]?.[0] as number)) / 2).toBeCloseTo(midX, 1);
  });

  it('never produces NaN for degenerate input', () => {
    const cases = [
      [
        { axis: 'h' as const, points: [2, 2, 2, 2] },
        { axis: 'v' as const, points: [2, 2] },
      ],
      [{ axis: 'h' as const, points: [0, 5, 1, 5, 3, 5] }],
      [{ axis: 'v' as const, points: [Number.NaN, 1, Number.POSITIVE_INFINITY, 2, 0, 0, 0, 1] }],
      [{ axis: 'h' as const, points: [] }],
      [],
    ];
    for (const lines of cases) {
      cleanup();
      const { container } = render(<WarpedGridChart lines={lines} xLabel="x" yLabel="y" />);
      expect(container.innerHTML).not.toContain('NaN');
      expect(container.innerHTML).not.toContain('Infinity');
      expect(all(container, 'polyline')).toHaveLength(lines.length);
    }
  });
});
