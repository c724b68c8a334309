import type { StateCreator } from 'zustand';
import { checkConnection } from '../graph/connect';
import { defaultGraph, makeNode } from '../graph/defaultGraph';
import { REGISTRY } from '../graph/registry';
import type { Graph, NodeKind, ParamValue, Point } from '../graph/types';
import { nextId } from '../lib/ids';
import { lockMessage, refuseIfLocked } from './locks';
import type { AppState } from './types';

export interface GraphSlice {
  graph: Graph;
  selectedNodeId: string | null;
  /** The selected connection (Delete or Backspace removes it). */
  selectedEdgeId: string | null;
  /** Adds a node of `kind` (at `position`, or below the lowest node) and selects it. */
  addNode: (kind: NodeKind, position?: Point) => string;
  /** Draws source -> target if allowed; returns the reason when refused (also shown as a notice). */
  connect: (source: string, target: string) => string | null;
  removeNodes: (ids: readonly string[]) => void;
  removeEdges: (ids: readonly string[]) => void;
  /** Deletes nodes and connections in one edit (one undo step), as the Delete key does. */
  deleteElements: (nodeIds: readonly string[], edgeIds: readonly string[]) => void;
  moveNode: (id: string, position: Point) => void;
  setParam: (id: string, key: string, value: ParamValue) => void;
  selectNode: (id: string | null) => void;
  selectEdge: (id: string | null) => void;
  setGraph: (graph: Graph) => void;
}

const PREFIX: Record<NodeKind, string> = {
  input: 'input',
  dense: 'dense',
  batchnorm: 'bn',
  layernorm: 'ln',
  activation: 'act',
  add: 'add',
  concatenate: 'concat',
  output: 'output',
};

/** Input and Output exist once per graph and cannot be deleted from the canvas. */
export const PERMANENT_KINDS: readonly NodeKind[] = ['input', 'output'];

export const createGraphSlice: StateCreator<AppState, [], [], GraphSlice> = (set, get) => ({
  graph: defaultGraph(),
  selectedNodeId: null,
  selectedEdgeId: null,
  addNode: (kind, position) => {
    if (refuseIfLocked(get, 'graph')) return '';
    const { graph } = get();
    const id = nextId(
      PREFIX[kind],
      graph.nodes.map((n) => n.id),
    );
    const lowest = graph.nodes.reduce((m, n) => Math.max(m, n.position.y), 0);
    const pos = position ?? { x: 560, y: Math.min(lowest, 300) + 20 * (graph.nodes.length % 5) };
    const node = makeNode(id, kind, Math.round(pos.x), Math.round(pos.y));
    set({ graph: { ...graph, nodes: [...graph.nodes, node] }, selectedNodeId: id });
    get().notify('info', `Added ${REGISTRY[kind].label}. Connect it by dragging from a handle.`);
    return id;
  },
  connect: (source, target) => {
    if (refuseIfLocked(get, 'graph')) return lockMessage('graph');
    const { graph } = get();
    const check = checkConnection(graph, source, target);
    if (!check.ok) {
      get().notify('error', `Connection refused: ${check.reason}`);
      return check.reason;
    }
    const kept = check.replaces ? graph.edges.filter((e) => e.id !== check.replaces) : graph.edges;
    const id = nextId(
      `e-${source}-${target}-`,
      graph.edges.map((e) => e.id),
    );
    set({ graph: { ...graph, edges: [...kept, { id, source, target }] } });
    get().notify(
      'info',
      check.replaces ? 'Connected (the old input of that node was replaced).' : 'Connected.',
    );
    return null;
  },
  removeNodes: (ids) => get().deleteElements(ids, []),
  removeEdges: (ids) => get().deleteElements([], ids),
  deleteElements: (nodeIds, edgeIds) => {
    if ((nodeIds.length > 0 || edgeIds.length > 0) && refuseIfLocked(get, 'graph')) return;
    const { graph, selectedNodeId, selectedEdgeId } = get();
    const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
    const permanent = nodeIds.filter((id) => PERMANENT_KINDS.includes(kinds.get(id) as NodeKind));
    if (permanent.length > 0) get().notify('info', 'Input and Output stay: every network needs them.');
    const nodes = new Set(nodeIds.filter((id) => !permanent.includes(id)));
    const edges = new Set(edgeIds);
    if (nodes.size === 0 && edges.size === 0) return;
    // One state change, so one undo step brings the nodes back with their connections.
    set({
      graph: {
        nodes: graph.nodes.filter((n) => !nodes.has(n.id)),
        edges: graph.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
      },
      selectedNodeId: selectedNodeId && nodes.has(selectedNodeId) ? null : selectedNodeId,
      selectedEdgeId: selectedEdgeId && edges.has(selectedEdgeId) ? null : selectedEdgeId,
    });
  },
  moveNode: (id, position) => {
    const { graph } = get();
    set({ graph: { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? { ...n, position } : n)) } });
  },
  setParam: (id, key, value) => {
    if (refuseIfLocked(get, 'graph')) return;
    const { graph } = get();
    set({
      graph: {
        ...graph,
        nodes: graph.nodes.map((n) => (n.id === id ? { ...n, params: { ...n.params, [key]: value } } : n)),
      },
    });
  },
  selectNode: (id) => {
    set({ selectedNodeId: id });
    // A click on the canvas also points the analysis panels that can show this node at it.
    const node = id ? get().graph.nodes.find((n) => n.id === id) : undefined;
    if (node) get().focusFromCanvas(node);
  },
  selectEdge: (selectedEdgeId) => set({ selectedEdgeId }),
  setGraph: (graph) => set({ graph, selectedNodeId: null, selectedEdgeId: null }),
});
