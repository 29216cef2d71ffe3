// Every argument the API bounds, at its bounds; scores, cut subgraphs, relation fields and adoption
// days as exact values, each worked out from the store or the spec rather than read off the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoaders } from '../../src/api/loaders.js';
import { createApi } from '../../src/api/server.js';
import { RELATION_TYPES } from '../../src/graph/model.js';
import type { GraphStore } from '../../src/graph/store.js';
import { loadedStore } from '../helpers.js';

type Result = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
let store: GraphStore;
let gql: (q: string) => Promise<Result>;
beforeAll(async () => {
  store = await loadedStore();
  const api = createApi(store);
  gql = async (query) => (await api.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json() as Promise<Result>;
});
afterAll(async () => store?.close());
const code = async (q: string) => (await gql(q)).errors?.[0]?.extensions?.code ?? null;

describe('arguments at their bounds', () => {
  it.each([
    ['{ neighbors(id: "program:攀登计划", depth: 0) { omitted } }', 'BAD_USER_INPUT'], ['{ neighbors(id: "program:攀登计划", depth: 1) { omitted } }', null],
    ['{ neighbors(id: "program:攀登计划", depth: 3) { omitted } }', null], ['{ neighbors(id: "program:攀登计划", depth: 4) { omitted } }', 'BAD_USER_INPUT'],
    ['{ neighbors(id: "program:攀登计划", limit: 0) { omitted } }', 'BAD_USER_INPUT'], ['{ neighbors(id: "program:攀登计划", limit: 1) { omitted } }', null],
    ['{ neighbors(id: "program:攀登计划", limit: 500) { omitted } }', null], ['{ neighbors(id: "program:攀登计划", limit: 501) { omitted } }', 'BAD_USER_INPUT'],
    ['{ path(from: "program:攀登计划", to: "program:先锋计划", maxDepth: 0) { length } }', 'BAD_USER_INPUT'],
    ['{ path(from: "program:攀登计划", to: "program:先锋计划", maxDepth: 1) { length } }', null],
    ['{ path(from: "program:攀登计划", to: "program:先锋计划", maxDepth: 6) { length } }', null],
    ['{ path(from: "program:攀登计划", to: "program:先锋计划", maxDepth: 7) { length } }', 'BAD_USER_INPUT'],
    ['{ diffusionNetwork(minPrograms: 0) { programs } }', 'BAD_USER_INPUT'], ['{ diffusionNetwork(minPrograms: 1) { programs } }', null],
    ['{ diffusionNetwork(windowYears: -1) { programs } }', 'BAD_USER_INPUT'], ['{ diffusionNetwork(windowYears: 0) { programs } }', null],
    ['{ diffusionNetwork(windowYears: 50) { programs } }', null], ['{ diffusionNetwork(windowYears: 51) { programs } }', 'BAD_USER_INPUT'],
    ['{ documents(filter: { yearFrom: 2024, yearTo: 2023 }) { totalCount } }', 'BAD_USER_INPUT'],
    ['{ documents(filter: { yearFrom: 2023, yearTo: 2023 }) { totalCount } }', null],
    ['{ search(query: "") { totalCount } }', 'BAD_USER_INPUT'],
    ['{ entity(id: "nothing") { id } }', 'BAD_USER_INPUT'], ['{ entity(id: "program:无此计划") { id } }', 'NOT_FOUND'],
    ['{ entity(id: "program:攀登计划") { id } }', null], ['{ document(id: "program:攀登计划") { id } }', 'NOT_FOUND'],
  ])('%s → %s', async (q, want) => {
    expect(await code(q)).toBe(want);
  }, 60_000);
});

describe('search', () => {
  it('scores an exact name 1, an alias 0.9, a prefix 0.8, a part 0.6, each less a thousandth per character', async () => {
    const score = async (q: string, id: string) => {
      const r = await gql(`{ search(query: "${q}", types: [Program], first: 100) { edges { score node { id } } } }`);
      return r.data.search.edges.find((e: { node: { id: string } }) => e.node.id === id)?.score;
    };
    expect(await score('攀登计划', 'program:攀登计划')).toBe(0.996);
    expect(await score('攀登', 'program:攀登计划')).toBe(0.796);
    expect(await score('登计划', 'program:攀登计划')).toBe(0.596);
    expect(await score('基层党组织攀登计划', 'program:攀登计划')).toBe(0.896);
  });
});

describe('neighbors', () => {
  it('says how many nodes the limit left out, counted from the store', async () => {
    const id = 'program:攀登计划';
    const types = RELATION_TYPES.filter((t) => t !== 'MENTIONS');
    const around = new Set((await store.edges([id], 'BOTH', types)).flatMap((e) => [e.from, e.to]).filter((n) => n !== id));
    expect(around.size).toBeGreaterThan(3);
    const cut = (await gql(`{ neighbors(id: "${id}", depth: 1, limit: 3) { nodes { id } truncated omitted } }`)).data.neighbors;
    expect(cut.nodes).toHaveLength(3);
    expect(cut).toMatchObject({ truncated: true, omitted: around.size - 2 });
    const whole = (await gql(`{ neighbors(id: "${id}", depth: 1, limit: 500) { nodes { id } truncated omitted } }`)).data.neighbors;
    expect(whole).toMatchObject({ truncated: false, omitted: 0 });
    expect(whole.nodes).toHaveLength(around.size + 1);
    // The limit reached exactly at the last node: nothing left out at this depth, but the next was not walked.
    const exact = (await gql(`{ neighbors(id: "${id}", depth: 2, limit: ${around.size + 1}) { truncated omitted } }`)).data.neighbors;
    expect(exact.omitted).toBe(0);
    expect(exact.truncated).toBe(true);
  });
});

describe('a relation as the API gives it', () => {
  it('carries the stored edge\'s direction, confidence, rule and offsets', async () => {
    const r = await gql('{ program(name: "攀登计划") { id relations(direction: IN, types: [IMPLEMENTS], first: 1) { edges { node { type direction confidence rule node { id } evidence { start end sourceStart sourceEnd sentence } } } } } }');
    const rel = r.data.program.relations.edges[0].node;
    const edge = (await store.edges(['program:攀登计划'], 'IN', ['IMPLEMENTS'])).find((e) => e.from === rel.node.id && e.props.sentStart === rel.evidence.start)!;
    expect(rel).toMatchObject({
      type: 'IMPLEMENTS', direction: 'IN', confidence: edge.props.confidence, rule: edge.props.rule,
      evidence: { start: edge.props.sentStart, end: edge.props.sentEnd, sourceStart: edge.props.srcStart, sourceEnd: edge.props.srcEnd, sentence: edge.props.sentence },
    });
    expect(rel.rule).toMatch(/^implements\./);
    const out = await gql(`{ document(id: "${rel.node.id}") { relations(direction: OUT, types: [IMPLEMENTS], first: 1) { edges { node { direction } } } } }`);
    expect(out.data.document.relations.edges[0].node.direction).toBe('OUT');
    expect(await code(`{ entity(id: "${rel.node.id}") { id } }`)).toBe('BAD_USER_INPUT'); // a document is asked for as one
  });
});

describe('adoptions', () => {
  it('give the first and last day each date allows', async () => {
    const r = await gql('{ program(name: "对标争先建设计划") { adoptions { place date dateIsBound earliest latest } } }');
    const shanghai = r.data.program.adoptions.find((a: { place: string }) => a.place === '上海市');
    expect(shanghai).toMatchObject({ date: '2018-10', earliest: '2018-10-01', latest: '2018-10-31' });
    for (const a of r.data.program.adoptions) if (a.dateIsBound) expect(a.earliest).toBeNull();
  });
});

describe('forgiving search, scored', () => {
  it('a place in front of a short name is that body at its alias\'s score less 0.05; a near miss 0.4 less 0.1 an edit', async () => {
    const hit = async (q: string, name: string) => {
      const r = await gql(`{ search(query: "${q}", types: [Organization, Program], first: 100) { edges { score node { ... on Entity { name } } } } }`);
      return r.data.search.edges.find((e: { node: { name: string } }) => e.node.name === name)?.score;
    };
    // 上海市教委 → 市教委, an alias of 上海市教育委员会 (8 characters): 0.9 − 0.008 − 0.05.
    expect(await hit('上海市教委', '上海市教育委员会')).toBe(0.842);
    // 攀豋计划: one wrong character: 0.4 − 0.1 − 0.004.
    expect(await hit('攀豋计划', '攀登计划')).toBe(0.296);
  });
});

describe('search pages', () => {
  it('page after page, the same hits in the same order as one long page: best first, ties by name', async () => {
    const page = async (first: number, after?: string) => (await gql(`{ search(query: "教育", first: ${first}${after ? `, after: "${after}"` : ''}) { totalCount pageInfo { endCursor } edges { score node { id name } } } }`)).data.search;
    const whole = await page(100);
    expect(whole.totalCount).toBeGreaterThan(30);
    const paged: unknown[] = [];
    let after: string | undefined;
    for (let i = 0; i < 6; i++) { const p = await page(5, after); expect(p.totalCount).toBe(whole.totalCount); paged.push(...p.edges); after = p.pageInfo.endCursor; }
    expect(paged).toEqual(whole.edges.slice(0, 30));
    const hits = whole.edges as { score: number; node: { name: string } }[];
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score > hits[i].score || (hits[i - 1].score === hits[i].score && hits[i - 1].node.name <= hits[i].node.name)).toBe(true);
  });
});

describe('reuse between documents', () => {
  it('is seen from both ends: OUT from the later, IN at the earlier, with the stored score', async () => {
    const docs = await store.documents({});
    const [edge] = await store.edges(docs.map((d) => d.id), 'OUT', ['REUSES']);
    const at = async (id: string, direction: string) => (await gql(`{ document(id: "${id}") { reuses(direction: ${direction}) { direction score document { id } } } }`)).data.document.reuses;
    expect(await at(edge.from, 'BOTH')).toEqual([{ direction: 'OUT', score: Number(edge.props.score), document: { id: edge.to } }]);
    expect(await at(edge.to, 'BOTH')).toEqual([{ direction: 'IN', score: Number(edge.props.score), document: { id: edge.from } }]);
    expect(await at(edge.to, 'OUT')).toEqual([]);
  });
});

describe('a part that names several programs', () => {
  it('is AMBIGUOUS, its message naming at most ten and its extensions every candidate', async () => {
    const r = await gql('{ program(name: "计划") { id } }');
    const err = r.errors![0] as { message: string; extensions: { code: string; candidates: { id: string; name: string }[] } };
    expect(err.extensions.code).toBe('AMBIGUOUS');
    const total = Number(/^(\d+) programs match 计划: /.exec(err.message)![1]);
    expect(total).toBeGreaterThan(10);
    expect(err.message.split(': ')[1].split('；')[0].replace(/…$/, '').split('、')).toHaveLength(10);
    expect(err.message).toMatch(/…; name one of them$/);
    expect(err.extensions.candidates).toHaveLength(Math.min(20, total));
  });
});

describe('the per-request edge loader', () => {
  it('answers keys of several directions and types, batched, as the store answers each alone', async () => {
    const loaders = createLoaders(store, () => Promise.reject(new Error('no trace here')));
    const ids = ['program:攀登计划', 'program:先锋计划', 'org:上海市:中共上海市教育卫生工作委员会'];
    const keys = ids.flatMap((id) => (['OUT', 'IN', 'BOTH'] as const).flatMap((direction) => [
      { id, direction, types: null }, { id, direction, types: ['IMPLEMENTS', 'PART_OF'] as const }, { id, direction, types: ['ISSUES'] as const },
    ]));
    const batched = await Promise.all(keys.map((k) => loaders.edges.load(k)));
    const sig = (es: { type: string; from: string; to: string; props: Record<string, unknown> }[]) => es.map((e) => `${e.type}|${e.from}|${e.to}|${e.props.docId}|${e.props.sentStart}`).sort();
    for (const [i, k] of keys.entries()) {
      const alone = await store.edges([k.id], k.direction, k.types);
      expect(sig(batched[i]), `${k.id} ${k.direction} ${k.types}`).toEqual([...new Set(sig(alone))]);
    }
    expect(batched.some((es) => es.length > 0)).toBe(true);
  });
});
