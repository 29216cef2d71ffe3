// Once per test run: the corpora the suites read (the sample, and the two
// generated ones of the trace suites) ingested into embedded stores, which
// loadedStore() copies (milliseconds) instead of ingesting again in every suite
// (seconds each, and once per mutant under `npm run mutate`).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { EmbeddedStore } from '../src/graph/embedded-store.js';
import { ingest } from '../src/pipeline.js';
import { CORPORA, type CorpusName } from './helpers.js';

declare module 'vitest' {
  export interface ProvidedContext { stores: Record<CorpusName, string> }
}

export default async function setup(project: TestProject): Promise<() => void> {
  // The generated corpora and the stores, in one directory removed at the end.
  const outer = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'policy-kg-stores-'));
  process.env.TMPDIR = dir;
  const stores = {} as Record<CorpusName, string>;
  for (const [name, corpus] of Object.entries(CORPORA) as [CorpusName, () => string][]) {
    mkdirSync(join(dir, name));
    const path = join(dir, name, 'graph');
    const store = new EmbeddedStore(path);
    await store.init();
    await ingest(store, [corpus()]);
    await store.close();
    stores[name] = path;
  }
  if (outer === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = outer;
  project.provide('stores', stores);
  return () => rmSync(dir, { recursive: true, force: true });
}
