import { lazy, Suspense } from 'react';
import { formatSci } from '../../charts/healthScale';
import type { SweepSeries } from '../../charts/SweepChart';
import type { SweepState } from '../../store/healthSlice';

// recharts loads in its own chunk, only when a sweep is on screen.
const SweepChart = lazy(() => import('../../charts/SweepChart'));

/** Okabe-Ito blue for this lab, vermillion (dashed) for the variant without normalization. */
const COLORS: Readonly<Record<string, string>> = { current: '#0072B2', noNorm: '#D55E00' };

/**
 * A sweep's points as a chart (final loss against rate, both labs) and, beside it, as a table of
 * numbers and the summary in words.
 */
export function SweepResults({
  sweep,
  summary,
}: {
  readonly sweep: SweepState;
  readonly summary: readonly string[];
}) {
  const series: SweepSeries[] = sweep.runs.map((run) => ({
    id: run.id,
    name: run.label,
    color: COLORS[run.id] ?? '#000000',
    dashed: run.id === 'noNorm',
    points: sweep.points
      .filter((p) => p.runId === run.id)
      .map((p) => ({ rate: p.rate, loss: p.finalLoss, diverged: p.diverged })),
  }));
  const cell = (runId: string, rate: number) => {
    const p = sweep.points.find((q) => q.runId === runId && q.rate === rate);
    if (!p) return <td key={runId}>…</td>;
    if (p.diverged) {
      return (
        <td key={runId} className="sweep-bad" title={p.why ?? undefined}>
          diverged
        </td>
      );
    }
    return <td key={runId}>{p.finalLoss === null ? '?' : formatSci(p.finalLoss)}</td>;
  };
  return (
    <div className="sweep-results">
      <Suspense fallback={<p className="hint">Loading the chart…</p>}>
        <SweepChart series={series} rates={sweep.rates} />
      </Suspense>
      <div className="sweep-numbers">
        <table className="health-table sweep-table" data-testid="sweep-table">
          <caption>Final train loss after {sweep.steps} steps</caption>
          <thead>
            <tr>
              <th scope="col">Learning rate</th>
              {sweep.runs.map((r) => (
                <th scope="col" key={r.id}>
                  {r.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sweep.rates.map((rate) => (
              <tr key={rate}>
                <th scope="row">{rate}</th>
                {sweep.runs.map((r) => cell(r.id, rate))}
              </tr>
            ))}
          </tbody>
        </table>
        {summary.length > 0 && (
          <ul className="sweep-summary" data-testid="sweep-summary">
            {summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
