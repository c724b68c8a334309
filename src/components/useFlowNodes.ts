import type { Edge, Node } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { GraphNode } from '../graph/types';
import { PERMANENT_KINDS } from '../store/graphSlice';
import { useAppStore } from '../store/store';
import type { Size } from '../store/uiSlice';
import { nodeLabel } from './analysis/nodeLabel';
import { flowType } from './nodes/nodeTypes';

interface Cached {
  readonly source: GraphNode;
  readonly selected: boolean;
  readonly size: Size | undefined;
  readonly node: Node;
}

/**
 * React Flow nodes derived from the domain graph. Node objects are reused while their node,
 * selection and measured size are unchanged, and always carry `measured`, so React Flow neither
 * re-renders nor hides (to re-measure) nodes that did not change.
 */
export function useFlowNodes(): Node[] {
  const nodes = useAppStore((s) => s.graph.nodes);
  const selectedId = useAppStore((s) => s.selectedNodeId);
  const measured = useAppStore((s) => s.measured);
  const cache = useRef(new Map<string, Cached>());
  return useMemo(() => {
    const next = new Map<string, Cached>();
    const out = nodes.map((n) => {
      const selected = n.id === selectedId;
      const size = measured[n.id];
      const hit = cache.current.get(n.id);
      if (hit && hit.source === n && hit.selected === selected && hit.size === size) {
        next.set(n.id, hit);
        return hit.node;
      }
      const node: Node = {
        id: n.id,
        type: flowType(n.kind),
        position: n.position,
        data: {},
        selected,
        // The name of the focusable wrapper (Tab reaches it; Enter selects it).
        ariaLabel: nodeLabel(n),
        deletable: !PERMANENT_KINDS.includes(n.kind),
        ...(size ? { measured: size } : {}),
      };
      next.set(n.id, { source: n, selected, size, node });
      return node;
    });
    cache.current = next;
    return out;
  }, [nodes, selectedId, measured]);
}

/** React Flow edges from the domain graph, each named for assistive technology ("Connection from a to b"). */
export function useFlowEdges(): Edge[] {
  const edges = useAppStore((s) => s.graph.edges);
  const selected = useAppStore((s) => s.selectedEdgeId);
  return useMemo(
    () =>
      edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        selected: e.id === selected,
        ariaLabel: `Connection from ${e.source} to ${e.target}`,
      })),
    [edges, selected],
  );
}
