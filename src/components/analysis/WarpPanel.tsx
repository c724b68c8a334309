import { useRef } from 'react';
import { WarpedGridChart } from '../../charts/WarpedGridChart';
import { panelNode } from '../../store/panelNodes';
import { selectAnalysis } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/store';
import { planeNote } from '../data/sliceText';
import { ChartImageMenu } from '../picture/ChartImageMenu';
import { NodePicker } from './NodePicker';
import { nodeLabel } from './nodeLabel';
import { PanelMessage } from './PanelMessage';
import { usePanelBlocker, useStep } from './usePanelBlocker';

/** Below this bend a line counts as straight (float32 noise is about 1e-6). */
export const STRAIGHT = 0.005;

/**
 * The input plane's grid lines as the network sees them at one node: straight through affine
 * layers, bent by ReLU, tanh and LayerNorm.
 */
export function WarpPanel() {
  const node = useAppStore((s) => panelNode(s, 'warp'));
  const width = useAppStore((s) => (node ? (selectAnalysis(s).widths[node.id] ?? 0) : 0));
  const report = useAppStore((s) => s.warp);
  const error = useAppStore((s) => s.probeErrors.warp);
  const blocker = usePanelBlocker();
  const step = useStep();
  const note = useAppStore((s) => planeNote(s.dataset.info, s.plane));
  const fresh = report && node && report.nodeId === node.id ? report : null;
  const straight = fresh ? fresh.bend < STRAIGHT : false;
  const chartRef = useRef<HTMLDivElement>(null);
  // The chart draws its own axis labels; the slide adds the title and what the colours mean.
  const pictureText = () => ({
    title: `Warped grid at ${node ? nodeLabel(node) : ''}`,
    subtitle: `${appStore.getState().dataset.info.label} dataset · ${straight ? 'lines stay straight' : 'lines bend'} (largest bend ${(100 * (fresh?.bend ?? 0)).toFixed(1)}%) · step ${fresh?.step ?? 0}`,
    caption:
      'Blue: horizontal lines of the input plane, orange: vertical ones, as this layer sees them. Straight lines: the network is affine up to here.',
  });
  return (
    <div className="panel">
      <div className="panel-head">
        <h2>Warped grid</h2>
        <NodePicker panel="warp" />
      </div>
      {blocker ? (
        <PanelMessage text={blocker} />
      ) : !node ? (
        <PanelMessage text="There is no layer to look at yet." />
      ) : width < 2 ? (
        <PanelMessage
          text={`${nodeLabel(node)} has 1 unit: it maps the plane onto a line, so there is no grid to draw. Pick a layer with 2 or more units.`}
        />
      ) : error ? (
        <PanelMessage text={`Could not draw ${node.id}: ${error}`} />
      ) : !fresh ? (
        <PanelMessage text={`Pushing the grid through ${node.id}…`} />
      ) : (
        <div className="warp-body">
          <div className="warp-chart picture-host" ref={chartRef}>
            <ChartImageMenu target={chartRef} name="warped grid" text={pictureText} />
            <WarpedGridChart
              lines={fresh.lines}
              xLabel={fresh.projected ? 'component 1' : `${node.id} unit 1`}
              yLabel={fresh.projected ? 'component 2' : `${node.id} unit 2`}
              width={400}
              height={220}
            />
          </div>
          <div className="warp-numbers">
            <p className="verdict">
              {straight ? 'Lines stay straight' : 'Lines bend'} (largest bend{' '}
              <strong data-testid="warp-bend">{(100 * fresh.bend).toFixed(1)}%</strong>)
            </p>
            <p>
              {straight
                ? 'Up to here the network is affine: it can stretch, rotate, shear and shift the plane, never fold it.'
                : 'A nonlinearity before this point folds or curves the plane; that is what lets the network separate classes a straight line cannot.'}
            </p>
            <p className="panel-note">
              Blue: horizontal lines of the input plane, orange: vertical ones.{' '}
              {fresh.projected
                ? `${fresh.width} units, shown on their first two principal components (${Math.round(100 * fresh.explained)}% of the variance).`
                : 'Its 2 units.'}
              {step === 0 ? ' Untrained: initial weights.' : ` Step ${fresh.step}.`}
              {note && ` ${note}`}
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
