import type { CurveSeries } from './curveRows';

interface Props {
  readonly series: readonly CurveSeries[];
  readonly hidden: ReadonlySet<string>;
  readonly onToggle: (key: string) => void;
  /** The group's accessible name, e.g. "Loss series". */
  readonly label: string;
}

/**
 * The legend of a curve chart, as checkboxes (one per series, named after it): unticking one hides
 * its line. Each shows a sample of its line (colour and dash), so series differ by more than colour.
 */
export function SeriesLegend({ series, hidden, onToggle, label }: Props) {
  return (
    <fieldset className="series-legend">
      <legend className="visually-hidden">{label}</legend>
      {series.map((s) => (
        <label key={s.key} className="series-key">
          <input type="checkbox" checked={!hidden.has(s.key)} onChange={() => onToggle(s.key)} />
          <svg width="22" height="8" aria-hidden="true" focusable="false">
            <line
              x1="1"
              x2="21"
              y1="4"
              y2="4"
              stroke={s.color}
              strokeWidth={3}
              strokeDasharray={s.dash ? '5 3' : undefined}
            />
          </svg>
          {s.name}
        </label>
      ))}
    </fieldset>
  );
}
