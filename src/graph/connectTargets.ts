import { checkConnection } from './connect';
import type { Graph } from './types';

/** A node the source may feed; `replaces` names the edge the new one would take the place of. */
export interface AllowedTarget {
  readonly id: string;
  readonly replaces?: string;
}

/** A node the source may not feed, with the reason `checkConnection` gives. */
export interface RefusedTarget {
  readonly id: string;
  readonly reason: string;
}

export interface ConnectionTargets {
  readonly allowed: readonly AllowedTarget[];
  readonly refused: readonly RefusedTarget[];
}

/**
 * Every other node of the graph sorted by whether `source` may feed it (in graph order), by the
 * same rules as a drag between handles (`checkConnection`), so a keyboard user gets the same
 * answers. The source itself is left out of both lists.
 */
export function connectionTargets(graph: Graph, source: string): ConnectionTargets {
  const allowed: AllowedTarget[] = [];
  const refused: RefusedTarget[] = [];
  for (const node of graph.nodes) {
    if (node.id === source) continue;
    const check = checkConnection(graph, source, node.id);
    if (!check.ok) refused.push({ id: node.id, reason: check.reason });
    else allowed.push(check.replaces ? { id: node.id, replaces: check.replaces } : { id: node.id });
  }
  return { allowed, refused };
}
