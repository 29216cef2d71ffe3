// The program cascades the diffusion network is computed from, kept between requests: reading
// them traces every program (tens of seconds at 10,000 documents) and they change only when
// documents are added. Kept until the store's counts change; computed on the store itself, not
// the request's view of it, so a request that runs out of time leaves the work going for the next.
import type { GraphStore } from '../graph/store.js';
import { programCascades, type Cascades } from '../trace/network.js';

export type CascadeCache = (asker: GraphStore) => Promise<Cascades>;

export function cascadeCache(store: GraphStore): CascadeCache {
  let kept: { counts: string; cascades: Promise<Cascades> } | null = null;
  return async (asker) => {
    const counts = JSON.stringify(await asker.stats());
    if (!kept || kept.counts !== counts) {
      const entry = { counts, cascades: programCascades(store) };
      entry.cascades.catch(() => { if (kept === entry) kept = null; });
      kept = entry;
    }
    return kept.cascades;
  };
}
