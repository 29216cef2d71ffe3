import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, inject } from 'vitest';
import { EmbeddedStore } from '../src/graph/embedded-store.js';
import type { GraphStore } from '../src/graph/store.js';
import { cascadeCorpus } from './trace/cascade.js';
import { leaderFollowerCorpus } from './trace/generated.js';
import { instrumentsCorpus } from './trace/instruments.js';

export const CORPUS = new URL('../corpus/', import.meta.url).pathname;
export const GOLD = new URL('../corpus/gold/', import.meta.url).pathname;

/**
 * The stores the store-facing suites run on: the embedded store always, Neo4j
 * when NEO4J_URI is set (`docker compose up -d neo4j` then
 * `NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=policy-kg-dev npm test`);
 * without it the Neo4j suites are reported as skipped, not left out.
 * Each open() gives an empty store; for Neo4j that empties the database.
 */
export const TEST_STORES: [name: string, open: () => Promise<GraphStore>, available: boolean][] = [
  ['embedded', async () => new EmbeddedStore(join(mkdtempSync(join(tmpdir(), 'policy-kg-test-')), 'graph')), true],
  ['neo4j', async () => {
    // Imported here, as the pipeline below: a second of every mutant's test run under `npm run mutate`, for suites that never use them.
    const [{ default: neo4j }, { Neo4jStore }] = await Promise.all([import('neo4j-driver'), import('../src/graph/neo4j-store.js')]);
    const { NEO4J_URI: uri, NEO4J_USER: user = 'neo4j', NEO4J_PASSWORD: password = '' } = process.env;
    const driver = neo4j.driver(uri!, neo4j.auth.basic(user, password));
    await driver.executeQuery('MATCH (n) DETACH DELETE n');
    await driver.close();
    return new Neo4jStore({ uri: uri!, user, password, batchSize: 200 });
  }, Boolean(process.env.NEO4J_URI)],
];

/** One suite per store of TEST_STORES (`%s` in the title is the store's name); a store that can't be reached is skipped. */
export function describeEachStore(title: string, body: (name: string, open: () => Promise<GraphStore>) => void): void {
  for (const [name, open, available] of TEST_STORES) describe.skipIf(!available)(title.replace('%s', name), () => body(name, open));
}

/** The corpora the suites load: the sample, and the generated ones of the trace suites. */
export const CORPORA = {
  sample: () => CORPUS,
  cascade: () => cascadeCorpus(),
  leaderFollower: () => leaderFollowerCorpus(),
  instruments: () => instrumentsCorpus(),
};
export type CorpusName = keyof typeof CORPORA;

/**
 * A store of the given kind, initialised and loaded with a corpus (the sample unless named). The
 * embedded one is a copy of the store test/global-setup.ts ingested for this run.
 */
export async function loadedStore(open: () => Promise<GraphStore> = TEST_STORES[0][1], corpus: CorpusName = 'sample'): Promise<GraphStore> {
  if (open === TEST_STORES[0][1]) {
    const path = join(tmp('policy-kg-test-'), 'graph');
    copyFileSync(inject('stores')[corpus], path);
    const store = new EmbeddedStore(path);
    await store.init();
    return store;
  }
  const store = await open();
  await store.init();
  const { ingest } = await import('../src/pipeline.js');
  await ingest(store, [CORPORA[corpus]()]);
  return store;
}

/** The CLI as a user runs it (bin/policy-kg.js), synchronously. */
export const CLI = new URL('../bin/policy-kg.js', import.meta.url).pathname;
export const runCli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(CLI, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 90_000 });

/** A fresh temporary folder. */
export const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/**
 * What a store must hold after ingesting the .txt files of `dir`, counted from
 * the extractor's own output without any store: distinct nodes per label and
 * distinct edges (from, to, document) per type. REUSES is not extracted per
 * document: the caller adds what the texts fix.
 */
export async function extractedCounts(dir: string): Promise<{ labels: Record<string, number>; relations: Record<string, number> }> {
  const labels: Record<string, Set<string>> = {};
  const relations: Record<string, Set<string>> = {};
  const [{ readPolicyFile }, { extractDocument }] = await Promise.all([import('../src/read/index.js'), import('../src/extract/index.js')]);
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    for (const d of (await readPolicyFile(join(dir, f))).documents) {
      const b = extractDocument(d);
      for (const n of [...b.documents.map((x) => ({ label: 'Document', id: x.id })), ...b.entities]) (labels[n.label] ??= new Set()).add(n.id);
      for (const r of b.relations) (relations[r.type] ??= new Set()).add(`${r.from}\t${r.to}\t${r.evidence.docId}`);
    }
  }
  const sizes = (m: Record<string, Set<string>>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.size]));
  return { labels: sizes(labels), relations: sizes(relations) };
}
