// The store as one request sees it. Each request may run only a couple of store calls at a
// time, so a request of a thousand aliased fields queues behind itself instead of in front of
// everyone else's; and once the request has timed out, its remaining calls are not started.
import pLimit from 'p-limit';
import { createGraphQLError } from 'graphql-yoga';
import type { GraphStore } from '../graph/store.js';

/** Store calls one request may have in flight at once. */
export const CALLS_PER_REQUEST = 2;

export function requestStore(store: GraphStore, signal: AbortSignal): GraphStore {
  const limit = pLimit(CALLS_PER_REQUEST);
  return new Proxy(store, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (typeof v !== 'function' || key === 'close' || key === 'limitQueryTime') return v;
      return (...args: unknown[]) => limit(() => {
        if (signal.aborted) throw createGraphQLError('request stopped: it ran out of time', { extensions: { code: 'TIMEOUT' } });
        return v.apply(target, args);
      });
    },
  });
}
