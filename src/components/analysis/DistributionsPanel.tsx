import { useRef } from 'react';
import type { SlideText } from '../../export/slideLayout';
import { activationRegion } from '../../graph/activationRegions';
import { panelNode } from '../../store/panelNodes';
import { selectAnalysis } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/store';
import { MAX_PROBE_UNITS, type ProbeMode } from '../../train/protocol';
import { ChartImageMenu } from '../picture/ChartImageMenu';
import { SelectField } from '../SelectField';
import { BatchNormStatsTable } from './BatchNormStatsTable';
import { DistributionPair } from './DistributionPair';
import { NodePicker } from './NodePicker';
import { nodeLabel } from './nodeLabel';
import { PanelMessage } from './PanelMessage';
import { usePanelBlocker, useStep } from './usePanelBlocker';

const MODES: readonly { value: ProbeMode; label: string }[] = [
  { value: 'inference', label: 'Inference (running statistics)' },
  { value: 'training', label: 'Training (batch statistics)' },
];

/**
 * Before and after one normalization or activation node, on a fixed batch of test points:
 * histograms with mean and std, the share of inputs in an activation's dead or saturated
 * region, and BatchNorm's running statistics beside the batch's own.
 */
export function DistributionsPanel() {
  const node = useAppStore((s) => panelNode(s, 'distributions'));
  const mode = useAppStore((s) => s.distMode);
  const unit = useAppStore((s) => s.distUnit);
  const width = useAppStore((s) => (node ? (selectAnalysis(s).widths[node.id] ?? null) : null));
  const report = useAppStore((s) => s.distributions);
  const error = useAppStore((s) => s.probeErrors.distributions);
  const blocker = usePanelBlocker();
  const step = useStep();
  const fresh = report && node && report.nodeId === node.id && report.mode === mode ? report : null;
  const units = Math.min(fresh?.width ?? width ?? 0, MAX_PROBE_UNITS);
  const unitValue = unit === 'pooled' || unit >= units ? 'pooled' : String(unit);
  const shown = fresh ? (unitValue === 'pooled' ? fresh.pooled : fresh.units[Number(unitValue)]) : null;
  const region = node?.kind === 'activation' ? activationRegion(String(node.params.fn)) : null;
  const pairRef = useRef<HTMLDivElement>(null);
  const pictureText = (): SlideText => ({
    title: `Distributions at ${node ? nodeLabel(node) : ''}`,
    subtitle: `${appStore.getState().dataset.info.label} dataset · ${fresh?.probeSize ?? 0} test points, ${mode} mode · ${
      unitValue === 'pooled' ? 'all units pooled' : `unit ${Number(unitValue) + 1}`
    } · step ${fresh?.step ?? 0}`,
    xLabel: 'Value',
    yLabel: 'Count',
    caption:
      'Left: the input of the node; right: its output, on one x axis. Line: mean; grey band: mean ± one standard deviation.',
  });
  return (
    <div className="panel">
      <div className="panel-head">
        <h2>Distributions</h2>
        <NodePicker panel="distributions" />
        <SelectField
          label="Mode"
          value={mode}
          options={MODES}
          onChange={(m) => appStore.getState().setDistMode(m)}
          help="Inference: BatchNorm uses its running mean and variance. Training: the batch's own."
        />
        {node && units > 1 && (
          <SelectField
            label="Unit"
            value={unitValue}
            options={[
              { value: 'pooled', label: 'All units (pooled)' },
              ...Array.from({ length: units }, (_, u) => ({ value: String(u), label: `Unit ${u + 1}` })),
            ]}
            onChange={(v) => appStore.getState().setDistUnit(v === 'pooled' ? 'pooled' : Number(v))}
          />
        )}
      </div>
      {blocker ? (
        <PanelMessage text={blocker} />
      ) : !node ? (
        <PanelMessage text="There is no normalization or activation node. Add a BatchNorm, LayerNorm or Activation to see what it does to the numbers passing through." />
      ) : error ? (
        <PanelMessage text={`Could not measure ${node.id}: ${error}`} />
      ) : !fresh || !shown ? (
        <PanelMessage text={`Measuring ${nodeLabel(node)}…`} />
      ) : (
        <>
          <DistributionPair
            pairRef={pairRef}
            menu={<ChartImageMenu target={pairRef} name="distributions" text={pictureText} arrange="row" />}
            dist={shown}
            nodeName={nodeLabel(node)}
            regionIntervals={region?.intervals ?? []}
            regionLabel={region?.label ?? ''}
          />
          <p className="panel-note">
            {fresh.probeSize} test points, {mode} mode
            {node.kind === 'layernorm'
              ? ' (LayerNorm is the same in both: it uses each sample’s own features)'
              : ''}
            {' · '}
            {step === 0
              ? 'untrained: initial weights; press Train to watch them change'
              : `step ${fresh.step}`}
          </p>
          {fresh.batchNorm && (
            <BatchNormStatsTable
              stats={fresh.batchNorm}
              highlight={unitValue === 'pooled' ? null : Number(unitValue)}
            />
          )}
        </>
      )}
    </div>
  );
}
