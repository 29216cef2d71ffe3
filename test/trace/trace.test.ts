// Program diffusion and text reuse on the sample corpus, through the store and the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/server.js';
import { allNodes, type GraphStore } from '../../src/graph/store.js';
import { convergence, resolveProgram, traceProgram, tracePrograms } from '../../src/trace/adoption.js';
import { explain, lagText } from '../../src/trace/explain.js';
import type { Diffusion } from '../../src/trace/adoption.js';
import { detectReuse, storedReuseDocs } from '../../src/trace/reuse.js';
import { loadedStore } from '../helpers.js';

let store: GraphStore;
beforeAll(async () => { store = await loadedStore(); });
afterAll(async () => store?.close());
const one = async (name: string) => { const m = await resolveProgram(store, name); if (m.kind !== 'one') throw new Error(`${name}: ${m.kind}`); return m.program; };

async function gql(query: string) {
  const res = await createApi(store).fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await res.json()) as { data?: any; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('how 对标争先建设计划 spread', () => {
  it('is adopted at the centre, in Shanghai and in Yunnan with the right years', async () => {
    const d = await traceProgram(store, await one('对标争先建设计划'));
    const first = d.first.map((a) => [a.place, a.year, a.how]);
    expect(first).toEqual([['全国', 2018, 'launches'], ['上海市', 2018, expect.any(String)], ['云南省', 2023, 'continues']]);
    // The centre is known from the Ministry's opinion that Shanghai cites: a bound, not a date.
    expect(d.first[0]).toMatchObject({ instrument: '关于高校党组织对标争先建设计划的实施意见', issuer: '中共教育部党组', dateIsBound: true });
    expect(d.adoptions.some((a) => a.place === '全国' && a.year === 2020 && a.how === 'continues')).toBe(true);
    expect(d.spread.map((s) => [s.from.place, s.to.place, s.direction])).toEqual([['全国', '上海市', 'top-down'], ['全国', '云南省', 'top-down']]);
    // Lags only as precise as the dates: ≤2018 and a year-only 2023 give a lower bound, no exact days;
    // 2018-10 falls within ≤2018, so the dates alone do not order Shanghai after the centre.
    expect(d.spread[1]).toMatchObject({ lagDays: null, lag: { min: 1462, max: null }, ordered: true, rule: 'containing jurisdiction' });
    expect(d.spread[0]).toMatchObject({ ordered: false, rule: 'containing jurisdiction' });
    expect(d.levelPath[0]).toBe('central');
  });

  it('says how much of the wording each step keeps', async () => {
    // Character bigrams, counted by hand: 14 and 9, 7 shared (对标 标争 争先 先建 建设 设计 计划): 7 / √126.
    expect(convergence('实施高校党组织“对标争先”建设计划。', '推进对标争先建设计划')).toBe(0.624);
    expect(convergence('继续实施攀登计划', '继续实施攀登计划')).toBe(1);
    expect(convergence('攀登计划', '对标争先')).toBe(0);
    const d = await traceProgram(store, await one('对标争先建设计划'));
    const lines = explain(d);
    for (const s of d.spread) {
      // Both sentences name the program, so they share its bigrams; neither copies the other.
      expect(s.convergence).toBeGreaterThan(0.1);
      expect(s.convergence).toBeLessThan(0.9);
      expect(lines.some((l) => l.includes(`${s.to.place}`) && l.includes(`wording ${s.convergence! >= 0.5 ? 'follows' : 'adapts'} (${s.convergence})`))).toBe(true);
    }
  });

  it('finds 大学习领航计划 by part of its name, in Yunnan and in masked Nanning (marked inferred)', async () => {
    const d = await traceProgram(store, await one('大学习领航计划'));
    expect(d.first.map((a) => a.place)).toEqual(['云南省', '南宁市']);
    expect(d.first[1]).toMatchObject({ placeInferred: true });
    expect(d.first[1].placeConfidence).toBeLessThan(1);
  });

  it('answers the GraphQL views', async () => {
    const r = await gql(`{ program(name: "对标争先建设计划") { adoptions { place year how document { title } } spread { from to lagDays evidence } }
      diffusion(program: "对标争先") { levelPath explanation } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.program.spread.map((s: { to: string }) => s.to)).toEqual(['上海市', '云南省']);
    expect(r.data.diffusion.explanation[0]).toContain('中共教育部党组 launches 对标争先建设计划');
  });
});

describe('programs named as a user writes them', () => {
  it('finds 攀登计划 through quotes, 《》 and Traditional script', async () => {
    const r = await gql('{ a: program(name: "“攀登”计划") { id } b: program(name: "《攀登计划》") { id } c: program(name: "攀登計劃") { id } }');
    expect(r.errors).toBeUndefined();
    expect([r.data.a.id, r.data.b.id, r.data.c.id]).toEqual(['program:攀登计划', 'program:攀登计划', 'program:攀登计划']);
  });

  it('answers a part that names many programs with the candidates, never a silent pick', async () => {
    const r = await gql('{ diffusion(program: "计划") { levelPath } }') as { errors?: { message: string; extensions: { code: string; candidates: { id: string; name: string }[] } }[] };
    expect(r.errors?.[0].extensions.code).toBe('AMBIGUOUS');
    expect(r.errors?.[0].extensions.candidates).toHaveLength(20);
    expect(r.errors?.[0].extensions.candidates.every((c) => c.name.includes('计划') && c.id.startsWith('program:'))).toBe(true);
    expect(r.errors?.[0].message).toMatch(/^\d+ programs match 计划/);
  });

  it('lists each REUSES edge once', async () => {
    const r = await gql('{ documents(filter: { place: "上海市", yearFrom: 2023 }) { edges { node { title reuses { direction } } } } }');
    const plan = r.data.documents.edges.map((e: any) => e.node).find((d: { title: string }) => d.title === '市委教育工作委员会2024年工作要点'); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(plan.reuses).toHaveLength(1);
  });
});

describe('a diffusion in words', () => {
  it('says each step with its place, date, issuer, lag and rule, as the sample dates them', async () => {
    expect(explain(await traceProgram(store, await one('对标争先建设计划')))).toEqual([
      'by 2018 全国: 中共教育部党组 launches 对标争先建设计划 (《关于高校党组织对标争先建设计划的实施意见》)',
      // The ministry's opinion is dated only by the year it is cited with: Shanghai's 2018-10 cannot be ordered after it.
      '2018-10 上海市: 中共上海市教育卫生工作委员会 implements it in the same period as 全国 (dates do not order them), top-down from 全国 [containing jurisdiction], wording adapts (0.327) (市教卫工作党委关于新时代基层党建质量提升工程的实施意见)',
      // From the end of 2018 to the start of 2023: 4 × 365 + 1 (2020) + 1 days.
      '2023 云南省: 中共云南省委教育工委 continues it at least 1462 days after 全国, top-down from 全国 [containing jurisdiction], wording adapts (0.349) (中共云南省委教育工委云南省教育厅2023年工作要点)',
    ]);
  });

  it('names the adopters no earlier one can explain, and says when there is no adoption', async () => {
    expect(explain(await traceProgram(store, await one('大学习领航计划'))).at(-1)).toBe('no earlier adopter the dates allow for: 南宁市 (2023)');
    expect(explain({ program: { name: '某计划' }, first: [], spread: [] } as unknown as Diffusion)).toEqual(['某计划: no adoption in the graph']);
  });

  it('writes a lag as precisely as its dates allow', () => {
    expect(lagText({ min: 10, max: 10 })).toBe('10 days');
    expect(lagText({ min: 300, max: 430 })).toBe('300–430 days (≈1 year)');
    // A range that may start before the other adoption starts at 0; 180 days ≈ 0.5 years.
    expect(lagText({ min: -5, max: 360 })).toBe('0–360 days (≈0.5 years)');
    expect(lagText({ min: 700, max: 760 })).toBe('700–760 days (≈2 years)');
    expect(lagText({ min: null, max: 40 })).toBe('at most 40 days');
    expect(lagText({ min: -3, max: null })).toBe('at least 0 days');
    expect(lagText({ min: 20, max: null })).toBe('at least 20 days');
    expect(lagText({ min: null, max: null })).toBe('an unknown time');
  });
});

describe('text reuse', () => {
  it('finds the stored reuse again from the stored texts, only where a document in focus takes part', async () => {
    const docs = await storedReuseDocs(store);
    expect(docs).toHaveLength(8);
    const found = detectReuse(docs);
    expect(found).toHaveLength(1);
    const [r] = found;
    expect(docs.find((d) => d.id === r.from)?.title).toBe('市委教育工作委员会2024年工作要点');
    expect(docs.find((d) => d.id === r.to)).toMatchObject({ year: 2023, title: null }); // 沪教卫党〔2023〕1号, whose page gives no title
    const [stored] = await store.edges([r.from], 'OUT', ['REUSES']);
    expect([stored.to, stored.props.score, JSON.parse(String(stored.props.passages))]).toEqual([r.to, r.score, r.passages]);
    expect(r.evidence).toMatchObject({ docId: r.from, sentence: r.passages![0].source.text });
    expect(detectReuse(docs, new Set([r.to]))).toEqual(found);
    expect(detectReuse(docs, new Set(docs.filter((d) => d.id !== r.from && d.id !== r.to).map((d) => d.id)))).toEqual([]);
    // Without the earlier document there is nothing to reuse.
    expect(detectReuse(docs.filter((d) => d.id !== r.to))).toEqual([]);
  });

  it('links the Shanghai 2024 plan to the 2023 work points with aligned passages, and nothing else', async () => {
    expect((await store.stats()).relations.REUSES).toBe(1);
    const r = await gql(`{ documents(filter: { place: "上海市", yearFrom: 2023 }) { edges { node { title docNumber
      reuses { direction score document { docNumber title } passages { source { start end text } target { start end text } similarity } } } } } }`);
    const docs = r.data.documents.edges.map((e: any) => e.node); // eslint-disable-line @typescript-eslint/no-explicit-any
    const plan2024 = docs.find((d: { title: string | null }) => d.title === '市委教育工作委员会2024年工作要点');
    const [reuse] = plan2024.reuses;
    expect(reuse).toMatchObject({ direction: 'OUT', document: { docNumber: '沪教卫党〔2023〕1号' } });
    expect(reuse.passages.length).toBeGreaterThanOrEqual(5);
    const verbatim = reuse.passages.find((p: { source: { text: string } }) => p.source.text.includes('海聚英才'));
    expect(verbatim.target.text).toContain('海聚英才');
    expect(verbatim.similarity).toBeGreaterThan(0.9);
    expect(verbatim.source.end).toBeGreaterThan(verbatim.source.start);
  });
});

describe('many programs traced at once', () => {
  it('are traced as each is alone (the batch reads regulations once, a single trace searches them)', async () => {
    const programs = (await allNodes(store, 'Program')).sort((a, b) => a.id.localeCompare(b.id));
    expect(programs.length).toBeGreaterThan(20); // the batch's own path
    const batch = await tracePrograms(store, programs);
    const alone = [];
    for (const p of programs) alone.push(await traceProgram(store, p));
    expect(batch).toEqual(alone);
    expect(batch.filter((d) => d.adoptions.some((a) => a.instrument)).length).toBeGreaterThan(0);
  }, 120_000);
});
