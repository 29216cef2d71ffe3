import { serve, type ApiOptions } from '../api/server.js';
import { openStore } from '../graph/open-store.js';
import type { GraphStore } from '../graph/store.js';
import { ingest } from '../pipeline.js';
import { fail, storeOptions, wholeNumber, type CliStoreOptions } from './options.js';
import { summaryLine } from './summary.js';

type ServeOptions = CliStoreOptions & { port: string; maxDepth: string; maxCost: string; maxPageSize: string; timeoutMs: string; cacheTtlMs: string; corsOrigin?: string };

async function listen(store: GraphStore, o: ServeOptions): Promise<void> {
  const p = Number(o.port);
  if (!Number.isInteger(p) || p < 0 || p > 65535) fail(`bad port ${o.port}`);
  const api: ApiOptions = {
    maxDepth: wholeNumber('--max-depth', o.maxDepth, 1), maxCost: wholeNumber('--max-cost', o.maxCost, 1),
    maxPageSize: wholeNumber('--max-page-size', o.maxPageSize, 1), timeoutMs: wholeNumber('--timeout-ms', o.timeoutMs, 1),
    corsOrigins: o.corsOrigin?.split(',').map((x) => x.trim()).filter(Boolean),
    cacheTtlMs: Number(o.cacheTtlMs) >= 0 ? Number(o.cacheTtlMs) : fail(`--cache-ttl-ms must be 0 or more, not ${o.cacheTtlMs}`),
  };
  const s = await serve(store, p, { ...api, announceAt: store.kind === 'embedded' ? o.data : undefined }).catch((e) => fail(`cannot listen on port ${p}: ${(e as Error).message}`));
  process.stdout.write(`GraphQL (with GraphiQL) at ${s.url}\n`);
  const stop = async () => { await s.close(); await store.close(); process.exit(0); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Reads are answered from the read model: the store's page cache serves texts and writes only. */
export const SERVE_BUFFER_MB = 128;

export async function runServe(o: ServeOptions): Promise<void> {
  const store = await openStore({ ...storeOptions(o), bufferMB: SERVE_BUFFER_MB }).catch((e) => fail((e as Error).message));
  await listen(store, o);
}

export async function runStart(o: ServeOptions & { corpus: string }): Promise<void> {
  const t0 = performance.now();
  const store = await openStore(storeOptions(o)).catch((e) => fail((e as Error).message));
  const before = await store.stats();
  if ((before.labels.Document ?? 0) === 0) {
    process.stdout.write(`loading ${o.corpus} into ${store.kind === 'embedded' ? o.data : o.neo4jUri} …\n`);
    const r = await ingest(store, [o.corpus]);
    for (const f of r.files.filter((x) => x.error)) process.stderr.write(`error: ${f.error}\n`);
  } else {
    process.stdout.write(`reusing the store at ${store.kind === 'embedded' ? o.data : o.neo4jUri}\n`);
  }
  process.stdout.write(`${summaryLine(await store.stats(), (performance.now() - t0) / 1000)}\n`);
  await listen(store, o);
}
