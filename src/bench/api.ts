// GraphQL latency under concurrent load: autocannon, in its own process (a load
// generator sharing the server's thread would measure itself), against the real
// server on loopback, one typical query at a time.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type autocannon from 'autocannon';
import { serve } from '../api/server.js';
import type { GraphStore } from '../graph/store.js';

const run = promisify(execFile);
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export interface Latency { query: string; coldMs: number; p50: number; p95: number; rps: number; errors: number; non2xx: number }

/**
 * `cacheTtlMs` 60000 is how `npm start` serves (a repeated query is answered from the response cache);
 * 0 makes every request reach the store. `coldMs` is the first answer.
 */
export async function benchQueries(store: GraphStore, queries: Record<string, string>, connections = 20, seconds = 10, cacheTtlMs = 60_000): Promise<Latency[]> {
  const server = await serve(store, 0, { cacheTtlMs });
  try {
    const out: Latency[] = [];
    for (const [name, query] of Object.entries(queries)) {
      const body = JSON.stringify({ query });
      // A first request answers the question once (warm caches), and shows that it succeeds.
      const t0 = performance.now();
      const first = await (await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json() as { errors?: unknown };
      const coldMs = performance.now() - t0;
      if (first.errors) throw new Error(`${name}: ${JSON.stringify(first.errors)}`);
      const { stdout } = await run(process.execPath, [AUTOCANNON, '-j', '-c', String(connections), '-d', String(seconds), '-m', 'POST',
        '-H', 'content-type=application/json', '-b', body, server.url], { maxBuffer: 1 << 24 });
      const r = JSON.parse(stdout) as autocannon.Result;
      out.push({ query: name, coldMs, p50: r.latency.p50, p95: r.latency.p97_5 > r.latency.p90 ? percentile95(r) : r.latency.p90, rps: r.requests.average, errors: r.errors, non2xx: r.non2xx });
    }
    return out;
  } finally {
    await server.close();
  }
}

/** autocannon reports p90 and p97.5; p95 lies between (linear interpolation). */
function percentile95(r: autocannon.Result): number {
  return r.latency.p90 + ((r.latency.p97_5 - r.latency.p90) * (95 - 90)) / (97.5 - 90);
}
