// The program cascades the diffusion network is computed from, kept between requests: reading
// them traces every program (tens of seconds at 10,000 documents) and they change only when
// documents are added. Kept until the store's counts change; computed on the store itself, not
// the request's view of it, so a request that runs out of time leaves the work going for the next.
import type { GraphNode, GraphStore } from '../graph/store.js';
import { traceProgram, type Diffusion } from '../trace/adoption.js';
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

export interface TraceCache {
  /** The program's diffusion in the graph as `asker` counts it now. */
  get(asker: GraphStore, program: GraphNode): Promise<Diffusion>;
  /** Trace these programs ahead of the questions, yielding to requests between programs; stops when `stopped()`. */
  warm(programs: readonly GraphNode[], stopped: () => boolean): Promise<void>;
}

/**
 * Each program's diffusion, kept until the store's counts change. Tracing a hub program
 * takes tens of milliseconds of one thread, which under load holds up every request queued
 * behind it; kept (and traced ahead by `serve`), an adoption question costs a lookup.
 */
export function traceCache(store: GraphStore): TraceCache {
  let kept: { counts: string; traces: Map<string, Promise<Diffusion>> } | null = null;
  const get = async (asker: GraphStore, program: GraphNode) => {
    const counts = JSON.stringify(await asker.stats());
    if (!kept || kept.counts !== counts) kept = { counts, traces: new Map() };
    const traces = kept.traces;
    let t = traces.get(program.id);
    if (!t) {
      t = traceProgram(store, program);
      t.catch(() => traces.delete(program.id));
      traces.set(program.id, t);
    }
    return t;
  };
  return {
    get,
    async warm(programs, stopped) {
      for (const p of programs) {
        if (stopped()) return;
        await get(store, p);
        await new Promise((r) => setImmediate(r));
      }
    },
  };
}
