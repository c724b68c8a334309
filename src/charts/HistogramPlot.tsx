import { memo, useMemo } from 'react';
import { Area, AreaChart, ReferenceArea, ReferenceLine, XAxis, YAxis } from 'recharts';
import { niceTicks } from './axis';
import { plainTick } from './plainTick';
import type { ShadedRegion } from './types';

interface Props {
  /** One row per bin edge: its x and the count of the bin that starts there (the last repeats). */
  readonly rows: readonly { readonly x: number; readonly count: number }[];
  readonly lo: number;
  readonly hi: number;
  readonly maxCount: number;
  /** Mean and standard deviation to mark (null: not shown). */
  readonly mean: number | null;
  readonly std: number | null;
  readonly regions: readonly ShadedRegion[];
  readonly color: string;
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly meanWidth: number;
}

const INK = '#1b1f24';
const MARGIN = { top: 6, right: 14, bottom: 0, left: 14 };

/** The bins, regions, std band and mean line of a histogram (recharts); redrawn only when they change. */
function HistogramPlotView({
  rows,
  lo,
  hi,
  maxCount,
  mean,
  std,
  regions,
  color,
  width,
  height,
  fontSize,
  meanWidth,
}: Props) {
  // 3 to 5 round ticks inside the range (axis.ts), with the decimals they need.
  const axis = useMemo(() => {
    const t = niceTicks(lo, hi);
    const label = (v: number) => String(Number(v.toFixed(t.decimals)) + 0);
    return { domain: [lo, hi], ticks: t.values, tick: plainTick(fontSize, INK, label) };
  }, [lo, hi, fontSize]);
  // Headroom above the tallest bar keeps region labels clear of it.
  const top = maxCount * 1.18;
  const yDomain = useMemo(() => [0, top], [top]);
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  return (
    <AreaChart
      width={width}
      height={height}
      data={rows as { x: number; count: number }[]}
      margin={MARGIN}
      accessibilityLayer={false}
    >
      {regions.map((r) =>
        r.to > lo && r.from < hi ? (
          <ReferenceArea
            key={`${r.label}:${r.from}:${r.to}`}
            className="hist-region"
            x1={clamp(r.from)}
            x2={clamp(r.to)}
            y1={0}
            y2={top}
            fill="#fbd3d0"
            fillOpacity={1}
            label={{ value: r.label, position: 'insideTop', fill: '#a50e0e', fontSize: 13, fontWeight: 600 }}
          />
        ) : null,
      )}
      {mean !== null && std !== null && (
        <ReferenceArea
          className="hist-std"
          x1={clamp(mean - std)}
          x2={clamp(mean + std)}
          y1={0}
          y2={top}
          fill={INK}
          fillOpacity={0.1}
        />
      )}
      <XAxis
        dataKey="x"
        type="number"
        domain={axis.domain}
        allowDataOverflow
        ticks={axis.ticks}
        tick={axis.tick}
        interval={0}
        stroke={INK}
        height={fontSize + 12}
      />
      <YAxis hide domain={yDomain} allowDataOverflow />
      {/* The bins as one stepped outline (one path, not a component per bar: cheap to redraw). */}
      <Area
        dataKey="count"
        className="hist-bars"
        type="stepAfter"
        fill={color}
        fillOpacity={0.85}
        stroke={color}
        strokeWidth={1}
        dot={false}
        activeDot={false}
        isAnimationActive={false}
      />
      {mean !== null && (
        <ReferenceLine className="hist-mean" x={clamp(mean)} stroke={INK} strokeWidth={meanWidth} />
      )}
    </AreaChart>
  );
}

/** A histogram's plot (see Props). */
export const HistogramPlot = memo(HistogramPlotView);
