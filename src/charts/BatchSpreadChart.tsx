import { memo } from 'react';
import { niceTicks, sig3 } from './axis';
import { useChartStyle } from './chartStyle';

/** One column of the strip plot: a short label ("class 0", "n=4") and the values measured for it. */
export interface SpreadGroup {
  readonly label: string;
  readonly values: readonly number[];
}

interface Props {
  readonly groups: readonly SpreadGroup[];
  /** The value in inference mode, drawn as a dashed line across all groups. */
  readonly inference: number;
  /** viewBox width (the SVG itself is 100% of its container). */
  readonly width?: number;
  /** viewBox height. */
  readonly height?: number;
  /** Rotated label beside the y axis, and the quantity named in the aria-label. */
  readonly yLabel?: string;
}

const INK = '#1b1f24';
/** Room above the plot for the inference-mode key. */
const TOP = 26;
const RIGHT = 12;
const CHAR_W = 7.2;

/** Deterministic jitter in [-0.5, 0.5): a golden-ratio sequence, different per group. */
const jitter = (group: number, i: number) => ((i * 0.618034 + group * 0.377) % 1) - 0.5;

type LabelFit = 'one' | 'two' | 'rotate';

/**
 * How the group labels fit their columns, the same for all of them: on one line, on two (split at
 * the first space), or rotated.
 */
function labelFit(labels: readonly string[], colW: number): LabelFit {
  const room = colW - 4;
  const fits = (text: string) => text.length * CHAR_W <= room;
  if (labels.every(fits)) return 'one';
  const twoLines = (l: string) => {
    const space = l.indexOf(' ');
    return fits(l) || (space > 0 && fits(l.slice(0, space)) && fits(l.slice(space + 1)));
  };
  return labels.every(twoLines) ? 'two' : 'rotate';
}

/** A group label under its column, laid out as `labelFit` decided. */
function GroupLabel({ label, x, y, how }: { label: string; x: number; y: number; how: LabelFit }) {
  const space = label.indexOf(' ');
  if (how === 'two' && space > 0) {
    return (
      <text x={x} y={y} fontSize={12} fill={INK} textAnchor="middle">
        <tspan x={x}>{label.slice(0, space)}</tspan>
        <tspan x={x} dy={14}>
          {label.slice(space + 1)}
        </tspan>
      </text>
    );
  }
  return (
    <text
      x={x}
      y={y}
      fontSize={12}
      fill={INK}
      textAnchor={how === 'rotate' ? 'end' : 'middle'}
      transform={how === 'rotate' ? `rotate(-35 ${x} ${y})` : undefined}
    >
      {label}
    </text>
  );
}

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
 * A strip plot of a statistic measured per batch: one column per group, one (jittered) dot per value,
 * a min–max whisker per group, and a dashed line at the inference-mode value across all groups.
 */
function BatchSpreadChartView({ groups, inference, width = 480, height = 260, yLabel }: Props) {
  const cols = groups.map((g) => {
    const values = g.values.filter(Number.isFinite);
    return { label: g.label, values, range: minMax(values) };
  });
  const all = cols.flatMap((c) => c.values);
  const [min, max] = minMax(all);
  const hasInference = Number.isFinite(inference);
  const extent = (all.length ? [min, max] : []).concat(hasInference ? [inference] : []);
  let [lo, hi] = extent.length ? minMax(extent) : [0, 0];
  const pad = hi - lo > 1e-12 * Math.max(1, Math.abs(lo)) ? 0.08 * (hi - lo) : 1;
  lo -= pad;
  hi += pad;
  const ticks = niceTicks(lo, hi);
  const tickText = ticks.values.map((t) => String(Number(t.toFixed(ticks.decimals)) + 0));
  const left = (yLabel ? 26 : 6) + 14 + Math.max(...tickText.map((t) => t.length)) * CHAR_W;
  const colW = (width - left - RIGHT) / Math.max(1, groups.length);
  const how = labelFit(
    cols.map((c) => c.label),
    colW,
  );
  const longest = how === 'rotate' ? Math.max(...cols.map((c) => c.label.length)) : 0;
  const bottom = height - Math.max(40, Math.min(90, 24 + longest * CHAR_W * 0.58));
  const py = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - TOP);
  const style = useChartStyle();
  const dotR = Math.max(3, Math.min(5, colW / 14)) * style.pointScale;
  const jitterW = Math.min(colW * 0.45, 40);
  const infY = py(inference);
  const words = yLabel ?? 'the value';
  const label = `${
    all.length
      ? `Spread of ${words} across ${groups.length} batch groups: from ${sig3(min)} to ${sig3(max)}, a spread of ${sig3(max - min)}`
      : `Spread of ${words}: no values`
  }${hasInference ? `; inference mode gives ${sig3(inference)}` : ''}`;

  return (
    <svg
      className="batch-spread-chart"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ display: 'block' }}
    >
      {ticks.values.map((t, i) => (
        <g key={t}>
          <line x1={left} x2={width - RIGHT} y1={py(t)} y2={py(t)} stroke="#dde2ea" />
          <text x={left - 6} y={py(t) + 4} fontSize={12} textAnchor="end" fill={INK}>
            {tickText[i]}
          </text>
        </g>
      ))}
      {yLabel && (
        <text
          x={14}
          y={(TOP + bottom) / 2}
          fontSize={13}
          textAnchor="middle"
          fill={INK}
          transform={`rotate(-90 14 ${(TOP + bottom) / 2})`}
        >
          {yLabel}
        </text>
      )}
      <line x1={left} x2={left} y1={TOP} y2={bottom} stroke={INK} strokeWidth={1.5} />
      <line x1={left} x2={width - RIGHT} y1={bottom} y2={bottom} stroke={INK} strokeWidth={1.5} />
      {cols.map((c, gi) => {
        const cx = left + (gi + 0.5) * colW;
        const [cmin, cmax] = c.range;
        const capL = cx - jitterW / 2 - 4;
        const capR = cx + jitterW / 2 + 4;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: labels may repeat; columns are positional.
          <g key={gi} className="spread-group">
            {c.values.length > 0 && (
              <g className="spread-whisker" stroke={INK} strokeWidth={2}>
                <line x1={cx} x2={cx} y1={py(cmin)} y2={py(cmax)} />
                <line x1={capL} x2={capR} y1={py(cmin)} y2={py(cmin)} />
                <line x1={capL} x2={capR} y1={py(cmax)} y2={py(cmax)} />
              </g>
            )}
            {c.values.map((v, i) => (
              <circle
                // biome-ignore lint/suspicious/noArrayIndexKey: dots are positional.
                key={i}
                className="spread-dot"
                cx={cx + jitter(gi, i) * jitterW}
                cy={py(v)}
                r={dotR}
                fill={style.after}
                fillOpacity={0.7}
                stroke="#fff"
                strokeWidth={0.75}
              />
            ))}
            <GroupLabel label={c.label} x={cx} y={bottom + 16} how={how} />
          </g>
        );
      })}
      {hasInference && (
        <g className="spread-inference">
          <line
            className="inference-line"
            x1={left}
            x2={width - RIGHT}
            y1={infY}
            y2={infY}
            stroke="#b35500"
            strokeWidth={2.5}
            strokeDasharray="8 5"
          />
          <line
            x1={left + 4}
            x2={left + 32}
            y1={11}
            y2={11}
            stroke="#b35500"
            strokeWidth={2.5}
            strokeDasharray="8 5"
          />
          <text x={left + 38} y={15} fontSize={13} fontWeight={600} fill="#b35500">
            {`inference mode (${sig3(inference)})`}
          </text>
        </g>
      )}
    </svg>
  );
}

/** How much a per-batch statistic varies with the batch it was computed on, against inference mode. */
export const BatchSpreadChart = memo(BatchSpreadChartView);
