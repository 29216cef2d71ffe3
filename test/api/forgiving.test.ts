// Questions asked as an analyst writes them, not as the graph spells them (issue 17): a place
// in front of a short name, one wrong character, invisible characters, short place names,
// a province for its cities, an issuer's alias.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/server.js';
import type { GraphStore } from '../../src/graph/store.js';
import { loadedStore, describeEachStore } from '../helpers.js';

describeEachStore('forgiving questions over the %s store with the sample', (_, open) => {
  let store: GraphStore;
  let api: ReturnType<typeof createApi>;
  beforeAll(async () => { store = await loadedStore(open); api = createApi(store); }, 120_000);
  afterAll(async () => store?.close());
  const gql = async (query: string) => (await (await api.fetch('http://localhost/graphql', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }),
  })).json()) as { data?: any; errors?: { extensions?: { code?: string } }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const top = async (q: string) => (await gql(`{ search(query: ${JSON.stringify(q)}, first: 3) { totalCount edges { score node { id } } } }`)).data.search;

  it('reads a place written in front of a short name as that place\'s body', async () => {
    for (const q of ['上海市教委', '上海教委']) expect((await top(q)).edges[0].node.id).toBe('org:上海市:上海市教育委员会');
    expect((await gql('{ organization(name: "上海市教委") { id } }')).data.organization.id).toBe('org:上海市:上海市教育委员会');
    // Another place's 市教委 is not Shanghai's.
    expect((await top('南宁市教委')).edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain('org:上海市:上海市教育委员会');
  });

  it('finds a name with one wrong character, below any real hit', async () => {
    expect((await top('攀豋计划')).edges[0].node.id).toBe('program:攀登计划');
    expect((await top('对标争鲜')).edges[0].node.id).toBe('program:对标争先建设计划');
    expect((await top('攀豋计划')).edges[0].score).toBeLessThan((await top('攀登')).edges[0].score);
    // Two wrong characters in four is another name.
    expect((await top('攀豋计刬')).totalCount).toBe(0);
  });

  it('ignores invisible characters in a query', async () => {
    expect((await top('\ufeff\u200b计划')).totalCount).toBe((await top('计划')).totalCount);
  });

  it('says when a neighbourhood was cut by its limit, and by how many nodes at least', async () => {
    const q = (limit: number) => gql(`{ neighbors(id: "program:攀登计划", depth: 3, limit: ${limit}) { nodes { id } truncated omitted } }`);
    const whole = (await q(500)).data.neighbors;
    expect(whole.truncated).toBe(false);
    expect(whole.nodes.length).toBeGreaterThan(20);
    const cut = (await q(10)).data.neighbors;
    expect(cut).toMatchObject({ truncated: true });
    expect(cut.nodes).toHaveLength(10);
    // What was cut is part of the whole, and what it left out is counted without overcounting.
    expect(whole.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(cut.nodes.map((n: { id: string }) => n.id)));
    expect(cut.omitted).toBeGreaterThan(0);
    expect(cut.omitted).toBeLessThanOrEqual(whole.nodes.length - 10);
  });

  it('gives the shape of a selection in one query: counts by place, year and issuer, and a level filter', async () => {
    const all = (await gql('{ documentFacets { total places { key count } years { key count } issuers { key count } } }')).data.documentFacets;
    expect(all.total).toBe(8);
    expect(all.places[0]).toEqual({ key: '上海市', count: 3 });
    expect(all.years).toEqual([{ key: '2023', count: 5 }, { key: '2020', count: 2 }, { key: '2018', count: 1 }]);
    expect(all.issuers).toContainEqual({ key: '中共教育部党组', count: 1 });
    const local = (await gql('{ documentFacets(filter: { level: "municipal", yearFrom: 2020 }) { total places { key count } } documents(filter: { level: "municipal", yearFrom: 2020 }) { totalCount } }')).data;
    expect(local.documentFacets.total).toBe(local.documents.totalCount);
    expect(local.documentFacets.places.map((p: { key: string }) => p.key).sort()).toEqual(['上海市', '南宁市', '青岛市']);
    expect((await gql('{ documents(filter: { level: "galactic" }) { totalCount } }')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // The documents of a program, written as in the text: 攀登计划 is in Shanghai's 2018 opinion and 2023 points.
    const climb = (await gql('{ documentFacets(filter: { program: "“攀登”计划" }) { total places { key count } years { key count } } }')).data.documentFacets;
    expect(climb).toEqual({ total: 2, places: [{ key: '上海市', count: 2 }], years: [{ key: '2018', count: 1 }, { key: '2023', count: 1 }] });
    expect((await gql('{ documents(filter: { program: "计划" }) { totalCount } }')).errors?.[0].extensions?.code).toBe('AMBIGUOUS');
  });

  it('filters documents by a place as written, with the places it contains, and by an issuer\'s alias', async () => {
    const count = async (filter: string) => (await gql(`{ documents(filter: { ${filter} }) { totalCount } }`)).data.documents.totalCount;
    expect(await count('place: "上海"')).toBe(await count('place: "上海市"'));
    expect(await count('place: "上海市"')).toBe(3);
    // 南宁市 is in 广西: a province's filter includes its cities.
    expect(await count('place: "广西壮族自治区"')).toBe(1);
    expect(await count('place: "广西"')).toBe(1);
    expect(await count('issuer: "市教卫工作党委"')).toBe(await count('issuer: "中共上海市教育卫生工作委员会"'));
    expect(await count('issuer: "市教卫工作党委"')).toBe(2);
  });
});
