// The production store's loading without a server: Neo4jStore.load() and its reads driven
// through a recording stand-in for the driver, which answers every read with no rows (an empty
// database) and keeps every statement with its parameters. Each node and relationship of the
// sample is sent exactly once, in batches of the configured size, by statements that lint clean.
// The live suites (store-contract, read-model, …) run against a real Neo4j when NEO4J_URI is set.
import type { Driver } from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphBatch } from '../../src/graph/model.js';
import { Neo4jStore } from '../../src/graph/neo4j-store.js';
import { extractFile, listInputs } from '../../src/pipeline.js';
import { CORPUS } from '../helpers.js';
import { lint } from './cypher.js';

interface Sent { cypher: string; params: Record<string, unknown>; mode: 'read' | 'write' }

function recordingDriver(sent: Sent[]): Driver {
  const tx = (mode: Sent['mode']) => ({ run: async (cypher: string, params: Record<string, unknown> = {}) => { sent.push({ cypher, params, mode }); return { records: [] }; } });
  return {
    session: () => ({
      executeRead: async (fn: (t: unknown) => unknown) => fn(tx('read')),
      executeWrite: async (fn: (t: unknown) => unknown) => fn(tx('write')),
      close: async () => undefined,
    }),
    close: async () => undefined,
  } as unknown as Driver;
}

const BATCH = 7;
let batches: GraphBatch[];
let sent: Sent[];
beforeAll(async () => {
  batches = [];
  for (const f of await listInputs([CORPUS])) {
    const r = await extractFile(f);
    if ('batches' in r) batches.push(...r.batches);
  }
  sent = [];
  const store = new Neo4jStore({ uri: 'bolt://unused', user: '', password: '', batchSize: BATCH, driver: recordingDriver(sent) });
  for (const b of batches) await store.load(b);
}, 120_000);

const rowsOf = (prefix: RegExp) => sent.filter((s) => prefix.test(s.cypher)).map((s) => s.params.rows as Record<string, unknown>[]);

describe('Neo4jStore.load through a recording driver', () => {
  it('sends every document and entity once', () => {
    expect(batches.length).toBe(8); // the sample's documents (file 004 holds three)
    const docs = rowsOf(/MERGE \(d:Document/).flat().map((r) => r.id);
    expect(docs.sort()).toEqual(batches.flatMap((b) => b.documents.map((d) => d.id)).sort());
    const entities = rowsOf(/MERGE \(n:(Organization|Program|Regulation|Target|Place) /).flat().map((r) => r.id);
    expect(entities.sort()).toEqual(batches.flatMap((b) => b.entities.map((e) => e.id)).sort());
  });

  it('sends every relationship once, with its evidence', () => {
    const edges = rowsOf(/MERGE \(a\)-\[e:/).flat().map((r) => JSON.stringify([r.from, r.to, r.docId, (r.props as Record<string, unknown>).srcStart, (r.props as Record<string, unknown>).rule]));
    const want = batches.flatMap((b) => b.relations.map((r) => JSON.stringify([r.from, r.to, r.evidence.docId, r.evidence.srcStart, r.rule])));
    expect(edges.length).toBe(want.length);
    expect(edges.sort()).toEqual(want.sort());
  });

  it('writes in batches of the configured size, and marks each document complete last', () => {
    const writes = sent.filter((s) => s.mode === 'write' && Array.isArray(s.params.rows));
    for (const w of writes) expect((w.params.rows as unknown[]).length).toBeLessThanOrEqual(BATCH);
    expect(writes.some((w) => (w.params.rows as unknown[]).length === BATCH)).toBe(true);
    const complete = sent.map((s, i) => [s, i] as const).filter(([s]) => /SET d.complete = true/.test(s.cypher));
    expect(complete.length).toBe(batches.length);
  });

  it('sends only statements that lint clean', () => {
    for (const c of new Set(sent.map((s) => s.cypher))) expect([c, lint(c)]).toEqual([c, []]);
  });
});
