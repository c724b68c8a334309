import { REGISTRY } from './registry';
import { wouldCreateCycle } from './topology';
import type { Graph } from './types';

export type ConnectCheck =
  | {
      readonly ok: true /** An existing edge the new one replaces (single-input target). */;
      readonly replaces?: string;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * Decides whether a person may draw source -> target. Refuses self-loops, edges into Input,
 * edges out of Output, duplicates and cycles. Into a node that takes one input and has one
 * already, the new edge replaces the old (rewiring by dragging).
 */
export function checkConnection(graph: Graph, source: string, target: string): ConnectCheck {
  const src = graph.nodes.find((n) => n.id === source);
  const tgt = graph.nodes.find((n) => n.id === target);
  if (!src || !tgt) return { ok: false, reason: 'Both ends of a connection must be nodes on the canvas.' };
  if (source === target) return { ok: false, reason: 'A node cannot feed itself.' };
  if (tgt.kind === 'input') return { ok: false, reason: 'Input is where data enters: nothing can feed it.' };
  if (src.kind === 'output')
    return { ok: false, reason: 'Output is the end of the network: it cannot feed another node.' };
  if (graph.edges.some((e) => e.source === source && e.target === target)) {
    return { ok: false, reason: 'These nodes are already connected.' };
  }
  if (wouldCreateCycle(graph, source, target)) {
    return {
      ok: false,
      reason: `That connection would make a loop: ${REGISTRY[tgt.kind].label} (${tgt.id}) already feeds ${REGISTRY[src.kind].label} (${src.id}); a network here must flow one way.`,
    };
  }
  const existing = graph.edges.filter((e) => e.target === target);
  if (REGISTRY[tgt.kind].inputs.max === 1 && existing.length >= 1) {
    return { ok: true, replaces: (existing[0] as { id: string }).id };
  }
  if (existing.length >= REGISTRY[tgt.kind].inputs.max) {
    return {
      ok: false,
      reason: `${REGISTRY[tgt.kind].label} takes at most ${REGISTRY[tgt.kind].inputs.max} inputs.`,
    };
  }
  return { ok: true };
}
