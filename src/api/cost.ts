// The per-request cost limit, counted the way a store is actually loaded: a field costs what
// it asks of the store plus what it selects, and a connection's selection counts `first`
// times (default 20). graphql-query-complexity walks the query.
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { NODE_LABELS, RELATION_TYPES } from '../graph/model.js';

/**
 * Store work of the fields that reach the store, in store queries: `stats` counts every table,
 * `search` scans every label it searches (even with `first: 0`), a traversal a hop at a time,
 * a trace reads a program's whole neighbourhood.
 */
const STORE_WORK: Record<string, (args: Record<string, unknown>) => number> = {
  'Query.stats': () => NODE_LABELS.length + RELATION_TYPES.length,
  'Query.search': (a) => 2 * ((a.types as unknown[] | undefined)?.length || NODE_LABELS.length),
  'Query.documents': () => 2,
  'Query.documentFacets': () => 4,
  'Query.neighbors': (a) => 10 * Number(a.depth ?? 1),
  'Query.path': (a) => 20 * Number(a.maxDepth ?? 4),
  'Query.diffusion': () => 50,
  // Reads every program and every adopting edge of the graph.
  'Query.diffusionNetwork': () => 200,
  'Program.adoptions': () => 50,
  'Program.spread': () => 50,
};

const pages = (fieldCost: number, childComplexity: number, args: Record<string, unknown>) =>
  typeof args.first === 'number' || 'after' in args ? fieldCost + childComplexity * (typeof args.first === 'number' ? Math.max(args.first, 1) : 20) : fieldCost + childComplexity;

const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const work = STORE_WORK[`${type.name}.${field.name}`]?.(args);
  if (work === undefined && !(typeof args.first === 'number' || 'after' in args)) return undefined;
  return pages(work ?? 1, childComplexity, args);
};

export function costPlugin(maxCost: number): Plugin {
  // Yoga reuses the parsed document of a repeated query: its cost is computed once per variables.
  const known = new WeakMap<object, Map<string, number>>();
  return {
    onExecute({ args }) {
      const key = JSON.stringify([args.operationName ?? null, args.variableValues ?? {}]);
      let costs = known.get(args.document);
      if (!costs) { costs = new Map(); known.set(args.document, costs); }
      let cost = costs.get(key);
      if (cost === undefined) {
        cost = getComplexity({
          schema: args.schema, query: args.document, variables: args.variableValues ?? {}, operationName: args.operationName ?? undefined,
          estimators: [estimator, simpleEstimator({ defaultComplexity: 1 })],
        });
        costs.set(key, cost);
      }
      (args.contextValue as { cost?: number }).cost = cost; // the request's place in the queue (src/api/schedule.ts)
      if (cost > maxCost) {
        throw createGraphQLError(`query cost ${cost} is over the limit of ${maxCost} (a field costs the store queries it makes; a connection costs its \`first\` times its selection)`, {
          extensions: { code: 'COST_LIMIT', cost, maxCost },
        });
      }
    },
  };
}
