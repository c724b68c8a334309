import { memo, useMemo } from 'react';
import { CurveChart } from './CurveChart';
import { useChartStyle } from './chartStyle';
import type { CurveSeries } from './curveRows';
import type { CurvePoint, RunCurve } from './types';
import { useThrottled } from './useThrottled';

interface Props {
  /** The live run's test accuracy by step (0..1). */
  readonly points: readonly CurvePoint[];
  /** The live run's name in the legend. */
  readonly name?: string;
  /** The live run's colour (the test colour when absent). */
  readonly color?: string;
  /** Pinned runs' test accuracy, drawn dashed beside the live run. */
  readonly runs?: readonly RunCurve[];
  readonly height?: number;
  readonly emptyText?: string;
}

const NO_RUNS: readonly RunCurve[] = [];
const TICKS = [0, 0.25, 0.5, 0.75, 1];
const DOMAIN = [0, 1] as const;
const percent = (v: number) => `${Math.round(v * 100)}%`;

/** "Test accuracy by step: this run 97% at step 300; Run 1 56% at step 300". */
export function accuracyLabel(
  name: string,
  points: readonly CurvePoint[],
  runs: readonly RunCurve[],
): string {
  const say = (n: string, p: CurvePoint | undefined) =>
    p ? `${n} ${(p.y * 100).toFixed(1)}% at step ${p.x}` : `${n} no data`;
  return `Test accuracy by step: ${[say(name, points.at(-1)), ...runs.map((r) => say(r.name, r.points.at(-1)))].join('; ')}`;
}

/** Test accuracy against step on a fixed 0-100% axis (recharts), pinned runs dashed beside the live one. */
function AccuracyChartView({
  points: live,
  name = 'this run',
  color,
  runs = NO_RUNS,
  height = 130,
  emptyText = 'No training yet: press Train or Step.',
}: Props) {
  const style = useChartStyle();
  // The live curve redraws with the other charts, twice a second (useThrottled).
  const points = useThrottled(live);
  const line = 2 * style.lineScale;
  const series = useMemo(
    (): CurveSeries[] => [
      { key: 'live', name, color: color ?? style.test, width: line, points },
      ...runs.map(
        (r, i): CurveSeries => ({
          key: `run${i}`,
          name: r.name,
          color: r.color,
          width: line,
          dash: `${3 * line} ${2 * line}`,
          points: r.points,
        }),
      ),
    ],
    [points, runs, name, color, style, line],
  );
  return (
    <CurveChart
      className="accuracy-chart"
      series={series}
      label={accuracyLabel(name, points, runs)}
      legendLabel="Accuracy series"
      yDomain={DOMAIN}
      yTicks={TICKS}
      format={percent}
      height={height}
      emptyText={emptyText}
    />
  );
}

/** Test accuracy by step with pinned runs beside it (see Props). */
export const AccuracyChart = memo(AccuracyChartView);
