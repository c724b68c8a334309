import { memo, useMemo } from 'react';
import { formatNumber } from '../lib/format';
import { CurveChart } from './CurveChart';
import { useChartStyle } from './chartStyle';
import type { CurveSeries } from './curveRows';
import type { CurvePoint, LossPointData, RunCurve } from './types';
import { useThrottled } from './useThrottled';

export type { LossPointData } from './types';

interface Props {
  readonly points: readonly LossPointData[];
  readonly logScale: boolean;
  readonly height?: number;
  /** What to say while there are no points. */
  readonly emptyText?: string;
  /** Pinned runs' test loss, drawn dashed beside the live run. */
  readonly runs?: readonly RunCurve[];
  /**
   * The batch loss of every readback group (x: step, y: loss), when the store keeps it: a light
   * line behind train and test (downsampled like every series).
   */
  readonly groups?: readonly CurvePoint[];
  /** Draw the live train loss (true); false: the test loss alone, as a comparison of runs wants. */
  readonly showTrain?: boolean;
}

const NO_RUNS: readonly RunCurve[] = [];
const NO_GROUPS: readonly CurvePoint[] = [];
/** The batch-loss line: light, behind train and test. */
const GROUP_INK = '#9aa0a6';

/**
 * The accessible summary: the latest step and losses, then each pinned run's last test loss
 * ("Test loss by step: …" when the train loss is not drawn).
 */
export function lossLabel(
  points: readonly LossPointData[],
  runs: readonly RunCurve[],
  showTrain = true,
): string {
  const last = points.at(-1);
  const title = showTrain ? 'Loss by step' : 'Test loss by step';
  const live = last
    ? `${title}: at step ${last.step}, ${
        last.train === null || !showTrain ? '' : `train ${formatNumber(last.train)}, `
      }test ${formatNumber(last.test)}`
    : title;
  if (runs.length === 0) return live;
  const pinned = runs.map((r) => {
    const p = r.points.at(-1);
    return p ? `${r.name} test ${formatNumber(p.y)} at step ${p.x}` : `${r.name} no data`;
  });
  return `${live}; pinned: ${pinned.join('; ')}`;
}

/**
 * Train and test loss against step (recharts), log scale when asked and every value is positive,
 * with pinned runs' test loss beside them. Presenter view: thicker lines, the train line dashed.
 */
function LossChartView({
  points: live,
  logScale,
  height = 170,
  emptyText = 'No training yet: press Train or Step.',
  runs = NO_RUNS,
  groups: liveGroups = NO_GROUPS,
  showTrain = true,
}: Props) {
  const style = useChartStyle();
  const groups = useThrottled(liveGroups);
  // The live curve redraws with the other charts, twice a second (useThrottled).
  const points = useThrottled(live);
  const line = 2 * style.lineScale;
  const series = useMemo((): CurveSeries[] => {
    const train: CurveSeries = {
      key: 'train',
      name: 'train',
      color: style.train,
      width: line,
      // Dashed in presenter view, so train and test differ by more than colour.
      dash: style.dashTrain ? `${3 * line} ${2.5 * line}` : undefined,
      points: points.flatMap((p) => (p.train === null ? [] : [{ x: p.step, y: p.train }])),
    };
    const test: CurveSeries = {
      key: 'test',
      name: showTrain ? 'test' : 'this run (test)',
      color: style.test,
      width: line,
      points: points.map((p) => ({ x: p.step, y: p.test })),
    };
    const pinned = runs.map(
      (r, i): CurveSeries => ({
        key: `run${i}`,
        name: `${r.name} (test)`,
        color: r.color,
        width: line,
        dash: `${3 * line} ${2 * line}`,
        points: r.points,
      }),
    );
    const batch: CurveSeries[] =
      groups.length > 0
        ? [{ key: 'batch', name: 'batch', color: GROUP_INK, width: style.lineScale, points: groups }]
        : [];
    return [...batch, ...(showTrain ? [train] : []), test, ...pinned];
  }, [points, runs, groups, style, line, showTrain]);
  return (
    <CurveChart
      className="loss-chart"
      series={series}
      label={lossLabel(points, runs, showTrain)}
      legendLabel="Loss series"
      log={logScale}
      height={height}
      emptyText={emptyText}
    />
  );
}

/** Train and test loss against step, with pinned runs beside them (see Props). */
export const LossChart = memo(LossChartView);
