import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatSci, linearValue, logAxis, logValue } from './healthScale';

/** One line of the chart: a layer, under `key` in every row. */
export interface HealthSeries {
  readonly key: string;
  readonly name: string;
  readonly color: string;
}

/** One sampled step: its step and each series' value (null or missing: no value there). */
export type HealthRow = { readonly step: number } & Readonly<Record<string, number | null>>;

interface Props {
  readonly rows: readonly HealthRow[];
  readonly series: readonly HealthSeries[];
  /** What the y axis shows, e.g. "Update / weight ratio". */
  readonly yLabel: string;
  /** A log y axis (values at or below 0, NaN and ±∞ leave gaps). */
  readonly log: boolean;
  /** A labelled horizontal guide, e.g. the 1e-3 rule of thumb for update ratios. */
  readonly guide?: { readonly y: number; readonly label: string } | null;
  /** A fixed width in px; by default the chart fills its container's width. */
  readonly width?: number;
  readonly height?: number;
}

/**
 * One training-health quantity of every weighted layer against step (recharts, in its own chunk).
 * No animation (new samples arrive several times a second); the tooltip shows the step and every
 * layer's value. Empty, one-point and NaN data draw an empty or single-dot chart, never throw.
 */
export default function HealthChart({ rows, series, yLabel, log, guide = null, width, height = 170 }: Props) {
  const clean = (v: number | null | undefined) => (log ? logValue(v) : linearValue(v));
  const data = rows
    .filter((r) => Number.isFinite(r.step))
    .map((r) => {
      const row: Record<string, number | null> = { step: r.step };
      for (const s of series) row[s.key] = clean(r[s.key]);
      return row;
    });
  const values = data.flatMap((r) => series.map((s) => r[s.key]));
  // A guide never sits on the axis's edge: half a decade either side of it is in view.
  const axis = logAxis(guide ? [...values, guide.y / 2, guide.y * 2] : values);
  const steps = data.map((r) => r.step as number);
  const xDomain: [number, number] = steps.length
    ? [Math.min(...steps), Math.max(...steps) + (steps.length === 1 ? 1 : 0)]
    : [0, 1];
  const last = data.at(-1);
  const label = last
    ? `${yLabel} by step, at step ${last.step}: ${series
        .map((s) => `${s.name} ${last[s.key] === null ? 'no value' : formatSci(last[s.key] as number)}`)
        .join('; ')}`
    : `${yLabel} by step: no samples yet`;
  const chart = (
    <LineChart
      data={data}
      width={width}
      height={width ? height : undefined}
      margin={{ top: 6, right: 12, bottom: 4, left: 4 }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#d8dde6" />
      <XAxis dataKey="step" type="number" domain={xDomain} allowDecimals={false} tick={{ fontSize: 12 }} />
      <YAxis
        type="number"
        scale={log ? 'log' : 'linear'}
        domain={log ? axis.domain : ['auto', 'auto']}
        ticks={log ? axis.ticks : undefined}
        allowDataOverflow={log}
        tick={{ fontSize: 12 }}
        width={52}
        tickFormatter={(v: number) => formatSci(v)}
      />
      <Tooltip
        formatter={(v) => (typeof v === 'number' ? formatSci(v) : String(v))}
        labelFormatter={(step) => `step ${step}`}
        isAnimationActive={false}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      {guide && (
        <ReferenceLine
          y={guide.y}
          stroke="#5f6368"
          strokeDasharray="5 4"
          label={{ value: guide.label, position: 'insideBottomRight', fontSize: 12, fill: '#3c4043' }}
        />
      )}
      {series.map((s) => (
        <Line
          key={s.key}
          name={s.name}
          dataKey={s.key}
          stroke={s.color}
          strokeWidth={2}
          dot={data.length <= 2 ? { r: 3 } : false}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
  return (
    <div className="health-chart" role="img" aria-label={label} style={{ height }}>
      {width ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          {chart}
        </ResponsiveContainer>
      )}
    </div>
  );
}
