// `serve` on a store as `policy-kg serve` opens it (its own process, the command's heap limit and
// buffer pool): seconds until it listens, until edges and traces are in memory, and its RSS then.
import { openStore } from '../graph/open-store.js';
import { serve } from '../api/server.js';
import { SERVE_BUFFER_MB } from '../cli/serve.js';

const t = performance.now();
const store = await openStore({ data: process.argv[2], bufferMB: SERVE_BUFFER_MB });
const server = await serve(store, 0, { cacheTtlMs: 60_000 });
const listens = (performance.now() - t) / 1000;
await server.ready();
const all = (performance.now() - t) / 1000;
const rssMB = process.memoryUsage().rss / 2 ** 20;
await server.close();
await store.close();
process.stdout.write(JSON.stringify({ listens, all, rssMB }));
