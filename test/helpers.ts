import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { EmbeddedStore } from '../src/graph/embedded-store.js';
import { Neo4jStore } from '../src/graph/neo4j-store.js';
import type { GraphStore } from '../src/graph/store.js';
import { ingest } from '../src/pipeline.js';

export const CORPUS = new URL('../corpus/', import.meta.url).pathname;
export const GOLD = new URL('../corpus/gold/', import.meta.url).pathname;

/**
 * The stores the store-facing suites run on: the embedded store always, Neo4j
 * when NEO4J_URI is set (`docker compose up -d neo4j` then
 * `NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=policy-kg-dev npm test`).
 * Each open() gives an empty store; for Neo4j that empties the database.
 */
export const TEST_STORES: [string, () => Promise<GraphStore>][] = [
  ['embedded', async () => new EmbeddedStore(join(mkdtempSync(join(tmpdir(), 'policy-kg-test-')), 'graph'))],
];
if (process.env.NEO4J_URI) {
  TEST_STORES.push(['neo4j', async () => {
    const { NEO4J_URI: uri, NEO4J_USER: user = 'neo4j', NEO4J_PASSWORD: password = '' } = process.env;
    const driver = neo4j.driver(uri!, neo4j.auth.basic(user, password));
    await driver.executeQuery('MATCH (n) DETACH DELETE n');
    await driver.close();
    return new Neo4jStore({ uri: uri!, user, password, batchSize: 200 });
  }]);
}

/** A store of the given kind, initialised and loaded with the sample corpus. */
export async function loadedStore(open: () => Promise<GraphStore> = TEST_STORES[0][1]): Promise<GraphStore> {
  const store = await open();
  await store.init();
  await ingest(store, [CORPUS]);
  return store;
}

/** The CLI as a user runs it (bin/policy-kg.js), synchronously. */
export const CLI = new URL('../bin/policy-kg.js', import.meta.url).pathname;
export const runCli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(CLI, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 90_000 });

/** A fresh temporary folder. */
export const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
