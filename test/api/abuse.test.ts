// A public endpoint under abusive queries, over real HTTP on loopback: every
// abusive request is refused with a coded GraphQL error (never a stack trace),
// and a normal query is still answered promptly while they arrive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/api/body-limit.js';
import { serve } from '../../src/api/server.js';
import type { GraphStore } from '../../src/graph/store.js';
import { loadedStore } from '../helpers.js';

let store: GraphStore;
let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  store = await loadedStore();
  server = await serve(store, 0, { timeoutMs: 2000 });
});
afterAll(async () => { await server?.close(); await store?.close(); });

const post = async (query: string) => {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
};

const nest = (n: number): string => (n === 0 ? 'name' : `name relations { edges { node { node { ... on Program { ${nest(n - 1)} } } } } }`);
// Each with the code a client can act on.
const ABUSIVE: [string, string][] = [
  [`{ program(name: "攀登计划") { ${nest(12)} } }`, 'DEPTH_LIMIT'], // too deep
  [`{ ${Array.from({ length: 300 }, (_, i) => `a${i}: documents(first: 100) { edges { node { text } } }`).join(' ')} }`, 'COST_LIMIT'], // too costly (aliases)
  ['{ documents(first: 100) { edges { node { relations(first: 100) { edges { node { node { name } } } } } } } }', 'COST_LIMIT'], // too wide
  ['{ search(query: "计划", first: 100000) { totalCount } }', 'COST_LIMIT'], // page too large
  ['{ neighbors(id: "program:攀登计划", depth: 50) { nodes { id } } }', 'BAD_USER_INPUT'], // bad argument
  ['{ path(from: "program:攀登计划", to: "org:全国:中共教育部党组", maxDepth: 100) { length } }', 'BAD_USER_INPUT'], // bad argument
  ['{ entity(id: "\'; MATCH (n) DETACH DELETE n; //") { id } }', 'BAD_USER_INPUT'], // injection attempt: ids are parameters
  ['{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }', 'GRAPHQL_VALIDATION_FAILED'], // deep introspection
];

describe('abusive queries on loopback', () => {
  it('are all refused with coded errors while a normal query is still answered', async () => {
    const before = await store.stats();
    const flood = Array.from({ length: 160 }, (_, i) => post(ABUSIVE[i % ABUSIVE.length][0]));
    const t0 = performance.now();
    const normal = await post('{ program(name: "攀登计划") { name mentions(first: 3) { totalCount } } }');
    const normalMs = performance.now() - t0;
    const answers = await Promise.all(flood);
    for (const [i, a] of answers.entries()) {
      expect(a.body.data ?? null, JSON.stringify(a.body).slice(0, 200)).toSatisfy((d: unknown) => d === null || Object.values(d as object).every((v) => v === null));
      expect(a.body.errors?.map((e) => e.extensions?.code)).toEqual([ABUSIVE[i % ABUSIVE.length][1]]);
      for (const e of a.body.errors!) expect(e.message).not.toMatch(/Unexpected error|\n\s+at /);
    }
    expect(normal.body).toMatchObject({ data: { program: { name: '攀登计划', mentions: { totalCount: 2 } } } });
    expect(normalMs).toBeLessThan(5000);
    // The injection attempt found nothing and deleted nothing.
    expect(await store.stats()).toEqual(before);
  }, 60_000);
});

describe('request bodies over the limit', () => {
  // Padding after the query: a valid request, only too long.
  const body = (bytes: number) => JSON.stringify({ query: `{ stats { labels { key } } }${' '.repeat(bytes)}` });
  const send = async (text: string, chunked: boolean) => {
    // A stream body goes without Content-Length (chunked); a string body with one.
    const b = chunked ? new Blob([text]).stream() : text;
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: b, duplex: 'half' } as RequestInit);
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
  };
  it.each([false, true])('are refused with 413 and a code, with Content-Length or chunked (%s), and the limit lets a long query through', async (chunked) => {
    const over = await send(body(MAX_BODY_BYTES), chunked);
    expect(over.status).toBe(413);
    expect(over.body.errors?.map((e) => e.extensions?.code)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
    const under = await send(body(MAX_BODY_BYTES - 100), chunked);
    expect(under.status).toBe(200);
    expect(under.body.data).toMatchObject({ stats: { labels: expect.arrayContaining([{ key: 'Document' }]) } });
  });
});
