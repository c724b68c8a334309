import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { freeSpot } from '../graph/placement';
import { REGISTRY } from '../graph/registry';
import type { NodeKind } from '../graph/types';
import { appStore } from '../store/store';

export const PALETTE_MIME = 'application/x-normlab-kind';

/** A new node's size before React Flow has measured it (flow units): a new node is unconnected, so it shows its warning. */
const DEFAULT_NODE_SIZE = { width: 240, height: 90 };

/** The canvas's zoom buttons: a node placed under them could not be tapped or clicked. */
const OVERLAYS = '#graph-canvas .react-flow__controls';

/**
 * A layer kind to add: drag it onto the canvas, or click / press Enter to add it in free space near the
 * middle of the visible canvas (keyboard users).
 */
function PaletteItemView({ kind }: { kind: NodeKind }) {
  const { screenToFlowPosition, fitView } = useReactFlow();
  const spec = REGISTRY[kind];
  const addInFreeSpace = () => {
    const box = document.getElementById('graph-canvas')?.getBoundingClientRect();
    if (!box) return appStore.getState().addNode(kind);
    const a = screenToFlowPosition({ x: box.left, y: box.top });
    const b = screenToFlowPosition({ x: box.right, y: box.bottom });
    const { graph, measured } = appStore.getState();
    const taken = graph.nodes.map((n) => ({
      ...n.position,
      ...(measured[n.id] ?? DEFAULT_NODE_SIZE),
    }));
    for (const el of document.querySelectorAll(OVERLAYS)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const p = screenToFlowPosition({ x: r.left, y: r.top });
      const q = screenToFlowPosition({ x: r.right, y: r.bottom });
      taken.push({ x: p.x, y: p.y, width: q.x - p.x, height: q.y - p.y });
    }
    const view = { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
    const spot = freeSpot(taken, view, DEFAULT_NODE_SIZE);
    appStore.getState().addNode(kind, { x: spot.x, y: spot.y });
    // No room left in view: once the new node is drawn and measured, the view zooms out to show it.
    if (!spot.inView)
      requestAnimationFrame(() => requestAnimationFrame(() => void fitView({ padding: 0.05 })));
  };
  return (
    <button
      type="button"
      className={`palette-item kind-${kind}`}
      draggable
      title={spec.description}
      onDragStart={(e) => {
        e.dataTransfer.setData(PALETTE_MIME, kind);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={addInFreeSpace}
    >
      {spec.label}
    </button>
  );
}

export const PaletteItem = memo(PaletteItemView);
