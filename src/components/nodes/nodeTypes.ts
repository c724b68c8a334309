import type { NodeTypes } from '@xyflow/react';
import { NODE_KINDS, type NodeKind } from '../../graph/types';
import { LayerNode } from './LayerNode';

/** React Flow node types, at module scope so they are never re-created. */
export const nodeTypes: NodeTypes = Object.fromEntries(NODE_KINDS.map((k) => [flowType(k), LayerNode]));

/** React Flow type name of a kind ("input" and "output" would pick up React Flow's own styles). */
export function flowType(kind: NodeKind): string {
  return `layer-${kind}`;
}
