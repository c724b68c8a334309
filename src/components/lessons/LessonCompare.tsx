import { lazy, Suspense, useRef } from 'react';
import type { RunSeries } from '../../charts/RunsChart';
import { pinAndCompare } from '../../store/lessonActions';
import type { ActiveLesson } from '../../store/lessonSlice';
import { appStore, useAppStore } from '../../store/store';
import type { LossPoint } from '../../store/trainingSlice';
import { ChartImageMenu } from '../picture/ChartImageMenu';

// recharts loads in its own chunk, only when a comparison is on screen.
const RunsChart = lazy(() => import('../../charts/RunsChart'));

/** Okabe-Ito blue and vermillion: distinct for colour-blind viewers and on a washed-out projector. */
const CURRENT_COLOR = '#0072B2';
const PINNED_COLOR = '#D55E00';

const accuracyPoints = (history: readonly LossPoint[]) =>
  history.flatMap((p) =>
    p.accuracy === null || p.accuracy === undefined ? [] : [{ step: p.step, value: p.accuracy }],
  );

/**
 * A lesson's comparison: first the button that pins the first run and opens the comparison lab
 * (once the first run reached its budget), then both runs' test accuracy on one chart.
 */
export function LessonCompare({ active }: { active: ActiveLesson }) {
  const step = useAppStore((s) => s.metrics?.step ?? 0);
  const history = useAppStore((s) => s.lossHistory);
  const compare = active.lesson.compare;
  const chartRef = useRef<HTMLDivElement>(null);
  if (!compare) return null;
  if (active.phase === 'first') {
    const ready = step >= active.lesson.stepBudget;
    return (
      <div className="lesson-compare">
        <button type="button" className="primary" disabled={!ready} onClick={() => pinAndCompare(appStore)}>
          Pin this run and compare: {compare.title}
        </button>
        {!ready && <p className="hint">Train this run to step {active.lesson.stepBudget} first.</p>}
      </div>
    );
  }
  const runs: RunSeries[] = [
    {
      name: active.pinned?.name ?? 'first run',
      color: PINNED_COLOR,
      dashed: true,
      points: accuracyPoints(active.pinned?.history ?? []),
    },
    { name: compare.title, color: CURRENT_COLOR, points: accuracyPoints(history) },
  ];
  return (
    <div className="lesson-compare">
      <div className="chart-head">
        <h3>Test accuracy, both runs</h3>
        <ChartImageMenu
          target={chartRef}
          name="comparison chart"
          text={() => ({
            title: 'Test accuracy, both runs',
            subtitle: active.lesson.title,
            xLabel: 'Step',
            yLabel: 'Test accuracy',
            legend: runs.map((r) => ({ label: r.name, color: r.color, dashed: r.dashed })),
          })}
        />
      </div>
      <div ref={chartRef}>
        <Suspense fallback={<p className="hint">Loading the chart…</p>}>
          <RunsChart
            runs={runs}
            yLabel="Test accuracy"
            domain={[0, 1]}
            format={(v) => `${(v * 100).toFixed(0)}%`}
          />
        </Suspense>
      </div>
    </div>
  );
}
