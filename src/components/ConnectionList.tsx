import { useRef } from 'react';
import type { Graph } from '../graph/types';
import { appStore } from '../store/store';
import { nodeLabel } from './analysis/nodeLabel';

interface Props {
  readonly graph: Graph;
  readonly nodeId: string;
}

/**
 * The selected node's connections, inputs first, each with a button that removes it (through the
 * store, as Delete on a selected connection does). Focus stays in the list after a removal.
 */
export function ConnectionList({ graph, nodeId }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const labelOf = (id: string) => {
    const node = graph.nodes.find((n) => n.id === id);
    return node ? nodeLabel(node) : id;
  };
  const rows = [
    ...graph.edges.filter((e) => e.target === nodeId).map((e) => ({ edge: e, dir: 'from' as const })),
    ...graph.edges.filter((e) => e.source === nodeId).map((e) => ({ edge: e, dir: 'to' as const })),
  ];
  if (rows.length === 0) return <p className="empty">No connections yet.</p>;

  const remove = (edgeId: string, index: number) => {
    appStore.getState().removeEdges([edgeId]);
    // The row is gone: focus the one that took its place, else the one before, else the list.
    requestAnimationFrame(() => {
      const buttons = listRef.current?.querySelectorAll('button');
      const next = buttons?.[Math.min(index, buttons.length - 1)];
      (next ?? listRef.current)?.focus();
    });
  };

  return (
    <ul className="connection-list" aria-label="Current connections" ref={listRef} tabIndex={-1}>
      {rows.map(({ edge, dir }, i) => {
        const other = labelOf(dir === 'from' ? edge.source : edge.target);
        const from = dir === 'from' ? other : labelOf(nodeId);
        const to = dir === 'from' ? labelOf(nodeId) : other;
        return (
          <li key={edge.id}>
            <span>
              {dir === 'from' ? 'From' : 'To'} {other}
            </span>
            <button
              type="button"
              aria-label={`Remove connection from ${from} to ${to}`}
              title={`Remove connection from ${from} to ${to}`}
              onClick={() => remove(edge.id, i)}
            >
              Remove
            </button>
          </li>
        );
      })}
    </ul>
  );
}
