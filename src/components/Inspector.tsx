import { REGISTRY } from '../graph/registry';
import { formatCount } from '../lib/format';
import { PERMANENT_KINDS } from '../store/graphSlice';
import { issuesOf, selectAnalysis } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';
import { LOCKED_TITLE } from './classroom/ClassBanner';
import { useLocked } from './classroom/useClassroom';
import { focusNodeOnCanvas, INSPECTOR_HEADING_ID } from './inspectorFocus';
import { NodeConnections } from './NodeConnections';
import { ParamField } from './ParamField';

/**
 * Edits the selected node's parameters (bad values are refused next to the field) and its
 * connections. Escape inside it takes the keyboard back to the node on the canvas.
 */
export function Inspector() {
  const node = useAppStore((s) => s.graph.nodes.find((n) => n.id === s.selectedNodeId) ?? null);
  const analysis = useAppStore(selectAnalysis);
  const locked = useLocked('graph');
  if (!node) {
    return (
      <section className="inspector" aria-label="Inspector">
        <h2>Inspector</h2>
        <p className="empty">Select a node on the canvas to edit its parameters.</p>
      </section>
    );
  }
  const spec = REGISTRY[node.kind];
  const issues = issuesOf(analysis, node.id);
  const visible = spec.params.filter((p) => !p.visibleWhen || p.visibleWhen(node.params));
  const { setParam } = appStore.getState();
  return (
    <section
      className="inspector"
      aria-label="Inspector"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented && focusNodeOnCanvas(node.id)) e.preventDefault();
      }}
    >
      <h2 id={INSPECTOR_HEADING_ID} tabIndex={-1} data-node-id={node.id}>
        {spec.label} <span className="muted">({node.id})</span>
      </h2>
      <p className="hint">{spec.description}</p>
      <p className="inspector-facts">
        Output width: <strong>{analysis.widths[node.id] ?? '?'}</strong> · Weights:{' '}
        <strong>{formatCount(analysis.paramCounts[node.id] ?? 0)}</strong>
      </p>
      {visible.length === 0 && <p className="empty">This layer has no parameters.</p>}
      {/* key: a fresh set of fields per node, so drafts never leak between nodes */}
      <fieldset
        className="inspector-fields"
        key={node.id}
        disabled={locked}
        title={locked ? LOCKED_TITLE : undefined}
      >
        <legend className="visually-hidden">Parameters{locked ? ' (locked for this class)' : ''}</legend>
        {visible.map((p) => (
          <ParamField
            key={p.key}
            spec={p}
            value={node.params[p.key]}
            onCommit={(v) => setParam(node.id, p.key, v)}
          />
        ))}
      </fieldset>
      <NodeConnections nodeId={node.id} locked={locked} />
      {issues.length > 0 && (
        <ul className="inspector-issues" aria-label="Problems with this node">
          {issues.map((i) => (
            <li key={`${i.code}-${i.message}`}>{i.message}</li>
          ))}
        </ul>
      )}
      {!PERMANENT_KINDS.includes(node.kind) && !locked && (
        <button type="button" className="danger" onClick={() => appStore.getState().removeNodes([node.id])}>
          Delete node
        </button>
      )}
    </section>
  );
}
