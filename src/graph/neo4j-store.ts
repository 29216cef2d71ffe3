// The production store: Neo4j through the official driver. Writes are batched
// `UNWIND $rows … MERGE` in managed transactions (executeWrite retries
// transient errors). All of this store's Cypher is in this file and cypher/schema.cypher.
import { readFileSync } from 'node:fs';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABELS, NODE_LABELS, RELATION_ENDS, RELATION_TYPES, type GraphBatch, type NodeLabel, type RelationEdge, type RelationType } from './model.js';
import { DOCUMENT_META_PROPS, documentRow, edgeRow, entityRow } from './rows.js';
import { labelOfId, type DocumentFacets, type DocumentFilter, type DocumentPage, type GraphEdge, type GraphNode, type GraphStore, type LoadStats, type Progress, type StoreStats } from './store.js';

type Row = Record<string, unknown>;

export interface Neo4jOptions {
  uri: string; user: string; password: string; database?: string; batchSize?: number;
  /** A driver to use instead of one made from uri/user/password (an application's own, or a test's recording one). */
  driver?: Driver;
}

/** Statements of cypher/schema.cypher, split on `;`. */
export function schemaStatements(): string[] {
  const text = readFileSync(new URL('../../cypher/schema.cypher', import.meta.url), 'utf8');
  return text.replace(/^\s*\/\/.*$/gm, '').split(';').map((s) => s.trim()).filter(Boolean);
}

// Every statement this store sends, named, so the tests can lint each one.
// Labels and types are ours (from model.ts), never user input; every value is
// a parameter. Each MATCH names its label so that the id constraints' indexes
// are used.
/** A Document's properties without its text, as a map projection. */
const DOCUMENT_MAP = `{${DOCUMENT_META_PROPS.map((p) => `.${p}`).join(', ')}}`;

export // The documents filter, for every statement that takes one.
const DOCUMENT_WHERE = `WHERE ($places IS NULL OR d.place IN $places) AND ($level IS NULL OR d.level = $level) AND ($ids IS NULL OR d.id IN $ids) AND ($yearFrom IS NULL OR d.year >= $yearFrom)
  AND ($yearTo IS NULL OR d.year <= $yearTo) AND ($issuer IS NULL OR $issuer IN d.issuers)
  AND ($text IS NULL OR d.text CONTAINS $text)`;

const CYPHER = {
  existingDocs: 'MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.complete AS complete',
  docsOfSources: 'MATCH (d:Document) WHERE d.source IN $sources OR d.complete = false RETURN d.id AS id, d.complete AS complete',
  markComplete: 'MATCH (d:Document) WHERE d.id IN $ids SET d.complete = true',
  markReused: 'MATCH (d:Document) WHERE d.id IN $ids SET d.reusePending = false',
  reusePending: 'MATCH (d:Document) WHERE d.reusePending = true AND d.complete = true RETURN d.id AS id',
  mergeDocuments: 'UNWIND $rows AS r MERGE (d:Document {id: r.id}) SET d += r',
  mergeEntities: (l: NodeLabel) => `UNWIND $rows AS r MERGE (n:${l} {id: r.id}) ON CREATE SET n += r ON MATCH SET n.aliases = [a IN n.aliases WHERE NOT a IN r.aliases] + r.aliases, n.names = r.names`,
  mergeEdges: (t: RelationType, from: NodeLabel, to: NodeLabel) => `UNWIND $rows AS r MATCH (a:${from} {id: r.from}) MATCH (b:${to} {id: r.to}) MERGE (a)-[e:${t} {docId: r.docId}]->(b) SET e += r.props`,
  removeDocEdges: (t: RelationType) => `MATCH ()-[e:${t}]->() WHERE e.docId IN $ids DELETE e`,
  removeDocs: 'MATCH (d:Document) WHERE d.id IN $ids DETACH DELETE d',
  removeReuses: 'MATCH (a:Document)-[r:REUSES]-(:Document) WHERE a.id IN $ids DELETE r',
  removeOrphans: (l: NodeLabel) => `MATCH (n:${l}) WHERE NOT (n)--() DELETE n`,
  countLabel: (l: NodeLabel) => `MATCH (n:${l}) RETURN count(n) AS c`,
  countType: (t: RelationType) => `MATCH ()-[r:${t}]->() RETURN count(r) AS c`,
  nodesById: (l: NodeLabel) => `MATCH (n:${l}) WHERE n.id IN $ids RETURN ${l === 'Document' ? `n ${DOCUMENT_MAP} AS n` : 'n'}`,
  texts: 'MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.text AS text',
  scanEdges: 'MATCH (a)-[r]->(b) RETURN a.id AS f, b.id AS t, type(r) AS type, properties(r) AS p',
  scanNodes: (l: NodeLabel) => `MATCH (n:${l}) RETURN ${l === 'Document' ? `n ${DOCUMENT_MAP} AS n` : 'n'}`,
  edgesOut: (l: NodeLabel) => `MATCH (a:${l})-[r]->(b) WHERE a.id IN $ids AND type(r) IN $types RETURN a.id AS f, b.id AS t, type(r) AS type, properties(r) AS p`,
  edgesIn: (l: NodeLabel) => `MATCH (a)-[r]->(b:${l}) WHERE b.id IN $ids AND type(r) IN $types RETURN a.id AS f, b.id AS t, type(r) AS type, properties(r) AS p`,
  // The cjk full-text index (cypher/schema.cypher) finds names and aliases; its query syntax is Lucene's, so $q is escaped.
  search: `CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score
WHERE labels(node)[0] IN $labels RETURN node AS n, labels(node)[0] AS label ORDER BY score DESC LIMIT $limit`,
  documents: (desc: boolean) => `MATCH (d:Document)
${DOCUMENT_WHERE}
RETURN d ${DOCUMENT_MAP} AS d ORDER BY coalesce(d.date, toString(d.year)) ${desc ? 'DESC' : 'ASC'}, d.id ${desc ? 'DESC' : 'ASC'} SKIP $offset LIMIT $limit`,
  countDocuments: `MATCH (d:Document)
${DOCUMENT_WHERE}
RETURN count(d) AS c`,
  facetPlaces: `MATCH (d:Document) ${DOCUMENT_WHERE} AND d.place IS NOT NULL RETURN d.place AS k, count(*) AS c`,
  facetYears: `MATCH (d:Document) ${DOCUMENT_WHERE} AND d.year IS NOT NULL RETURN toString(d.year) AS k, count(*) AS c`,
  facetIssuers: `MATCH (d:Document) ${DOCUMENT_WHERE} UNWIND d.issuers AS i RETURN i AS k, count(*) AS c`,
  findByName: (l: NodeLabel) => `MATCH (n:${l}) WHERE n.name = $name OR $name IN coalesce(n.aliases, []) OR n.title = $name OR n.noticeTitle = $name OR n.docNumber = $name RETURN n`,
} as const;

/** Every statement the store can send, with the label/type variants it uses. */
export function allStatements(): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(CYPHER)) {
    if (typeof v === 'string') out.push([k, v]);
    else if (k === 'mergeEdges') {
      for (const t of RELATION_TYPES) for (const f of RELATION_ENDS[t].from) for (const to of RELATION_ENDS[t].to) out.push([`${k}(${t}, ${f}, ${to})`, CYPHER.mergeEdges(t, f, to)]);
    } else if (k === 'documents') {
      for (const desc of [false, true]) out.push([`${k}(${desc ? 'desc' : 'asc'})`, CYPHER.documents(desc)]);
    } else if (k === 'removeDocEdges' || k === 'countType') {
      for (const t of RELATION_TYPES) out.push([`${k}(${t})`, (v as (t: RelationType) => string)(t)]);
    } else for (const l of NODE_LABELS) out.push([`${k}(${l})`, (v as (l: NodeLabel) => string)(l)]);
  }
  return out;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private driver: Driver;
  private batchSize: number;

  constructor(private readonly opts: Neo4jOptions) {
    this.driver = opts.driver ?? neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), { disableLosslessIntegers: true });
    this.batchSize = opts.batchSize ?? 1000;
  }

  private readTimeoutMs = 0;
  limitQueryTime(ms: number): void { this.readTimeoutMs = ms; }

  private session() { return this.driver.session({ database: this.opts.database }); }

  private async read(cypher: string, params: Row = {}): Promise<Row[]> {
    const s = this.session();
    const config = this.readTimeoutMs ? { timeout: this.readTimeoutMs } : undefined;
    try { return (await s.executeRead((tx) => tx.run(cypher, params), config)).records.map((r) => r.toObject()); } finally { await s.close(); }
  }

  private async write(fn: (tx: ManagedTransaction) => Promise<unknown>): Promise<void> {
    const s = this.session();
    try { await s.executeWrite(fn); } finally { await s.close(); }
  }

  async init(): Promise<void> {
    try {
      await this.driver.verifyConnectivity();
    } catch (e) {
      throw new Error(`cannot reach Neo4j at ${this.opts.uri}: ${(e as Error).message}`);
    }
    for (const stmt of schemaStatements()) await this.write((tx) => tx.run(stmt));
  }

  private async batched(cypher: string, rows: Row[], progress?: Progress, what = ''): Promise<void> {
    for (let i = 0; i < rows.length; i += this.batchSize) {
      const chunk = rows.slice(i, i + this.batchSize);
      await this.write((tx) => tx.run(cypher, { rows: chunk }));
      progress?.(Math.min(i + this.batchSize, rows.length), rows.length, what);
    }
  }

  async load(batch: GraphBatch, progress?: Progress): Promise<LoadStats> {
    const stats: LoadStats = { documentsAdded: 0, documentsSkipped: 0, documentsReplaced: 0, nodes: 0, relationships: 0 };
    const ids = batch.documents.map((d) => d.id);
    const inBatch = new Set(ids);
    // A document without complete = false was loaded whole (older loads did not set it).
    const have = new Set((await this.read(CYPHER.existingDocs, { ids })).filter((r) => r.complete !== false).map((r) => r.id as string));
    const sources = [...new Set(batch.documents.map((d) => d.source))];
    // Changed documents of the same files, and documents a killed load left incomplete, are replaced.
    const stale = (await this.read(CYPHER.docsOfSources, { sources }))
      .filter((r) => !inBatch.has(r.id as string) || r.complete === false).map((r) => r.id as string);
    if (stale.length) {
      // The old documents' edges go; entities only they supported go with them; the rest stay.
      await this.write(async (tx) => {
        for (const t of RELATION_TYPES) await tx.run(CYPHER.removeDocEdges(t), { ids: stale });
        await tx.run(CYPHER.removeDocs, { ids: stale });
        for (const l of ENTITY_LABELS) await tx.run(CYPHER.removeOrphans(l));
      });
      stats.documentsReplaced = stale.filter((id) => !inBatch.has(id)).length;
    }
    const fresh = batch.documents.filter((d) => !have.has(d.id));
    stats.documentsSkipped = batch.documents.length - fresh.length;
    stats.documentsAdded = fresh.length;
    if (!fresh.length) return stats;
    const freshIds = new Set(fresh.map((d) => d.id));
    await this.batched(CYPHER.mergeDocuments, fresh.map(documentRow), progress, 'documents');
    for (const l of ENTITY_LABELS) {
      const rows = batch.entities.filter((e) => e.label === l).map(entityRow);
      await this.batched(CYPHER.mergeEntities(l), rows, progress, l);
      stats.nodes += rows.length;
    }
    stats.nodes += fresh.length;
    // Edges grouped by type and end labels, so each batch MATCHes through the id indexes.
    const groups = new Map<string, { t: RelationType; from: NodeLabel; to: NodeLabel; rows: Row[] }>();
    for (const r of batch.relations) {
      if (!freshIds.has(r.evidence.docId)) continue;
      const { from, to, ...props } = edgeRow(r);
      const key = `${r.type}|${labelOfId(r.from)}|${labelOfId(r.to)}`;
      const g = groups.get(key) ?? { t: r.type, from: labelOfId(r.from), to: labelOfId(r.to), rows: [] };
      g.rows.push({ from, to, docId: props.docId, props });
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      await this.batched(CYPHER.mergeEdges(g.t, g.from, g.to), g.rows, progress, g.t);
      stats.relationships += g.rows.length;
    }
    await this.write((tx) => tx.run(CYPHER.markComplete, { ids: [...freshIds] }));
    return stats;
  }

  async stats(): Promise<StoreStats> {
    const labels: Record<string, number> = {};
    for (const l of NODE_LABELS) labels[l] = Number((await this.read(CYPHER.countLabel(l)))[0].c);
    const relations: Record<string, number> = {};
    for (const t of RELATION_TYPES) relations[t] = Number((await this.read(CYPHER.countType(t)))[0].c);
    return { labels, relations };
  }

  async nodes(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    const found = new Map<string, GraphNode>();
    for (const [label, group] of byLabel(ids)) {
      for (const r of await this.read(CYPHER.nodesById(label), { ids: group })) { const n = toNode({ n: r.n, label }); found.set(n.id, n); }
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  async texts(ids: readonly string[]): Promise<(string | null)[]> {
    const byId = new Map((await this.read(CYPHER.texts, { ids: [...ids] })).map((r) => [r.id as string, r.text as string]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async edges(ids: readonly string[], direction: 'OUT' | 'IN' | 'BOTH', types?: readonly RelationType[] | null): Promise<GraphEdge[]> {
    const rows: Row[] = [];
    for (const [label, group] of byLabel(ids)) {
      const params = { ids: group, types: types?.length ? [...types] : RELATION_TYPES };
      if (direction !== 'IN') rows.push(...(await this.read(CYPHER.edgesOut(label), params)));
      if (direction !== 'OUT') rows.push(...(await this.read(CYPHER.edgesIn(label), params)));
    }
    return rows.map((r) => ({ type: r.type as RelationType, from: r.f as string, to: r.t as string, props: r.p as Row }));
  }

  /** Record by record: the driver holds no more than its fetch size of a million rows. */
  private async stream(cypher: string, visit: (r: Row) => void): Promise<void> {
    const s = this.session();
    try {
      await new Promise<void>((resolve, reject) => s.run(cypher).subscribe({ onNext: (r) => visit(r.toObject()), onCompleted: () => resolve(), onError: reject }));
    } finally { await s.close(); }
  }

  async scanNodes(visit: (n: GraphNode) => void): Promise<void> {
    for (const label of NODE_LABELS) await this.stream(CYPHER.scanNodes(label), (r) => visit(toNode({ n: r.n, label })));
  }

  scanEdges(visit: (e: GraphEdge) => void): Promise<void> {
    return this.stream(CYPHER.scanEdges, (x) => visit({ type: x.type as RelationType, from: x.f as string, to: x.t as string, props: x.p as Row }));
  }

  async searchCandidates(text: string, labels: readonly NodeLabel[], limit: number): Promise<GraphNode[]> {
    const q = text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
    return (await this.read(CYPHER.search, { q, labels: [...labels], limit: neo4j.int(limit) })).map(toNode);
  }

  async documents(f: DocumentFilter, page?: DocumentPage): Promise<GraphNode[]> {
    const rows = await this.read(CYPHER.documents(!!page?.desc), {
      ...filterParams(f), offset: neo4j.int(page?.offset ?? 0), limit: neo4j.int(page?.limit ?? 2 ** 31 - 1),
    });
    return rows.map((r) => toNode({ n: r.d, label: 'Document' }));
  }

  async documentFacets(f: DocumentFilter): Promise<DocumentFacets> {
    const counts = async (q: string) => (await this.read(q, filterParams(f))).map((r) => ({ key: String(r.k), count: Number(r.c) })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
    const [places, years, issuers] = await Promise.all([counts(CYPHER.facetPlaces), counts(CYPHER.facetYears), counts(CYPHER.facetIssuers)]);
    return { places, years, issuers };
  }

  async countDocuments(f: DocumentFilter): Promise<number> {
    return Number((await this.read(CYPHER.countDocuments, filterParams(f)))[0].c);
  }

  async findByName(label: NodeLabel, name: string): Promise<GraphNode[]> {
    return (await this.read(CYPHER.findByName(label), { name })).map((r) => toNode({ n: r.n, label }));
  }

  async replaceReuses(docIds: readonly string[], edges: readonly RelationEdge[]): Promise<void> {
    await this.write((tx) => tx.run(CYPHER.removeReuses, { ids: [...docIds] }));
    const rows = edges.map((r) => { const { from, to, ...props } = edgeRow(r); return { from, to, docId: props.docId, props }; });
    await this.batched(CYPHER.mergeEdges('REUSES', 'Document', 'Document'), rows);
    await this.write((tx) => tx.run(CYPHER.markReused, { ids: [...docIds] }));
  }

  async reusePending(): Promise<string[]> {
    return (await this.read(CYPHER.reusePending)).map((r) => r.id as string);
  }

  async close(): Promise<void> { await this.driver.close(); }
}

const filterParams = (f: DocumentFilter) => ({
  places: f.places?.length ? [...f.places] : null, level: f.level ?? null, ids: f.ids ? [...f.ids] : null, yearFrom: f.yearFrom ?? null, yearTo: f.yearTo ?? null, issuer: f.issuer ?? null, text: f.text ?? null,
});

/** Ids grouped by the label their prefix names; ids of no known label are left out (they match nothing). */
function byLabel(ids: readonly string[]): Map<NodeLabel, string[]> {
  const m = new Map<NodeLabel, string[]>();
  for (const id of ids) {
    let l: NodeLabel;
    try { l = labelOfId(id); } catch { continue; }
    m.set(l, [...(m.get(l) ?? []), id]);
  }
  return m;
}

function toNode(r: Row): GraphNode {
  // A node, or a map projection of one (documents are read without their text).
  const n = r.n as { properties?: Row } & Row;
  const props = { ...(n.properties ?? n) };
  const label = (r.label as NodeLabel) ?? labelOfId(props.id as string);
  return { label, id: props.id as string, name: (props.name as string) ?? (props.id as string), props };
}
