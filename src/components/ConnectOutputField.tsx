import { useId, useMemo, useRef, useState } from 'react';
import { connectionTargets } from '../graph/connectTargets';
import type { Graph } from '../graph/types';
import { appStore } from '../store/store';
import { nodeLabel } from './analysis/nodeLabel';

interface Props {
  readonly graph: Graph;
  readonly sourceId: string;
}

/**
 * "Connect output to…": a keyboard (and touch) way to draw an edge from the selected node. Lists
 * only the nodes it may feed, by the canvas's own rules, and says why the others are not listed.
 * Connecting goes through the store's `connect`, which refuses in a locked class and reports.
 */
export function ConnectOutputField({ graph, sourceId }: Props) {
  const id = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const [choice, setChoice] = useState('');
  const { allowed, refused } = useMemo(() => connectionTargets(graph, sourceId), [graph, sourceId]);
  const labelOf = (nodeId: string) => {
    const node = graph.nodes.find((n) => n.id === nodeId);
    return node ? nodeLabel(node) : nodeId;
  };
  const sourceOf = (edgeId: string) => graph.edges.find((e) => e.id === edgeId)?.source ?? '';
  const chosen = allowed.some((t) => t.id === choice) ? choice : '';

  const connect = () => {
    if (!chosen) return;
    appStore.getState().connect(sourceId, chosen);
    setChoice('');
    selectRef.current?.focus();
  };

  return (
    <div className="connect-output">
      <div className="field">
        <label htmlFor={id}>Connect output to…</label>
        <div className="connect-row">
          <select
            id={id}
            ref={selectRef}
            value={chosen}
            onChange={(e) => setChoice(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && chosen) {
                e.preventDefault();
                connect();
              }
            }}
            disabled={allowed.length === 0}
          >
            <option value="">{allowed.length === 0 ? 'No node can take it' : 'Choose a node…'}</option>
            {allowed.map((t) => (
              <option key={t.id} value={t.id}>
                {labelOf(t.id)}
                {t.replaces ? ` (replaces its input from ${labelOf(sourceOf(t.replaces))})` : ''}
              </option>
            ))}
          </select>
          <button type="button" onClick={connect} disabled={!chosen}>
            Connect
          </button>
        </div>
      </div>
      {refused.length > 0 && (
        <details className="connect-refused">
          <summary>Not listed ({refused.length}): why</summary>
          <ul>
            {refused.map((r) => (
              <li key={r.id}>
                <strong>{labelOf(r.id)}</strong>: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
