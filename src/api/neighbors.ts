// The neighbourhood of a node: breadth-first, edges followed either way, up to `limit` nodes,
// one batched store call per level. A store that walks neighbourhoods itself (the read model:
// src/graph/read-model.ts) answers the same in one call.
import type { RelationType } from '../graph/model.js';
import type { GraphEdge, GraphStore, Neighbourhood } from '../graph/store.js';

export type { Neighbourhood };

/**
 * The nodes reached in the order they were reached (the start first), the edges between them
 * (one per type, ends and document: the last found), and how many nodes the limit left out
 * (at least: the walk stops once it is full).
 */
export async function neighbourhood(store: GraphStore, start: string, depth: number, types: readonly RelationType[], limit: number): Promise<Neighbourhood> {
  const walked = await store.neighbourhood?.(start, depth, types, limit);
  if (walked !== undefined) return walked;
  const seen = new Set([start]);
  const edges = new Map<string, GraphEdge>();
  const left = new Set<string>();
  let frontier = [start];
  let d = 0;
  for (; d < depth && frontier.length && seen.size < limit; d++) {
    const next: string[] = [];
    for (const e of await store.edges(frontier, 'BOTH', types)) {
      for (const id of [e.from, e.to]) {
        if (seen.has(id)) continue;
        if (seen.size < limit) { seen.add(id); next.push(id); } else left.add(id);
      }
      // An edge to a node left out is not part of the answer.
      if (seen.has(e.from) && seen.has(e.to)) edges.set(`${e.type}|${e.from}|${e.to}|${e.props.docId}`, e);
    }
    frontier = next;
  }
  return {
    ids: [...seen],
    edges: [...edges.values()],
    // Cut when nodes were left out, or when the limit stopped the walk before its depth with nodes still to expand.
    truncated: left.size > 0 || (d < depth && frontier.length > 0 && seen.size >= limit),
    omitted: left.size,
  };
}
