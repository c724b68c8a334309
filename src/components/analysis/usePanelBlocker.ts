import { dataMissing } from '../../store/dataSlice';
import { selectAnalysis } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import type { AppState } from '../../store/types';

/** Why no panel can show anything yet (invalid graph, imported rows missing, engine starting or failed), or null. */
export function panelBlocker(s: AppState): string | null {
  if (!selectAnalysis(s).valid) return 'Fix the graph first: its problems are marked in red on the canvas.';
  if (dataMissing(s))
    return `Import “${s.data.csv?.file}” first: there is nothing to measure without its rows.`;
  if (s.status === 'failed') return 'The training engine is unavailable, so there is nothing to measure.';
  if (s.status === 'starting' || s.status === 'loading') return 'Building the model…';
  return null;
}

export function usePanelBlocker(): string | null {
  return useAppStore(panelBlocker);
}

/** The training step the model is at (0: untrained, initial weights). */
export function useStep(): number {
  return useAppStore((s) => s.metrics?.step ?? 0);
}
