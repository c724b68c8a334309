import {
  type AriaLabelConfig,
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  MiniMap,
  type Node,
  type NodeChange,
  type OnConnectStartParams,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, type KeyboardEvent, useCallback, useRef } from 'react';
import { NODE_KINDS, type NodeKind } from '../graph/types';
import { beginDrag, endDrag } from '../store/history';
import { appStore } from '../store/store';
import { focusInspectorSoon } from './inspectorFocus';
import { nodeTypes } from './nodes/nodeTypes';
import { PALETTE_MIME } from './PaletteItem';
import { GraphImageMenu } from './picture/GraphImageMenu';
import { useFlowEdges, useFlowNodes } from './useFlowNodes';
import { FIT_OPTIONS, useRefitOnResize } from './useRefitOnResize';

const KIND_COLORS: Record<string, string> = {
  'layer-input': '#5f6368',
  'layer-dense': '#1967d2',
  'layer-batchnorm': '#e8710a',
  'layer-layernorm': '#9334e6',
  'layer-activation': '#188038',
  'layer-add': '#b06000',
  'layer-concatenate': '#007b83',
  'layer-output': '#202124',
};
const minimapColor = (n: Node) => KIND_COLORS[n.type ?? ''] ?? '#999';

/** Applies React Flow's change events to the store (the store is the single source of truth). */
function onNodesChange(changes: NodeChange[]) {
  const s = appStore.getState();
  for (const c of changes) {
    if (c.type === 'position' && c.position)
      s.moveNode(c.id, { x: Math.round(c.position.x), y: Math.round(c.position.y) });
    else if (c.type === 'dimensions' && c.dimensions) s.setMeasured(c.id, c.dimensions);
    else if (c.type === 'select') {
      if (c.selected) s.selectNode(c.id);
      else if (appStore.getState().selectedNodeId === c.id) s.selectNode(null);
    }
    // Deletions arrive through onDelete, nodes and their connections together (one undo step).
  }
}

function onEdgesChange(changes: EdgeChange[]) {
  const s = appStore.getState();
  for (const c of changes) {
    if (c.type !== 'select') continue;
    if (c.selected) s.selectEdge(c.id);
    else if (appStore.getState().selectedEdgeId === c.id) s.selectEdge(null);
  }
}

function onDelete({ nodes, edges }: { nodes: Node[]; edges: Edge[] }) {
  appStore.getState().deleteElements(
    nodes.map((n) => n.id),
    edges.map((e) => e.id),
  );
}

const onDragStart = () => beginDrag(appStore);
const onDragStop = () => endDrag(appStore);

function onConnect(c: Connection) {
  appStore.getState().connect(c.source, c.target);
}

/**
 * A drag that ends off a valid handle: dropped on a node's body, it connects to that node (the
 * domain rules refuse, with a message, what is not allowed, such as feeding Input); dropped on
 * empty canvas it does nothing.
 */
function onConnectEnd(event: MouseEvent | TouchEvent, state: FinalConnectionState) {
  if (state.isValid || !state.fromNode || !state.fromHandle) return;
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return;
  const el = document.elementFromPoint(point.clientX, point.clientY);
  const onto = el?.closest('.react-flow__node')?.getAttribute('data-id');
  if (!onto || onto === state.fromNode.id) return;
  const from = state.fromNode.id;
  if (state.fromHandle.type === 'source') appStore.getState().connect(from, onto);
  else appStore.getState().connect(onto, from);
}

/**
 * A click or tap on one handle starts a connection that a click or tap on another finishes
 * (React Flow's connectOnClick: on a touch screen, easier than dragging a line); say so.
 */
function onClickConnectStart(_event: MouseEvent | TouchEvent, { handleType }: OnConnectStartParams) {
  appStore
    .getState()
    .notify(
      'info',
      handleType === 'target'
        ? 'Now tap (or click) the bottom handle of the node that should feed this one. Tap the canvas to cancel.'
        : 'Now tap (or click) the top handle of the node this one should feed. Tap the canvas to cancel.',
    );
}

/** Enter on a focused node selects it (React Flow) and takes the keyboard on to its Inspector fields. */
function onKeyDown(e: KeyboardEvent<HTMLElement>) {
  const el = e.target as HTMLElement;
  const id = el.classList.contains('react-flow__node') ? el.dataset.id : undefined;
  if (e.key !== 'Enter' || !id) return;
  appStore.getState().selectNode(id);
  focusInspectorSoon(id);
}

/** What assistive technology says about a focused node or connection. */
const ARIA_LABELS: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default':
    'Press Enter to select this node and edit it in the Inspector, where "Connect output to" connects it. Arrow keys move a selected node; Delete removes it.',
  'edge.a11yDescription.default': 'Press Enter to select this connection, then Delete to remove it.',
};

/**
 * The graph editor: drop layers from the palette, drag between handles (or tap one, then the
 * other) to connect; by keyboard, Tab to a node and press Enter to edit and connect it.
 */
export function Canvas() {
  const nodes = useFlowNodes();
  const edges = useFlowEdges();
  const { screenToFlowPosition } = useReactFlow();
  const sectionRef = useRef<HTMLElement>(null);
  useRefitOnResize(sectionRef);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as NodeKind;
      if (!NODE_KINDS.includes(kind)) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      appStore.getState().addNode(kind, { x: p.x - 80, y: p.y - 30 });
    },
    [screenToFlowPosition],
  );

  return (
    <section
      ref={sectionRef}
      className="canvas"
      aria-label="Network graph"
      id="graph-canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onKeyDown={onKeyDown}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={onDelete}
        onNodeDragStart={onDragStart}
        onNodeDragStop={onDragStop}
        onSelectionDragStart={onDragStart}
        onSelectionDragStop={onDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onClickConnectStart={onClickConnectStart}
        ariaLabelConfig={ARIA_LABELS}
        onPaneClick={() => appStore.getState().selectNode(null)}
        deleteKeyCode={['Delete', 'Backspace']}
        fitView
        fitViewOptions={FIT_OPTIONS}
        minZoom={0.2}
        maxZoom={2}
        defaultEdgeOptions={{ type: 'smoothstep', style: { strokeWidth: 2 } }}
        attributionPosition="top-right"
      >
        <Background gap={20} />
        <MiniMap
          pannable
          zoomable
          ariaLabel="Minimap of the graph"
          style={{ width: 130, height: 90 }}
          nodeColor={minimapColor}
          nodeStrokeWidth={0}
        />
        <Controls showInteractive={false}>
          <GraphImageMenu />
        </Controls>
      </ReactFlow>
    </section>
  );
}
