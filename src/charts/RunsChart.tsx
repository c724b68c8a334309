import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** One run's series: its name, colour and (step, value) points. */
export interface RunSeries {
  readonly name: string;
  readonly color: string;
  /** Drawn dashed (e.g. the pinned run), so runs differ by more than colour. */
  readonly dashed?: boolean;
  readonly points: readonly { readonly step: number; readonly value: number }[];
}

interface Props {
  readonly runs: readonly RunSeries[];
  /** The quantity on the y axis, e.g. "Test accuracy". */
  readonly yLabel: string;
  /** The y axis range, e.g. [0, 1] for accuracy; 'auto' otherwise. */
  readonly domain?: readonly [number, number];
  readonly height?: number;
  /** How a value reads in the tooltip. */
  readonly format?: (v: number) => string;
}

/**
 * Several runs of one quantity against step on one chart (recharts, in its own chunk): a lesson's
 * pinned first run beside the live one. No animation: the live series changes several times a second.
 */
export default function RunsChart({
  runs,
  yLabel,
  domain,
  height = 180,
  format = (v) => v.toFixed(3),
}: Props) {
  const label = `${yLabel} by step: ${runs
    .map((r) => {
      const last = r.points.at(-1);
      return last ? `${r.name} ${format(last.value)} at step ${last.step}` : `${r.name} no data`;
    })
    .join('; ')}`;
  return (
    <div className="runs-chart" role="img" aria-label={label} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 6, right: 10, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d8dde6" />
          <XAxis
            dataKey="step"
            type="number"
            domain={['dataMin', 'dataMax']}
            allowDuplicatedCategory={false}
            tick={{ fontSize: 12 }}
          />
          <YAxis
            type="number"
            domain={domain ? [domain[0], domain[1]] : ['auto', 'auto']}
            tick={{ fontSize: 12 }}
            width={44}
            tickFormatter={(v: number) => format(v)}
          />
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? format(v) : String(v))}
            labelFormatter={(step) => `step ${step}`}
            isAnimationActive={false}
          />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          {runs.map((r) => (
            <Line
              key={r.name}
              name={r.name}
              data={r.points as { step: number; value: number }[]}
              dataKey="value"
              stroke={r.color}
              strokeWidth={2}
              strokeDasharray={r.dashed ? '6 4' : undefined}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
