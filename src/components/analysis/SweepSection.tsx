import type { Ref } from 'react';
import { useAppStore } from '../../store/store';
import { sweepSummary } from '../../store/sweepPlan';
import { SWEEP_DEFAULTS, sweepRates } from '../../train/protocol';
import { useSweep } from '../SweepContext';
import { PanelMessage } from './PanelMessage';
import { SweepResults } from './SweepResults';

const RATES = sweepRates();

/**
 * The learning-rate sweep under the health charts: what it does, its progress and Cancel while it
 * runs, then its result (chart, numbers and a summary in words), or why it could not run.
 */
export function SweepSection({ ref }: { readonly ref?: Ref<HTMLElement> }) {
  const sweep = useAppStore((s) => s.sweep);
  const commands = useSweep();
  const total = sweep.runs.length * sweep.rates.length;
  const next = sweep.points.length;
  const run = sweep.runs[Math.floor(next / Math.max(1, sweep.rates.length))];
  const rate = sweep.rates[next % Math.max(1, sweep.rates.length)];
  const summary = sweepSummary(sweep);
  return (
    <section className="sweep" aria-label="Learning-rate sweep" ref={ref}>
      <h3>Learning-rate sweep</h3>
      <p className="panel-note">
        {RATES.length} rates from {RATES[0]} to {RATES.at(-1)}, {sweep.steps || SWEEP_DEFAULTS.steps} steps
        each from the same seed, for this lab and the same graph without normalization, in a worker of their
        own: your run is not touched.
      </p>
      {sweep.status === 'running' && (
        <div className="sweep-progress">
          <progress value={next} max={total} aria-label="Sweep progress" />
          <span aria-live="polite">
            Run {Math.min(next + 1, total)} of {total}
            {run && rate !== undefined ? `: ${run.label} at ${rate}` : ''}
          </span>
          <button type="button" onClick={() => commands.cancel()}>
            Cancel sweep
          </button>
        </div>
      )}
      {sweep.status === 'failed' && sweep.message && <PanelMessage text={sweep.message} />}
      {sweep.status === 'cancelled' && (
        <p className="panel-note" role="status">
          Sweep cancelled after {next} of {total} runs.
        </p>
      )}
      {sweep.note && <p className="sweep-note">{sweep.note}</p>}
      {sweep.runs.length > 0 && sweep.status !== 'failed' && (
        <SweepResults sweep={sweep} summary={sweep.status === 'running' ? [] : summary} />
      )}
      {sweep.settings && sweep.status !== 'failed' && (
        <p className="panel-note">Swept with {sweep.settings}.</p>
      )}
    </section>
  );
}
