// Once per test run: the sample corpus ingested into an embedded store, which
// loadedStore() copies (10 MB, milliseconds) instead of ingesting again in
// every suite (seconds each, and once per mutant under `npm run mutate`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { EmbeddedStore } from '../src/graph/embedded-store.js';
import { ingest } from '../src/pipeline.js';

declare module 'vitest' {
  export interface ProvidedContext { sampleStore: string }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'policy-kg-sample-'));
  const path = join(dir, 'graph');
  const store = new EmbeddedStore(path);
  await store.init();
  await ingest(store, [new URL('../corpus/', import.meta.url).pathname]);
  await store.close();
  project.provide('sampleStore', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
