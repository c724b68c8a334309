import { memo, type PointerEvent, type RefObject, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatNumber } from '../lib/format';
import { compactNumber, logTicks, niceTicks, snappedTicks } from './axis';

export interface LossPointData {
  readonly step: number;
  readonly train: number | null;
  readonly test: number;
}

interface Props {
  readonly points: readonly LossPointData[];
  readonly logScale: boolean;
  readonly height?: number;
  /** What to say while there are no points. */
  readonly emptyText?: string;
}

const INK = '#1b1f24';
const AXIS = '#5f6368';
const GRID = '#d8dde6';
const TRAIN = '#e8710a';
const TEST = '#1967d2';
const FONT = 12;
/** Rough width of one tick-label character at 12 px. */
const CHAR_W = 7;
const TOP = 8;
const BOTTOM = 20;
/** Width used until the container has been measured (and in jsdom, which measures nothing). */
const FALLBACK_WIDTH = 300;

/** Everything drawn except the hover readout; rebuilt only when the points, scale or size change. */
interface Layout {
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  readonly log: boolean;
  readonly xTicks: readonly { x: number; label: string }[];
  readonly yTicks: readonly { y: number; label: string }[];
  readonly trainPath: string;
  readonly testPath: string;
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

/** Scales, ticks and both line paths, built in one pass over the points. */
function layout(points: readonly LossPointData[], logScale: boolean, width: number, height: number): Layout {
  let xLo = Number.POSITIVE_INFINITY;
  let xHi = Number.NEGATIVE_INFINITY;
  let yLo = Number.POSITIVE_INFINITY;
  let yHi = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    if (!Number.isFinite(p.step)) continue;
    xLo = Math.min(xLo, p.step);
    xHi = Math.max(xHi, p.step);
    for (const v of [p.train, p.test]) {
      if (v === null || !Number.isFinite(v)) continue;
      yLo = Math.min(yLo, v);
      yHi = Math.max(yHi, v);
    }
  }
  if (!(xLo <= xHi)) [xLo, xHi] = [0, 1];
  const anyFinite = yLo <= yHi;
  if (!anyFinite) [yLo, yHi] = [0, 1];
  const log = logScale && anyFinite && yLo > 0;

  const plotH = height - TOP - BOTTOM;
  const maxYTicks = Math.max(3, Math.min(6, Math.floor(plotH / 22)));
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
  const left = 10 + Math.max(...yLabels.map((l) => l.length)) * CHAR_W;

  // The x axis runs from the first step to the last (one step either side for a lone point).
  if (xHi - xLo < 1) [xLo, xHi] = [xLo - 1, xHi + 1];
  const xValues =
    xHi - xLo <= 5
      ? Array.from({ length: Math.floor(xHi) - Math.ceil(xLo) + 1 }, (_, i) => Math.ceil(xLo) + i)
      : niceTicks(xLo, xHi).values.filter((v) => Number.isInteger(v));
  const xLabels = xValues.map((v) => String(v));
  const right = Math.max(12, ((xLabels.at(-1)?.length ?? 0) * CHAR_W) / 2 + 2);
  const plotW = Math.max(10, width - left - right);
  const bottom = height - BOTTOM;

  const px = (v: number) => left + ((v - xLo) / (xHi - xLo)) * plotW;
  const [l0, l1] = log ? [Math.log10(y.lo), Math.log10(y.hi)] : [y.lo, y.hi];
  const py = log
    ? (v: number) => bottom - ((Math.log10(v) - l0) / (l1 - l0)) * plotH
    : (v: number) => bottom - ((v - l0) / (l1 - l0)) * plotH;

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
    bottom,
    log,
    xTicks: xValues.map((v, i) => ({ x: px(v), label: xLabels[i] ?? '' })),
    yTicks: y.values.map((v, i) => ({ y: py(v), label: yLabels[i] ?? '' })),
    trainPath,
    testPath,
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

/** The container's width in px, followed with a ResizeObserver where there is one (once `shown`). */
function useWidth(ref: RefObject<HTMLDivElement | null>, shown: boolean): number {
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!shown || !el) return;
    const update = () => {
      const w = Math.round(el.clientWidth);
      if (w > 0) setWidth(w);
    };
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, shown]);
  return width;
}

/** The point nearest to `step` (points are in step order). */
function nearest(points: readonly LossPointData[], step: number): LossPointData | undefined {
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((points[mid]?.step ?? 0) < step) lo = mid;
    else hi = mid;
  }
  const a = points[lo];
  const b = points[hi];
  if (!a || !b) return a ?? b;
  return Math.abs(a.step - step) <= Math.abs(b.step - step) ? a : b;
}

const ok = (v: number | null): v is number => v !== null && Number.isFinite(v);

/** Train and test loss against step; log scale when asked and every value is positive. */
function LossChartView({
  points,
  logScale,
  height = 170,
  emptyText = 'No training yet: press Train or Step.',
}: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useWidth(boxRef, points.length > 0);
  const [hoverX, setHoverX] = useState<number | null>(null);
  const lay = useMemo(() => layout(points, logScale, width, height), [points, logScale, width, height]);

  if (points.length === 0) {
    return (
      <div className="chart-empty" style={{ height }}>
        {emptyText}
      </div>
    );
  }

  const last = points.at(-1);
  const label = last
    ? `Loss by step: at step ${last.step}, ${
        last.train === null ? '' : `train ${formatNumber(last.train)}, `
      }test ${formatNumber(last.test)}`
    : 'Loss by step';

  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    if (rect.width > 0) setHoverX(((e.clientX - rect.left) / rect.width) * width);
  };
  const hover =
    hoverX === null || !lay.anyFinite
      ? undefined
      : nearest(
          points,
          lay.xLo + ((hoverX - lay.left) / Math.max(1, lay.right - lay.left)) * (lay.xHi - lay.xLo),
        );
  const hx = hover ? lay.left + ((hover.step - lay.xLo) / (lay.xHi - lay.xLo)) * (lay.right - lay.left) : 0;
  const readout = hover
    ? `step ${hover.step} · ${hover.train === null ? '' : `train ${formatNumber(hover.train)} · `}test ${formatNumber(hover.test)}`
    : '';
  const readoutW = readout.length * 6.6 + 10;

  return (
    <div ref={boxRef} className="loss-chart">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ display: 'block' }}
        onPointerMove={onMove}
        onPointerLeave={() => setHoverX(null)}
      >
        <g className="loss-grid" stroke={GRID} strokeDasharray="3 3">
          {lay.yTicks.map((t) => (
            <line key={`y${t.label}`} x1={lay.left} x2={lay.right} y1={t.y} y2={t.y} />
          ))}
          {lay.xTicks.map((t) => (
            <line key={`x${t.label}`} x1={t.x} x2={t.x} y1={TOP} y2={lay.bottom} />
          ))}
        </g>
        <g fontSize={FONT} fill={INK}>
          {lay.yTicks.map((t) => (
            <text
              key={t.label}
              className="loss-ytick"
              x={lay.left - 6}
              y={t.y}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {t.label}
            </text>
          ))}
          {lay.xTicks.map((t) => (
            <text key={t.label} className="loss-xtick" x={t.x} y={lay.bottom + 15} textAnchor="middle">
              {t.label}
            </text>
          ))}
        </g>
        <path
          d={`M${lay.left} ${TOP}V${lay.bottom}H${lay.right}`}
          fill="none"
          stroke={AXIS}
          strokeWidth={1}
        />
        {lay.anyFinite ? (
          <g fill="none" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round">
            {lay.trainCount > 0 && <path className="loss-train" d={lay.trainPath} stroke={TRAIN} />}
            {lay.testCount > 0 && <path className="loss-test" d={lay.testPath} stroke={TEST} />}
            {lay.trainDot && <circle cx={lay.trainDot[0]} cy={lay.trainDot[1]} r={3} fill={TRAIN} />}
            {lay.testDot && <circle cx={lay.testDot[0]} cy={lay.testDot[1]} r={3} fill={TEST} />}
          </g>
        ) : (
          <text
            className="loss-note"
            x={(lay.left + lay.right) / 2}
            y={(TOP + lay.bottom) / 2}
            fontSize={13}
            textAnchor="middle"
            dominantBaseline="middle"
            fill={INK}
          >
            no finite values
          </text>
        )}
        {hover && (
          <g className="loss-hover" pointerEvents="none">
            <line x1={hx} x2={hx} y1={TOP} y2={lay.bottom} stroke={AXIS} />
            {ok(hover.train) && <circle cx={hx} cy={lay.py(hover.train)} r={3.5} fill={TRAIN} />}
            {ok(hover.test) && <circle cx={hx} cy={lay.py(hover.test)} r={3.5} fill={TEST} />}
            <g
              transform={`translate(${Math.min(Math.max(hx - readoutW / 2, lay.left), lay.right - readoutW)} ${TOP})`}
            >
              <rect width={readoutW} height={18} rx={3} fill="#fff" fillOpacity={0.92} stroke={GRID} />
              <text x={5} y={13} fontSize={FONT} fill={INK}>
                {readout}
              </text>
            </g>
          </g>
        )}
      </svg>
    </div>
  );
}

/** Train and test loss against step, drawn as SVG (see Props). */
export const LossChart = memo(LossChartView);
