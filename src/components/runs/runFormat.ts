import { formatNumber } from '../../lib/format';
import type { LabOptimizer } from '../../share';

const OPTIMIZERS: Readonly<Record<LabOptimizer, string>> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  adam: 'Adam',
  rmsprop: 'RMSProp',
};

/** An optimizer's name as the toolbar writes it. */
export const optimizerName = (o: LabOptimizer): string => OPTIMIZERS[o] ?? o;

/** A wall time for a table: "850 ms", "12.3 s", "2 min 05 s". */
export function formatWall(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** A share as a percentage with one decimal ("97.5%"), or "—". */
export const formatPercent = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** A loss for a table (3 decimals, or an exponent when tiny), "—" when not measured. */
export const formatLoss = (x: number | null): string => formatNumber(x);
