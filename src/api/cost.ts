// The per-request cost limit, counted the way a store is actually loaded: a
// field costs 1 plus what it selects, and a connection's selection counts
// `first` times (default 20). graphql-query-complexity walks the query.
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

const pages: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' || 'after' in args ? 1 + childComplexity * (typeof args.first === 'number' ? args.first : 20) : undefined;

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
          estimators: [pages, simpleEstimator({ defaultComplexity: 1 })],
        });
        costs.set(key, cost);
      }
      if (cost > maxCost) {
        throw createGraphQLError(`query cost ${cost} is over the limit of ${maxCost} (a connection costs its \`first\` times its selection)`, {
          extensions: { code: 'COST_LIMIT', cost, maxCost },
        });
      }
    },
  };
}
