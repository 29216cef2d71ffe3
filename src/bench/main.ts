// `npm run bench`: the numbers the issues ask for, as a table and as JSON.
//   extraction speed against nodejieba.tag (sample corpus, one core);
//   ingest of 1,000 and 10,000 generated documents into the embedded store
//   (time, load rows/s, peak RSS, growth); text reuse time at growing sizes;
//   GraphQL p50/p95 and requests/s at 20 concurrent clients, each request a different
//   question (cache off), then one repeated (cached).
// `npm run bench -- --docs 1000` runs a smaller version.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { EmbeddedStore } from '../graph/embedded-store.js';
import { detectReuse, storedReuseDocs } from '../trace/reuse.js';
import { benchQueries, type Latency } from './api.js';
import { generateCorpus } from './corpus.js';
import { distinctQuestions } from './questions.js';
import { benchExtraction } from './extraction.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code !== 'EPIPE') throw e; });

const o = new Command().name('bench')
  .option('--docs <n>', 'size of the large generated corpus', '10000')
  .option('--work <dir>', 'where corpora and stores go', 'data/bench')
  .option('--seconds <n>', 'load-test seconds per query', '10')
  .option('--graph <path>', 'only the GraphQL part, on this store (e.g. data/bench/store-10000/graph from an earlier run)')
  .option('--only <kinds>', 'only these kinds of question, by the start of their names (e.g. neighbors,path)')
  .parse().opts();
const large = Number(o.docs);
const small = Math.max(100, Math.round(large / 10));
const here = new URL('../../', import.meta.url).pathname;

const table: [string, string][] = [];
const row = (k: string, v: string) => { table.push([k, v]); process.stderr.write(`${k}: ${v}\n`); };

type Ingest = { documents: number; rows: number; seconds: number; timings: { load: number; reuse: number; extractWait: number }; failed: number; peakRssMB: number };

async function corpus(n: number): Promise<string> {
  const dir = join(o.work, `corpus-${n}`);
  if (!existsSync(dir) || readdirSync(dir).length !== n) { rmSync(dir, { recursive: true, force: true }); await generateCorpus({ docs: n, out: dir }); }
  return dir;
}

function ingestRun(n: number, dir: string): Ingest {
  const data = join(o.work, `store-${n}`, 'graph');
  rmSync(join(o.work, `store-${n}`), { recursive: true, force: true });
  // As the policy-kg command runs it (bin/policy-kg.js): with its heap limit and malloc arenas.
  const out = execFileSync(join(here, 'node_modules/.bin/tsx'), [join(here, 'src/bench/ingest-child.ts'), dir, data], {
    encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=512', MALLOC_ARENA_MAX: '2' },
  });
  return JSON.parse(out) as Ingest;
}

/** Extraction speed, ingest at two sizes and text reuse scaling; the store of the large ingest is left for the GraphQL part. */
async function offline() {
  // 1. Extraction against tagging.
  const ex = await benchExtraction(join(here, 'corpus'));
  row('read + extract, MB/s (one core)', ex.extractMBs.toFixed(2));
  row('nodejieba.tag, MB/s (same text)', ex.tagMBs.toFixed(2));
  row('extract / tag (target ≥ 50%)', `${(ex.ratio * 100).toFixed(0)}%`);

  // 2. Ingest at two sizes, each in its own process.
  const runs: Record<number, Ingest> = {};
  for (const n of [small, large]) {
    const r = ingestRun(n, await corpus(n));
    runs[n] = r;
    row(`ingest ${n} documents, s (target 10,000 < 600 s)`, r.seconds.toFixed(1));
    row(`  load rows/s (${r.rows} rows)`, (r.rows / r.timings.load).toFixed(0));
    row('  text reuse, s', r.timings.reuse.toFixed(1));
    row('  peak RSS, MB (target < 1536)', r.peakRssMB.toFixed(0));
  }
  const growth = runs[large].seconds / runs[small].seconds;
  row(`ingest time ${large}/${small} (linear: ${(large / small).toFixed(0)})`, growth.toFixed(1));

  // 3. Text reuse scaling on the large corpus's documents.
  const store = new EmbeddedStore(join(o.work, `store-${large}`, 'graph'));
  await store.init();
  const docs = await storedReuseDocs(store);
  await store.close();
  const reuseSeconds: Record<number, number> = {};
  for (const n of [small, large / 2, large]) {
    const t = performance.now();
    detectReuse(docs.slice(0, n));
    reuseSeconds[n] = (performance.now() - t) / 1000;
    row(`text reuse over ${n} documents, s`, reuseSeconds[n].toFixed(1));
  }
  const nlogn = (n: number) => n * Math.log(n);
  row(`reuse time ${large}/${small} (n log n: ${(nlogn(large) / nlogn(small)).toFixed(1)})`, (reuseSeconds[large] / reuseSeconds[small]).toFixed(1));
  return { extraction: ex, ingest: runs, ingestGrowth: growth, reuseSeconds };
}

const results = o.graph ? {} : await offline(); // the server under load should not share its process with ten thousand texts
const graphPath = o.graph ?? join(o.work, `store-${large}`, 'graph');
const servedAt = serveTimes(graphPath); // before this process opens the store
const store = new EmbeddedStore(graphPath);
await store.init();

// 4. GraphQL under load on the large graph, as analysts load it: every request a different
// question drawn from the graph, the response cache off; then one question repeated, as served
// (answered from the response cache).
const only = o.only ? String(o.only).split(',') : null;
const distinct = Object.fromEntries(Object.entries(await distinctQuestions(store)).filter(([k]) => !only || only.some((p) => k.startsWith(p))));
const repeated = Object.fromEntries(Object.entries(distinct).map(([k, list]) => [k, [list[0]]]));
const lat: Record<string, Latency[]> = {};
for (const [mode, questions, ttl] of [['distinct, uncached', distinct, 0], ['repeated, cached', repeated, 60_000]] as const) {
  lat[mode] = await benchQueries(store, questions, 20, Number(o.seconds), ttl);
  for (const l of lat[mode]) row(`GraphQL ${l.query}, ${mode}: p50 / p95 ms, req/s, first answer ms, stats p95 ms meanwhile (targets p95 < 50, stats < 20)`, `${l.p50} / ${l.p95.toFixed(1)}, ${l.rps.toFixed(0)}, ${l.coldMs.toFixed(0)}, ${l.statsP95.toFixed(1)}${l.errors || l.non2xx ? ` (${l.errors + l.non2xx} failed)` : ''}`);
}
row('serve: listens, s; edges and traces in memory, s; RSS then, MB (targets < 10 s, < 1024 MB)', `${servedAt.listens.toFixed(1)}; ${servedAt.all.toFixed(1)}; ${servedAt.rssMB.toFixed(0)}`);
await store.close();

/** How long `serve` takes to listen and to hold the graph in memory, and its RSS then: in a process of its own, as the command runs it. */
function serveTimes(graph: string): { listens: number; all: number; rssMB: number } {
  const out = execFileSync(join(here, 'node_modules/.bin/tsx'), [join(here, 'src/bench/serve-child.ts'), graph], {
    encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=768' }, // bin/policy-kg.js's heap limit
  });
  return JSON.parse(out) as { listens: number; all: number; rssMB: number };
}

const w = Math.max(...table.map((r) => [...r[0]].length));
console.log(`\n${table.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n')}\n`);
console.log(JSON.stringify({ ...results, serve: servedAt, graphql: lat }));
