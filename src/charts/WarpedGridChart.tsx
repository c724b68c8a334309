import { memo } from 'react';
import { useChartStyle } from './chartStyle';

/** One line of a grid after a transformation; `axis` is the direction it had before it. */
export interface GridLine {
  readonly axis: 'h' | 'v';
  /** Interleaved coordinates x0, y0, x1, y1, ... */
  readonly points: ArrayLike<number>;
}

interface Props {
  readonly lines: readonly GridLine[];
  /** viewBox width (the SVG itself is 100% of its container). */
  readonly width?: number;
  /** viewBox height. */
  readonly height?: number;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly caption?: string;
}

const INK = '#1b1f24';
const LEFT = 28;
const TOP = 8;
const RIGHT = 8;
/** Blank margin inside the frame around the lines, as a fraction of the plot's size. */
const INSET = 0.06;

/** Bounding box of the finite points of all lines: [xmin, ymin, xmax, ymax]; a unit box if there are none. */
function bounds(lines: readonly GridLine[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { points: p } of lines) {
    for (let i = 0; i + 1 < p.length; i += 2) {
      const x = p[i] as number;
      const y = p[i + 1] as number;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  return x0 <= x1 ? [x0, y0, x1, y1] : [-0.5, -0.5, 0.5, 0.5];
}

/**
 * A grid drawn through a transformation: each line as a polyline, blue for lines that started
 * horizontal and orange for vertical ones, at the same scale on both axes (centred), with axis labels.
 */
function WarpedGridChartView({ lines, width = 300, height = 300, xLabel, yLabel, caption }: Props) {
  const style = useChartStyle();
  const bottom = height - (caption ? 44 : 26);
  const plotW = width - LEFT - RIGHT;
  const plotH = bottom - TOP;
  const [x0, y0, x1, y1] = bounds(lines);
  // A zero extent (all points equal, or a flat line) gets a minimum one, so the scale stays finite.
  const minExtent = Math.max(x1 - x0, y1 - y0, Math.abs(x0), Math.abs(y0), 1) * 1e-6;
  const scale =
    (1 - 2 * INSET) * Math.min(plotW / Math.max(x1 - x0, minExtent), plotH / Math.max(y1 - y0, minExtent));
  const cx = LEFT + plotW / 2;
  const cy = TOP + plotH / 2;
  const mx = x0 / 2 + x1 / 2;
  const my = y0 / 2 + y1 / 2;
  const toSvg = (p: ArrayLike<number>) => {
    const out: string[] = [];
    for (let i = 0; i + 1 < p.length; i += 2) {
      const x = p[i] as number;
      const y = p[i + 1] as number;
      if (Number.isFinite(x) && Number.isFinite(y))
        out.push(`${(cx + (x - mx) * scale).toFixed(2)},${(cy - (y - my) * scale).toFixed(2)}`);
    }
    return out.join(' ');
  };
  const label = `Image of ${lines.length} grid lines: ${xLabel} against ${yLabel}${caption ? `. ${caption}` : ''}`;

  return (
    <svg
      className="warped-grid-chart"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ display: 'block' }}
    >
      <rect x={LEFT} y={TOP} width={plotW} height={plotH} fill="#fff" stroke="#b9c1cc" />
      {lines.map((l, i) => (
        <polyline
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional.
          key={i}
          className={`grid-line grid-line-${l.axis}`}
          points={toSvg(l.points)}
          fill="none"
          stroke={l.axis === 'h' ? style.gridH : style.gridV}
          strokeWidth={1.75 * style.lineScale}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      ))}
      <text x={cx} y={bottom + 18} fontSize={13} textAnchor="middle" fill={INK}>
        {xLabel}
      </text>
      <text x={16} y={cy} fontSize={13} textAnchor="middle" fill={INK} transform={`rotate(-90 16 ${cy})`}>
        {yLabel}
      </text>
      {caption && (
        <text x={width / 2} y={height - 6} fontSize={13} textAnchor="middle" fill={INK}>
          {caption}
        </text>
      )}
    </svg>
  );
}

/** A grid's lines after a transformation (e.g. a layer), at equal aspect ratio, as SVG polylines. */
export const WarpedGridChart = memo(WarpedGridChartView);
