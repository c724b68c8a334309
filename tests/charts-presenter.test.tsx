// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChartStyleContext, NORMAL_STYLE, OKABE_ITO, PRESENTER_STYLE } from '../src/charts/chartStyle';
import { cellColor } from '../src/charts/colors';
import { HistogramChart } from '../src/charts/HistogramChart';
import { LossChart, type LossPointData } from '../src/charts/LossChart';
import { WarpedGridChart } from '../src/charts/WarpedGridChart';
import { ViewChartStyle } from '../src/components/ViewChartStyle';
import { appStore } from '../src/store/store';

afterEach(cleanup);

const presenting = (chart: ReactElement) =>
  render(<ChartStyleContext.Provider value={PRESENTER_STYLE}>{chart}</ChartStyleContext.Provider>);

const points: LossPointData[] = Array.from({ length: 20 }, (_, i) => ({
  step: i * 10,
  train: i === 0 ? null : 0.6 / (i + 1),
  test: 0.7 / (i + 1),
}));

const num = (el: Element | null | undefined, attr: string) => Number(el?.getAttribute(attr));
/** The drawn line of a loss series. */
const line = (c: HTMLElement, key: string) => c.querySelector(`.curve-${key} path.recharts-line-curve`);

describe('presenter chart style', () => {
  it('draws the loss lines twice as thick in Okabe-Ito colours, the train line dashed', () => {
    const normal = render(<LossChart points={points} logScale={false} />).container;
    expect(num(line(normal, 'test'), 'stroke-width')).toBe(2);
    expect(line(normal, 'train')?.getAttribute('stroke-dasharray')).toBeNull();
    cleanup();

    const big = presenting(<LossChart points={points} logScale={false} />).container;
    expect(num(line(big, 'test'), 'stroke-width')).toBe(4);
    expect(line(big, 'test')?.getAttribute('stroke')).toBe('#0072b2');
    expect(line(big, 'train')?.getAttribute('stroke')).toBe('#d55e00');
    expect(line(big, 'train')?.getAttribute('stroke-dasharray')).toBe('12 10');
  });

  it('follows presenter view in the store (ViewChartStyle)', () => {
    appStore.setState(appStore.getInitialState(), true);
    const { container } = render(
      <ViewChartStyle>
        <LossChart points={points} logScale={false} />
      </ViewChartStyle>,
    );
    const width = () => num(line(container, 'test'), 'stroke-width');
    expect(width()).toBe(2);
    act(() => appStore.getState().setPresenter(true));
    expect(width()).toBe(4);
    act(() => appStore.getState().setPresenter(false));
    expect(width()).toBe(2);
  });

  it('writes the loss axis labels at 18 px and makes room for them under the plot', () => {
    const xAxisY = (c: HTMLElement) =>
      num(c.querySelector('.recharts-xAxis line.recharts-cartesian-axis-line'), 'y1');
    const normal = render(<LossChart points={points} logScale={false} height={240} />).container;
    expect(normal.querySelector('.chart-tick')?.getAttribute('font-size')).toBe('12');
    // 12 px labels: the x axis 22 px over the bottom (12 + 10).
    expect(xAxisY(normal)).toBe(240 - 22);
    cleanup();
    const big = presenting(<LossChart points={points} logScale={false} height={240} />).container;
    expect(big.querySelector('.chart-tick')?.getAttribute('font-size')).toBe('18');
    expect(xAxisY(big)).toBe(240 - 28);
    // The y labels get wider room too.
    const yAxisX = (c: HTMLElement) =>
      num(c.querySelector('.recharts-yAxis line.recharts-cartesian-axis-line'), 'x1');
    const normalLeft = yAxisX(render(<LossChart points={points} logScale={false} height={240} />).container);
    expect(yAxisX(big)).toBeGreaterThan(normalLeft);
  });

  it('thickens warped-grid lines and the histogram mean line', () => {
    const lines = [
      { axis: 'h' as const, points: [0, 0, 1, 0] },
      { axis: 'v' as const, points: [0, 0, 0, 1] },
    ];
    const grid = presenting(<WarpedGridChart lines={lines} xLabel="x" yLabel="y" />).container;
    const polys = Array.from(grid.querySelectorAll('polyline'));
    expect(polys.map((p) => num(p, 'stroke-width'))).toEqual([3.5, 3.5]);
    expect(polys.map((p) => p.getAttribute('stroke'))).toEqual(['#0072b2', '#d55e00']);
    cleanup();
    const hist = { lo: 0, hi: 4, counts: [1, 3, 2, 1], mean: 1.5, std: 0.9, n: 7, nonFinite: 0 };
    const normal = render(<HistogramChart hist={hist} title="h" color="#000" />).container;
    expect(num(normal.querySelector('.hist-mean line'), 'stroke-width')).toBe(2.5);
    cleanup();
    const big = presenting(<HistogramChart hist={hist} title="h" color="#000" />).container;
    expect(num(big.querySelector('.hist-mean line'), 'stroke-width')).toBe(3.5);
  });

  it('colours the decision boundary with Okabe-Ito vermillion and blue, mixed with white as before', () => {
    const { classRgb } = PRESENTER_STYLE;
    // P(class 1) = 0: 75% vermillion (213, 94, 0) over the neutral 248: 0.25 x 248 + 0.75 x c.
    expect(cellColor(new Float32Array([0]), 0, 1, 'binary', classRgb)).toEqual([222, 133, 62]);
    // P = 1: 75% blue (0, 114, 178).
    expect(cellColor(new Float32Array([1]), 0, 1, 'binary', classRgb)).toEqual([62, 148, 196]);
    // P = 0.5: the neutral grey-white.
    expect(cellColor(new Float32Array([0.5]), 0, 1, 'binary', classRgb)).toEqual([248, 248, 248]);
    // Multiclass, sure of class 2: 0.15 + 0.6 = 75% bluish green (0, 158, 115).
    expect(cellColor(new Float32Array([0, 0, 1]), 0, 3, 'multiclass', classRgb)).toEqual([62, 181, 148]);
    expect(classRgb).toEqual([OKABE_ITO.vermillion, OKABE_ITO.blue, OKABE_ITO.bluishGreen]);
    // The normal view keeps its colours.
    expect(cellColor(new Float32Array([0]), 0, 1, 'binary', NORMAL_STYLE.classRgb)).toEqual(
      cellColor(new Float32Array([0]), 0, 1, 'binary'),
    );
  });
});
