import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatSci, logAxis, logValue } from './healthScale';

/** One swept lab: its final loss at each rate it has finished (null: no finite loss), and which diverged. */
export interface SweepSeries {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly dashed?: boolean;
  readonly points: readonly {
    readonly rate: number;
    readonly loss: number | null;
    readonly diverged: boolean;
  }[];
}

interface Props {
  readonly series: readonly SweepSeries[];
  /** Every rate of the sweep (the x axis spans them all, also before their runs finish). */
  readonly rates: readonly number[];
  readonly width?: number;
  readonly height?: number;
}

const MARK = 'Mark';

/**
 * An ✕ where a run diverged (drawn by a Line's dot on the "diverged" line), nudged `dx` px sideways
 * so two labs that both diverged at a rate show two marks; nothing elsewhere.
 */
function cross(color: string, dx: number) {
  return (props: { cx?: number; cy?: number; value?: unknown; index?: number }) => {
    const { cy, value, index } = props;
    if (typeof value !== 'number' || props.cx === undefined || cy === undefined) return <g key={index} />;
    const cx = props.cx + dx;
    const d = 6;
    return (
      <path
        key={index}
        className="sweep-diverged"
        d={`M${cx - d},${cy - d}L${cx + d},${cy + d}M${cx - d},${cy + d}L${cx + d},${cy - d}`}
        stroke={color}
        strokeWidth={3}
      />
    );
  };
}

/**
 * Final train loss against learning rate, log-log, one line per swept lab (recharts, in its own
 * chunk). A run that diverged has no loss to plot: it is an ✕ on the "diverged" line at the top.
 * The tooltip shows the rate and each lab's loss (or "diverged"). No animation; empty data, NaN
 * and single points draw, never throw.
 */
export default function SweepChart({ series, rates, width, height = 200 }: Props) {
  const finite = series.flatMap((s) => s.points.map((p) => logValue(p.loss)));
  const y = logAxis(finite, [0.1, 10]);
  // Diverged runs sit on a line above every loss (the axis's top decade), labelled above it.
  const ceiling = y.domain[1] * 2;
  const yDomain: [number, number] = [y.domain[0], y.domain[1] * 6];
  const allRates = [...new Set([...rates, ...series.flatMap((s) => s.points.map((p) => p.rate))])]
    .filter((r) => Number.isFinite(r) && r > 0)
    .sort((a, b) => a - b);
  const data = allRates.map((rate) => {
    const row: Record<string, number | null> = { rate };
    for (const s of series) {
      const p = s.points.find((q) => q.rate === rate);
      row[s.id] = p && !p.diverged ? logValue(p.loss) : null;
      row[s.id + MARK] = p?.diverged ? ceiling : null;
    }
    return row;
  });
  const xDomain: [number, number] = allRates.length
    ? [(allRates[0] as number) / 1.6, (allRates.at(-1) as number) * 1.6]
    : [1e-3, 1];
  const label = `Final train loss by learning rate: ${series
    .map(
      (s) =>
        `${s.name}: ${
          s.points.length
            ? s.points
                .map(
                  (p) => `${p.rate} ${p.diverged ? 'diverged' : p.loss === null ? '?' : formatSci(p.loss)}`,
                )
                .join(', ')
            : 'no runs yet'
        }`,
    )
    .join('; ')}`;
  const nameOf = new Map(series.flatMap((s) => [[s.id, s.name] as const, [s.id + MARK, s.name] as const]));
  const chart = (
    <ComposedChart
      data={data}
      width={width}
      height={width ? height : undefined}
      margin={{ top: 8, right: 14, bottom: 4, left: 4 }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#d8dde6" />
      <XAxis
        dataKey="rate"
        type="number"
        scale="log"
        domain={xDomain}
        ticks={allRates}
        allowDataOverflow
        tick={{ fontSize: 12 }}
        tickFormatter={(v: number) => String(v)}
      />
      <YAxis
        type="number"
        scale="log"
        domain={yDomain}
        ticks={y.ticks}
        allowDataOverflow
        tick={{ fontSize: 12 }}
        width={52}
        tickFormatter={(v: number) => formatSci(v)}
      />
      <ReferenceLine
        y={ceiling}
        stroke="#9aa0a6"
        strokeDasharray="2 4"
        label={{ value: 'diverged ✕', position: 'insideBottomLeft', fontSize: 12, fill: '#3c4043' }}
      />
      <Tooltip
        formatter={(v, _name, item) => {
          const key = String(item.dataKey ?? '');
          const text = key.endsWith(MARK) ? 'diverged' : typeof v === 'number' ? formatSci(v) : String(v);
          return [text, nameOf.get(key) ?? key];
        }}
        labelFormatter={(rate) => `learning rate ${rate}`}
        isAnimationActive={false}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      {series.map((s) => (
        <Line
          key={s.id}
          name={s.name}
          dataKey={s.id}
          stroke={s.color}
          strokeWidth={2}
          strokeDasharray={s.dashed ? '6 4' : undefined}
          dot={{ r: 4, fill: s.color }}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
      {series.map((s, i) => (
        <Line
          key={s.id + MARK}
          name={`${s.name}: diverged`}
          legendType="none"
          dataKey={s.id + MARK}
          stroke="none"
          dot={cross(s.color, (i - (series.length - 1) / 2) * 9)}
          activeDot={false}
          isAnimationActive={false}
        />
      ))}
    </ComposedChart>
  );
  return (
    <div className="sweep-chart" role="img" aria-label={label} style={{ height }}>
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
