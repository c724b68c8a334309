import { useId, useMemo, useRef } from 'react';
import { HeatmapChart } from '../charts/HeatmapChart';
import { LossChart, type LossPointData } from '../charts/LossChart';
import type { XY } from '../lib/downsample';
import { selectAnalysis } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';
import { NonlinearityScore } from './NonlinearityScore';
import { useChartSize } from './useChartSize';

const NO_POINTS: readonly LossPointData[] = [];
const NO_GROUPS: readonly XY[] = [];

/** Decision boundary and loss curve, fed plain data from the store. */
export function ChartsPanel() {
  const dataset = useAppStore((s) => s.dataset);
  const heatmap = useAppStore((s) => s.heatmap);
  const history = useAppStore((s) => s.lossHistory);
  const groups = useAppStore((s) => s.groupLosses);
  // Straight from validation, so an edit that breaks the graph clears the charts at once.
  const invalid = useAppStore((s) => !selectAnalysis(s).valid);
  const logScale = useAppStore((s) => s.logScale);
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
          <h2>
            Loss{' '}
            <span className="loss-key train" title="Loss over the whole training set, inference mode">
              train
            </span>{' '}
            <span className="loss-key test" title="Loss over the test set, inference mode">
              test
            </span>{' '}
            <span
              className="loss-key batch"
              title="Mean training-mode loss of each group of steps read back together (what the optimizer saw), one point per group"
            >
              batch
            </span>
          </h2>
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
        <LossChart
          points={invalid ? NO_POINTS : history}
          groups={invalid ? NO_GROUPS : groups}
          emptyText={invalid ? 'Fix the graph, then train.' : undefined}
          logScale={logScale}
          height={presenter ? 240 : 140}
        />
      </div>
    </section>
  );
}
