// `npm run bench:flood`: one client floods the server with requests just under the cost limit
// (hundreds of aliased searches each) while another asks an ordinary question; prints the
// ordinary client's latency and what the flood got back. Loopback only, bounded in time.
import { Command } from 'commander';
import { serve } from '../api/server.js';
import { EmbeddedStore } from '../graph/embedded-store.js';
import { ingest } from '../pipeline.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const o = new Command().name('bench:flood')
  .option('--seconds <n>', 'how long the flood lasts', '30')
  .option('--flooders <n>', 'concurrent flooding connections', '4')
  .parse().opts();

const store = new EmbeddedStore(join(mkdtempSync(join(tmpdir(), 'policy-kg-flood-')), 'graph'));
await store.init();
await ingest(store, [new URL('../../corpus/', import.meta.url).pathname]);
const s = await serve(store, 0, { timeoutMs: 2000 });
const post = async (query: string) => (await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json() as Promise<{ errors?: { extensions?: { code?: string } }[] }>;
const flood = `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: search(query: "${i % 2 ? '计划' : '教育'}", first: 1) { totalCount }`).join(' ')} }`;
const floodAnswers: Record<string, number> = {};
let stop = false;
const flooders = Array.from({ length: Number(o.flooders) }, async () => {
  while (!stop) {
    const c = (await post(flood)).errors?.[0]?.extensions?.code ?? 'answered';
    floodAnswers[c] = (floodAnswers[c] ?? 0) + 1;
  }
});
const ms: number[] = [];
let errors = 0;
const until = Date.now() + Number(o.seconds) * 1000;
while (Date.now() < until) {
  const t = performance.now();
  if ((await post('{ program(name: "攀登计划") { name mentions(first: 3) { totalCount } } }')).errors) errors++;
  ms.push(performance.now() - t);
}
stop = true;
await Promise.all(flooders);
ms.sort((a, b) => a - b);
const p = (q: number) => ms[Math.min(ms.length - 1, Math.floor(ms.length * q))].toFixed(0);
console.log(`ordinary client during a ${o.seconds} s flood: ${ms.length} requests, p50 ${p(0.5)} ms, p95 ${p(0.95)} ms (target < 500), ${errors} errors`);
console.log(`flood answers: ${JSON.stringify(floodAnswers)}; server RSS ${process.memoryUsage().rss >> 20} MB`);
await s.close();
await store.close();
