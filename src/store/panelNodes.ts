import type { GraphNode } from '../graph/types';
import { NO_PROBES, type ProbeRequest } from '../train/protocol';
import type { NodePanel } from './probeSlice';
import { selectAnalysis } from './selectors';
import type { AppState } from './types';

/** Which nodes a panel can show: normalization and activation nodes; BatchNorm; any layer. */
export function isPanelCandidate(panel: NodePanel, node: GraphNode): boolean {
  switch (panel) {
    case 'distributions':
      return node.kind === 'batchnorm' || node.kind === 'layernorm' || node.kind === 'activation';
    case 'batch':
      return node.kind === 'batchnorm';
    case 'warp':
      return node.kind !== 'input';
  }
}

/** The panel's candidate nodes, in the order data flows through them. */
export function panelCandidates(s: AppState, panel: NodePanel): GraphNode[] {
  const byId = new Map(s.graph.nodes.map((n) => [n.id, n]));
  return selectAnalysis(s)
    .order.map((id) => byId.get(id))
    .filter((n): n is GraphNode => n !== undefined && isPanelCandidate(panel, n));
}

/**
 * The node a panel shows: the one last clicked or picked for it, else a telling default (the
 * first normalization node for distributions, the first BatchNorm for batch dependence, the
 * last 2-D-or-wider layer before Output for the warped grid).
 */
export function panelNode(s: AppState, panel: NodePanel): GraphNode | null {
  const candidates = panelCandidates(s, panel);
  const focused = candidates.find((n) => n.id === s.focus[panel]);
  if (focused) return focused;
  if (panel === 'distributions') {
    return candidates.find((n) => n.kind !== 'activation') ?? candidates[0] ?? null;
  }
  if (panel === 'warp') {
    const widths = selectAnalysis(s).widths;
    const wide = candidates.filter((n) => n.kind !== 'output' && (widths[n.id] ?? 0) >= 2);
    return wide.at(-1) ?? candidates[0] ?? null;
  }
  return candidates[0] ?? null;
}

/** What the open panel needs from the worker (nothing while the graph is invalid). */
export function probeRequestOf(s: AppState): ProbeRequest {
  const panel = s.openPanel;
  if (!panel || panel === 'runs' || !selectAnalysis(s).valid) return NO_PROBES;
  if (panel === 'affine') return { ...NO_PROBES, affine: true };
  if (panel === 'health') return { ...NO_PROBES, health: true };
  const node = panelNode(s, panel);
  if (!node) return NO_PROBES;
  if (panel === 'distributions')
    return { ...NO_PROBES, distributions: { nodeId: node.id, mode: s.distMode } };
  if (panel === 'batch') {
    return { ...NO_PROBES, batch: { nodeId: node.id, unit: s.batchUnit, point: s.batchPoint } };
  }
  return (selectAnalysis(s).widths[node.id] ?? 0) >= 2
    ? { ...NO_PROBES, warp: { nodeId: node.id } }
    : NO_PROBES;
}
