import { graphSlide } from '../../export/graphPicture';
import { formatCount } from '../../lib/format';
import { graphContextOf } from '../../store/dataSlice';
import { selectAnalysis } from '../../store/selectors';
import { appStore } from '../../store/store';
import { ImageMenu } from './ImageMenu';

/** The graph as it is now, as a slide: every node and connection, at their canvas positions. */
function currentGraphSlide() {
  const s = appStore.getState();
  const analysis = selectAnalysis(s);
  const invalid = new Set(analysis.issues.flatMap((i) => (i.nodeId ? [i.nodeId] : [])));
  const layers = s.graph.nodes.length;
  const subtitle = [
    `${s.dataset.info.label} dataset`,
    `${layers} ${layers === 1 ? 'node' : 'nodes'}`,
    analysis.valid ? `${formatCount(analysis.totalParams)} weights` : 'invalid: problems outlined in red',
  ].join(' · ');
  return graphSlide(
    s.graph,
    { context: graphContextOf(s.data), widths: analysis.widths, invalid },
    { title: 'Network graph', subtitle },
  );
}

/**
 * The canvas's picture menu, among its zoom controls: the graph as a slide, as PNG, SVG or a
 * clipboard copy. The list opens beside the button, inside the canvas (which clips what leaves it).
 */
export function GraphImageMenu() {
  return (
    <ImageMenu
      label="Image of the graph"
      what="the graph"
      fileTitle="graph"
      placement="side"
      buttonClassName="react-flow__controls-button"
      makeSlide={currentGraphSlide}
    />
  );
}
