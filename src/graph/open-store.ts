// Store selection: NEO4J_URI (or --neo4j-uri) picks Neo4j, else the embedded store.
import { EmbeddedStore } from './embedded-store.js';
import { Neo4jStore } from './neo4j-store.js';
import type { GraphStore } from './store.js';

export interface StoreOptions {
  data?: string;
  neo4jUri?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  neo4jDatabase?: string;
  batchSize?: number;
}

export async function openStore(o: StoreOptions): Promise<GraphStore> {
  const store: GraphStore = o.neo4jUri
    ? new Neo4jStore({ uri: o.neo4jUri, user: o.neo4jUser ?? 'neo4j', password: o.neo4jPassword ?? '', database: o.neo4jDatabase, batchSize: o.batchSize })
    : new EmbeddedStore(o.data ?? 'data/graph', { batchSize: o.batchSize });
  await store.init();
  return store;
}
