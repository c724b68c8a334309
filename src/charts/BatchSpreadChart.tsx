import { memo, useMemo, useRef } from 'react';
import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, XAxis, YAxis, ZAxis } from 'recharts';
import { sig3, snappedTicks } from './axis';
import { useChartStyle } from './chartStyle';
import { plainTick } from './plainTick';
import type { SpreadGroup } from './types';
import { useWidth } from './useWidth';

export type { SpreadGroup } from './types';

interface Props {
  readonly groups: readonly SpreadGroup[];
  /** The value in inference mode, drawn as a dashed line across all groups. */
  readonly inference: number;
  /** Width until measured (the chart is as wide as its container). */
  readonly width?: number;
  readonly height?: number;
  /** Label beside the y axis, and the quantity named in the aria-label. */
  readonly yLabel?: string;
}

const INK = '#1b1f24';
const INFERENCE = '#b35500';
/** Rough width of one 12 px label character. */
const CHAR_W = 7.2;
const Y_TICK = plainTick(12, INK, sig3, 'y');

/** Deterministic jitter in [-0.5, 0.5): a golden-ratio sequence, different per group. */
export const jitter = (group: number, i: number) => ((i * 0.618034 + group * 0.377) % 1) - 0.5;

/** Smallest and largest of some finite numbers (no spread, so long arrays are safe). */
function minMax(values: readonly number[]): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/**
 * A strip plot of a statistic measured per batch (recharts): one column per group, one (jittered)
 * dot per value, a min–max whisker per group, and a dashed line at the inference-mode value.
 */
function BatchSpreadChartView({ groups, inference, width = 480, height = 220, yLabel }: Props) {
  const style = useChartStyle();
  const boxRef = useRef<HTMLDivElement>(null);
  const drawnWidth = useWidth(boxRef, width);
  const cols = useMemo(
    () =>
      groups.map((g) => {
        const values = g.values.filter(Number.isFinite);
        return { label: g.label, values, range: minMax(values) };
      }),
    [groups],
  );
  const all = cols.flatMap((c) => c.values);
  const [min, max] = minMax(all);
  const hasInference = Number.isFinite(inference);
  const extent = (all.length ? [min, max] : []).concat(hasInference ? [inference] : []);
  const [lo, hi] = extent.length ? minMax(extent) : [0, 0];
  const pad = hi - lo > 1e-12 * Math.max(1, Math.abs(lo)) ? 0.08 * (hi - lo) : 1;
  // Round ticks, the axis widened to the first and last (axis.ts).
  const yTicks = snappedTicks(lo - pad, hi + pad, 5);
  const dots = cols.flatMap((c, gi) => c.values.map((y, i) => ({ x: gi + 0.45 * jitter(gi, i), y })));
  const colW = (drawnWidth - 60) / Math.max(1, groups.length);
  const rotate = cols.some((c) => c.label.length * CHAR_W > colW - 4);
  const longest = Math.max(0, ...cols.map((c) => c.label.length));
  const words = yLabel ?? 'the value';
  const label = `${
    all.length
      ? `Spread of ${words} across ${groups.length} batch groups: from ${sig3(min)} to ${sig3(max)}, a spread of ${sig3(max - min)}`
      : `Spread of ${words}: no values`
  }${hasInference ? `; inference mode gives ${sig3(inference)}` : ''}`;
  const cap = 0.12;
  // Scatter sizes are symbol areas (px²): a dot of radius r is π r².
  const dotArea = Math.PI * (4 * style.pointScale) ** 2;

  return (
    <div ref={boxRef} className="batch-spread-chart" role="img" aria-label={label}>
      {hasInference && (
        <p className="spread-inference-key">
          <span aria-hidden="true" className="spread-inference-swatch" />
          {`inference mode (${sig3(inference)})`}
        </p>
      )}
      <ScatterChart
        width={drawnWidth}
        height={height}
        margin={{ top: 8, right: 12, bottom: 0, left: yLabel ? 8 : 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#dde2ea" vertical={false} />
        <XAxis
          dataKey="x"
          type="number"
          domain={[-0.5, Math.max(0.5, groups.length - 0.5)]}
          ticks={cols.map((_, i) => i)}
          tickFormatter={(i: number) => cols[i]?.label ?? ''}
          interval={0}
          angle={rotate ? -35 : 0}
          textAnchor={rotate ? 'end' : 'middle'}
          height={rotate ? Math.min(90, 24 + longest * CHAR_W * 0.58) : 28}
          tick={{ fontSize: 12, fill: INK }}
          stroke={INK}
        />
        <YAxis
          dataKey="y"
          type="number"
          domain={[yTicks.lo, yTicks.hi]}
          ticks={yTicks.values}
          interval={0}
          allowDataOverflow
          tick={Y_TICK}
          stroke={INK}
          label={
            yLabel
              ? {
                  value: yLabel,
                  angle: -90,
                  position: 'insideLeft',
                  fontSize: 13,
                  fill: INK,
                  textAnchor: 'middle',
                }
              : undefined
          }
        />
        {cols.map((c, gi) =>
          c.values.length > 0
            ? [
                [gi, c.range[0], gi, c.range[1]],
                [gi - cap, c.range[0], gi + cap, c.range[0]],
                [gi - cap, c.range[1], gi + cap, c.range[1]],
              ].map(([x1, y1, x2, y2], k) => (
                <ReferenceLine
                  // biome-ignore lint/suspicious/noArrayIndexKey: a whisker's three strokes are positional.
                  key={`${gi}-${k}`}
                  className="spread-whisker"
                  segment={[
                    { x: x1, y: y1 },
                    { x: x2, y: y2 },
                  ]}
                  stroke={INK}
                  strokeWidth={2}
                />
              ))
            : null,
        )}
        <ZAxis range={[dotArea, dotArea]} />
        <Scatter
          className="spread-dots"
          data={dots}
          fill={style.after}
          fillOpacity={0.7}
          stroke="#fff"
          strokeWidth={0.75}
          isAnimationActive={false}
          shape="circle"
        />
        {hasInference && (
          <ReferenceLine
            className="inference-line"
            y={inference}
            stroke={INFERENCE}
            strokeWidth={2.5}
            strokeDasharray="8 5"
          />
        )}
      </ScatterChart>
    </div>
  );
}

/** How much a per-batch statistic varies with the batch it was computed on, against inference mode. */
export const BatchSpreadChart = memo(BatchSpreadChartView);
