import type { StoreOptions } from '../graph/open-store.js';

export interface CliStoreOptions { data: string; neo4jUri?: string; neo4jUser?: string; neo4jPassword?: string; neo4jDatabase?: string; batchSize?: string }

export function storeOptions(o: CliStoreOptions): StoreOptions {
  const batchSize = o.batchSize === undefined ? undefined : wholeNumber('--batch-size', o.batchSize, 1);
  return { data: o.data, neo4jUri: o.neo4jUri, neo4jUser: o.neo4jUser, neo4jPassword: o.neo4jPassword, neo4jDatabase: o.neo4jDatabase, batchSize };
}

/** A whole-number flag, at least `min`: a clear failure otherwise. */
export function wholeNumber(flag: string, v: string, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) fail(`${flag} must be ${min === 1 ? 'a positive whole number' : `a whole number of at least ${min}`}, not ${v}`);
  return n;
}

/** A failure the user can act on: one line on stderr, exit code 1, no stack trace. */
export function fail(message: string): never {
  process.stderr.write(`policy-kg: ${message}\n`);
  process.exit(1);
}
