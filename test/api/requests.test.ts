// What browsers, users and attackers send, over real HTTP on loopback: every request is
// answered (most with a coded error) and the server is still up afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../src/api/server.js';
import type { GraphStore } from '../../src/graph/store.js';
import { loadedStore } from '../helpers.js';

let store: GraphStore;
let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  store = await loadedStore();
  server = await serve(store, 0, { timeoutMs: 3000 });
}, 60_000);
afterAll(async () => { await server?.close(); await store?.close(); });

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
const gql = async (query: string, variables?: unknown): Promise<Body> => {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as Body;
};
const alive = async () => expect((await gql('{ stats { labels { key count } } }')).data).toBeTruthy();
const cursor = (s: string) => Buffer.from(s).toString('base64url');
const codes = (b: Body) => (b.errors ?? []).map((e) => e.extensions?.code);

describe('HTTP requests that are not a JSON POST', () => {
  it.each([
    ['a CORS preflight', { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' } }, 204],
    ['a browser opening GraphiQL', { headers: { accept: 'text/html' } }, 200],
    ['HEAD', { method: 'HEAD' }, 405],
    ['PUT', { method: 'PUT', body: '{}' }, 405],
    ['DELETE', { method: 'DELETE' }, 405],
    ['a text/plain POST', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ stats { labels { key } } }' }, 415],
  ] as [string, RequestInit, number][])('%s is answered and the server stays up', async (_, init, status) => {
    const res = await fetch(server.url, init);
    await res.arrayBuffer();
    expect([status, 400, 404, 405, 406, 415]).toContain(res.status);
    await alive();
  });

  it.each(['/', '/favicon.ico', '/graphql/../../etc/passwd'])('an unknown path %s is a 404 and the server stays up', async (path) => {
    const res = await fetch(new URL(path, server.url));
    await res.arrayBuffer();
    expect(res.status).toBe(404);
    await alive();
  });

  it('a 50 MB body is refused and the server stays up', async () => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":"${'x'.repeat(50 * 1024 * 1024)}"}` }).catch(() => null);
    if (res) { await res.arrayBuffer().catch(() => undefined); expect(res.status).toBeGreaterThanOrEqual(400); }
    await alive();
  }, 30_000);

  it('GraphiQL is served without a CDN, with the examples preloaded', async () => {
    const html = await (await fetch(server.url, { headers: { accept: 'text/html' } })).text();
    expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr/);
    expect(html).toContain('YogaGraphiQL');
    expect(html).toContain('query ProgramMentions');
  });
});

describe('crafted arguments', () => {
  it.each([
    ['an offset past 32 bits', cursor('o:2147483647')],
    ['an offset that wraps', cursor('o:4294967296')],
    ['a negative offset', cursor('o:-1')],
    ['garbage', '!!!not-a-cursor'],
    ['a 1 MB cursor', 'A'.repeat(1 << 20)],
  ])('a cursor with %s is BAD_USER_INPUT with a short message', async (_, after) => {
    const b = await gql('query($a: String) { documents(first: 2, after: $a) { edges { node { id } } } }', { a: after });
    expect(codes(b)).toEqual(['BAD_USER_INPUT']);
    expect(b.errors![0].message.length).toBeLessThan(400);
    await alive();
  });

  it('a cursor within the graph still pages', async () => {
    const b = await gql(`{ documents(first: 2, after: "${cursor('o:5')}") { edges { node { id } } } }`);
    expect(b.errors).toBeUndefined();
    expect((b.data!.documents as { edges: unknown[] }).edges).toHaveLength(2); // 8 documents: offsets 6 and 7
  });

  it.each(['constructor:x', '__proto__:x', 'toString:1', 'x'])('the id %s is BAD_USER_INPUT and never reaches the store', async (id) => {
    const b = await gql('query($id: ID!) { entity(id: $id) { id } }', { id });
    expect(codes(b)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('every rejection has a code', () => {
  const deep = (n: number): string => (n === 0 ? 'name' : `name relations { edges { node { node { ... on Program { ${deep(n - 1)} } } } } }`);
  it.each([
    ['the depth limit', `{ program(name: "攀登计划") { ${deep(12)} } }`, 'DEPTH_LIMIT'],
    ['a mutation', 'mutation { x }', undefined],
    ['a syntax error', '{ stats { ', 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', '{ nothing }', 'GRAPHQL_VALIDATION_FAILED'],
  ])('%s', async (_, query, code) => {
    const b = await gql(query);
    expect(b.errors?.length).toBeGreaterThan(0);
    for (const c of codes(b)) expect(c).toBeTruthy();
    if (code) expect(codes(b)).toContain(code);
  });

  it('a variable of the wrong type is BAD_USER_INPUT', async () => {
    expect(codes(await gql('query($n: Int) { documents(first: $n) { totalCount } }', { n: 'many' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('floods inside one request', () => {
  it('1,000 aliases of stats are COST_LIMIT, and the store is fine afterwards', async () => {
    const q = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: stats { labels { key count } }`).join(' ')} }`;
    expect(codes(await gql(q))).toEqual(['COST_LIMIT']);
    await alive();
  });

  it('search with first: 0 costs its scans: 1,000 of them are COST_LIMIT', async () => {
    const q = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: search(query: "计划", first: 0) { totalCount }`).join(' ')} }`;
    expect(codes(await gql(q))).toEqual(['COST_LIMIT']);
  });

  it('the most a request may ask runs without exhausting the store', async () => {
    // 450 aliases of stats: 6,750 store queries, a cost of 9,000, under the limit of 10,000.
    const q = `{ ${Array.from({ length: 450 }, (_, i) => `a${i}: stats { labels { key count } }`).join(' ')} }`;
    const b = await gql(q);
    expect(b.errors === undefined || codes(b).every((c) => c === 'TIMEOUT')).toBe(true);
    await alive();
  }, 60_000);
});

// Eight seconds of flooding per mutant would take most of `npm run mutate`'s hour.
describe.skipIf(process.env.POLICY_KG_MUTATE)('one client flooding', () => {
  it('does not starve another: every ordinary query is answered while the flood times out', async () => {
    const flood = `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: search(query: "${i % 2 ? '计划' : '教育'}", first: 1) { totalCount }`).join(' ')} }`;
    let stop = false;
    const floodCodes = new Set<string | undefined>();
    const flooders = Array.from({ length: 3 }, async () => { while (!stop) for (const c of codes(await gql(flood))) floodCodes.add(c); });
    const until = Date.now() + 8000;
    const answers: Body[] = [];
    while (Date.now() < until) answers.push(await gql('{ program(name: "攀登计划") { name mentions(first: 3) { totalCount } } }'));
    stop = true;
    await Promise.all(flooders);
    expect([...floodCodes].every((c) => c === 'TIMEOUT')).toBe(true);
    expect(answers.length).toBeGreaterThan(3);
    for (const a of answers) expect(a).toEqual({ data: { program: { name: '攀登计划', mentions: { totalCount: 2 } } } });
  }, 60_000);
});
