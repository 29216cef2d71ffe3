// Store selection: NEO4J_URI (or --neo4j-uri) picks Neo4j, else the embedded store.
import { EmbeddedStore } from './embedded-store.js';
import { Neo4jStore } from './neo4j-store.js';
import { RemoteStore, runningServer } from './remote-store.js';
import type { GraphStore } from './store.js';

export interface StoreOptions {
  data?: string;
  neo4jUri?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  neo4jDatabase?: string;
  batchSize?: number;
  /** The embedded store's page cache, MB (default 256). */
  bufferMB?: number;
}

/**
 * `shared`: a command that can work through a running server (ingest, trace) does, when
 * `serve` holds the embedded store; one that would hold the store itself (serve) is told
 * who holds it.
 */
export async function openStore(o: StoreOptions, { shared = false } = {}): Promise<GraphStore> {
  const running = o.neo4jUri ? null : runningServer(o.data ?? 'data/graph');
  if (running) {
    if (shared) return new RemoteStore(running);
    throw new Error(`the store ${o.data ?? 'data/graph'} is served by process ${running.pid} (${running.url.replace('/_store', '/graphql')}): stop it first, or ingest and trace through it`);
  }
  const store: GraphStore = o.neo4jUri
    ? new Neo4jStore({ uri: o.neo4jUri, user: o.neo4jUser ?? 'neo4j', password: o.neo4jPassword ?? '', database: o.neo4jDatabase, batchSize: o.batchSize })
    : new EmbeddedStore(o.data ?? 'data/graph', { batchSize: o.batchSize, bufferMB: o.bufferMB });
  await store.init();
  return store;
}
