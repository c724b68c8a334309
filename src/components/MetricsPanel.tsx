import { useShallow } from 'zustand/react/shallow';
import { formatCount, formatNumber } from '../lib/format';
import { selectAnalysis } from '../store/selectors';
import { useAppStore } from '../store/store';

function Readout({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="readout">
      <span className="readout-label">{label}</span>
      <span className="readout-value" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

/** Step, epoch, throughput, losses and test accuracy. */
export function MetricsPanel() {
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
      <Readout label="Train loss" value={formatNumber(m?.trainLoss ?? null)} testId="metric-train-loss" />
      <Readout label="Test loss" value={formatNumber(m?.testLoss ?? null)} testId="metric-test-loss" />
      <Readout
        label="Test accuracy"
        value={
          m?.testAccuracy === null || m?.testAccuracy === undefined
            ? '—'
            : `${(m.testAccuracy * 100).toFixed(1)}%`
        }
        testId="metric-test-accuracy"
      />
      <p className="muted weights-total">
        {totalParams !== null ? `${formatCount(totalParams)} weights in the model` : ''}
      </p>
    </section>
  );
}
