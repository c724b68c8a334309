import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { REGISTRY } from '../../graph/registry';
import { formatCount } from '../../lib/format';
import { graphContextOf } from '../../store/dataSlice';
import { issuesOf, selectAnalysis } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/**
 * One canvas node, for every kind: its kind, key parameters, output width and weight count.
 * It reads its own data from the store (narrow selectors), so a change elsewhere does not
 * re-render it. An invalid node is outlined and says why. The handles carry a tooltip, not an
 * aria-label: they are plain divs without a role, where ARIA forbids a label (axe aria-prohibited-attr).
 */
function LayerNodeView({ id, selected }: NodeProps) {
  const node = useAppStore((s) => s.graph.nodes.find((n) => n.id === id));
  const dataset = useAppStore((s) => s.data);
  const width = useAppStore((s) => selectAnalysis(s).widths[id] ?? null);
  const weights = useAppStore((s) => selectAnalysis(s).paramCounts[id] ?? 0);
  const issue = useAppStore(
    (s) =>
      issuesOf(selectAnalysis(s), id)[0]?.message ??
      (s.problemNodeId === id ? 'Training failed in this node (see beside Train).' : null),
  );
  if (!node) return null;
  const spec = REGISTRY[node.kind];
  const summary = spec.summary(node.params, graphContextOf(dataset));
  return (
    <article
      className={`layer-node kind-${node.kind}${issue ? ' invalid' : ''}${selected ? ' selected' : ''}`}
      data-kind={node.kind}
      data-testid={`node-${id}`}
      aria-label={`${spec.label} node${issue ? `: ${issue}` : ''}`}
    >
      {node.kind !== 'input' && (
        <Handle type="target" position={Position.Top} title={`${spec.label} input: drop a connection here`} />
      )}
      {/* The body apart from the handles: on a touch screen the browser snaps a tap to the nearest
          element that responds to it, and a node's own box (which holds its handles) does not count. */}
      <div className="layer-node-body">
        <div className="layer-node-title">
          <span>{spec.label}</span>
          <span className="layer-node-shape" title="Output width">
            → [{width ?? '?'}]
          </span>
        </div>
        <div className="layer-node-summary">{summary}</div>
        {weights > 0 && <div className="layer-node-weights">{formatCount(weights)} weights</div>}
        {issue && (
          <div className="layer-node-issue" role="note" title={issue}>
            ⚠ {issue}
          </div>
        )}
      </div>
      {node.kind !== 'output' && (
        <Handle
          type="source"
          position={Position.Bottom}
          title={`${spec.label} output: drag from here to connect`}
        />
      )}
    </article>
  );
}

export const LayerNode = memo(LayerNodeView);
