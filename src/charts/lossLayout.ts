import type { XY } from '../lib/downsample';
import { compactNumber, logTicks, niceTicks, snappedTicks } from './axis';

/** One point of the loss chart: the step, the mean train loss since the last point (if any), the test loss. */
export interface LossPointData {
  readonly step: number;
  readonly train: number | null;
  readonly test: number;
}

/** Tick-label size in px when none is given. */
export const DEFAULT_FONT = 12;
/** Rough width of one tick-label character per px of font size (7 px at 12 px). */
export const CHAR_W_PER_PX = 7 / 12;

/** Everything drawn except the hover readout; rebuilt only when the points, scale or size change. */
export interface Layout {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly log: boolean;
  readonly xTicks: readonly { x: number; label: string }[];
  readonly yTicks: readonly { y: number; label: string }[];
  readonly trainPath: string;
  readonly testPath: string;
  /** The batch loss of each readback group (x: step, y: loss), already downsampled for drawing. */
  readonly groupPath: string;
  readonly groupCount: number;
  /** Points drawn per line (the lines skip nulls and non-finite values). */
  readonly trainCount: number;
  readonly testCount: number;
  /** A lone point of a line, drawn as a dot since a one-point path shows nothing. */
  readonly trainDot: readonly [number, number] | null;
  readonly testDot: readonly [number, number] | null;
  readonly anyFinite: boolean;
  readonly xLo: number;
  readonly xHi: number;
  readonly py: (v: number) => number;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Scales, ticks and the line paths, built in one pass over the points: train and test loss from
 * `points`, and the per-group batch loss from `groups` (x: step, y: loss; pass it downsampled to
 * about the plot's width, see lib/downsample), drawn behind them on the same axes.
 */
export function layout(
  points: readonly LossPointData[],
  logScale: boolean,
  width: number,
  height: number,
  font = DEFAULT_FONT,
  groups: readonly XY[] = [],
): Layout {
  // Margins follow the tick-label size: 12 px labels get 8 px above the plot and 20 px below it.
  const charW = font * CHAR_W_PER_PX;
  const top = Math.max(8, Math.round(font / 2 + 2));
  const below = font + 8;
  let xLo = Number.POSITIVE_INFINITY;
  let xHi = Number.NEGATIVE_INFINITY;
  let yLo = Number.POSITIVE_INFINITY;
  let yHi = Number.NEGATIVE_INFINITY;
  const take = (x: number, values: readonly (number | null)[]) => {
    if (!Number.isFinite(x)) return;
    xLo = Math.min(xLo, x);
    xHi = Math.max(xHi, x);
    for (const v of values) {
      if (v === null || !Number.isFinite(v)) continue;
      yLo = Math.min(yLo, v);
      yHi = Math.max(yHi, v);
    }
  };
  for (const p of points) take(p.step, [p.train, p.test]);
  for (const g of groups) take(g.x, [g.y]);
  if (!(xLo <= xHi)) [xLo, xHi] = [0, 1];
  const anyFinite = yLo <= yHi;
  if (!anyFinite) [yLo, yHi] = [0, 1];
  const log = logScale && anyFinite && yLo > 0;

  const plotH = height - top - below;
  const maxYTicks = Math.max(3, Math.min(6, Math.floor(plotH / (font * 1.85))));
  let y: { lo: number; hi: number; values: number[] };
  if (log) {
    // A little room beyond the data (4% of its span on the log axis) before snapping to ticks.
    const pad = (yHi / yLo) ** 0.04 || 1;
    const [a, b] = yHi / yLo < 1.0001 ? [yLo / 1.2, yHi * 1.2] : [yLo / pad, yHi * pad];
    y = logTicks(a, b, maxYTicks);
  } else {
    const span = yHi - yLo;
    // (At least 0.5% of the value, so that a flat line still gets distinct tick labels.)
    const pad = Math.max(span * 0.04, Math.abs(yHi) * 0.005, 1e-6);
    // Losses are never negative: don't let the padding push the axis below 0.
    const a = yLo >= 0 ? Math.max(0, yLo - pad) : yLo - pad;
    y = snappedTicks(a, yHi + pad, maxYTicks);
  }
  const yLabels = y.values.map(compactNumber);
  const left = 10 + Math.max(...yLabels.map((l) => l.length)) * charW;

  // The x axis runs from the first step to the last (one step either side for a lone point).
  if (xHi - xLo < 1) [xLo, xHi] = [xLo - 1, xHi + 1];
  const xValues =
    xHi - xLo <= 5
      ? Array.from({ length: Math.floor(xHi) - Math.ceil(xLo) + 1 }, (_, i) => Math.ceil(xLo) + i)
      : niceTicks(xLo, xHi).values.filter((v) => Number.isInteger(v));
  const xLabels = xValues.map((v) => String(v));
  const right = Math.max(12, ((xLabels.at(-1)?.length ?? 0) * charW) / 2 + 2);
  const plotW = Math.max(10, width - left - right);
  const bottom = height - below;

  const px = (v: number) => left + ((v - xLo) / (xHi - xLo)) * plotW;
  const [l0, l1] = log ? [Math.log10(y.lo), Math.log10(y.hi)] : [y.lo, y.hi];
  const py = log
    ? (v: number) => bottom - ((Math.log10(v) - l0) / (l1 - l0)) * plotH
    : (v: number) => bottom - ((v - l0) / (l1 - l0)) * plotH;

  let groupPath = '';
  let groupCount = 0;
  for (const g of groups) {
    if (!Number.isFinite(g.x) || !Number.isFinite(g.y) || (log && g.y <= 0)) continue;
    groupPath += `${groupCount === 0 ? 'M' : 'L'}${r1(px(g.x))} ${r1(py(g.y))}`;
    groupCount++;
  }
  let trainPath = '';
  let testPath = '';
  let trainCount = 0;
  let testCount = 0;
  let trainDot: [number, number] | null = null;
  let testDot: [number, number] | null = null;
  for (const p of points) {
    if (!Number.isFinite(p.step)) continue;
    const x = r1(px(p.step));
    if (p.train !== null && Number.isFinite(p.train)) {
      const yy = r1(py(p.train));
      trainPath += `${trainCount === 0 ? 'M' : 'L'}${x} ${yy}`;
      trainDot = trainCount === 0 ? [x, yy] : null;
      trainCount++;
    }
    if (Number.isFinite(p.test)) {
      const yy = r1(py(p.test));
      testPath += `${testCount === 0 ? 'M' : 'L'}${x} ${yy}`;
      testDot = testCount === 0 ? [x, yy] : null;
      testCount++;
    }
  }

  return {
    left,
    right: left + plotW,
    top,
    bottom,
    log,
    xTicks: xValues.map((v, i) => ({ x: px(v), label: xLabels[i] ?? '' })),
    yTicks: y.values.map((v, i) => ({ y: py(v), label: yLabels[i] ?? '' })),
    trainPath,
    testPath,
    groupPath,
    groupCount,
    trainCount,
    testCount,
    trainDot,
    testDot,
    anyFinite,
    xLo,
    xHi,
    py,
  };
}
