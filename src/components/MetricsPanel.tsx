import { useShallow } from 'zustand/react/shallow';
import { formatCount, formatNumber } from '../lib/format';
import { graphContextOf } from '../store/dataSlice';
import { selectAnalysis } from '../store/selectors';
import { useAppStore } from '../store/store';

function Readout({
  label,
  value,
  testId,
  hint,
  secondary,
}: {
  label: string;
  value: string;
  testId: string;
  hint?: string;
  /** Hidden in presenter view (the class presenter.css hides). */
  secondary?: boolean;
}) {
  return (
    <div className={secondary ? 'readout field-secondary' : 'readout'} title={hint}>
      <span className="readout-label">{label}</span>
      <span className="readout-value" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

const SAME_WAY =
  'Measured in inference mode (BatchNorm uses its running statistics) over the whole set, the same way for train and test.';

/** Step, epoch, throughput, losses (train and test measured the same way) and test accuracy or R². */
export function MetricsPanel() {
  const regression = useAppStore((s) => graphContextOf(s.data).task === 'regression');
  // An invalid graph has no model: show no numbers from the one it replaced.
  const m = useAppStore(useShallow((s) => (selectAnalysis(s).valid ? s.metrics : null)));
  const totalParams = useAppStore((s) =>
    s.compiledParams && selectAnalysis(s).valid
      ? Object.values(s.compiledParams).reduce((a, b) => a + b, 0)
      : null,
  );
  return (
    <section className="metrics" aria-label="Training metrics">
      <Readout label="Step" value={m ? String(m.step) : '0'} testId="metric-step" />
      <Readout label="Epoch" value={m ? String(m.epoch) : '0'} testId="metric-epoch" />
      <Readout
        label="Steps/s"
        value={m && m.stepsPerSecond > 0 ? m.stepsPerSecond.toFixed(0) : '—'}
        testId="metric-steps-per-second"
      />
      <Readout
        label="Train loss"
        value={formatNumber(m?.trainLoss ?? null)}
        testId="metric-train-loss"
        hint={SAME_WAY}
      />
      <Readout
        label="Test loss"
        value={formatNumber(m?.testLoss ?? null)}
        testId="metric-test-loss"
        hint={SAME_WAY}
      />
      {regression ? (
        <Readout
          label="Test R²"
          value={
            m?.testR2 !== null && m?.testR2 !== undefined && Number.isFinite(m.testR2)
              ? m.testR2.toFixed(3)
              : '—'
          }
          testId="metric-test-r2"
          hint="Share of the targets' variance the predictions explain: 1 − Σ(y − ŷ)² / Σ(y − ȳ)². 1 is perfect, 0 no better than the mean."
        />
      ) : (
        <Readout
          label="Test accuracy"
          value={
            m?.testAccuracy === null || m?.testAccuracy === undefined
              ? '—'
              : `${(m.testAccuracy * 100).toFixed(1)}%`
          }
          testId="metric-test-accuracy"
        />
      )}
      <Readout
        label="Batch loss"
        value={formatNumber(m?.batchLoss ?? null)}
        testId="metric-batch-loss"
        secondary
        hint="Mean loss of the mini-batches since the last reading, in training mode (BatchNorm uses each batch's own statistics): what the optimizer saw. It is usually above the train loss."
      />
      <p className="muted weights-total">
        {totalParams !== null ? `${formatCount(totalParams)} weights in the model` : ''}
      </p>
    </section>
  );
}
