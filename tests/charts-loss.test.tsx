// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AccuracyChart } from '../src/charts/AccuracyChart';
import { compactNumber, logTicks, snappedTicks } from '../src/charts/axis';
import { CurveTooltip } from '../src/charts/CurveTooltip';
import { curveRows, nearestPoint } from '../src/charts/curveRows';
import { LossChart, type LossPointData } from '../src/charts/LossChart';
import { flushRedraws } from '../src/charts/useThrottled';

afterEach(cleanup);

/** The [x, y] vertices of a recharts line path ("M x,y L x,y …"). */
const vertices = (el: Element | null): [number, number][] => {
  const d = el?.getAttribute('d') ?? '';
  return Array.from(d.matchAll(/[ML](-?[\d.e-]+),(-?[\d.e-]+)/g), (m) => [Number(m[1]), Number(m[2])]);
};
/** The drawn line of a series (train, test, run0, …), or null when none is drawn. */
const line = (c: HTMLElement, key: string) => c.querySelector(`.curve-${key} path.recharts-line-curve`);
/** The plot area, from the axis lines: x axis at the bottom, y axis at the left. */
const plotArea = (c: HTMLElement) => {
  const x = c.querySelector('.recharts-xAxis line.recharts-cartesian-axis-line');
  const y = c.querySelector('.recharts-yAxis line.recharts-cartesian-axis-line');
  expect(x && y, 'axis lines').toBeTruthy();
  const n = (el: Element | null, a: string) => Number(el?.getAttribute(a));
  return { left: n(x, 'x1'), right: n(x, 'x2'), bottom: n(x, 'y1'), top: n(y, 'y1') };
};
const ticks = (c: HTMLElement, axis: 'x' | 'y') =>
  Array.from(c.querySelectorAll(`.chart-tick-${axis}`), (t) => ({
    label: t.textContent ?? '',
    x: Number(t.getAttribute('x')),
    y: Number(t.getAttribute('y')),
  }));

/** A run whose loss falls from ~0.7 to `end` over `n` points, 10 steps apart. */
const run = (n: number, end: number): LossPointData[] =>
  Array.from({ length: n }, (_, i) => {
    const v = 0.7 * (end / 0.7) ** (i / (n - 1));
    return { step: i * 10, train: i === 0 ? null : v * 1.1, test: v };
  });

describe('LossChart (recharts)', () => {
  it('draws one vertex per finite point on each line, in the train and test colours', () => {
    const { container } = render(<LossChart points={run(50, 0.05)} logScale={false} />);
    expect(vertices(line(container, 'test'))).toHaveLength(50);
    expect(vertices(line(container, 'train'))).toHaveLength(49);
    expect(line(container, 'test')?.getAttribute('stroke')).toBe('#1967d2');
    expect(line(container, 'train')?.getAttribute('stroke')).toBe('#e8710a');
  });

  it('draws at most 300 points of a long run, the first at the left edge, the last at the right', () => {
    const points = run(1200, 0.01);
    // A one-point dip that must survive the downsampling (the least value is kept).
    points[777] = { step: 7770, train: 0.2, test: 0.0005 };
    const { container } = render(<LossChart points={points} logScale />);
    const test = vertices(line(container, 'test'));
    expect(test.length).toBeLessThanOrEqual(300);
    expect(test.length).toBeGreaterThan(250);
    const area = plotArea(container);
    expect(test[0]?.[0]).toBeCloseTo(area.left, 3);
    expect(test.at(-1)?.[0]).toBeCloseTo(area.right, 3);
    // The dip is the lowest point drawn (largest y), at the bottom of the plot or near it.
    const lowest = test.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(lowest[0]).toBeCloseTo(area.left + ((area.right - area.left) * 7770) / 11990, 0);
  });

  it('skips nulls in the train line, joining across them', () => {
    const points: LossPointData[] = [
      { step: 0, train: null, test: 0.7 },
      { step: 10, train: 0.5, test: 0.45 },
      { step: 20, train: null, test: 0.4 },
      { step: 30, train: 0.3, test: 0.35 },
    ];
    const { container } = render(<LossChart points={points} logScale={false} />);
    const d = line(container, 'train')?.getAttribute('d') ?? '';
    expect(d.match(/M/g)).toHaveLength(1); // one unbroken line
    const train = vertices(line(container, 'train'));
    const test = vertices(line(container, 'test'));
    expect(train).toHaveLength(2);
    expect(train.map((v) => v[0])).toEqual([test[1]?.[0], test[3]?.[0]]);
  });

  it('leaves out NaN and infinite values; a lone finite value is a dot', () => {
    const points: LossPointData[] = [
      { step: 0, train: null, test: 0.7 },
      { step: 10, train: 0.5, test: 0.45 },
      { step: 20, train: Number.NaN, test: 0.4 },
      { step: 30, train: Number.POSITIVE_INFINITY, test: Number.NaN },
      { step: 40, train: Number.NaN, test: Number.NaN },
    ];
    const { container } = render(<LossChart points={points} logScale />);
    expect(vertices(line(container, 'test'))).toHaveLength(3);
    expect(container.querySelector('circle.recharts-line-dot[name="train"]')?.getAttribute('fill')).toBe(
      '#e8710a',
    );
    const area = plotArea(container);
    for (const [, y] of vertices(line(container, 'test'))) {
      expect(y).toBeGreaterThanOrEqual(area.top - 1e-6);
      expect(y).toBeLessThanOrEqual(area.bottom + 1e-6);
    }
    // Nothing drawn at NaN (the label may say NaN: that is what the run reported).
    expect(container.querySelector('svg')?.outerHTML).not.toContain('NaN');
    expect(container.querySelector('.chart-note')).toBeNull();
  });

  it('says plainly that nothing is finite instead of drawing, and never throws', () => {
    const points: LossPointData[] = [
      { step: 0, train: null, test: Number.NaN },
      { step: 10, train: Number.NaN, test: Number.POSITIVE_INFINITY },
    ];
    const { container } = render(<LossChart points={points} logScale />);
    expect(container.querySelector('.chart-note')?.textContent).toMatch(/No finite values/);
    expect(line(container, 'test')).toBeNull();
  });

  it('draws one point alone as a dot, on a one-step-wide axis either side', () => {
    const { container } = render(<LossChart points={[{ step: 5, train: null, test: 0.3 }]} logScale />);
    expect(container.querySelector('circle.recharts-line-dot[name="test"]')).not.toBeNull();
    expect(ticks(container, 'x').map((t) => t.label)).toContain('5');
    expect(container.querySelector('svg')?.outerHTML).not.toContain('NaN');
  });

  it('covers the smallest loss on a log axis, with 1-2-5 ticks from the bottom to the top', () => {
    const points = run(200, 0.0007);
    const min = Math.min(...points.flatMap((p) => (p.train === null ? [p.test] : [p.test, p.train])));
    const { container } = render(<LossChart points={points} logScale />);
    const ys = ticks(container, 'y');
    const values = ys.map((t) => Number(t.label));
    expect(ys.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...values)).toBeLessThanOrEqual(min);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(0.7 * 1.1);
    for (const v of values)
      expect([1, 2, 5]).toContain(Number((v / 10 ** Math.floor(Math.log10(v) + 1e-9)).toFixed(6)));
    expect(ys.some((t) => t.label.includes('e-'))).toBe(true);
    const area = plotArea(container);
    const sorted = [...ys].sort((a, b) => Number(a.label) - Number(b.label));
    expect(sorted[0]?.y).toBeCloseTo(area.bottom, 3);
    expect(sorted.at(-1)?.y).toBeCloseTo(area.top, 3);
    // Log spacing: each decade is as tall as the next.
    const at = (label: string) => ys.find((t) => t.label === label)?.y as number;
    expect(at('1e-3') - at('0.01')).toBeCloseTo(at('0.01') - at('0.1'), 3);
  });

  it('falls back to a linear axis from 0 when asked for log but a value is 0', () => {
    const points: LossPointData[] = [
      { step: 0, train: null, test: 0.5 },
      { step: 10, train: 0, test: 0.2 },
    ];
    const { container } = render(<LossChart points={points} logScale />);
    const ys = ticks(container, 'y');
    expect(ys[0]?.label).toBe('0');
    const gaps = ys.slice(1).map((t, i) => (ys[i]?.y ?? 0) - t.y);
    for (const g of gaps) expect(g).toBeCloseTo(gaps[0] as number, 6);
  });

  it('puts 3 to 6 integer step ticks on the x axis, from the first step to the last', () => {
    const points = run(143, 0.01).map((p, i) => ({ ...p, step: i }));
    const { container } = render(<LossChart points={points} logScale={false} />);
    const labels = ticks(container, 'x').map((t) => Number(t.label));
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels.length).toBeLessThanOrEqual(6);
    for (const v of labels) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(142);
    }
  });

  it('states the latest step and losses in its label, and the pinned runs after them', () => {
    const points: LossPointData[] = [
      { step: 0, train: null, test: 0.7 },
      { step: 142, train: 0.07712, test: 0.00804 },
    ];
    render(<LossChart points={points} logScale={false} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Loss by step: at step 142, train 0.077, test 0.008',
    );
    cleanup();
    const runs = [{ id: 'run-1', name: 'Original', color: '#009e73', points: [{ x: 142, y: 0.3 }] }];
    render(<LossChart points={points} logScale={false} runs={runs} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Loss by step: at step 142, train 0.077, test 0.008; pinned: Original test 0.300 at step 142',
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

  it('draws pinned runs dashed in their colours, and the legend hides and shows any series', () => {
    const runs = [
      {
        id: 'a',
        name: 'Original',
        color: '#009e73',
        points: run(20, 0.1).map((p) => ({ x: p.step, y: p.test })),
      },
    ];
    const { container } = render(<LossChart points={run(30, 0.05)} logScale={false} runs={runs} />);
    const pinned = line(container, 'run0');
    expect(pinned?.getAttribute('stroke')).toBe('#009e73');
    expect(pinned?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(vertices(pinned)).toHaveLength(20);
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      'train',
      'test',
      'Original (test)',
    ]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'train' }));
    expect((screen.getByRole('checkbox', { name: 'train' }) as HTMLInputElement).checked).toBe(false);
    expect(line(container, 'train')).toBeNull();
    expect(line(container, 'test')).not.toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'train' }));
    expect(line(container, 'train')).not.toBeNull();
  });

  it('redraws new points with the next shared redraw, not at every report', () => {
    const first = run(10, 0.1);
    const { container, rerender } = render(<LossChart points={first} logScale={false} />);
    expect(vertices(line(container, 'test'))).toHaveLength(10);
    rerender(<LossChart points={run(11, 0.1)} logScale={false} />);
    rerender(<LossChart points={run(12, 0.1)} logScale={false} />);
    act(() => flushRedraws());
    expect(vertices(line(container, 'test'))).toHaveLength(12);
  });

  it('uses the fallback width in jsdom, with 12 px tick labels', () => {
    const { container } = render(<LossChart points={run(10, 0.1)} logScale={false} height={140} />);
    const svg = container.querySelector('svg.recharts-surface');
    expect(svg?.getAttribute('viewBox')).toBe('0 0 300 140');
    expect(container.querySelector('.chart-tick')?.getAttribute('font-size')).toBe('12');
  });
});

describe('curve tooltip and rows', () => {
  const series = [
    {
      key: 'train',
      name: 'train',
      color: '#e8710a',
      points: [
        { x: 0, y: 0.9 },
        { x: 20, y: 0.5 },
      ],
    },
    {
      key: 'run0',
      name: 'Original',
      color: '#009e73',
      points: [
        { x: 10, y: 0.4 },
        { x: 30, y: 0.2 },
      ],
    },
  ];

  it('shows the hovered step and each visible series at its nearest point', () => {
    const format = (v: number) => v.toFixed(2);
    render(<CurveTooltip active label={18} series={series} hidden={new Set()} format={format} />);
    expect(screen.getByText('step 18')).toBeTruthy();
    expect(document.body.textContent).toContain('train: 0.50 (step 20)');
    expect(document.body.textContent).toContain('Original: 0.40 (step 10)');
    cleanup();
    render(<CurveTooltip active label={20} series={series} hidden={new Set(['run0'])} format={format} />);
    expect(document.body.textContent).toContain('train: 0.50');
    expect(document.body.textContent).not.toContain('Original');
    cleanup();
    const { container } = render(
      <CurveTooltip active={false} label={20} series={series} hidden={new Set()} format={format} />,
    );
    expect(container.innerHTML).toBe('');
  });

  it('merges series by step, each downsampled, and leaves hidden series out of the y range', () => {
    const lay = curveRows(series, { hidden: new Set(['train']) });
    expect(lay.rows.map((r) => r.x)).toEqual([0, 10, 20, 30]);
    expect(lay.rows[1]).toEqual({ x: 10, run0: 0.4 });
    expect(lay.yRange).toEqual([0.2, 0.4]);
    const many = [
      {
        key: 's',
        name: 's',
        color: '#000',
        points: Array.from({ length: 5000 }, (_, i) => ({ x: i, y: Math.sin(i) })),
      },
    ];
    expect(curveRows(many).counts.s).toBeLessThanOrEqual(300);
    expect(curveRows(many, { log: true }).rows.every((r) => (r.s ?? 1) > 0)).toBe(true);
    expect(nearestPoint([], 3)).toBeUndefined();
    expect(nearestPoint(series[0]?.points ?? [], 11)).toEqual({ x: 20, y: 0.5 });
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

describe('LossChart batch losses', () => {
  it('draws the per-group batch loss as a light line behind train and test, downsampled', () => {
    const groups = Array.from({ length: 2000 }, (_, i) => ({ x: i, y: 0.7 * Math.exp(-i / 500) + 0.01 }));
    const { container } = render(<LossChart points={run(20, 0.05)} groups={groups} logScale />);
    const batch = line(container, 'batch');
    expect(batch?.getAttribute('stroke')).toBe('#9aa0a6');
    expect(vertices(batch).length).toBeLessThanOrEqual(300);
    // Behind: drawn before the train and test lines.
    const test = line(container, 'test') as Element;
    expect(batch?.compareDocumentPosition(test)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(screen.getByRole('checkbox', { name: 'batch' })).toBeTruthy();
  });
});

describe('AccuracyChart (recharts)', () => {
  const line = (c: HTMLElement, key: string) => c.querySelector(`.curve-${key} path.recharts-line-curve`);

  it('draws test accuracy on a fixed 0-100% axis, pinned runs dashed beside it', () => {
    const points = Array.from({ length: 30 }, (_, i) => ({ x: i * 10, y: Math.min(1, 0.5 + i / 40) }));
    const runs = [
      { id: 'a', name: 'Original', color: '#009e73', points: points.map((p) => ({ ...p, y: p.y / 2 })) },
    ];
    const { container } = render(<AccuracyChart points={points} runs={runs} />);
    expect(Array.from(container.querySelectorAll('.chart-tick-y'), (t) => t.textContent)).toEqual([
      '0%',
      '25%',
      '50%',
      '75%',
      '100%',
    ]);
    expect(vertices(line(container, 'live'))).toHaveLength(30);
    expect(line(container, 'run0')?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Test accuracy by step: this run 100.0% at step 290; Original 50.0% at step 290',
    );
  });

  it('never throws on no points, NaN, or one point', () => {
    const cases = [
      [],
      [{ x: 0, y: Number.NaN }],
      [
        { x: 0, y: 0.5 },
        { x: 10, y: Number.NaN },
        { x: 20, y: Number.POSITIVE_INFINITY },
      ],
      [{ x: 7, y: 0.9 }],
    ];
    for (const points of cases) {
      cleanup();
      const { container } = render(<AccuracyChart points={points} />);
      expect(container.querySelector('svg')?.outerHTML ?? '').not.toContain('NaN');
    }
    expect(document.querySelector('circle.recharts-line-dot')).not.toBeNull();
    cleanup();
    render(<AccuracyChart points={[]} emptyText="Nothing yet." />);
    expect(screen.getByText('Nothing yet.')).toBeTruthy();
  });
});
