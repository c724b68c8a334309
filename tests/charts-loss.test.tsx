// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { compactNumber, logTicks, snappedTicks } from '../src/charts/axis';
import { LossChart, type LossPointData } from '../src/charts/LossChart';

afterEach(cleanup);

/** The [x, y] vertices of an SVG path made of M and L commands. */
const vertices = (el: Element | null): [number, number][] => {
  const d = el?.getAttribute('d') ?? '';
  return Array.from(d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g), (m) => [Number(m[1]), Number(m[2])]);
};
/** The plot area, from the axis path "M{left} {top}V{bottom}H{right}". */
const plotArea = (c: HTMLElement) => {
  const axis = Array.from(c.querySelectorAll('path')).find((p) => p.getAttribute('d')?.includes('V'));
  const m = axis?.getAttribute('d')?.match(/^M([\d.]+) ([\d.]+)V([\d.]+)H([\d.]+)$/);
  expect(m, 'axis path').toBeTruthy();
  const [left, top, bottom, right] = (m as RegExpMatchArray).slice(1).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  return { left, top, bottom, right };
};
const yTicks = (c: HTMLElement) =>
  Array.from(c.querySelectorAll('.loss-ytick'), (t) => ({
    label: t.textContent ?? '',
    y: Number(t.getAttribute('y')),
  }));

/** A run whose loss falls from ~0.7 to `end` over `n` points, 10 steps apart. */
const run = (n: number, end: number): LossPointData[] =>
  Array.from({ length: n }, (_, i) => {
    const v = 0.7 * (end / 0.7) ** (i / (n - 1));
    return { step: i * 10, train: i === 0 ? null : v * 1.1, test: v };
  });

describe('LossChart', () => {
  it('draws every readback group behind the lines, downsampled to about one point per pixel', () => {
    const points = run(20, 0.05);
    // 3000 groups (width 300 in jsdom): a spike at group 1234 must survive the downsampling.
    const groups = Array.from({ length: 3000 }, (_, i) => ({ x: i * 0.0633, y: 0.7 - i * 0.0002 }));
    groups[1234] = { x: 1234 * 0.0633, y: 2.5 };
    const { container } = render(<LossChart points={points} groups={groups} logScale={false} />);
    const batch = container.querySelector('.loss-batch');
    expect(batch?.getAttribute('data-points')).toBe('3000');
    const drawn = vertices(batch);
    expect(drawn.length).toBeGreaterThan(100);
    expect(drawn.length).toBeLessThanOrEqual(300);
    // The spike (2.5, over three times the highest loss) is drawn: far above the test line's top.
    const testTop = Math.min(...vertices(container.querySelector('.loss-test')).map(([, y]) => y));
    const { top, bottom } = plotArea(container);
    const spikeY = Math.min(...drawn.map(([, y]) => y));
    expect(spikeY).toBeGreaterThanOrEqual(top);
    expect(testTop - spikeY).toBeGreaterThan((bottom - top) / 2);
    // Drawn before (behind) the test line.
    const paths = Array.from(container.querySelectorAll('path'));
    expect(paths.indexOf(batch as SVGPathElement)).toBeLessThan(
      paths.indexOf(container.querySelector('.loss-test') as SVGPathElement),
    );
  });

  it('draws no batch line without groups', () => {
    const { container } = render(<LossChart points={run(5, 0.1)} logScale={false} />);
    expect(container.querySelector('.loss-batch')).toBeNull();
  });

  it('draws one vertex per finite point on each line', () => {
    const points = run(50, 0.05);
    const { container } = render(<LossChart points={points} logScale={false} />);
    expect(vertices(container.querySelector('.loss-test'))).toHaveLength(50);
    expect(vertices(container.querySelector('.loss-train'))).toHaveLength(49);
    expect(container.querySelector('.loss-test')?.getAttribute('stroke')).toBe('#1967d2');
    expect(container.querySelector('.loss-train')?.getAttribute('stroke')).toBe('#e8710a');
  });

  it('skips nulls in the train line, joining across them', () => {
    const points: LossPointData[] = [
      { step: 0, train: null, test: 0.7 },
      { step: 10, train: 0.5, test: 0.45 },
      { step: 20, train: null, test: 0.4 },
      { step: 30, train: 0.3, test: 0.35 },
    ];
    const { container } = render(<LossChart points={points} logScale={false} />);
    const d = container.querySelector('.loss-train')?.getAttribute('d') ?? '';
    expect(d.match(/M/g)).toHaveLength(1); // one unbroken line
    const train = vertices(container.querySelector('.loss-train'));
    const test = vertices(container.querySelector('.loss-test'));
    expect(train).toHaveLength(2);
    // The train vertices sit at steps 10 and 30 (the 2nd and 4th test vertices' x).
    expect(train.map((v) => v[0])).toEqual([test[1]?.[0], test[3]?.[0]]);
  });

  it('leaves out NaN and infinite values', () => {
    const points: LossPointData[] = [
      { step: 0, train: null, test: 0.7 },
      { step: 10, train: 0.5, test: 0.45 },
      { step: 20, train: Number.NaN, test: 0.4 },
      { step: 30, train: Number.POSITIVE_INFINITY, test: Number.NaN },
      { step: 40, train: Number.NaN, test: Number.NaN },
    ];
    const { container } = render(<LossChart points={points} logScale />);
    expect(vertices(container.querySelector('.loss-test'))).toHaveLength(3);
    // A lone finite train value is a dot, not an invisible one-point path.
    expect(vertices(container.querySelector('.loss-train'))).toHaveLength(1);
    expect(container.querySelector('circle[fill="#e8710a"]')).not.toBeNull();
    const area = plotArea(container);
    for (const [, y] of vertices(container.querySelector('.loss-test'))) {
      expect(Number.isFinite(y)).toBe(true);
      expect(y).toBeGreaterThanOrEqual(area.top);
      expect(y).toBeLessThanOrEqual(area.bottom);
    }
    expect(container.querySelector('.loss-note')).toBeNull();
  });

  it('says "no finite values" over bare axes when nothing is finite', () => {
    const points: LossPointData[] = [
      { step: 0, train: null, test: Number.NaN },
      { step: 10, train: Number.NaN, test: Number.POSITIVE_INFINITY },
    ];
    const { container } = render(<LossChart points={points} logScale />);
    expect(container.querySelector('.loss-note')?.textContent).toBe('no finite values');
    expect(container.querySelector('.loss-test')).toBeNull();
    expect(container.querySelector('.loss-train')).toBeNull();
    expect(container.querySelectorAll('.loss-xtick').length).toBeGreaterThan(0);
  });

  it('covers the smallest loss on a log axis, with a tick at or below it', () => {
    const points = run(200, 0.0007);
    const min = Math.min(...points.flatMap((p) => (p.train === null ? [p.test] : [p.test, p.train])));
    const { container } = render(<LossChart points={points} logScale />);
    const ticks = yTicks(container);
    const values = ticks.map((t) => Number(t.label));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...values)).toBeLessThanOrEqual(min);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(0.7 * 1.1);
    // Log spacing: 1, 2, 5 times powers of ten (or powers of ten only), labelled compactly.
    for (const v of values)
      expect([1, 2, 5]).toContain(Number((v / 10 ** Math.floor(Math.log10(v) + 1e-9)).toFixed(6)));
    expect(ticks.some((t) => t.label.includes('e-'))).toBe(true);
    const area = plotArea(container);
    const ys = [
      ...vertices(container.querySelector('.loss-test')),
      ...vertices(container.querySelector('.loss-train')),
    ].map((v) => v[1]);
    expect(Math.max(...ys)).toBeLessThanOrEqual(area.bottom); // the lowest point (largest y) is inside
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(area.top);
    // The lowest tick is at the bottom of the plot, the largest at the top.
    const sorted = [...ticks].sort((a, b) => Number(a.label) - Number(b.label));
    expect(sorted[0]?.y).toBeCloseTo(area.bottom, 6);
    expect(sorted.at(-1)?.y).toBeCloseTo(area.top, 6);
  });

  it('falls back to a linear axis when asked for log but a value is 0', () => {
    const points: LossPointData[] = [
      { step: 0, train: null, test: 0.5 },
      { step: 10, train: 0, test: 0.2 },
    ];
    const { container } = render(<LossChart points={points} logScale />);
    expect(yTicks(container)[0]?.label).toBe('0');
    // Evenly spaced labels and pixels: a linear axis.
    const ticks = yTicks(container);
    const gaps = ticks.slice(1).map((t, i) => (ticks[i]?.y ?? 0) - t.y);
    const steps = ticks.slice(1).map((t, i) => Number(t.label) - Number(ticks[i]?.label));
    for (const g of gaps) expect(g).toBeCloseTo(gaps[0] as number, 6);
    for (const d of steps) expect(d).toBeCloseTo(steps[0] as number, 9);
  });

  it('puts 3 to 6 integer step ticks on the x axis, from the first step to the last', () => {
    const points = run(143, 0.01).map((p, i) => ({ ...p, step: i }));
    const { container } = render(<LossChart points={points} logScale={false} />);
    const labels = Array.from(container.querySelectorAll('.loss-xtick'), (t) => Number(t.textContent));
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels.length).toBeLessThanOrEqual(6);
    for (const v of labels) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(142);
    }
    const area = plotArea(container);
    const test = vertices(container.querySelector('.loss-test'));
    expect(test[0]?.[0]).toBeCloseTo(area.left, 0);
    expect(test.at(-1)?.[0]).toBeCloseTo(area.right, 0);
  });

  it('states the latest step and losses in its label', () => {
    const points: LossPointData[] = [
      { step: 0, train: null, test: 0.7 },
      { step: 142, train: 0.07712, test: 0.00804 },
    ];
    render(<LossChart points={points} logScale={false} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Loss by step: at step 142, train 0.077, test 0.008',
    );
  });

  it('shows the empty state while there are no points', () => {
    const { container } = render(
      <LossChart points={[]} logScale={false} height={140} emptyText="Nothing yet." />,
    );
    const empty = container.querySelector('.chart-empty');
    expect(empty?.textContent).toBe('Nothing yet.');
    expect((empty as HTMLElement).style.height).toBe('140px');
    expect(container.querySelector('svg')).toBeNull();
  });

  it('uses a viewBox as wide as the fallback width in jsdom, with 12 px tick labels', () => {
    const { container } = render(<LossChart points={run(10, 0.1)} logScale={false} height={140} />);
    const svg = container.querySelector('svg');
    expect(svg?.getAttribute('viewBox')).toBe('0 0 300 140');
    expect(svg?.getAttribute('width')).toBe('100%');
    expect(container.querySelector('.loss-ytick')?.parentElement?.getAttribute('font-size')).toBe('12');
  });
});

describe('axis helpers', () => {
  it('logTicks: 1-2-5 ticks snapped around the range, powers of ten over many decades', () => {
    expect(logTicks(0.05, 0.7, 5)).toEqual({ lo: 0.05, hi: 1, values: [0.05, 0.1, 0.2, 0.5, 1] });
    expect(logTicks(0.15, 0.6, 5)).toEqual({ lo: 0.1, hi: 1, values: [0.1, 0.2, 0.5, 1] });
    expect(logTicks(0.00065, 0.85, 5)).toEqual({ lo: 0.0001, hi: 1, values: [0.0001, 0.001, 0.01, 0.1, 1] });
    expect(logTicks(1e-9, 5, 5).values).toEqual([1e-9, 1e-6, 1e-3, 1, 1e3]);
    // Under a decade or so: round linear steps, still snapped to cover the range.
    expect(logTicks(0.3, 0.35, 5)).toEqual({ lo: 0.3, hi: 0.36, values: [0.3, 0.32, 0.34, 0.36] });
  });

  it('snappedTicks: round steps, the domain widened to the ticks at either end', () => {
    expect(snappedTicks(0.02, 0.75, 5)).toEqual({ lo: 0, hi: 0.8, values: [0, 0.2, 0.4, 0.6, 0.8] });
    expect(snappedTicks(0.4995, 0.5005, 5).values).toEqual([0.4995, 0.5, 0.5005]);
  });

  it('compactNumber: short tick labels', () => {
    expect([0.6, 0.08, 0.007, 0.0025, 250, 1e6, 0].map(compactNumber)).toEqual([
      '0.6',
      '0.08',
      '7e-3',
      '2.5e-3',
      '250',
      '1e6',
      '0',
    ]);
  });
});
