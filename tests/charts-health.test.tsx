// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import HealthChart, { type HealthRow, type HealthSeries } from '../src/charts/HealthChart';
import { formatSci, logAxis } from '../src/charts/healthScale';
import SweepChart, { type SweepSeries } from '../src/charts/SweepChart';
import { HealthTable } from '../src/components/analysis/HealthTable';
import { healthChartData } from '../src/components/analysis/healthView';
import { defaultGraph } from '../src/graph/defaultGraph';
import type { HealthSample } from '../src/train/protocol';

afterEach(cleanup);

const series: HealthSeries[] = [
  { key: 'dense1', name: 'dense1', color: '#0072B2' },
  { key: 'output', name: 'output', color: '#D55E00' },
];
const rows = (values: [number, number | null, number | null][]): HealthRow[] =>
  values.map(([step, a, b]) => ({ step, dense1: a, output: b }));

const drawn = (c: HTMLElement) => c.querySelectorAll('.recharts-line-curve').length;

describe('health chart scales and numbers', () => {
  it('writes tiny and huge figures in exponent form and spells out NaN and infinity', () => {
    expect(formatSci(0.00123)).toBe('1.23e-3');
    expect(formatSci(0.001)).toBe('1e-3');
    expect(formatSci(0.0012)).toBe('1.2e-3');
    expect(formatSci(0.5)).toBe('0.5');
    expect(formatSci(123.456)).toBe('123');
    expect(formatSci(12345)).toBe('1.23e4');
    expect(formatSci(0)).toBe('0');
    expect(formatSci(Number.NaN)).toBe('NaN');
    expect(formatSci(Number.POSITIVE_INFINITY)).toBe('∞');
  });

  it('spans whole decades on a log axis, ignoring what a log axis cannot draw', () => {
    expect(logAxis([0.002, 0.3, Number.NaN, 0, -1, null])).toEqual({
      domain: [0.001, 1],
      ticks: [0.001, 0.01, 0.1, 1],
    });
    expect(logAxis([5])).toEqual({ domain: [1, 10], ticks: [1, 10] });
    expect(logAxis([])).toEqual({ domain: [1e-4, 1], ticks: [1e-4, 0.001, 0.01, 0.1, 1] });
  });
});

describe('HealthChart', () => {
  it('draws one line per layer with the guide line labelled', () => {
    const { container } = render(
      <HealthChart
        rows={rows([
          [10, 0.002, 0.01],
          [20, 0.001, 0.004],
          [30, 0.0008, 0.003],
        ])}
        series={series}
        yLabel="Update / weight"
        log
        guide={{ y: 1e-3, label: '1e-3: a healthy step' }}
        width={420}
      />,
    );
    expect(drawn(container)).toBe(2);
    expect(screen.getByText('1e-3: a healthy step')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Update / weight by step, at step 30: dense1 8e-4; output 3e-3',
    );
  });

  it('does not throw on empty, one-point, NaN, infinite or non-positive data', () => {
    const cases: HealthRow[][] = [
      [],
      rows([[5, 0.1, 0.2]]),
      rows([
        [1, Number.NaN, Number.POSITIVE_INFINITY],
        [2, 0, -3],
      ]),
      rows([
        [1, Number.NaN, null],
        [2, 0.5, Number.NaN],
      ]),
    ];
    for (const data of cases) {
      for (const log of [true, false]) {
        const { container, unmount } = render(
          <HealthChart rows={data} series={series} yLabel="Gradient norm" log={log} width={300} />,
        );
        expect(container.querySelector('.health-chart')).toBeTruthy();
        unmount();
      }
    }
    render(<HealthChart rows={[]} series={series} yLabel="Gradient norm" log width={300} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Gradient norm by step: no samples yet');
  });
});

const sweepSeries = (points: SweepSeries['points'], name = 'This lab'): SweepSeries => ({
  id: name === 'This lab' ? 'current' : 'noNorm',
  name,
  color: '#0072B2',
  points,
});

describe('SweepChart', () => {
  it('plots both labs and marks each diverged run with a cross', () => {
    const { container } = render(
      <SweepChart
        rates={[0.01, 0.1, 1]}
        width={420}
        series={[
          sweepSeries([
            { rate: 0.01, loss: 0.3, diverged: false },
            { rate: 0.1, loss: 0.05, diverged: false },
            { rate: 1, loss: 0.08, diverged: false },
          ]),
          sweepSeries(
            [
              { rate: 0.01, loss: 0.35, diverged: false },
              { rate: 0.1, loss: 0.1, diverged: false },
              { rate: 1, loss: null, diverged: true },
            ],
            'Without normalization',
          ),
        ]}
      />,
    );
    expect(container.querySelectorAll('.sweep-diverged')).toHaveLength(1);
    expect(screen.getByText('diverged ✕')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Final train loss by learning rate: This lab: 0.01 0.3, 0.1 0.05, 1 0.08; Without normalization: 0.01 0.35, 0.1 0.1, 1 diverged',
    );
  });

  it('does not throw with no runs yet, one point, NaN losses, or every run diverged', () => {
    const cases: SweepSeries[][] = [
      [],
      [sweepSeries([])],
      [sweepSeries([{ rate: 0.1, loss: 0.2, diverged: false }])],
      [sweepSeries([{ rate: 0.1, loss: Number.NaN, diverged: false }])],
      [
        sweepSeries([
          { rate: 0.1, loss: null, diverged: true },
          { rate: 3, loss: null, diverged: true },
        ]),
      ],
    ];
    for (const s of cases) {
      const { container, unmount } = render(<SweepChart series={s} rates={[0.1, 3]} width={300} />);
      expect(container.querySelector('.sweep-chart')).toBeTruthy();
      unmount();
    }
    const { container } = render(<SweepChart series={cases[4] ?? []} rates={[0.1, 3]} width={300} />);
    expect(container.querySelectorAll('.sweep-diverged')).toHaveLength(2);
  });
});

describe('the health numbers', () => {
  const sample: HealthSample = {
    step: 120,
    learningRate: 0.03,
    layers: [
      { nodeId: 'dense1', gradNorm: 0.0123, weightNorm: 2.5, updateRatio: 0.0011, effectiveLr: 0.0048 },
      { nodeId: 'dense2', gradNorm: 0.5, weightNorm: 3, updateRatio: 0.002, effectiveLr: 0.00333 },
      { nodeId: 'output', gradNorm: 1.5, weightNorm: 1.2, updateRatio: 0.01, effectiveLr: null },
    ],
  };

  it('shows each weighted layer’s latest figures in a row of its own', () => {
    render(<HealthTable sample={sample} nodes={defaultGraph().nodes} />);
    const table = screen.getByTestId('health-table');
    const body = within(table).getAllByRole('row').slice(1);
    expect(body.map((r) => Array.from(r.children).map((c) => c.textContent))).toEqual([
      ['Dense (dense1)', '0.0123', '2.5', '1.1e-3', '4.8e-3'],
      ['Dense (dense2)', '0.5', '3', '2e-3', '3.33e-3'],
      ['Output (output)', '1.5', '1.2', '0.01', '—'],
    ]);
    expect(within(table).getByText('At step 120')).toBeTruthy();
  });

  it('charts the effective learning rate only for layers followed by BatchNorm', () => {
    const { series: s, rows: r } = healthChartData([sample], 'effectiveLr');
    expect(s.map((x) => x.key)).toEqual(['dense1', 'dense2']);
    expect(r).toEqual([{ step: 120, dense1: 0.0048, dense2: 0.00333, output: null }]);
    expect(healthChartData([sample], 'gradNorm').series.map((x) => x.key)).toEqual([
      'dense1',
      'dense2',
      'output',
    ]);
    expect(healthChartData([], 'updateRatio')).toEqual({ series: [], rows: [] });
  });
});
