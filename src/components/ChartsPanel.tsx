import { useEffect, useId, useMemo, useRef } from 'react';
import { HeatmapChart } from '../charts/HeatmapChart';
import { LazyChart } from '../charts/LazyChart';
import { loadChartsAfterPaint } from '../charts/loadCharts';
import type { CurvePoint, LossPointData, RunCurve } from '../charts/types';
import type { PinnedRun } from '../share';
import { selectAnalysis } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';
import { NonlinearityScore } from './NonlinearityScore';
import { useChartSize } from './useChartSize';

const NO_POINTS: readonly LossPointData[] = [];
const NO_CURVE: readonly CurvePoint[] = [];

/** Pinned runs' curves of one kind, for a chart. */
const curvesOf = (runs: readonly PinnedRun[], pick: (r: PinnedRun) => readonly CurvePoint[]): RunCurve[] =>
  runs.map((r) => ({ id: r.id, name: r.name, color: r.color, points: pick(r) }));

/** Decision boundary and loss curve, fed plain data from the store. */
export function ChartsPanel() {
  const dataset = useAppStore((s) => s.dataset);
  const heatmap = useAppStore((s) => s.heatmap);
  const history = useAppStore((s) => s.lossHistory);
  // Straight from validation, so an edit that breaks the graph clears the charts at once.
  const invalid = useAppStore((s) => !selectAnalysis(s).valid);
  const logScale = useAppStore((s) => s.logScale);
  const pinned = useAppStore((s) => s.pinnedRuns);
  // recharts loads in its own chunk once the canvas is interactive (the engine has answered) and painted.
  const interactive = useAppStore((s) => s.status !== 'starting' && s.status !== 'loading');
  useEffect(() => {
    if (interactive) loadChartsAfterPaint();
  }, [interactive]);
  const lossRuns = useMemo(() => curvesOf(pinned, (r) => r.curves.testLoss), [pinned]);
  const accuracyRuns = useMemo(() => curvesOf(pinned, (r) => r.curves.testAccuracy), [pinned]);
  const accuracy = useMemo(
    () =>
      history.flatMap((p) =>
        p.accuracy === null || p.accuracy === undefined ? [] : [{ x: p.step, y: p.accuracy }],
      ),
    [history],
  );
  // The batch-dependence panel probes a point; show it, and let a click on the chart move it.
  const batchOpen = useAppStore((s) => s.openPanel === 'batch');
  const batchPoint = useAppStore((s) => s.batchPoint);
  const logId = useId();
  const presenter = useAppStore((s) => s.presenter);
  const blockRef = useRef<HTMLDivElement>(null);
  const size = useChartSize(blockRef, presenter);
  const train = useMemo(() => ({ x: dataset.xTrain, y: dataset.yTrain }), [dataset]);
  const test = useMemo(() => ({ x: dataset.xTest, y: dataset.yTest }), [dataset]);
  const { task } = dataset.info;
  const legend =
    task === 'binary'
      ? 'Colour: P(blue class), inference mode.'
      : task === 'multiclass'
        ? 'Colour: most likely class; paler = less sure.'
        : 'Colour: predicted value, -1 (orange) to 1 (blue).';
  return (
    <section className="charts" aria-label="Charts">
      <div className="chart-block" ref={blockRef}>
        <h2>{task === 'regression' ? 'Prediction surface' : 'Decision boundary'}</h2>
        <HeatmapChart
          heatmap={invalid ? null : heatmap}
          train={train}
          test={test}
          domain={dataset.info.domain}
          task={task}
          size={size}
          marker={batchOpen ? batchPoint : null}
          onPick={batchOpen ? (p) => appStore.getState().setBatchPoint(p) : undefined}
          emptyText={
            invalid
              ? 'Fix the graph to see what it predicts.'
              : 'The prediction appears once the model is built.'
          }
        />
        <p className="chart-legend">{legend} White rim: train, black rim: test.</p>
        {!invalid && heatmap && <NonlinearityScore value={heatmap.nonlinearity} task={task} />}
      </div>
      <div className="chart-block">
        <div className="chart-head">
          <h2>Loss</h2>
          <span className="field-check">
            <input
              id={logId}
              type="checkbox"
              checked={logScale}
              onChange={(e) => appStore.getState().setLogScale(e.target.checked)}
            />
            <label htmlFor={logId}>Log scale</label>
          </span>
        </div>
        <LazyChart
          chart="LossChart"
          points={invalid ? NO_POINTS : history}
          emptyText={invalid ? 'Fix the graph, then train.' : undefined}
          logScale={logScale}
          height={presenter ? 240 : 140}
          runs={lossRuns}
        />
      </div>
      {task !== 'regression' && (
        <div className="chart-block">
          <h2>Test accuracy</h2>
          <LazyChart
            chart="AccuracyChart"
            points={invalid ? NO_CURVE : accuracy}
            runs={accuracyRuns}
            height={presenter ? 200 : 120}
            emptyText={invalid ? 'Fix the graph, then train.' : undefined}
          />
        </div>
      )}
    </section>
  );
}
