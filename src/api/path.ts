// Shortest connection between two nodes: breadth-first from both ends at once,
// one batched store call per level and side, edges followed either way. A store that walks
// paths itself (the read model: src/graph/read-model.ts) answers the same in one call.
import type { RelationType } from '../graph/model.js';
import type { GraphEdge, GraphStore, PathHop } from '../graph/store.js';

export type { PathHop };

/** Visiting more nodes than this gives up (the answer is then null): bounds one request's work. */
const MAX_VISITED = 20000;

export async function shortestPath(store: GraphStore, from: string, to: string, maxDepth: number, types: readonly RelationType[] | null): Promise<PathHop[] | null> {
  if (from === to) return [];
  const walked = await store.shortestPath?.(from, to, maxDepth, types, MAX_VISITED);
  if (walked !== undefined) return walked;
  // For each side: node → the edge that reached it (null at the start).
  const seen = [new Map<string, GraphEdge | null>([[from, null]]), new Map<string, GraphEdge | null>([[to, null]])];
  let frontiers = [[from], [to]];
  for (let depth = 0; depth < maxDepth; depth++) {
    // Grow the smaller side: the search stays narrow on the side with fewer edges.
    const side = frontiers[0].length <= frontiers[1].length ? 0 : 1;
    // The same answer whatever order the store gives the edges in: each node newly reached
    // keeps its least edge, and of the nodes where the sides meet the least id is taken
    // (by code point; sorting every edge of a hub's neighbourhood cost more than the search).
    const reached = new Map<string, GraphEdge>();
    for (const e of await store.edges(frontiers[side], 'BOTH', types)) {
      for (const [here, there] of [[e.from, e.to], [e.to, e.from]]) {
        if (!seen[side].has(here) || seen[side].has(there)) continue;
        const kept = reached.get(there);
        if (!kept || byEnds(e, kept) < 0) reached.set(there, e);
      }
    }
    let meet: string | null = null;
    for (const [there, e] of reached) {
      seen[side].set(there, e);
      if (seen[1 - side].has(there) && (meet === null || there < meet)) meet = there;
    }
    if (meet !== null) return join(seen, meet);
    frontiers[side] = [...reached.keys()];
    if (!reached.size || seen[0].size + seen[1].size > MAX_VISITED) return null;
  }
  return null;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// Two edges of one type between the same nodes come from different sentences: the document and offset decide.
const byEnds = (a: GraphEdge, b: GraphEdge) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.type, b.type)
  || cmp(String(a.props.docId ?? ''), String(b.props.docId ?? '')) || Number(a.props.sentStart ?? 0) - Number(b.props.sentStart ?? 0);

/** The hops from the start to `meet` and on to the end. */
function join(seen: Map<string, GraphEdge | null>[], meet: string): PathHop[] {
  const walk = (side: Map<string, GraphEdge | null>, at: string) => {
    const hops: PathHop[] = [];
    for (let e = side.get(at); e; e = side.get(at)) {
      const prev = e.from === at ? e.to : e.from;
      hops.push({ edge: e, from: prev, to: at });
      at = prev;
    }
    return hops;
  };
  const head = walk(seen[0], meet).reverse();
  const tail = walk(seen[1], meet).map((h) => ({ edge: h.edge, from: h.to, to: h.from }));
  return [...head, ...tail];
}
