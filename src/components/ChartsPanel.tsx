import { useEffect, useId, useMemo, useRef } from 'react';
import { useChartStyle } from '../charts/chartStyle';
import { HeatmapChart } from '../charts/HeatmapChart';
import { LazyChart } from '../charts/LazyChart';
import { loadChartsAfterPaint } from '../charts/loadCharts';
import type { CurvePoint, LossPointData, RunCurve } from '../charts/types';
import { projectRows } from '../data/slice';
import type { SlideText } from '../export/slideLayout';
import type { PinnedRun } from '../share';
import { dataMissing } from '../store/dataSlice';
import { selectAnalysis } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';
import { SliceControls } from './data/SliceControls';
import { sliceText } from './data/sliceText';
import { NonlinearityScore } from './NonlinearityScore';
import { ChartImageMenu } from './picture/ChartImageMenu';
import { useChartSize } from './useChartSize';

const NO_POINTS: readonly LossPointData[] = [];
/** At most this many training and test points are drawn (every k-th row of a big table). */
const MAX_DRAWN = { train: 2500, test: 1500 } as const;

/** "Circle dataset · step 1200": what a picture of a chart was taken of. */
function pictureSubtitle(): string {
  const s = appStore.getState();
  return `${s.dataset.info.label} dataset · step ${s.metrics?.step ?? 0}`;
}
const NO_CURVE: readonly CurvePoint[] = [];

/** Pinned runs' curves of one kind, for a chart. */
const curvesOf = (runs: readonly PinnedRun[], pick: (r: PinnedRun) => readonly CurvePoint[]): RunCurve[] =>
  runs.map((r) => ({ id: r.id, name: r.name, color: r.color, points: pick(r) }));

/** Decision boundary and loss curve, fed plain data from the store. */
export function ChartsPanel() {
  const dataset = useAppStore((s) => s.dataset);
  const heatmap = useAppStore((s) => s.heatmap);
  const history = useAppStore((s) => s.lossHistory);
  const groups = useAppStore((s) => s.groupLosses);
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
  const boundaryRef = useRef<HTMLDivElement>(null);
  const lossRef = useRef<HTMLDivElement>(null);
  const accuracyRef = useRef<HTMLDivElement>(null);
  const style = useChartStyle();
  const size = useChartSize(blockRef, presenter);
  const plane = useAppStore((s) => s.plane);
  const missing = useAppStore(dataMissing);
  const { task, inputDim, name } = dataset.info;
  // Points projected onto the slice the boundary shows (for two inputs, the plane itself).
  const train = useMemo(
    () => projectRows(dataset.xTrain, dataset.yTrain, inputDim, plane, MAX_DRAWN.train),
    [dataset, inputDim, plane],
  );
  const test = useMemo(
    () => projectRows(dataset.xTest, dataset.yTest, inputDim, plane, MAX_DRAWN.test),
    [dataset, inputDim, plane],
  );
  const imported = name === 'csv';
  const title = task === 'regression' ? 'Prediction surface' : 'Decision boundary';
  const legend =
    task === 'binary'
      ? 'Colour: P(blue class), inference mode.'
      : task === 'multiclass'
        ? 'Colour: most likely class; paler = less sure.'
        : imported
          ? 'Colour: predicted value in standard deviations of the target, -1 (orange) to 1 (blue).'
          : 'Colour: predicted value, -1 (orange) to 1 (blue).';
  const [lo, hi] = dataset.info.domain;
  const [across, up] = plane.map((i) => dataset.info.featureNames[i] ?? `x${i + 1}`);
  const boundaryText = (): SlideText => ({
    title,
    subtitle: pictureSubtitle(),
    xLabel: `${across} (from ${lo} to ${hi})`,
    yLabel: `${up} (from ${lo} to ${hi})`,
    caption: `${legend} White rim: train points, black rim: test points.${imported ? ` ${sliceText(dataset.info.featureNames, plane)}` : ''}`,
  });
  const lossText = (): SlideText => ({
    title: 'Loss',
    subtitle: pictureSubtitle(),
    xLabel: 'Step',
    yLabel: logScale ? 'Loss (log scale)' : 'Loss',
    legend: [
      { label: 'train', color: style.train, dashed: style.dashTrain },
      { label: 'test', color: style.test },
    ],
    caption: 'Train: loss on the whole training set, inference mode. Test: the same on the test set.',
  });
  const accuracyText = (): SlideText => ({
    title: 'Test accuracy',
    subtitle: pictureSubtitle(),
    xLabel: 'Step',
    yLabel: 'Test accuracy',
    legend: [
      { label: 'this run', color: style.test },
      ...pinned.map((r) => ({ label: r.name, color: r.color, dashed: true })),
    ],
    caption: 'Share of the test set classified right, measured in inference mode.',
  });
  return (
    <section className="charts" aria-label="Charts">
      <div className="chart-block" ref={blockRef}>
        <div className="chart-head">
          <h2>{title}</h2>
          <ChartImageMenu target={boundaryRef} name={title.toLowerCase()} text={boundaryText} />
        </div>
        {imported && <SliceControls />}
        <div ref={boundaryRef}>
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
                : missing
                  ? 'Import the data file to see what the model predicts.'
                  : 'The prediction appears once the model is built.'
            }
          />
        </div>
        <p className="chart-legend">{legend} White rim: train, black rim: test.</p>
        {imported && (
          <p className="chart-legend slice-text" data-testid="slice-text">
            {sliceText(dataset.info.featureNames, plane)}
          </p>
        )}
        {!invalid && heatmap && <NonlinearityScore value={heatmap.nonlinearity} task={task} />}
      </div>
      <div className="chart-block">
        <div className="chart-head">
          <h2>Loss</h2>
          <span className="chart-tools">
            <span className="field-check">
              <input
                id={logId}
                type="checkbox"
                checked={logScale}
                onChange={(e) => appStore.getState().setLogScale(e.target.checked)}
              />
              <label htmlFor={logId}>Log scale</label>
            </span>
            <ChartImageMenu target={lossRef} name="loss chart" text={lossText} />
          </span>
        </div>
        <div ref={lossRef}>
          <LazyChart
            chart="LossChart"
            points={invalid ? NO_POINTS : history}
            groups={invalid ? NO_CURVE : groups}
            emptyText={invalid ? 'Fix the graph, then train.' : undefined}
            logScale={logScale}
            height={presenter ? 240 : 140}
            runs={lossRuns}
          />
        </div>
      </div>
      {task !== 'regression' && (
        <div className="chart-block">
          <div className="chart-head">
            <h2>Test accuracy</h2>
            <ChartImageMenu target={accuracyRef} name="accuracy chart" text={accuracyText} />
          </div>
          <div ref={accuracyRef}>
            <LazyChart
              chart="AccuracyChart"
              points={invalid ? NO_CURVE : accuracy}
              runs={accuracyRuns}
              height={presenter ? 200 : 120}
              emptyText={invalid ? 'Fix the graph, then train.' : undefined}
            />
          </div>
        </div>
      )}
    </section>
  );
}
