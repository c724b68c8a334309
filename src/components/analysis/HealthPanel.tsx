import { lazy, Suspense, useRef } from 'react';
import type { HealthMetric } from '../../store/healthSlice';
import { appStore, useAppStore } from '../../store/store';
import { SelectField } from '../SelectField';
import { useSweep } from '../SweepContext';
import { HealthTable } from './HealthTable';
import { HEALTH_METRIC_ORDER, HEALTH_METRICS, healthChartData } from './healthView';
import { PanelMessage } from './PanelMessage';
import { SweepSection } from './SweepSection';
import { usePanelBlocker } from './usePanelBlocker';

// recharts loads in its own chunk, only when this tab is open.
const HealthChart = lazy(() => import('../../charts/HealthChart'));

/**
 * Training health: per weighted layer, the gradient norm, weight norm, update-to-weight ratio and
 * (after BatchNorm) effective learning rate over steps, measured in the worker while this tab is
 * open; the latest values as numbers; and the learning-rate sweep.
 */
export function HealthPanel() {
  const blocker = usePanelBlocker();
  const samples = useAppStore((s) => s.health);
  const metric = useAppStore((s) => s.healthMetric);
  const nodes = useAppStore((s) => s.graph.nodes);
  const running = useAppStore((s) => s.sweep.status === 'running');
  const sweep = useSweep();
  const sweepRef = useRef<HTMLElement>(null);
  const last = samples.at(-1);
  const spec = HEALTH_METRICS[metric];
  const { series, rows } = healthChartData(samples, metric);
  const bnLayers = last?.layers.filter((l) => l.effectiveLr !== null).map((l) => l.nodeId) ?? [];
  const startSweep = () => {
    sweep.start();
    sweepRef.current?.scrollIntoView?.({ block: 'nearest' });
  };
  return (
    <div className="panel health-panel">
      <div className="panel-head">
        <h2>Training health</h2>
        <SelectField<HealthMetric>
          label="Chart"
          value={metric}
          options={HEALTH_METRIC_ORDER.map((m) => ({ value: m, label: HEALTH_METRICS[m].label }))}
          onChange={(m) => appStore.getState().setHealthMetric(m)}
          help="The quantity the chart shows for every Dense layer (and the Output layer)"
        />
        <button type="button" className="health-sweep-button" onClick={startSweep} disabled={running}>
          Learning-rate sweep
        </button>
      </div>
      {blocker ? (
        <PanelMessage text={blocker} />
      ) : !last ? (
        <PanelMessage text="Train, or press Step, to measure: while this tab is open each Dense layer's gradient, weight and update norms are sampled as it trains." />
      ) : (
        <div className="health-body">
          <HealthTable sample={last} nodes={nodes} />
          <div className="health-chart-box">
            {series.length === 0 ? (
              <PanelMessage text="No Dense layer here feeds a BatchNorm alone, so there is no effective learning rate to show." />
            ) : (
              <Suspense fallback={<p className="hint">Loading the chart…</p>}>
                <HealthChart
                  rows={rows}
                  series={series}
                  yLabel={spec.label}
                  log={spec.log}
                  guide={spec.guide}
                />
              </Suspense>
            )}
          </div>
        </div>
      )}
      <p className="panel-note">
        Norms are of each layer's kernel W (the bias is left out), on the batch of a sampled step; sampling
        runs only while this tab is open and takes at most 5% of training time.
        {bnLayers.length > 0 &&
          ` BatchNorm makes ${bnLayers.join(' and ')} scale-invariant: BN(a·Wx) = BN(Wx) for any a > 0, so only the direction of W matters, and a step of a given size turns W less as ‖W‖ grows: its effective learning rate is lr/‖W‖² (van Laarhoven 2017).`}
      </p>
      <SweepSection ref={sweepRef} />
    </div>
  );
}
