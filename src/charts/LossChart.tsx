import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

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

const fmt = (v: number) => (Math.abs(v) >= 0.01 || v === 0 ? v.toFixed(2) : v.toExponential(0));

/** Train and test loss against step; log scale when every value is positive. */
function LossChartView({
  points,
  logScale,
  height = 170,
  emptyText = 'No training yet: press Train or Step.',
}: Props) {
  if (points.length === 0) {
    return (
      <div className="chart-empty" style={{ height }}>
        {emptyText}
      </div>
    );
  }
  const finite = points.filter(
    (p) => Number.isFinite(p.test) && (p.train === null || Number.isFinite(p.train)),
  );
  const log = logScale && finite.every((p) => p.test > 0 && (p.train === null || p.train > 0));
  const values = finite.flatMap((p) => (p.train === null ? [p.test] : [p.test, p.train]));
  // recharts' 'auto' domain on a log axis can cut off the smallest losses: give it the data's range.
  const domain: [number | string, number | string] = log
    ? [Math.min(...values) / 1.3, Math.max(...values) * 1.3]
    : ['auto', 'auto'];
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={finite as LossPointData[]} margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d8dde6" />
        <XAxis
          dataKey="step"
          type="number"
          domain={['dataMin', 'dataMax']}
          tick={{ fontSize: 12 }}
          allowDecimals={false}
        />
        <YAxis
          scale={log ? 'log' : 'linear'}
          domain={domain}
          tick={{ fontSize: 12 }}
          tickFormatter={fmt}
          width={48}
          allowDataOverflow
        />
        <Tooltip
          formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))}
          labelFormatter={(s) => `step ${s}`}
        />
        <Line
          type="monotone"
          dataKey="train"
          name="train loss"
          stroke="#e8710a"
          dot={false}
          isAnimationActive={false}
          strokeWidth={2}
          connectNulls
        />
        <Line
          type="monotone"
          dataKey="test"
          name="test loss"
          stroke="#1967d2"
          dot={false}
          isAnimationActive={false}
          strokeWidth={2}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

export const LossChart = memo(LossChartView);
