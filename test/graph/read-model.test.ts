// The server's in-memory read model answers exactly what the store answers, on the sample,
// and after an ingest answers the new documents without a restart.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_LABELS, RELATION_TYPES, type RelationType } from '../../src/graph/model.js';
import { ReadModelStore } from '../../src/graph/read-model.js';
import type { GraphEdge, GraphNode, GraphStore } from '../../src/graph/store.js';
import { ingest } from '../../src/pipeline.js';
import { shortestPath, type PathHop } from '../../src/api/path.js';
import { neighbourhood, type Neighbourhood } from '../../src/api/neighbors.js';
import { traceProgram, type Diffusion } from '../../src/trace/adoption.js';
import { loadedStore, describeEachStore, tmp } from '../helpers.js';

describeEachStore('the read model over the %s store', (_, open) => {
  let store: GraphStore;
  let model: ReadModelStore;
  let all: GraphNode[];
  beforeAll(async () => {
    store = await loadedStore(open);
    model = new ReadModelStore(store);
    await model.ready();
    all = (await Promise.all(NODE_LABELS.map((l) => store.searchCandidates('', [l], 100_000)))).flat();
  }, 120_000);
  afterAll(async () => store?.close());
  const ids = (ns: GraphNode[]) => ns.map((n) => n.id).sort();

  it('finds what the store finds, for every character pair of every name and a few single characters', async () => {
    const texts = new Set(['计', '上', '攀登', '市教委', '工作要点', '不存在的名字']);
    for (const n of all) for (let i = 0; i + 2 <= n.name.length; i += 3) texts.add(n.name.slice(i, i + 2));
    expect(texts.size).toBeGreaterThan(300);
    for (const t of texts) for (const l of NODE_LABELS) expect([t, l, ids(await model.searchCandidates(t, [l], 100_000))]).toEqual([t, l, ids(await store.searchCandidates(t, [l], 100_000))]);
  }, 120_000);

  it('returns the same nodes by id, and the same by name or alias', async () => {
    const someIds = [...all.map((n) => n.id), 'program:nope', 'doc:0'];
    expect(await model.nodes(someIds)).toEqual(await store.nodes(someIds));
    for (const n of all.filter((x) => x.label !== 'Document')) {
      for (const name of [n.name, ...((n.props.aliases as string[]) ?? [])]) expect(ids(await model.findByName(n.label, name))).toEqual(ids(await store.findByName(n.label, name)));
    }
  });

  it('walks the same edges, every direction and type filter, as the store', async () => {
    const key = (es: GraphEdge[]) => es.map((e) => JSON.stringify([e.type, e.from, e.to, e.props])).sort();
    const everyId = all.map((n) => n.id);
    for (const direction of ['OUT', 'IN', 'BOTH'] as const) {
      for (const types of [null, ['MENTIONS'], ['IMPLEMENTS', 'ISSUES', 'VARIANT_OF']] as const) {
        for (let i = 0; i < everyId.length; i += 97) {
          const page = everyId.slice(i, i + 97);
          expect(key(await model.edges(page, direction, types))).toEqual(key(await store.edges(page, direction, types)));
        }
      }
    }
    expect((await model.edges(everyId, 'OUT')).length).toBe(Object.values((await store.stats()).relations).reduce((a, b) => a + b, 0));
  }, 120_000);

  it('finds the same paths and traces the same adoptions as the store', async () => {
    // The model walks paths on its indices (not through edges()): every hop, evidence included, as the store's walk.
    const hops = (h: PathHop[] | null) => h?.map((x) => [x.from, x.to, x.edge]) ?? null;
    const entities = all.filter((n) => n.label !== 'Document' && n.label !== 'Target');
    let found = 0;
    for (const types of [null, ['ISSUES', 'IMPLEMENTS', 'PART_OF', 'SUPERVISES', 'REFERENCES', 'VARIANT_OF']] as const) {
      for (let i = 0; i < 60; i++) {
        const [a, b] = [entities[(i * 37) % entities.length].id, entities[(i * 101 + 7) % entities.length].id];
        for (const depth of [2, 4]) {
          const want = hops(await shortestPath(store, a, b, depth, types));
          expect(await model.shortestPath(a, b, depth, types, 20000)).not.toBeUndefined();
          expect([a, b, depth, hops(await shortestPath(model, a, b, depth, types))]).toEqual([a, b, depth, want]);
          if (want?.length) found++;
        }
      }
    }
    expect(found).toBeGreaterThan(80);
    const programs = all.filter((n) => n.label === 'Program');
    const view = (d: Diffusion) => [d.adoptions.map((x) => [x.place, x.date, x.how, x.document?.id ?? x.instrument]), d.spread.map((x) => [x.from.place, x.to.place, x.rule])];
    for (const p of programs) expect([p.name, view(await traceProgram(model, p))]).toEqual([p.name, view(await traceProgram(store, p))]);
  }, 120_000);

  it('walks the same neighbourhoods as the store, cut by the limit at the same nodes', async () => {
    // The model walks neighbourhoods on its indices; the same walk through its edges() gives the same
    // answer, order included, and through the store's the same nodes and edges when nothing is cut.
    const throughEdges = { edges: (...a: Parameters<GraphStore['edges']>) => model.edges(...a) } as GraphStore;
    const keys = (n: Neighbourhood) => [[...n.ids].sort(), n.edges.map((e) => [e.type, e.from, e.to, e.props.docId].join('|')).sort()];
    let cut = 0;
    let whole = 0;
    for (const types of [RELATION_TYPES.filter((t) => t !== 'MENTIONS'), ['MENTIONS', 'ISSUES']] as RelationType[][]) {
      for (let i = 0; i < all.length; i += 7) {
        for (const [depth, limit] of [[1, 100], [2, 100], [2, 7], [3, 500], [3, 1]]) {
          const fast = await model.neighbourhood(all[i].id, depth, types, limit);
          expect(fast).not.toBeUndefined();
          expect([all[i].id, depth, limit, fast]).toEqual([all[i].id, depth, limit, await neighbourhood(throughEdges, all[i].id, depth, types, limit)]);
          if (fast!.truncated) { cut++; continue; }
          expect(keys(fast!)).toEqual(keys(await neighbourhood(store, all[i].id, depth, types, limit)));
          whole++;
        }
      }
    }
    expect(cut).toBeGreaterThan(50);
    expect(whole).toBeGreaterThan(50);
  }, 120_000);

  it('answers a document loaded through it at once', async () => {
    const dir = tmp('policy-kg-readmodel-');
    writeFileSync(join(dir, 'new.txt'), '杭州市教育局2026年工作要点\n一、启动实施“晨曦”计划，完善工作机制。\n杭州市教育局\n2026年3月1日\n');
    expect(await model.searchCandidates('晨曦', ['Program'], 10)).toEqual([]);
    await ingest(model, [dir]);
    // While the model is rebuilt the store answers; then the model, the same.
    expect((await model.searchCandidates('晨曦', ['Program'], 10)).map((n) => n.name)).toEqual(['晨曦计划']);
    await model.ready();
    expect(ids(await model.searchCandidates('晨曦', ['Program'], 10))).toEqual(ids(await store.searchCandidates('晨曦', ['Program'], 10)));
  }, 120_000);
});
