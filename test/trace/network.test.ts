// The diffusion network on a generated corpus whose leader–follower structure is known
// (test/trace/generated.ts): 教育部 launches four programs and one campaign, 江苏 follows a
// year later, 浙江 two, 安徽 three; once 安徽 goes before 浙江.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/server.js';
import type { GraphStore } from '../../src/graph/store.js';
import { ingest } from '../../src/pipeline.js';
import { dateRange, traceProgram } from '../../src/trace/adoption.js';
import { diffusionNetwork, networkOf, type NetworkEdge } from '../../src/trace/network.js';
import { describeEachStore, loadedStore, tmp } from '../helpers.js';

describeEachStore('the diffusion network over the %s store', (_, open) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await loadedStore(open, 'leaderFollower');
  }, 120_000);
  afterAll(async () => store?.close());
  const edge = (edges: NetworkEdge[], from: string, to: string) => edges.find((e) => e.from === from && e.to === to);

  it('puts the leader before the followers, never the reverse', async () => {
    const n = await diffusionNetwork(store);
    // Four programs and the 平安中国建设 family (adopted as 平安江苏建设, …); 晨光 has two places too.
    expect(n.programs).toBe(6);
    expect(edge(n.edges, '全国', '江苏省')).toMatchObject({ weight: 5, direction: 'top-down' });
    const js = edge(n.edges, '江苏省', '浙江省')!;
    expect(js.direction).toBe('horizontal');
    expect(js.programs).toContain('平安中国建设');
    expect(js.programs).toHaveLength(5);
    for (const [a, b] of [['江苏省', '全国'], ['浙江省', '江苏省'], ['安徽省', '江苏省']]) expect(edge(n.edges, a, b)).toBeUndefined();
  });

  it('discounts what the shared parent explains', async () => {
    const n = await diffusionNetwork(store);
    // 浙江's adoption: the centre (containing) one share, 江苏 (also led by the centre) half.
    expect(edge(n.edges, '全国', '浙江省')!.weight).toBeCloseTo(5 * (1 / 1.5), 2);
    expect(edge(n.edges, '江苏省', '浙江省')!.weight).toBeCloseTo(5 * (0.5 / 1.5), 2);
    expect(edge(n.edges, '全国', '浙江省')!.weight).toBeGreaterThan(edge(n.edges, '江苏省', '浙江省')!.weight);
  });

  it('drops edges behind fewer than minPrograms programs, and keeps one level when asked', async () => {
    expect(edge((await diffusionNetwork(store)).edges, '安徽省', '浙江省')).toBeUndefined();
    expect(edge((await diffusionNetwork(store, { minPrograms: 1 })).edges, '安徽省', '浙江省')).toMatchObject({ programs: ['晨光计划'], weight: 1 });
    const provincial = await diffusionNetwork(store, { level: 'provincial' });
    expect(provincial.places.map((p) => p.name)).toEqual(['安徽省', '江苏省', '浙江省']);
    expect(provincial.edges.every((e) => e.from !== '全国')).toBe(true);
  });

  it('leaves out adoptions farther apart than the window', async () => {
    // 安徽 adopts three years after the centre: inside a 3-year window, outside a 2-year one.
    expect(edge((await diffusionNetwork(store, { windowYears: 3 })).edges, '全国', '安徽省')).toBeDefined();
    expect(edge((await diffusionNetwork(store, { windowYears: 2 })).edges, '全国', '安徽省')).toBeUndefined();
  });

  it('answers diffusionNetwork in GraphQL, and refuses a level that is not one', async () => {
    const api = createApi(store);
    const gql = async (query: string) => (await api.fetch('http://localhost/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }),
    })).json() as Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const r = await gql('{ diffusionNetwork(level: "provincial") { programs places { name level programs } edges { from to weight programs direction } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.diffusionNetwork.edges[0]).toMatchObject({ from: '江苏省', to: '浙江省', direction: 'horizontal' });
    expect(r.data.diffusionNetwork.places).toContainEqual({ name: '安徽省', level: 'provincial', programs: 6 });
    const bad = await gql('{ diffusionNetwork(level: "galactic") { programs } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers from kept cascades until documents are added, then from the new graph', async () => {
    const api = createApi(store);
    const count = async () => {
      const res = await api.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ diffusionNetwork { programs edges { from to programs } } }' }) });
      const { data } = await res.json() as { data: { diffusionNetwork: { programs: number; edges: NetworkEdge[] } } };
      return { programs: data.diffusionNetwork.programs, jiangsuZhejiang: edge(data.diffusionNetwork.edges, '江苏省', '浙江省')!.programs.length };
    };
    expect(await count()).toEqual({ programs: 6, jiangsuZhejiang: 5 });
    const more = tmp('policy-kg-cascade-more-');
    writeFileSync(join(more, 'a.txt'), '江苏省教育厅2026年工作要点\n一、启动实施“朝阳”计划，完善工作机制。\n江苏省教育厅\n2026年3月1日\n');
    writeFileSync(join(more, 'b.txt'), '浙江省教育厅2027年工作要点\n一、深入实施“朝阳”计划，完善工作机制。\n浙江省教育厅\n2027年3月1日\n');
    await ingest(store, [more]);
    expect(await count()).toEqual({ programs: 7, jiangsuZhejiang: 6 });
  });

  it('answers adoptions from kept traces, equal to a fresh trace, and sees a document added after', async () => {
    const api = createApi(store);
    const places = async () => {
      const res = await api.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ program(name: "晨光计划") { adoptions { place date } } }' }) });
      return ((await res.json()) as { data: { program: { adoptions: { place: string; date: string }[] } } }).data.program.adoptions;
    };
    const fresh = async () => (await traceProgram(store, (await store.findByName('Program', '晨光计划'))[0])).adoptions.map((a) => ({ place: a.place, date: a.date }));
    const before = await places();
    expect(before).toEqual(await fresh());
    expect(await places()).toEqual(before);
    const more = tmp('policy-kg-trace-more-');
    writeFileSync(join(more, 'c.txt'), '江苏省教育厅2026年工作要点\n一、深入实施“晨光”计划，完善工作机制。\n江苏省教育厅\n2026年3月1日\n');
    await ingest(store, [more]);
    const after = await places();
    expect(after).toEqual(await fresh());
    expect(after.map((a) => a.place).filter((p) => !before.some((b) => b.place === p))).toEqual(['江苏省']);
  });
});

describe('the network of cascades already read', () => {
  const range = (date: string) => dateRange(date);
  // A: the centre in 2019, 江苏 in March 2020, 南京 some time in 2020, 浙江 undated; B: 江苏 on 2021-01-10, 南京 in 2021.
  const families = new Map([
    ['A计划', [{ place: '全国', ...range('2019') }, { place: '江苏省', ...range('2020-03') }, { place: '南京市', ...range('2020') }, { place: '浙江省', earliest: null, latest: null }]],
    ['B计划', [{ place: '江苏省', ...range('2021-01-10') }, { place: '南京市', ...range('2021') }]],
  ]);

  it('credits the earlier places and the containing ones the dates leave undecided, shared equally', () => {
    const n = networkOf(families, { minPrograms: 1 });
    // 南京 in A: led by the centre (earlier) and by 江苏 (its province, the same period), half each; in B by 江苏 alone.
    expect(n.edges).toEqual([
      { from: '江苏省', to: '南京市', weight: 1.5, programs: ['A计划', 'B计划'], direction: 'top-down' },
      { from: '全国', to: '江苏省', weight: 1, programs: ['A计划'], direction: 'top-down' },
      { from: '全国', to: '浙江省', weight: 1, programs: ['A计划'], direction: 'top-down' },
      { from: '全国', to: '南京市', weight: 0.5, programs: ['A计划'], direction: 'top-down' },
    ]);
    expect(n.programs).toBe(2);
    expect(n.places).toEqual([
      { name: '全国', level: 'central', programs: 1 }, { name: '南京市', level: 'municipal', programs: 2 },
      { name: '江苏省', level: 'provincial', programs: 2 }, { name: '浙江省', level: 'provincial', programs: 1 },
    ]);
  });

  it('keeps by default only what two programs or more show, and one level when asked', () => {
    expect(networkOf(families).edges.map((e) => [e.from, e.to, e.weight])).toEqual([['江苏省', '南京市', 1.5]]);
    expect(networkOf(families, { minPrograms: 1, level: 'provincial' })).toEqual({ programs: 2, places: [], edges: [] });
  });
});
