import type { StoreOptions } from '../graph/open-store.js';

export interface CliStoreOptions { data: string; neo4jUri?: string; neo4jUser?: string; neo4jPassword?: string; neo4jDatabase?: string; batchSize?: string }

export function storeOptions(o: CliStoreOptions): StoreOptions {
  const batchSize = o.batchSize === undefined ? undefined : Number(o.batchSize);
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) fail(`--batch-size must be a positive whole number, not ${o.batchSize}`);
  return { data: o.data, neo4jUri: o.neo4jUri, neo4jUser: o.neo4jUser, neo4jPassword: o.neo4jPassword, neo4jDatabase: o.neo4jDatabase, batchSize };
}

/** A failure the user can act on: one line on stderr, exit code 1, no stack trace. */
export function fail(message: string): never {
  process.stderr.write(`policy-kg: ${message}\n`);
  process.exit(1);
}
