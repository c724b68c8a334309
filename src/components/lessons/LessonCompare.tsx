import { useRef } from 'react';
import { LazyChart } from '../../charts/LazyChart';
import type { CurvePoint, RunCurve } from '../../charts/types';
import { pinAndCompare } from '../../store/lessonActions';
import type { ActiveLesson } from '../../store/lessonSlice';
import { appStore, useAppStore } from '../../store/store';
import type { LossPoint } from '../../store/trainingSlice';
import { ChartImageMenu } from '../picture/ChartImageMenu';

/** Okabe-Ito blue and vermillion: distinct for colour-blind viewers and on a washed-out projector. */
const CURRENT_COLOR = '#0072B2';
const PINNED_COLOR = '#D55E00';

const accuracyPoints = (history: readonly LossPoint[]): CurvePoint[] =>
  history.flatMap((p) =>
    p.accuracy === null || p.accuracy === undefined ? [] : [{ x: p.step, y: p.accuracy }],
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
  const first: RunCurve = {
    id: 'lesson-first',
    name: active.pinned?.name ?? 'first run',
    color: PINNED_COLOR,
    points: accuracyPoints(active.pinned?.history ?? []),
  };
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
            legend: [
              { label: compare.title, color: CURRENT_COLOR },
              { label: first.name, color: PINNED_COLOR, dashed: true },
            ],
          })}
        />
      </div>
      <div ref={chartRef}>
        <LazyChart
          chart="AccuracyChart"
          points={accuracyPoints(history)}
          name={compare.title}
          color={CURRENT_COLOR}
          runs={[first]}
          height={180}
        />
      </div>
    </div>
  );
}
