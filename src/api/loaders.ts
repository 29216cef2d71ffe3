// Per-request batching: every node or edge lookup in one tick becomes one store call.
import DataLoader from 'dataloader';
import type { RelationType } from '../graph/model.js';
import type { GraphEdge, GraphNode, GraphStore } from '../graph/store.js';
import type { Diffusion } from '../trace/adoption.js';

export interface EdgeKey { id: string; direction: 'OUT' | 'IN' | 'BOTH'; types: readonly RelationType[] | null }

export interface Loaders {
  node: DataLoader<string, GraphNode | null>;
  edges: DataLoader<EdgeKey, GraphEdge[], string>;
  /** Documents' texts, read only when a query asks for them. */
  text: DataLoader<string, string | null>;
  /** A program's diffusion, asked of `trace` once per request however many fields ask. */
  trace: DataLoader<GraphNode, Diffusion, string>;
}

export function createLoaders(store: GraphStore, traceOf: (p: GraphNode) => Promise<Diffusion>): Loaders {
  const node = new DataLoader<string, GraphNode | null>((ids) => store.nodes(ids));
  const edges = new DataLoader<EdgeKey, GraphEdge[], string>(
    async (keys) => {
      // One store call per distinct (direction, types) among the keys.
      const groups = new Map<string, EdgeKey[]>();
      for (const k of keys) {
        const g = `${k.direction}|${k.types?.join(',') ?? ''}`;
        groups.set(g, [...(groups.get(g) ?? []), k]);
      }
      const result = new Map<string, GraphEdge[]>();
      for (const ks of groups.values()) {
        // With both ends of an edge among the ids, BOTH finds it from each end: keep it once.
        const seen = new Set<string>();
        const all = (await store.edges(ks.map((k) => k.id), ks[0].direction, ks[0].types)).filter((e) => {
          const key = `${e.type}|${e.from}|${e.to}|${String(e.props.docId ?? '')}|${String(e.props.sentStart ?? '')}`;
          return !seen.has(key) && seen.add(key);
        });
        for (const k of ks) {
          result.set(edgeKey(k), all.filter((e) => (k.direction !== 'IN' && e.from === k.id) || (k.direction !== 'OUT' && e.to === k.id)));
        }
      }
      return keys.map((k) => result.get(edgeKey(k)) ?? []);
    },
    { cacheKeyFn: edgeKey },
  );
  const trace = new DataLoader<GraphNode, Diffusion, string>((ps) => Promise.all(ps.map(traceOf)), { cacheKeyFn: (p) => p.id, batch: false });
  const text = new DataLoader<string, string | null>((ids) => store.texts(ids));
  return { node, edges, text, trace };
}

function edgeKey(k: EdgeKey): string {
  return `${k.id}|${k.direction}|${k.types?.join(',') ?? ''}`;
}
