import { type CurveSeries, nearestPoint } from './curveRows';

interface Props {
  /** Whether recharts shows the tooltip now (the pointer is over the plot). */
  readonly active?: boolean;
  /** The x (step) under the pointer. */
  readonly label?: string | number;
  readonly series: readonly CurveSeries[];
  readonly hidden: ReadonlySet<string>;
  readonly format: (v: number) => string;
}

/**
 * What hovering a curve chart shows: the step, and each visible series' value at the point
 * nearest to it (from the full series, not only the points drawn).
 */
export function CurveTooltip({ active, label, series, hidden, format }: Props) {
  const x = Number(label);
  if (!active || !Number.isFinite(x)) return null;
  const rows = series.flatMap((s) => {
    if (hidden.has(s.key)) return [];
    const p = nearestPoint(s.points, x);
    return p ? [{ s, p }] : [];
  });
  return (
    <div className="curve-tooltip">
      <div className="curve-tooltip-step">step {x}</div>
      {rows.map(({ s, p }) => (
        <div key={s.key}>
          <span className="curve-tooltip-swatch" style={{ background: s.color }} aria-hidden="true" />
          {s.name}: {format(p.y)}
          {p.x !== x && <span className="curve-tooltip-at"> (step {p.x})</span>}
        </div>
      ))}
    </div>
  );
}
