// The GraphQL API: schema/*.graphql + resolvers, served by graphql-yoga, with
// the limits a public endpoint needs added as plugins (not woven into resolvers).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { useResponseCache, type BuildResponseCacheKeyFunction } from '@graphql-yoga/plugin-response-cache';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { allNodes, type GraphStore } from '../graph/store.js';
import { createLoaders } from './loaders.js';
import { DEFAULT_LIMITS, type Limits } from './paging.js';
import { resolvers, type Context } from './resolvers.js';
import { costPlugin } from './cost.js';
import { timeoutPlugin } from './timeout.js';
import { schedulePlugin } from './schedule.js';
import { bodyLimitPlugin } from './body-limit.js';
import { errorCodesPlugin } from './errors.js';
import { requestStore, storeCallsIdle } from './request-store.js';
import { cascadeCache, traceCache, type TraceCache } from './cascades.js';
import { ReadModelStore } from '../graph/read-model.js';
import { storeEndpoint } from './store-endpoint.js';
import { announceServer } from '../graph/remote-store.js';

const SCHEMA_DIR = new URL('../../schema/', import.meta.url);

export function typeDefs(): string[] {
  return readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.graphql')).sort().map((f) => readFileSync(new URL(f, SCHEMA_DIR), 'utf8'));
}

const EXAMPLE = `# policy-kg — pick an operation with the run button's menu.

query Overview {
  stats { labels { key count } relations { key count } }
  search(query: "對標爭先", first: 5) { edges { score node { __typename id name } } }
}

query ProgramMentions {
  program(name: "攀登计划") {
    name aliases
    mentions(first: 10) { edges { node { node { name ... on Document { year place } } evidence { sentence } } } }
  }
}

query Path {
  path(from: "org:全国:中共教育部党组", to: "program:攀登计划") {
    length hops { type direction from { name } to { name } evidence { document { title year } sentence } }
  }
}

query Spread {
  diffusion(program: "对标争先") { levelPath explanation spread { from to lagDays direction convergence } }
}

query Reuse {
  documents(filter: { place: "上海市" }, sort: DATE_DESC, first: 3) {
    edges { node { name date reuses { document { name } score passages { source { text } target { text } } } } }
  }
}`;

export interface ApiOptions extends Partial<Limits> {
  /** Browser origins allowed to call the API; by default only pages on localhost. */
  corsOrigins?: string[];
  /**
   * How long an answer is reused for the same query and variables (0: never). The graph
   * changes only when documents are ingested, so a short cache is safe and spares the store.
   */
  cacheTtlMs?: number;
  /** Part of every cache key: changes when the graph does. */
  cacheKey?: () => string;
  /** Programs' diffusions kept between requests (serve passes the one it warms). */
  traces?: TraceCache;
}

const isLocalOrigin = (o: string) => /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(o);

export function createApi(store: GraphStore, opts: ApiOptions = {}): YogaServerInstance<Record<string, never>, Context> {
  const { corsOrigins, cacheTtlMs = 0, cacheKey = () => '', traces: kept, ...limits } = opts;
  const l = { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)) };
  const cascades = cascadeCache(store);
  const traces = kept ?? traceCache(store);
  return createYoga<Record<string, never>, Context>({
    // CORS is closed to other sites unless configured: a page elsewhere cannot make a visitor's browser query this API.
    cors: (request) => {
      const origin = request.headers.get('origin');
      const allowed = !!origin && (corsOrigins?.includes('*') || corsOrigins?.includes(origin) || (!corsOrigins?.length && isLocalOrigin(origin)));
      return allowed ? { origin, credentials: false } : false;
    },
    schema: makeExecutableSchema({ typeDefs: typeDefs(), resolvers }),
    context: ({ request }) => {
      // Aborted when the request times out or its client goes away: its remaining store calls are not made.
      const abort = new AbortController();
      request.signal?.addEventListener('abort', () => abort.abort(), { once: true });
      const s = requestStore(store, abort.signal);
      return { store: s, loaders: createLoaders(s, (p) => traces.get(s, p)), limits: l, abort, cascades };
    },
    // GraphiQL's scripts are inlined from @graphql-yoga/render-graphiql: the page works without internet.
    // Loaded when a browser first asks (half a second of every start, and of every mutant's test run).
    graphiql: { defaultQuery: EXAMPLE, title: 'policy-kg' },
    renderGraphiQL: async (opts) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(opts),
    maxRequestBodySize: false, // bodyLimitPlugin instead: the header decides where there is one
    plugins: [
      bodyLimitPlugin(),
      errorCodesPlugin(),
      maxDepthPlugin({ n: l.maxDepth, exposeLimits: true }),
      costPlugin(l.maxCost),
      schedulePlugin(),
      timeoutPlugin(l.timeoutMs),
      ...(cacheTtlMs > 0 ? [useResponseCache({ session: cacheKey, ttl: cacheTtlMs, includeExtensionMetadata: false, buildResponseCacheKey })] : []),
    ],
  });
}

// The parts of yoga's default key, hashed at once: its WebCrypto digest is a promise and a job per
// request, most of the time of a cached answer in a CPU profile. (Variables in another key order
// only miss the cache.)
const buildResponseCacheKey: BuildResponseCacheKeyFunction = ({ documentString, operationName, variableValues, sessionId }) =>
  createHash('sha256').update(`${documentString}|${operationName ?? ''}|${JSON.stringify(variableValues ?? {})}|${sessionId ?? ''}`).digest('hex');

const GRASS = new URL('../../cypher/browser.grass', import.meta.url);

export interface ServeOptions extends ApiOptions {
  /** The embedded store's path: announce the server there so other commands reach the store through it. */
  announceAt?: string;
}

export async function serve(graph: GraphStore, port: number, opts: ServeOptions = {}): Promise<{ url: string; close: () => Promise<void>; ready: () => Promise<void> }> {
  graph.limitQueryTime(opts.timeoutMs ?? DEFAULT_LIMITS.timeoutMs);
  // Nodes, name search and edges from memory (nodes before the server listens, edges soon
  // after); writes through /_store go through it and refresh it.
  const store = new ReadModelStore(graph);
  await store.warm();
  // Cached answers are keyed by the graph's version: an ingest through this server makes them stale at once.
  let version = 0;
  const { announceAt, ...api } = opts;
  const traces = traceCache(store);
  const yoga = createApi(store, { ...api, cacheKey: () => String(version), traces });
  let closing = false;
  // Every program traced ahead of the questions once the edges are in memory, between requests.
  const warmed = store.ready().then(async () => traces.warm(await allNodes(store, 'Program'), () => closing)).catch(() => undefined);
  let announced: { token: string; remove: () => void } | null = null;
  // Requests being answered: closing waits for them, so that none reads a store its owner closes next.
  const inFlight = new Set<Promise<unknown>>();
  const server = createServer((req, res) => {
    // Neo4j Browser fetches its styling from here on connect (docker-compose.yml: browser.post_connect_cmd).
    if (req.method === 'GET' && req.url === '/browser.grass') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'access-control-allow-origin': '*' });
      res.end(readFileSync(GRASS));
      return;
    }
    // yoga answers some requests (preflight, GraphiQL, 404s) synchronously: it returns no promise then.
    const p = (async () => (req.url === '/_store' && announced ? storeEndpoint(req, res, store, announced.token, () => { version++; }) : yoga.handle(req, res)))().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end();
    });
    // A client gone while its answer is written can leave yoga waiting on the socket for good
    // (closing the server then never ended): once the response is closed a query starts no
    // store call, so it is over when the running ones are. (A write through /_store runs to its end.)
    const gone = req.url === '/_store' ? [] : [new Promise<void>((r) => res.once('close', () => r())).then(storeCallsIdle)];
    const settled = Promise.race([p, ...gone]);
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, resolve); });
  const bound = (server.address() as { port: number }).port; // the real one when port 0 asked for any
  if (announceAt) announced = announceServer(announceAt, `http://127.0.0.1:${bound}`);
  const close = async () => {
    closing = true;
    announced?.remove();
    await store.stop(); // its owner closes the store next: no read of the model's may still be running
    const closed = new Promise<void>((r) => server.close(() => r()));
    server.closeAllConnections();
    await Promise.all(inFlight);
    await closed;
  };
  // `ready`: the whole read model is built and every program traced (benchmarks wait for it; users need not).
  return { url: `http://localhost:${bound}/graphql`, close, ready: async () => { await store.ready(); await warmed; } };
}
