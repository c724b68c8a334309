import { memo } from 'react';
import type { Histogram } from '../lib/stats';
import { niceTicks, sig3 } from './axis';
import { useChartStyle } from './chartStyle';

/** A stretch of the x axis to shade (e.g. ReLU's dead region x < 0); ends may be ±Infinity. */
export interface ShadedRegion {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

interface Props {
  readonly hist: Histogram;
  readonly title: string;
  /** Bar colour. */
  readonly color: string;
  /** viewBox width (the SVG itself is 100% of its container). */
  readonly width?: number;
  /** viewBox height. */
  readonly height?: number;
  readonly regions?: readonly ShadedRegion[];
  /** Overrides the x extent [hist.lo, hist.hi], e.g. so that before/after charts share an axis. */
  readonly xRange?: readonly [number, number];
}

const INK = '#1b1f24';
const DANGER = '#c5221f';
const SIDE = 20;
const TOP = 26;
const BOTTOM = 46;

/** The x extent to draw: the override, else the histogram's, widened when empty or degenerate. */
function extent(hist: Histogram, xRange?: readonly [number, number]): [number, number] {
  let [lo, hi] = xRange ?? [hist.lo, hist.hi];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [-1, 1];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(lo))) return [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

/**
 * A histogram of one tensor's values (one bar per bin) with its mean (solid line), mean ± std
 * (grey band), optional shaded regions behind the bars, and a caption with mean, std and count.
 */
function HistogramChartView({ hist, title, color, width = 360, height = 220, regions = [], xRange }: Props) {
  const style = useChartStyle();
  const [lo, hi] = extent(hist, xRange);
  const plotW = width - 2 * SIDE;
  const bottom = height - BOTTOM;
  const plotH = bottom - TOP;
  const px = (v: number) => SIDE + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * plotW;
  const empty = hist.n === 0 || hist.counts.every((c) => c === 0);
  const maxCount = Math.max(1, ...hist.counts);
  // Headroom above the tallest bar keeps region labels clear of it.
  const py = (c: number) => bottom - (c / (maxCount * 1.18)) * plotH;
  const binW = (hist.hi - hist.lo) / Math.max(1, hist.counts.length);
  const ticks = niceTicks(lo, hi);
  const showMean = !empty && Number.isFinite(hist.mean);
  const showStd = showMean && Number.isFinite(hist.std) && hist.std > 0;
  const notFinite = hist.nonFinite > 0 ? `${hist.nonFinite} not finite` : '';
  const stats = `mean ${sig3(hist.mean)} (line) · std ${sig3(hist.std)} (band) · n ${hist.n}`;
  const label = `Histogram of ${title}: ${
    empty
      ? 'no finite values'
      : `mean ${sig3(hist.mean)}, standard deviation ${sig3(hist.std)}, ${hist.n} values`
  }${notFinite ? `, ${notFinite}` : ''}`;

  return (
    <svg
      className="histogram-chart"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ display: 'block' }}
    >
      <text x={SIDE} y={16} fontSize={14} fontWeight={600} fill={INK}>
        {title}
      </text>
      {regions.map((r) => {
        if (!(r.to > lo && r.from < hi)) return null;
        const x0 = px(r.from);
        const x1 = px(r.to);
        const textW = r.label.length * 7.5;
        const cx = Math.min(SIDE + plotW - textW / 2, Math.max(SIDE + textW / 2, (x0 + x1) / 2));
        return (
          <g key={`${r.label}:${r.from}:${r.to}`} className="hist-region">
            <rect x={x0} y={TOP} width={x1 - x0} height={plotH} fill="#fbd3d0" />
            <text
              x={cx}
              y={TOP + 15}
              fontSize={13}
              fontWeight={600}
              textAnchor="middle"
              fill="#a50e0e"
              stroke="#fff"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {r.label}
            </text>
          </g>
        );
      })}
      {showStd && (
        <rect
          className="hist-std"
          x={px(hist.mean - hist.std)}
          y={TOP}
          width={px(hist.mean + hist.std) - px(hist.mean - hist.std)}
          height={plotH}
          fill={INK}
          fillOpacity={0.1}
        />
      )}
      {!empty &&
        hist.counts.map((c, i) => {
          const a = hist.lo + i * binW;
          if (a + binW < lo || a > hi) return null;
          const x0 = px(a);
          const x1 = px(a + binW);
          const gap = x1 - x0 > 4 ? 0.5 : 0;
          return (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: bins are positional.
              key={i}
              className="hist-bar"
              x={x0 + gap}
              y={py(c)}
              width={Math.max(0, x1 - x0 - 2 * gap)}
              height={bottom - py(c)}
              fill={color}
            />
          );
        })}
      {showMean && (
        <line
          className="hist-mean"
          x1={px(hist.mean)}
          x2={px(hist.mean)}
          y1={TOP}
          y2={bottom}
          stroke={INK}
          strokeWidth={2.5 + (style.lineScale - 1)}
        />
      )}
      <line x1={SIDE} x2={SIDE + plotW} y1={bottom} y2={bottom} stroke={INK} strokeWidth={1.5} />
      {ticks.values.map((t) => (
        <g key={t} className="hist-tick">
          <line x1={px(t)} x2={px(t)} y1={bottom} y2={bottom + 5} stroke={INK} strokeWidth={1.5} />
          <text x={px(t)} y={bottom + 18} fontSize={12} textAnchor="middle" fill={INK}>
            {String(Number(t.toFixed(ticks.decimals)) + 0)}
          </text>
        </g>
      ))}
      <text className="hist-caption" x={SIDE} y={height - 9} fontSize={13} fill={INK}>
        <tspan>{empty ? 'no finite values' : stats}</tspan>
        {notFinite && (
          <tspan fill={DANGER} fontWeight={600}>
            {` · ${notFinite}`}
          </tspan>
        )}
      </text>
    </svg>
  );
}

/** A histogram of one tensor's values, drawn as SVG for a projector (see Props). */
export const HistogramChart = memo(HistogramChartView);
