import type { HealthRow, HealthSeries } from '../../charts/HealthChart';
import { SERIES_COLORS } from '../../charts/healthScale';
import type { HealthMetric } from '../../store/healthSlice';
import type { HealthSample } from '../../train/protocol';
import { UPDATE_RATIO_GUIDE } from '../../train/protocol';

/** How each health quantity is named, scaled and guided on the chart. */
export const HEALTH_METRICS: Readonly<
  Record<
    HealthMetric,
    {
      readonly label: string;
      readonly log: boolean;
      readonly guide: { readonly y: number; readonly label: string } | null;
    }
  >
> = {
  gradNorm: { label: 'Gradient norm ‖g‖', log: true, guide: null },
  weightNorm: { label: 'Weight norm ‖W‖', log: false, guide: null },
  updateRatio: {
    label: 'Update / weight ‖ΔW‖/‖W‖',
    log: true,
    guide: { y: UPDATE_RATIO_GUIDE, label: '1e-3: a healthy step' },
  },
  effectiveLr: { label: 'Effective learning rate lr/‖W‖²', log: true, guide: null },
};

/** The metrics in menu order. */
export const HEALTH_METRIC_ORDER: readonly HealthMetric[] = [
  'updateRatio',
  'gradNorm',
  'weightNorm',
  'effectiveLr',
];

/**
 * The chart's series (one per layer that has the quantity: the effective learning rate only for
 * layers that feed BatchNorm alone) and rows (one per sample) of one metric.
 */
export function healthChartData(
  samples: readonly HealthSample[],
  metric: HealthMetric,
): { series: HealthSeries[]; rows: HealthRow[] } {
  const last = samples.at(-1);
  const layers = (last?.layers ?? []).filter((l) => metric !== 'effectiveLr' || l.effectiveLr !== null);
  const series = layers.map((l, i) => ({
    key: l.nodeId,
    name: l.nodeId,
    color: SERIES_COLORS[i % SERIES_COLORS.length] as string,
  }));
  const rows = samples.map((s) => {
    const row: Record<string, number | null> = { step: s.step };
    for (const l of s.layers) row[l.nodeId] = l[metric];
    return row as HealthRow;
  });
  return { series, rows };
}
