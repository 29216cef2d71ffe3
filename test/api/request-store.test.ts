// The store as one request sees it: two calls in flight at most, none started once the request is stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLS_PER_REQUEST, requestStore } from '../../src/api/request-store.js';
import type { GraphStore } from '../../src/graph/store.js';
import { loadedStore } from '../helpers.js';

let store: GraphStore;
beforeAll(async () => { store = await loadedStore(); });
afterAll(async () => store?.close());

/** The sample store, counting the calls of `nodes` running at once and in all. */
function counted() {
  const c = { running: 0, most: 0, calls: 0 };
  const s = new Proxy(store, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (key !== 'nodes') return typeof v === 'function' ? v.bind(target) : v;
      return async (...args: Parameters<GraphStore['nodes']>) => {
        c.calls++; c.running++; c.most = Math.max(c.most, c.running);
        try { await new Promise((r) => setTimeout(r, 5)); return await target.nodes(...args); } finally { c.running--; }
      };
    },
  });
  return { s, c };
}

describe('a request\'s view of the store', () => {
  it('runs two store calls at a time, however many the request asks for, and answers them all', async () => {
    const { s, c } = counted();
    const r = requestStore(s, new AbortController().signal);
    const answers = await Promise.all(Array.from({ length: 10 }, () => r.nodes(['program:攀登计划'])));
    expect(CALLS_PER_REQUEST).toBe(2);
    expect(c).toEqual({ running: 0, most: 2, calls: 10 });
    expect(answers.map((a) => a[0]?.name)).toEqual(Array(10).fill('攀登计划'));
  });

  it('starts no call once the request is stopped, and says why with a code', async () => {
    const { s, c } = counted();
    const abort = new AbortController();
    const r = requestStore(s, abort.signal);
    abort.abort();
    await expect(r.nodes(['program:攀登计划'])).rejects.toMatchObject({ message: 'request stopped: it ran out of time', extensions: { code: 'TIMEOUT' } });
    expect(c.calls).toBe(0);
  });

  it('leaves closing and the time limit to the store itself, unqueued', () => {
    const r = requestStore(store, new AbortController().signal);
    expect(r.close).toBe(store.close);
    expect(r.limitQueryTime).toBe(store.limitQueryTime);
    expect(r.nodes).not.toBe(store.nodes);
  });
});
