// The GraphQL API: schema/*.graphql + resolvers, served by graphql-yoga, with
// the limits a public endpoint needs added as plugins (not woven into resolvers).
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GraphStore } from '../graph/store.js';
import { createLoaders } from './loaders.js';
import { DEFAULT_LIMITS, type Limits } from './paging.js';
import { resolvers, type Context } from './resolvers.js';

const SCHEMA_DIR = new URL('../../schema/', import.meta.url);

export function typeDefs(): string[] {
  return readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.graphql')).sort().map((f) => readFileSync(new URL(f, SCHEMA_DIR), 'utf8'));
}

const EXAMPLE = `# policy-kg — try these
{
  stats { labels { key count } relations { key count } }
  search(query: "攀登计划", first: 5) { edges { score node { __typename id name } } }
  program(name: "对标争先建设计划") {
    name aliases
    mentions(first: 10) { edges { node { node { name ... on Document { year place } } evidence { sentence } } } }
  }
}`;

export function createApi(store: GraphStore, limits: Partial<Limits> = {}): YogaServerInstance<Record<string, never>, Context> {
  const l = { ...DEFAULT_LIMITS, ...limits };
  return createYoga<Record<string, never>, Context>({
    schema: makeExecutableSchema({ typeDefs: typeDefs(), resolvers }),
    context: () => ({ store, loaders: createLoaders(store), limits: l }),
    graphiql: { defaultQuery: EXAMPLE, title: 'policy-kg' },
    plugins: [
      maxDepthPlugin({ n: l.maxDepth, exposeLimits: true }),
      costLimitPlugin({ maxCost: l.maxCost, exposeLimits: true }),
    ],
  });
}

const GRASS = new URL('../../cypher/browser.grass', import.meta.url);

export async function serve(store: GraphStore, port: number, limits: Partial<Limits> = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const yoga = createApi(store, limits);
  const server = createServer((req, res) => {
    // Neo4j Browser fetches its styling from here on connect (docker-compose.yml: browser.post_connect_cmd).
    if (req.method === 'GET' && req.url === '/browser.grass') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'access-control-allow-origin': '*' });
      res.end(readFileSync(GRASS));
      return;
    }
    yoga(req, res);
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, resolve); });
  return { url: `http://localhost:${port}/graphql`, close: () => new Promise((r) => server.close(() => r())) };
}
