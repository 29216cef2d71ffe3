import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../src/graph/embedded-store.js';
import { ingest } from '../src/pipeline.js';

export const CORPUS = new URL('../corpus/', import.meta.url).pathname;
export const GOLD = new URL('../corpus/gold/', import.meta.url).pathname;

/** A real embedded store in a temporary directory, loaded with the sample corpus. */
export async function loadedStore(): Promise<EmbeddedStore> {
  const store = new EmbeddedStore(join(mkdtempSync(join(tmpdir(), 'policy-kg-test-')), 'graph'));
  await store.init();
  await ingest(store, [CORPUS]);
  return store;
}
