// The trace's rules on a cascade written for the tests (test/trace/cascade.ts): program
// families, names as a user writes them, hierarchy-aware steps, honest dates, text reuse
// across scripts and never through the genre's formulae.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parentChain } from '../../src/extract/variants.js';
import type { GraphStore } from '../../src/graph/store.js';
import { resolveProgram, traceProgram } from '../../src/trace/adoption.js';
import { explain } from '../../src/trace/explain.js';
import { CORPUS, runCli, describeEachStore, loadedStore, tmp } from '../helpers.js';

describe('a local version of a program is named for its place', () => {
  it.each([
    ['湖北省新时代基础教育强师计划', '新时代基础教育强师计划', 'variant.place-prefix'],
    ['xx区新时代基础教育强师计划', '新时代基础教育强师计划', 'variant.place-prefix'],
    ['健康湖南行动', '健康中国行动', 'variant.place-for-country'],
    ['平安江苏建设', '平安中国建设', 'variant.place-for-country'],
    ['健康瓦房店行动', '健康中国行动', 'variant.place-for-country'],
  ])('%s adapts %s', (variant, parent, rule) => {
    expect(parentChain(variant)[0]).toMatchObject({ name: parent, rule });
  });
  it('a place and a plan period in front make a chain: 江西省十四五X → 十四五X → X', () => {
    expect(parentChain('江西省十四五学前教育发展提升行动计划').map((p) => p.name)).toEqual(['十四五学前教育发展提升行动计划', '学前教育发展提升行动计划']);
  });
  it.each(['新时代基础教育强师计划', '健康中国行动', '省级示范计划', '全民科学素质行动'])('%s is a program of its own', (name) => {
    expect(parentChain(name)).toEqual([]);
  });
});

describeEachStore('tracing the test cascade in the %s store', (_, open) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await loadedStore(open, 'cascade');
  }, 120_000);
  afterAll(async () => store?.close());
  const one = async (name: string) => { const m = await resolveProgram(store, name); if (m.kind !== 'one') throw new Error(`${name}: ${m.kind}`); return m.program; };

  it('links each variant to the program it adapts, with the sentence that shows it', async () => {
    const central = await one('健康中国行动');
    const links = await store.edges([central.id], 'IN', ['VARIANT_OF']);
    const byName = new Map((await store.nodes(links.map((e) => e.from))).map((n, i) => [n!.name, links[i]]));
    // Each name shows its parent: 健康长沙行动 writes 长沙 where 健康中国行动 writes 中国.
    expect([...byName.keys()].sort()).toEqual(['健康四川行动', '健康湖南行动', '健康长沙行动']);
    const hunan = byName.get('健康湖南行动')!;
    expect(hunan.props.rule).toMatch(/^variant\.place-for-country/);
    expect(String(hunan.props.sentence)).toContain('健康湖南行动');
    expect(String(hunan.props.docId)).toMatch(/^doc:/);
  });

  it('finds a program however its name is written', async () => {
    const id = (await one('健康中国行动')).id;
    for (const written of ['“健康中国”行动', '《健康中国行动》', ' 健康中国 行动 ', '健康中國行動']) expect((await one(written)).id).toBe(id);
    // A part shared by one family names the family's root, not one of its members.
    expect((await one('健康')).id).toBe(id);
  });

  it("traces the program through its variants, each step from the nearest containing jurisdiction", async () => {
    const d = await traceProgram(store, await one('健康中国行动'));
    expect(d.first.map((a) => [a.place, a.date, a.variant])).toEqual([
      ['全国', '2019-06-24', null], ['湖南省', '2019-12-20', null], ['四川省', '2020-03-02', null], ['长沙市', '2020-05-08', '健康长沙行动'],
    ]);
    // 长沙市 is the document's own place: the variant's name does not move it to 长沙县.
    expect(d.first[3].placeInferred).toBe(false);
    const changsha = d.spread.find((s) => s.to.place === '长沙市')!;
    expect(changsha).toMatchObject({ direction: 'top-down', rule: 'containing jurisdiction', lagDays: 140, ordered: true });
    expect(changsha.from.place).toBe('湖南省');
    expect(d.variants.map((v) => v.name).sort()).toEqual(['健康四川行动', '健康湖南行动', '健康长沙行动']);
  });

  it('records each adoption as its document states it: place, level, day, issuer, how it takes the program up', async () => {
    const d = await traceProgram(store, await one('健康中国行动'));
    expect(d.adoptions.map((a) => [a.place, a.level, a.date, a.dateSource, a.dateIsBound, a.issuer, a.how, a.variant, a.placeInferred, !!a.document])).toEqual([
      ['全国', 'central', '2019-06-24', 'document', false, '国务院', 'launches', null, false, true],
      ['湖南省', 'provincial', '2019-12-20', 'document', false, '湖南省人民政府', 'launches', null, false, true],
      ['四川省', 'provincial', '2020-03-02', 'document', false, '四川省人民政府', 'launches', null, false, true],
      ['长沙市', 'municipal', '2020-05-08', 'document', false, '长沙市人民政府办公厅', 'launches', '健康长沙行动', false, true],
    ]);
    expect(d.levelPath).toEqual(['central', 'provincial', 'municipal']);
    // Days between the dates the texts sign: 2019-06-24 → 2019-12-20 and → 2020-03-02, 2019-12-20 → 2020-05-08.
    expect(d.spread.map((s) => [s.from.place, s.to.place, s.lagDays, s.lag.min, s.lag.max, s.ordered, s.direction])).toEqual([
      ['全国', '湖南省', 179, 179, 179, true, 'top-down'], ['全国', '四川省', 252, 252, 252, true, 'top-down'], ['湖南省', '长沙市', 140, 140, 140, true, 'top-down'],
    ]);
    for (const a of d.adoptions) expect(a.evidence.replace(/[“”\s]/g, '')).toMatch(/健康(中国|湖南|四川|长沙|中國)行/);
  });

  it('reads how each text takes a program up: 启动实施“X” launches, 深入实施 continues, 推进 implements', async () => {
    const seedlings = await traceProgram(store, await one('青苗计划'));
    expect(seedlings.adoptions.map((a) => [a.place, a.how])).toEqual([['云南省', 'launches'], ['南宁市', 'launches']]);
    expect(seedlings.spread.map((s) => [s.lagDays, s.lag])).toEqual([[688, { min: 688, max: 688 }]]);
    const reading = await traceProgram(store, await one('书香校园工程'));
    expect(reading.adoptions.map((a) => [a.place, a.how, a.date, a.dateIsBound])).toEqual([['甘肃省', 'implements', '2022', false], ['贵州省', 'continues', '2022', false]]);
    // A year-only date allows every day of its year.
    expect(reading.adoptions[0]).toMatchObject({ earliest: Date.UTC(2022, 0, 1), latest: Date.UTC(2022, 11, 31) });
  });

  it('leads a city from a peer of its province, a province from its city (bottom-up), another province\'s city from the latest earlier peer', async () => {
    const d = await traceProgram(store, await one('春雨计划'));
    expect(d.first.map((a) => [a.place, a.date])).toEqual([['南京市', '2020-03-01'], ['苏州市', '2021-02-10'], ['江苏省', '2021-12-15'], ['杭州市', '2022-06-01']]);
    expect(d.spread.map((s) => [s.from.place, s.to.place, s.rule, s.direction])).toEqual([
      ['南京市', '苏州市', 'peer in the same province', 'horizontal'],
      ['南京市', '江苏省', 'earlier peer', 'bottom-up'],
      ['江苏省', '杭州市', 'earlier peer', 'horizontal'],
    ]);
    expect(d.levelPath).toEqual(['municipal', 'provincial']);
  });

  it('calls a step between two provinces\' places horizontal, never top-down', async () => {
    const d = await traceProgram(store, await one('青苗计划'));
    expect(d.spread).toHaveLength(1);
    expect(d.spread[0]).toMatchObject({ direction: 'horizontal', rule: 'earlier peer', ordered: true });
    expect([d.spread[0].from.place, d.spread[0].to.place]).toEqual(['云南省', '南宁市']);
  });

  it('does not order two adoptions that year-only dates leave undecided', async () => {
    const d = await traceProgram(store, await one('书香校园工程'));
    expect(d.first.map((a) => a.year)).toEqual([2022, 2022]);
    expect(d.spread).toEqual([]);
    expect(explain(d).at(-1)).toContain('no earlier adopter the dates allow for');
  });

  it('finds the copied target paragraph, in Simplified and in Traditional with debris, once per pair', async () => {
    const docs = await store.documents({});
    const idOf = (title: string) => docs.find((d) => String(d.props.title ?? '').includes(title))!.id;
    const reuses = await store.edges(docs.map((d) => d.id), 'OUT', ['REUSES']);
    const pair = (from: string, to: string) => reuses.filter((e) => e.from === idOf(from) && e.to === idOf(to));
    expect(pair('健康湖南行动', '健康中国行动')).toHaveLength(1);
    expect(pair('健康四川行动', '健康中国行动')).toHaveLength(1);
    const passages = JSON.parse(String(pair('健康四川行动', '健康中国行动')[0].props.passages)) as { source: { text: string } }[];
    expect(passages.some((p) => p.source.text.includes('健康促进政策体系基本建立'))).toBe(true);
  });

  it('links no two plans that share only the genre\'s formulae', async () => {
    const docs = await store.documents({});
    const seedlings = docs.filter((d) => /青苗|南宁/.test(String(d.props.title))).map((d) => d.id);
    expect(seedlings).toHaveLength(2);
    expect(await store.edges(seedlings, 'OUT', ['REUSES'])).toEqual([]);
  });
});

// Under mutation testing (npm run mutate) a spawned CLI runs no mutant: nothing to learn there.
describe.skipIf(process.env.POLICY_KG_MUTATE)('the CLI on a part that names several programs', () => {
  it('lists the candidates and picks none', () => {
    const data = `${tmp('policy-kg-cli-trace-')}/graph`;
    expect(runCli(['ingest', CORPUS, '--data', data, '--workers', '0']).status).toBe(0);
    const r = runCli(['trace', '计划', '--data', data]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const [head, ...candidates] = r.stderr.trim().split('\n');
    expect(head).toMatch(/^policy-kg: \d+ programs match 计划; name one of them \(the 20 shortest of \d+\):$/);
    expect(candidates).toHaveLength(20);
    expect(candidates.every((c) => /^ {2}\S*计划\S*$/.test(c))).toBe(true);
  }, 120_000);
});
