import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/server.js';
import type { EmbeddedStore } from '../../src/graph/embedded-store.js';
import { ingest } from '../../src/pipeline.js';
import { CORPUS, loadedStore } from '../helpers.js';

let store: EmbeddedStore;
let api: ReturnType<typeof createApi>;

async function gql(query: string, variables?: Record<string, unknown>) {
  const res = await api.fetch('http://localhost/graphql', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }),
  });
  return res.json() as Promise<{ data?: any; errors?: { message: string; extensions?: { code?: string } }[] }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

beforeAll(async () => {
  store = await loadedStore();
  api = createApi(store, { maxPageSize: 50, maxDepth: 8 });
});
afterAll(async () => store?.close());

describe('GraphQL over the embedded store loaded with the sample corpus', () => {
  it('counts documents and entities', async () => {
    const r = await gql('{ stats { labels { key count } relations { key count } } }');
    const labels = Object.fromEntries(r.data.stats.labels.map((c: { key: string; count: number }) => [c.key, c.count]));
    expect(labels.Document).toBe(8);
    expect(labels.Program).toBeGreaterThan(50);
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

  it('loading the same corpus again changes nothing', async () => {
    const before = await store.stats();
    const r = await ingest(store, [CORPUS]);
    expect(r.load.documentsAdded).toBe(0);
    expect(r.load.documentsSkipped).toBe(8);
    expect(await store.stats()).toEqual(before);
  });
});
