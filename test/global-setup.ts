// Once per test run: the corpora the suites read (the sample, and the two
// generated ones of the trace suites) ingested into embedded stores, which
// loadedStore() copies (milliseconds) instead of ingesting again in every suite
// (seconds each, and once per mutant under `npm run mutate`).
//
// With POLICY_KG_TEST_STORES set (npm run mutate sets it), the stores are kept in that
// directory and built only by the first run that finds none: Stryker starts a test runner
// afresh after every mutant that times out, and ingesting again inside the next mutant's
// time limit made that one time out too.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { EmbeddedStore } from '../src/graph/embedded-store.js';
import { ingest } from '../src/pipeline.js';
import { CORPORA, type CorpusName } from './helpers.js';

declare module 'vitest' {
  export interface ProvidedContext { stores: Record<CorpusName, string> }
}

const storesIn = (dir: string) => Object.fromEntries(Object.keys(CORPORA).map((name) => [name, join(dir, name, 'graph')])) as Record<CorpusName, string>;

export default async function setup(project: TestProject): Promise<() => void> {
  const kept = process.env.POLICY_KG_TEST_STORES;
  // Moved there only once complete (a rename), so a directory that exists holds every store.
  if (kept && existsSync(kept)) {
    project.provide('stores', storesIn(kept));
    return () => undefined;
  }
  // The generated corpora and the stores, in one directory removed at the end unless kept.
  const outer = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'policy-kg-stores-'));
  process.env.TMPDIR = dir;
  for (const [name, path] of Object.entries(storesIn(dir)) as [CorpusName, string][]) {
    mkdirSync(join(dir, name));
    const store = new EmbeddedStore(path);
    await store.init();
    await ingest(store, [CORPORA[name]()]);
    await store.close();
  }
  if (outer === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = outer;
  if (kept) {
    mkdirSync(dirname(kept), { recursive: true });
    renameSync(dir, kept);
  }
  project.provide('stores', storesIn(kept ?? dir));
  return () => { if (!kept) rmSync(dir, { recursive: true, force: true }); };
}
