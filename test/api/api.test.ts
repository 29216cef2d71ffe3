// The API suite, over every store TEST_STORES reaches, loaded with the sample corpus.
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, typeDefs } from '../../src/api/server.js';
import type { GraphStore } from '../../src/graph/store.js';
import { ingest } from '../../src/pipeline.js';
import { CORPUS, describeEachStore, extractedCounts, loadedStore } from '../helpers.js';

type Result = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEachStore('GraphQL over the %s store loaded with the sample corpus', (_, open) => {
let store: GraphStore;
let api: ReturnType<typeof createApi>;

async function gql(query: string, variables?: Record<string, unknown>, on = api): Promise<Result> {
  const res = await on.fetch('http://localhost/graphql', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }),
  });
  return res.json() as Promise<Result>;
}

beforeAll(async () => {
  store = await loadedStore(open);
  api = createApi(store, { maxPageSize: 50, maxDepth: 8 });
});
afterAll(async () => store?.close());

  it('counts documents and entities', async () => {
    const r = await gql('{ stats { labels { key count } relations { key count } } }');
    const counts = (cs: { key: string; count: number }[]) => Object.fromEntries(cs.map((c) => [c.key, c.count]));
    const want = await extractedCounts(CORPUS);
    expect(counts(r.data.stats.labels)).toEqual({ ...want.labels, Document: 8 });
    expect(counts(r.data.stats.relations)).toEqual({ ...want.relations, REUSES: 1 });
  });

  it('finds 攀登计划 mentioned by the Shanghai 2018 opinion, with the sentence', async () => {
    const r = await gql(`{ program(name: "攀登计划") { id name mentions { edges { node { node { ... on Document { title year place } } evidence { sentence start end } } } } } }`);
    expect(r.data.program.id).toBe('program:攀登计划');
    const docs = r.data.program.mentions.edges.map((e: any) => e.node); // eslint-disable-line @typescript-eslint/no-explicit-any
    const d2018 = docs.find((d: any) => d.node.year === 2018); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(d2018.node).toMatchObject({ title: '市教卫工作党委关于新时代基层党建质量提升工程的实施意见', place: '上海市' });
    expect(d2018.evidence.sentence).toContain('“攀登”计划');
    expect(d2018.evidence.end).toBeGreaterThan(d2018.evidence.start);
  });

  it('finds an entity from a Traditional-character query', async () => {
    const r = await gql('{ search(query: "對標爭先", types: [Program]) { totalCount edges { node { id } } } }');
    expect(r.data.search.edges[0].node.id).toBe('program:对标争先建设计划');
  });

  it('walks from an organisation to what it issued', async () => {
    const r = await gql(`{ organization(name: "中共教育部党组") { relations(direction: OUT, types: [ISSUES]) { edges { node { node { name } evidence { document { name } } } } } } }`);
    const issued = r.data.organization.relations.edges.map((e: any) => e.node.node.name); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(issued).toContain('关于高校党组织对标争先建设计划的实施意见');
  });

  it('returns a subgraph for drawing', async () => {
    const r = await gql('{ neighbors(id: "program:攀登计划", depth: 2) { nodes { id } edges { type from to } } }');
    const ids = r.data.neighbors.nodes.map((n: { id: string }) => n.id);
    expect(ids).toContain('program:新时代基层党建质量提升工程');
    expect(r.data.neighbors.edges.length).toBeGreaterThan(0);
  });

  it('filters documents by place and year', async () => {
    const r = await gql('{ documents(filter: { place: "上海市", yearFrom: 2023 }) { totalCount edges { node { name year } } } }');
    expect(r.data.documents.totalCount).toBe(2);
  });

  it('answers unknown ids and bad arguments with typed errors', async () => {
    expect((await gql('{ entity(id: "program:不存在") { id } }')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await gql('{ search(query: "计划", first: 500) { totalCount } }')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql('{ neighbors(id: "program:攀登计划", depth: 9) { nodes { id } } }')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a query deeper than the limit', async () => {
    const deep = '{ program(name: "攀登计划") { relations { edges { node { node { ... on Program { relations { edges { node { node { ... on Program { relations { edges { node { rule } } } } } } } } } } } } } } }';
    const r = await gql(deep);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0].message).toMatch(/depth/i);
  });

  // The pipeline's, not the API's: left out of `npm run mutate`, where its extraction (jieba's dictionary in a new process) cost seconds per mutant.
  it.skipIf(process.env.POLICY_KG_MUTATE)('loading the same corpus again changes nothing', async () => {
    const before = await store.stats();
    const r = await ingest(store, [CORPUS]);
    expect(r.load.documentsAdded).toBe(0);
    expect(r.load.documentsSkipped).toBe(8);
    expect(await store.stats()).toEqual(before);
  });

  it('finds the path from 中共教育部党组 to 攀登计划: its opinion, cited by the Shanghai 2018 opinion, which implements it', async () => {
    const r = await gql(`{ path(from: "org:全国:中共教育部党组", to: "program:攀登计划") {
      length nodes { id name } hops { type direction from { name } to { name } evidence { document { title year } sentence } } } }`);
    const p = r.data.path;
    expect(p.hops.map((h: { type: string; direction: string }) => `${h.type} ${h.direction}`)).toEqual(['ISSUES OUT', 'REFERENCES IN', 'IMPLEMENTS OUT']);
    expect(p.nodes.map((n: { name: string }) => n.name)).toEqual(['中共教育部党组', '关于高校党组织对标争先建设计划的实施意见', '市教卫工作党委关于新时代基层党建质量提升工程的实施意见', '攀登计划']);
    for (const h of p.hops.slice(1)) expect(h.evidence.document).toMatchObject({ year: 2018 });
    expect(p.hops[2].evidence.sentence).toContain('“攀登”计划');
    // Over MENTIONS when asked: two hops through the Shanghai opinion.
    const m = await gql('{ path(from: "org:全国:中共教育部党组", to: "program:攀登计划", relationTypes: [MENTIONS, IMPLEMENTS]) { length hops { evidence { sentence } } } }');
    expect(m.data.path.length).toBe(2);
    expect(m.data.path.hops[0].evidence.sentence).toContain('中共教育部党组');
    // Not through 党中央: Yunnan's body reaches 攀登计划 through programs both implement.
    const y = await gql('{ path(from: "org:云南省:中共云南省委教育工委", to: "program:攀登计划") { nodes { name } hops { type } } }');
    expect(y.data.path.nodes.map((n: { name: string }) => n.name)).not.toContain('党中央');
    expect(y.data.path.hops.map((h: { type: string }) => h.type)).not.toContain('MENTIONS');
    expect((await gql('{ path(from: "program:攀登计划", to: "program:攀登计划") { length } }')).data.path.length).toBe(0);
    expect((await gql('{ path(from: "program:攀登计划", to: "place:台北市", maxDepth: 2) { length } }')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await gql('{ path(from: "program:攀登计划", to: "program:攀登计划", maxDepth: 9) { length } }')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('sorts documents by date either way', async () => {
    const asc = (await gql('{ documents(first: 50) { edges { node { date } } } }')).data.documents.edges.map((e: any) => e.node.date); // eslint-disable-line @typescript-eslint/no-explicit-any
    const desc = (await gql('{ documents(sort: DATE_DESC, first: 50) { edges { node { date } } } }')).data.documents.edges.map((e: any) => e.node.date); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(asc[0] <= asc[asc.length - 1]).toBe(true);
    expect(desc).toEqual([...asc].reverse());
  });

  it('loads 50 programs with their documents in a bounded number of store calls (no N+1)', async () => {
    let calls = 0;
    const counting = new Proxy(store, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver);
        return typeof v === 'function' ? (...args: unknown[]) => { calls++; return v.apply(target, args); } : v;
      },
    });
    const q = `{ search(query: "计划", types: [Program], first: 50) { edges { node { ... on Program {
      name mentions(first: 10) { edges { node { node { ... on Document { title year place } } evidence { document { title } sentence } } } } } } } } }`;
    const r = await gql(q, undefined, createApi(counting));
    expect(r.errors).toBeUndefined();
    expect(r.data.search.edges).toHaveLength(50);
    // search, then one batch of edges and one of nodes, whatever the number of programs.
    expect(calls).toBeLessThanOrEqual(4);
  });

  it('answers a query over the time limit with TIMEOUT, and a too costly one with a cost error', async () => {
    const slow = createApi(store, { timeoutMs: 1 });
    const t = await gql('{ neighbors(id: "program:攀登计划", depth: 3) { nodes { id } } }', undefined, slow);
    expect(t.errors?.[0].extensions?.code).toBe('TIMEOUT');
    const costly = createApi(store, { maxCost: 100 });
    const c = await gql('{ documents(first: 50) { edges { node { relations(first: 50) { edges { node { node { name } evidence { sentence } } } } } } } }', undefined, costly);
    expect(c.data).toBeUndefined();
    expect(c.errors?.[0].extensions?.code).toBe('COST_LIMIT');
  });

  it('allows browser pages on localhost and closes CORS to other sites unless configured', async () => {
    const preflight = (origin: string, on = api) => on.fetch('http://localhost/graphql', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflight('http://localhost:3000')).headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const open = createApi(store, { corsOrigins: ['https://analysts.example'] });
    expect((await preflight('https://analysts.example', open)).headers.get('access-control-allow-origin')).toBe('https://analysts.example');
  });
});

describe('the schema', () => {
  it('documents every type, field and enum value', () => {
    const schema = buildSchema(typeDefs().join('\n'));
    const missing: string[] = [];
    for (const t of Object.values(schema.getTypeMap())) {
      if (t.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name)) continue;
      if (!t.description) missing.push(t.name);
      if (isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)) for (const f of Object.values(t.getFields())) if (!f.description) missing.push(`${t.name}.${f.name}`);
      if (isEnumType(t)) for (const v of t.getValues()) if (!v.description) missing.push(`${t.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });
});
