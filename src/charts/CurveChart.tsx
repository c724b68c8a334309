import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { compactNumber, logTicks, niceTicks } from './axis';
import { CurveTooltip } from './CurveTooltip';
import { useChartStyle } from './chartStyle';
import { type CurveRow, type CurveSeries, curveRows } from './curveRows';
import { plainTick } from './plainTick';
import { SeriesLegend } from './SeriesLegend';
import { useWidth } from './useWidth';

interface Props {
  readonly series: readonly CurveSeries[];
  /** The accessible description of the chart (its latest values). */
  readonly label: string;
  /** Name of the legend group, e.g. "Loss series". */
  readonly legendLabel: string;
  /** Log y axis, when every visible value is positive (else linear, as a log axis cannot show 0). */
  readonly log?: boolean;
  /** A fixed y range (e.g. [0, 1] for accuracy); else from the data (from 0 when nothing is negative). */
  readonly yDomain?: readonly [number, number];
  readonly yTicks?: readonly number[];
  /** How a value reads in the tooltip and on the y axis. */
  readonly format?: (v: number) => string;
  readonly height: number;
  /** What to say while there are no points. */
  readonly emptyText: string;
  readonly className?: string;
}

const GRID = '#d8dde6';
const INK = '#1b1f24';
const AXIS = '#5f6368';
const MARGIN = { top: 8, right: 12, bottom: 0, left: 0 };
const NO_HIDDEN: ReadonlySet<string> = new Set();
/** The x axis from the first step to the last: one constant, so recharts never sees it change. */
const X_DATA: [string, string] = ['dataMin', 'dataMax'];

/**
 * The y axis: a log axis with 1-2-5 ticks snapped around the values (axis.ts), a fixed range, or
 * from 0 (or the least value when some are negative) to recharts' rounded top.
 */
function yAxisOf(
  yRange: readonly [number, number] | null,
  log: boolean,
  yDomain?: readonly [number, number],
  yTicks?: readonly number[],
): { domain: [number | string, number | string]; ticks: number[] | undefined } {
  if (yDomain) return { domain: [yDomain[0], yDomain[1]], ticks: yTicks ? [...yTicks] : undefined };
  if (log && yRange) {
    const [lo, hi] = yRange;
    const t = hi / lo < 1.0001 ? logTicks(lo / 1.2, hi * 1.2, 5) : logTicks(lo, hi, 5);
    return { domain: [t.lo, t.hi], ticks: t.values };
  }
  return { domain: [yRange && yRange[0] < 0 ? 'auto' : 0, 'auto'], ticks: undefined };
}

/**
 * Curves against step (recharts, no animation: the live series changes several times a second),
 * each series cleaned of NaN and downsampled to a few hundred points (curveRows). Hovering shows
 * the step and every visible series' value; the legend's checkboxes hide and show series. Every
 * object handed to recharts keeps its identity between redraws: recharts 3 re-runs its selectors
 * for any prop that changes.
 */
function CurveChartView({
  series,
  label,
  legendLabel,
  log = false,
  yDomain,
  yTicks,
  format = compactNumber,
  height,
  emptyText,
  className = '',
}: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useWidth(boxRef);
  const style = useChartStyle();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(NO_HIDDEN);
  const toggle = useCallback(
    (key: string) =>
      setHidden((h) => {
        const next = new Set(h);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );
  const empty = series.every((s) => s.points.length === 0);
  const linear = useMemo(() => curveRows(series, { hidden }), [series, hidden]);
  // A log axis needs every visible value above 0; else the chart stays linear.
  const useLog = log && linear.yRange !== null && linear.yRange[0] > 0;
  const lay = useMemo(
    () => (useLog ? curveRows(series, { log: true, hidden }) : linear),
    [useLog, series, hidden, linear],
  );
  const font = Math.round(12 * style.textScale);
  const xTick = useMemo(() => plainTick(font, INK, String), [font]);
  const yTick = useMemo(() => plainTick(font, INK, format, 'y'), [font, format]);
  const x0 = lay.rows[0]?.x ?? 0;
  const x1 = lay.rows.at(-1)?.x ?? 1;
  // One step either side of a lone step (a zero-width axis draws nothing).
  const lone = x1 - x0 < 1 ? x0 : null;
  const xDomain = useMemo(() => (lone === null ? X_DATA : [lone - 1, lone + 1]), [lone]);
  // 3 to 5 round whole steps inside the range (recharts' own add the last step, crowding the one before).
  const xTicks = useMemo(() => {
    const [a, b] = lone === null ? [x0, x1] : [lone - 1, lone + 1];
    const values = b - a <= 4 ? Array.from({ length: b - a + 1 }, (_, i) => a + i) : niceTicks(a, b).values;
    return values.filter((v) => Number.isInteger(v));
  }, [x0, x1, lone]);
  // The y axis object changes only when its domain or ticks do, not with every new point.
  const yNow = yAxisOf(lay.yRange, useLog, yDomain, yTicks);
  const yKey = JSON.stringify(yNow);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the axis's content, on purpose.
  const y = useMemo(() => yNow, [yKey]);
  const yWidth = 14 + Math.max(3, ...(y.ticks ?? []).map((t) => format(t).length)) * font * 0.6;
  // The tooltip reads the latest series through a ref, so its content function never changes.
  const latest = useRef({ series, hidden, format });
  latest.current = { series, hidden, format };
  const tooltip = useCallback(
    (p: { active?: boolean; label?: string | number }) => (
      <CurveTooltip active={p.active} label={p.label} {...latest.current} />
    ),
    [],
  );

  return (
    <div className={`curve-chart ${className}`}>
      <div ref={boxRef} role="img" aria-label={label} className="curve-plot">
        {empty ? (
          <div className="chart-empty" style={{ height }}>
            {emptyText}
          </div>
        ) : lay.yRange === null ? (
          <div className="chart-empty chart-note" style={{ height }}>
            No finite values to draw (NaN or infinite).
          </div>
        ) : (
          <LineChart
            width={width}
            height={height}
            data={lay.rows as CurveRow[]}
            margin={MARGIN}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="x"
              type="number"
              domain={xDomain}
              allowDecimals={false}
              ticks={xTicks}
              tick={xTick}
              stroke={AXIS}
              height={font + 10}
              interval={0}
            />
            <YAxis
              type="number"
              scale={useLog ? 'log' : 'linear'}
              domain={y.domain}
              ticks={y.ticks}
              allowDataOverflow={yDomain !== undefined || useLog}
              tick={yTick}
              stroke={AXIS}
              width={yWidth}
              interval={0}
            />
            <Tooltip isAnimationActive={false} content={tooltip} />
            {series.map((s) => (
              <Line
                key={s.key}
                className={`curve-${s.key}`}
                dataKey={s.key}
                name={s.name}
                type="linear"
                stroke={s.color}
                strokeWidth={s.width ?? 2}
                strokeDasharray={s.dash}
                strokeLinecap={s.dash ? 'butt' : 'round'}
                // A lone point draws no line: it is a dot.
                dot={lay.counts[s.key] === 1 ? { r: 3 * style.lineScale, fill: s.color } : false}
                activeDot={false}
                connectNulls
                hide={hidden.has(s.key)}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </div>
      {series.length > 1 && !empty && (
        <SeriesLegend series={series} hidden={hidden} onToggle={toggle} label={legendLabel} />
      )}
    </div>
  );
}

/** Curves against step with a tooltip and a legend that toggles series (see Props). */
export const CurveChart = memo(CurveChartView);
