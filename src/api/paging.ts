// Relay-style connections over an in-memory list, with the page-size limit.
// Errors are made with yoga's createGraphQLError: yoga loads graphql as CommonJS, and an ESM
// GraphQLError would fail its instanceof check and be masked as an internal error.
import { createGraphQLError } from 'graphql-yoga';

/** What one request may ask for; each answered with a GraphQL error (extensions.code) when exceeded. */
export interface Limits { maxPageSize: number; maxDepth: number; maxCost: number; timeoutMs: number }
export const DEFAULT_LIMITS: Limits = { maxPageSize: 100, maxDepth: 10, maxCost: 10000, timeoutMs: 10000 };

/** The largest offset a cursor may carry: far past any real graph, far below what overflows the store's SKIP. */
const MAX_OFFSET = 10_000_000;

const encode = (n: number) => Buffer.from(`o:${n}`).toString('base64url');
function decode(cursor: string): number {
  const s = cursor.length <= 24 ? Buffer.from(cursor, 'base64url').toString() : '';
  const n = /^o:\d{1,8}$/.test(s) ? Number(s.slice(2)) : NaN;
  if (!(n >= 0 && n < MAX_OFFSET)) throw createGraphQLError(`bad cursor: ${cursor.slice(0, 40)}${cursor.length > 40 ? '…' : ''}`, { extensions: { code: 'BAD_USER_INPUT' } });
  return n;
}

/** The page `first`/`after` ask for, within the page-size limit. */
export function pageWindow(first: number | null | undefined, after: string | null | undefined, limits: Limits): { offset: number; size: number } {
  const size = first ?? 20;
  if (size < 0 || size > limits.maxPageSize) {
    throw createGraphQLError(`first must be between 0 and ${limits.maxPageSize}`, { extensions: { code: 'BAD_USER_INPUT', maxPageSize: limits.maxPageSize } });
  }
  return { offset: after ? decode(after) + 1 : 0, size };
}

/** A connection over one page that starts at `offset` of `total` items. */
export function pagedConnection<T>(page: T[], offset: number, total: number) {
  return {
    edges: page.map((node, i) => ({ cursor: encode(offset + i), node })),
    pageInfo: { hasNextPage: offset + page.length < total, endCursor: page.length ? encode(offset + page.length - 1) : null },
    totalCount: total,
  };
}

export function connection<T>(items: T[], first: number | null | undefined, after: string | null | undefined, limits: Limits) {
  const { offset, size } = pageWindow(first, after, limits);
  return pagedConnection(items.slice(offset, offset + size), offset, items.length);
}
