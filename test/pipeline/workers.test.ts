// Streaming ingest as it runs on a real corpus: worker threads extract (they start at 40 files)
// and the files come a chunk at a time. The graph must be the one a single-threaded ingest of
// the same files builds, node for node and edge for edge.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/bench/corpus.js';
import { EmbeddedStore } from '../../src/graph/embedded-store.js';
import type { GraphStore } from '../../src/graph/store.js';
import { ingest, type IngestResult } from '../../src/pipeline.js';
import { tmp } from '../helpers.js';

/** A node's aliases are a set: in workers they arrive in another order. */
const canonical = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : k === 'names' ? String(v).split('|').sort().join('|') : v]));

const dump = async (store: GraphStore) => {
  const nodes: string[] = [];
  const edges: string[] = [];
  await store.scanNodes((n) => nodes.push(JSON.stringify([n.id, canonical(n.props)])));
  await store.scanEdges((e) => edges.push(JSON.stringify([e.type, e.from, e.to, e.props])));
  return { nodes: nodes.sort(), edges: edges.sort() };
};

describe('ingest in worker threads, two chunks', () => {
  const corpus = tmp('policy-kg-workers-corpus-');
  const stores: EmbeddedStore[] = [];
  const runs: IngestResult[] = [];
  beforeAll(async () => {
    await generateCorpus({ docs: 60, out: corpus });
    for (const workers of [2, 0]) {
      const store = new EmbeddedStore(join(tmp('policy-kg-workers-'), 'graph'));
      await store.init();
      stores.push(store);
      runs.push(await ingest(store, [corpus], { workers, chunkFiles: 35 }));
    }
  }, 240_000);
  afterAll(async () => { for (const s of stores) await s.close(); });

  it('loads every file, in workers as without them', () => {
    for (const r of runs) {
      expect(r.files.filter((f) => f.error)).toEqual([]);
      expect(r.load.documentsAdded).toBe(60);
    }
  });

  it('builds the same graph as a single-threaded ingest', async () => {
    const [threaded, single] = await Promise.all(stores.map(dump));
    expect(threaded.nodes.length).toBe(single.nodes.length);
    expect(threaded.edges.length).toBe(single.edges.length);
    const differ = (a: string[], b: string[]) => { const B = new Set(b); return a.filter((x) => !B.has(x)).slice(0, 3); };
    expect(differ(threaded.nodes, single.nodes)).toEqual([]);
    expect(differ(threaded.edges, single.edges)).toEqual([]);
  });
});
