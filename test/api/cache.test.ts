// The response cache the README's cached latencies rely on: a question asked again is answered
// without reaching the store, a different one reaches it, and a graph that changed (a new cache
// key) is asked afresh. Counted on the real store, each call recorded on its way through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/server.js';
import type { GraphStore } from '../../src/graph/store.js';
import { loadedStore } from '../helpers.js';

let store: GraphStore;
let calls = 0;
let version = 0;
let yoga: ReturnType<typeof createApi>;
beforeAll(async () => {
  store = await loadedStore();
  const counted = new Proxy(store, {
    get: (target, key, receiver) => {
      const v = Reflect.get(target, key, receiver);
      return typeof v === 'function' ? (...args: unknown[]) => { calls++; return v.apply(target, args); } : v;
    },
  });
  yoga = createApi(counted, { cacheTtlMs: 60_000, cacheKey: () => String(version) });
}, 120_000);
afterAll(async () => store?.close());

const ask = async (query: string, variables?: Record<string, unknown>) => {
  const before = calls;
  const res = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return { data: body.data, storeCalls: calls - before };
};

describe('the response cache', () => {
  it('answers a repeated question without the store, and a new one from it', async () => {
    const q = '{ program(name: "攀登计划") { name mentions(first: 3) { totalCount } } }';
    const first = await ask(q);
    expect(first.storeCalls).toBeGreaterThan(0);
    const again = await ask(q);
    expect(again).toEqual({ data: first.data, storeCalls: 0 });
    expect((await ask('{ program(name: "对标争先建设计划") { name } }')).storeCalls).toBeGreaterThan(0);
  });

  it('keys a question by its variables too: one query text, two programs', async () => {
    const q = 'query ($n: String!) { program(name: $n) { name } }';
    expect((await ask(q, { n: '攀登计划' })).data).toEqual({ program: { name: '攀登计划' } });
    expect(await ask(q, { n: '对标争先建设计划' })).toEqual({ data: { program: { name: '对标争先建设计划' } }, storeCalls: expect.any(Number) });
    expect((await ask(q, { n: '攀登计划' })).storeCalls).toBe(0);
  });

  it('asks the store again once the graph has changed', async () => {
    const q = '{ stats { labels { key count } } }';
    await ask(q);
    expect((await ask(q)).storeCalls).toBe(0);
    version++;
    expect((await ask(q)).storeCalls).toBeGreaterThan(0);
  });
});
