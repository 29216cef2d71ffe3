// GraphQL latency under concurrent load: autocannon, in its own process (a load
// generator sharing the server's thread would measure itself), against the real
// server on loopback, one kind of question at a time.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type autocannon from 'autocannon';
import { serve } from '../api/server.js';
import type { GraphStore } from '../graph/store.js';

const run = promisify(execFile);
const TSX = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
const LOAD_CHILD = new URL('./load-child.ts', import.meta.url).pathname;
const STATS_CHILD = new URL('./stats-child.ts', import.meta.url).pathname;

export interface Latency {
  query: string; coldMs: number; p50: number; p95: number; rps: number; errors: number; non2xx: number;
  /** `{ stats { labels { key count } } }` asked by one more client (its own process), one after another, during the load. */
  statsP95: number;
}

/**
 * Each kind of question is a list of queries, asked in turn: one query repeated measures the
 * response cache, a list of distinct ones (questions drawn from the graph) the store.
 * `cacheTtlMs` 60000 is how `npm start` serves; 0 makes every request reach the store.
 * `coldMs` is the first answer.
 */
export async function benchQueries(store: GraphStore, queries: Record<string, string[]>, connections = 20, seconds = 10, cacheTtlMs = 60_000): Promise<Latency[]> {
  const server = await serve(store, 0, { cacheTtlMs });
  await server.ready();
  const dir = mkdtempSync(join(tmpdir(), 'policy-kg-load-'));
  try {
    const out: Latency[] = [];
    for (const [name, list] of Object.entries(queries)) {
      const bodies = list.map((query) => JSON.stringify({ query }));
      // A first request answers a question once (warm caches), and shows that it succeeds.
      const t0 = performance.now();
      const first = await (await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[0] })).json() as { errors?: unknown };
      const coldMs = performance.now() - t0;
      if (first.errors) throw new Error(`${name}: ${JSON.stringify(first.errors)}`);
      const job = join(dir, 'job.json');
      writeFileSync(job, JSON.stringify({ url: server.url, bodies, connections, seconds }));
      const [load, asked] = await Promise.all([run(TSX, [LOAD_CHILD, job], { maxBuffer: 1 << 24 }), run(TSX, [STATS_CHILD, server.url, String(seconds)])]);
      const stats = (JSON.parse(asked.stdout) as number[]).sort((a, b) => a - b);
      const r = JSON.parse(load.stdout) as autocannon.Result;
      out.push({ query: name, coldMs, p50: r.latency.p50, p95: percentile95(r), rps: r.requests.average, errors: r.errors, non2xx: r.non2xx, statsP95: stats[Math.floor(stats.length * 0.95)] ?? NaN });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}

/** autocannon reports p90 and p97.5; p95 lies between (linear interpolation). */
function percentile95(r: autocannon.Result): number {
  return r.latency.p90 + ((r.latency.p97_5 - r.latency.p90) * (95 - 90)) / (97.5 - 90);
}
