import { useRef } from 'react';
import { LazyChart } from '../../charts/LazyChart';
import { panelNode } from '../../store/panelNodes';
import { selectAnalysis } from '../../store/selectors';
import { SETTING_SPECS } from '../../store/settingsSpecs';
import { appStore, useAppStore } from '../../store/store';
import { planeNote } from '../data/sliceText';
import { NumberField } from '../NumberField';
import { ChartImageMenu } from '../picture/ChartImageMenu';
import { SelectField } from '../SelectField';
import { NodePicker } from './NodePicker';
import { PanelMessage } from './PanelMessage';
import { usePanelBlocker, useStep } from './usePanelBlocker';

const fmt = (x: number) => (x === 0 ? '0' : Math.abs(x) < 1e-4 ? x.toExponential(1) : x.toFixed(3));

/**
 * One point's output at a BatchNorm node when it sits in different batches (same-class mates,
 * mixed, random, sizes 2 to 64): it moves in training mode, not in inference mode.
 */
export function BatchDependencePanel() {
  const node = useAppStore((s) => panelNode(s, 'batch'));
  const width = useAppStore((s) => (node ? (selectAnalysis(s).widths[node.id] ?? 1) : 1));
  const unit = useAppStore((s) => s.batchUnit);
  const point = useAppStore((s) => s.batchPoint);
  const report = useAppStore((s) => s.batch);
  const error = useAppStore((s) => s.probeErrors.batch);
  const blocker = usePanelBlocker();
  const step = useStep();
  const note = useAppStore((s) => planeNote(s.dataset.info, s.plane));
  const { setBatchPoint, setBatchUnit } = appStore.getState();
  const chartRef = useRef<HTMLDivElement>(null);
  // The chart draws its own axis labels and the inference line's key.
  const pictureText = () => ({
    title: `Batch dependence at ${node?.id ?? ''}`,
    subtitle: `${appStore.getState().dataset.info.label} dataset · point (${point[0]}, ${point[1]}) · step ${fresh?.step ?? 0}`,
    caption: `Training mode: the same point's output ranges over ${fmt(fresh?.trainingSpread ?? 0)} with its batch-mates. Inference mode (dashed line): ${fmt(fresh?.inferenceSpread ?? 0)}.`,
  });
  const fresh =
    report && node && report.nodeId === node.id && report.unit === Math.min(unit, width - 1) ? report : null;
  return (
    <div className="panel">
      <div className="panel-head">
        <h2>Batch dependence</h2>
        <NodePicker panel="batch" />
        {node && width > 1 && (
          <SelectField
            label="Unit"
            value={String(Math.min(unit, width - 1))}
            options={Array.from({ length: width }, (_, u) => ({ value: String(u), label: `Unit ${u + 1}` }))}
            onChange={(v) => setBatchUnit(Number(v))}
          />
        )}
        <NumberField
          spec={SETTING_SPECS.pointX}
          value={point[0]}
          onCommit={(x) => setBatchPoint([x, point[1]])}
        />
        <NumberField
          spec={SETTING_SPECS.pointY}
          value={point[1]}
          onCommit={(y) => setBatchPoint([point[0], y])}
        />
      </div>
      {blocker ? (
        <PanelMessage text={blocker} />
      ) : !node ? (
        <PanelMessage text="There is no BatchNorm node. Batch dependence is BatchNorm's alone: LayerNorm and activations treat every sample by itself. Add a BatchNorm to see it." />
      ) : error ? (
        <PanelMessage text={`Could not measure ${node.id}: ${error}`} />
      ) : !fresh ? (
        <PanelMessage text={`Putting the point into batches at ${node.id}…`} />
      ) : (
        <div className="batch-body">
          <div className="batch-chart picture-host" ref={chartRef}>
            <ChartImageMenu target={chartRef} name="batch dependence chart" text={pictureText} />
            <LazyChart
              chart="BatchSpreadChart"
              groups={fresh.groups}
              inference={fresh.inference}
              yLabel={`${node.id} unit ${fresh.unit + 1}`}
              width={460}
              height={190}
            />
          </div>
          <div className="batch-numbers">
            <p>
              Training mode: the point ({fresh.point[0]}, {fresh.point[1]}) gives outputs that range over{' '}
              <strong data-testid="batch-training-spread">{fmt(fresh.trainingSpread)}</strong>: BatchNorm
              normalizes it with its batch-mates’ mean and variance.
            </p>
            <p>
              Inference mode: range{' '}
              <strong data-testid="batch-inference-spread">{fmt(fresh.inferenceSpread)}</strong> (dashed
              line): the running statistics are fixed, so batch-mates cannot move it.
            </p>
            <p className="panel-note">
              Click the decision boundary to move the point. {fresh.groups[0]?.values.length ?? 0} random
              batches per column.{step === 0 ? ' Untrained: initial weights.' : ` Step ${fresh.step}.`}
              {note && ` ${note}`}
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
