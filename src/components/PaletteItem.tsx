import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { REGISTRY } from '../graph/registry';
import type { NodeKind } from '../graph/types';
import { appStore } from '../store/store';

export const PALETTE_MIME = 'application/x-normlab-kind';

/**
 * A layer kind to add: drag it onto the canvas, or click / press Enter to add it in the
 * middle of the visible canvas (keyboard users).
 */
function PaletteItemView({ kind }: { kind: NodeKind }) {
  const { screenToFlowPosition } = useReactFlow();
  const spec = REGISTRY[kind];
  const addAtCenter = () => {
    const box = document.getElementById('graph-canvas')?.getBoundingClientRect();
    const jitter = (appStore.getState().graph.nodes.length % 4) * 24;
    const p = box
      ? screenToFlowPosition({ x: box.left + box.width / 2 + jitter, y: box.top + box.height / 2 + jitter })
      : undefined;
    appStore.getState().addNode(kind, p ? { x: p.x - 80, y: p.y - 30 } : undefined);
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
      onClick={addAtCenter}
    >
      {spec.label}
    </button>
  );
}

export const PaletteItem = memo(PaletteItemView);
