import { useMemo } from 'react';
import { LazyChart } from '../../charts/LazyChart';
import type { CurvePoint, RunCurve } from '../../charts/types';
import type { PinnedRun } from '../../share';
import { graphContextOf } from '../../store/dataSlice';
import { useAppStore } from '../../store/store';

const curvesOf = (runs: readonly PinnedRun[], pick: (r: PinnedRun) => readonly CurvePoint[]): RunCurve[] =>
  runs.map((r) => ({ id: r.id, name: r.name, color: r.color, points: pick(r) }));

/**
 * The comparison at a glance, in the Runs tab: test loss and test accuracy of every pinned run
 * (dashed, in its colour) beside the live run, side by side.
 */
export function RunsCharts({ runs }: { readonly runs: readonly PinnedRun[] }) {
  const history = useAppStore((s) => s.lossHistory);
  const logScale = useAppStore((s) => s.logScale);
  const regression = useAppStore((s) => graphContextOf(s.data).task === 'regression');
  const accuracy = useMemo(
    () =>
      history.flatMap((p) =>
        p.accuracy === null || p.accuracy === undefined ? [] : [{ x: p.step, y: p.accuracy }],
      ),
    [history],
  );
  const lossRuns = useMemo(() => curvesOf(runs, (r) => r.curves.testLoss), [runs]);
  const accuracyRuns = useMemo(() => curvesOf(runs, (r) => r.curves.testAccuracy), [runs]);
  return (
    <div className="runs-charts">
      <div>
        <h3>Test loss</h3>
        <LazyChart
          chart="LossChart"
          points={history}
          showTrain={false}
          runs={lossRuns}
          logScale={logScale}
          height={130}
        />
      </div>
      {!regression && (
        <div>
          <h3>Test accuracy</h3>
          <LazyChart chart="AccuracyChart" points={accuracy} runs={accuracyRuns} height={130} />
        </div>
      )}
    </div>
  );
}
