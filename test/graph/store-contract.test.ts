// The GraphStore contract, run against every store we can reach (TEST_STORES:
// the embedded store always, Neo4j when NEO4J_URI is set).
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/store.js';
import { ingest } from '../../src/pipeline.js';
import { CORPUS, describeEachStore, extractedCounts } from '../helpers.js';

const SHANGHAI_2018 = '001_6dbe7884512159fa.txt';

describeEachStore('%s store', (_, open) => {
  let store: GraphStore;
  const dir = mkdtempSync(join(tmpdir(), 'policy-kg-contract-corpus-'));
  beforeAll(async () => {
    for (const f of ['000_453e495865320bc6.txt', SHANGHAI_2018, '004_a8e79c8611a3ee23.txt']) copyFileSync(join(CORPUS, f), join(dir, f));
    store = await open();
    await store.init();
    await store.init(); // schema creation is idempotent
    await ingest(store, [dir]);
  });
  afterAll(async () => store?.close());

  it('holds the documents and what they say', async () => {
    const s = await store.stats();
    expect(s.labels.Document).toBe(5);
    // Every fact the extractor read, once; 000 and 004 share one passage (the sample's one REUSES).
    const want = await extractedCounts(dir);
    expect(s.labels).toEqual(want.labels);
    expect(s.relations).toEqual({ ...want.relations, REUSES: 1 });
  });

  it('loading the same files again changes nothing', async () => {
    const before = await store.stats();
    const r = await ingest(store, [dir]);
    expect(r.load).toMatchObject({ documentsAdded: 0, documentsSkipped: 5, documentsReplaced: 0 });
    expect(await store.stats()).toEqual(before);
  });

  it('looks nodes up by id, unknown ids as null', async () => {
    const [p, none] = await store.nodes(['program:攀登计划', 'program:没有这个计划']);
    expect(p).toMatchObject({ label: 'Program', name: '攀登计划' });
    expect(p!.props.aliases).toContain('基层党组织攀登计划');
    expect(none).toBeNull();
  });

  it('reads documents without their text, and the text on request', async () => {
    const [doc] = await store.documents({ places: ['上海市'], yearTo: 2018 });
    expect(doc.props.title).toBe('市教卫工作党委关于新时代基层党建质量提升工程的实施意见');
    expect(doc.props.text ?? null).toBeNull();
    const [text, none] = await store.texts([doc.id, 'doc:0000000000000000']);
    expect(text).toContain('通过实施基层党组织“攀登”计划');
    expect(none).toBeNull();
  });

  it('returns edges with their evidence in either direction', async () => {
    const inn = await store.edges(['program:攀登计划'], 'IN', ['MENTIONS']);
    const years = (await store.nodes(inn.map((e) => e.from))).map((d) => d!.props.year);
    expect(years).toEqual(expect.arrayContaining([2018, 2023]));
    const e2018 = inn.find((_, i) => years[i] === 2018)!;
    expect(e2018.props.sentence).toContain('攀登');
    expect(Number(e2018.props.srcEnd)).toBeGreaterThan(Number(e2018.props.srcStart));
    const out = await store.edges(['program:攀登计划'], 'OUT', ['PART_OF']);
    expect(out.map((e) => e.to)).toContain('program:新时代基层党建质量提升工程');
  });

  it('searches names and aliases, finds by name or alias, filters documents', async () => {
    expect((await store.searchCandidates('攀登', ['Program'], 10)).map((n) => n.name)).toContain('攀登计划');
    expect((await store.findByName('Organization', '市教卫工作党委')).map((n) => n.name)).toContain('中共上海市教育卫生工作委员会');
    // 000 (2023) and the third plan of 004, which the reader places in Shanghai from clues.
    const sh = await store.documents({ places: ['上海市'], yearFrom: 2019 });
    expect(sh.map((d) => basename(String(d.props.source))).sort()).toEqual(['000_453e495865320bc6.txt', '004_a8e79c8611a3ee23.txt']);
    expect(await store.documents({ places: ['上海市'], yearTo: 2018 })).toHaveLength(1);
  });

  it('re-ingesting a changed document replaces its facts and keeps those other documents support', async () => {
    const file = join(dir, SHANGHAI_2018);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('（一）实施基层党组织“攀登”计划', '（一）实施基层党组织“试金石”计划'));
    const r = await ingest(store, [dir]);
    expect(r.load).toMatchObject({ documentsAdded: 1, documentsReplaced: 1, documentsSkipped: 4 });
    expect((await store.nodes(['program:试金石计划']))[0]).not.toBeNull();
    writeFileSync(file, original);
    await ingest(store, [dir]);
    // The edited text's program had no other support: it is gone. 攀登计划 never went (other documents name it).
    expect((await store.nodes(['program:试金石计划']))[0]).toBeNull();
    expect((await store.nodes(['program:攀登计划']))[0]).not.toBeNull();
    expect((await store.stats()).labels.Document).toBe(5);
  });
});
