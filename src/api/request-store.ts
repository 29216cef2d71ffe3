// The store as one request sees it. Each request may run only a couple of store calls at a
// time, so a request of a thousand aliased fields queues behind itself instead of in front of
// everyone else's; and once the request has timed out, its remaining calls are not started.
import pLimit from 'p-limit';
import { createGraphQLError } from 'graphql-yoga';
import type { GraphStore } from '../graph/store.js';

/** Store calls one request may have in flight at once. */
export const CALLS_PER_REQUEST = 2;

/** Store calls running for any request, and who waits for there to be none. */
let running = 0;
const idle: (() => void)[] = [];

/** Resolves when no request's store call is running: a server closes its store only then. */
export function storeCallsIdle(): Promise<void> {
  return running ? new Promise((r) => idle.push(r)) : Promise.resolve();
}

export function requestStore(store: GraphStore, signal: AbortSignal): GraphStore {
  const limit = pLimit(CALLS_PER_REQUEST);
  return new Proxy(store, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (typeof v !== 'function' || key === 'close' || key === 'limitQueryTime') return v;
      return (...args: unknown[]) => limit(async () => {
        if (signal.aborted) throw createGraphQLError('request stopped: it ran out of time', { extensions: { code: 'TIMEOUT' } });
        running++;
        try { return await v.apply(target, args); } finally { if (--running === 0) idle.splice(0).forEach((r) => r()); }
      });
    },
  });
}
