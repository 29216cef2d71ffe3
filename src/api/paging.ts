// Relay-style connections over an in-memory list, with the page-size limit.
// Errors are made with yoga's createGraphQLError: yoga loads graphql as CommonJS, and an ESM
// GraphQLError would fail its instanceof check and be masked as an internal error.
import { createGraphQLError } from 'graphql-yoga';

/** What one request may ask for; each answered with a GraphQL error (extensions.code) when exceeded. */
export interface Limits { maxPageSize: number; maxDepth: number; maxCost: number; timeoutMs: number }
export const DEFAULT_LIMITS: Limits = { maxPageSize: 100, maxDepth: 10, maxCost: 10000, timeoutMs: 10000 };

const encode = (n: number) => Buffer.from(`o:${n}`).toString('base64url');
function decode(cursor: string): number {
  const s = Buffer.from(cursor, 'base64url').toString();
  const n = Number(s.slice(2));
  if (!s.startsWith('o:') || !Number.isInteger(n) || n < 0) throw createGraphQLError(`bad cursor: ${cursor}`, { extensions: { code: 'BAD_USER_INPUT' } });
  return n;
}

export function connection<T>(items: T[], first: number | null | undefined, after: string | null | undefined, limits: Limits) {
  const size = first ?? 20;
  if (size < 0 || size > limits.maxPageSize) {
    throw createGraphQLError(`first must be between 0 and ${limits.maxPageSize}`, { extensions: { code: 'BAD_USER_INPUT', maxPageSize: limits.maxPageSize } });
  }
  const offset = after ? decode(after) + 1 : 0;
  const page = items.slice(offset, offset + size);
  return {
    edges: page.map((node, i) => ({ cursor: encode(offset + i), node })),
    pageInfo: { hasNextPage: offset + size < items.length, endCursor: page.length ? encode(offset + page.length - 1) : null },
    totalCount: items.length,
  };
}
