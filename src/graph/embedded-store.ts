// The embedded store: LadybugDB (the maintained fork of Kuzu), in-process and
// on disk. New rows go in with COPY from CSV files, much faster here than MERGE
// or parameters; idempotency comes from checking ids first.
// All of this store's Cypher is in this file.
import { createReadStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import lbug from '@ladybugdb/core';
import Papa from 'papaparse';
import { ENTITY_LABELS, NODE_LABELS, RELATION_ENDS, RELATION_TYPES, type GraphBatch, type NodeLabel, type RelationEdge, type RelationType } from './model.js';
import { DOCUMENT_META_PROPS, DOCUMENT_PROPS, EDGE_PROPS, ENTITY_PROPS, documentRow, edgeRow, entityRow } from './rows.js';
import { labelOfId, type DocumentFacets, type DocumentFilter, type DocumentPage, type FacetCount, type GraphEdge, type GraphNode, type GraphStore, type LoadStats, type Progress, type StoreStats } from './store.js';

type Row = Record<string, unknown>;

const TYPES: Record<string, string> = {
  year: 'INT64', part: 'INT64', srcStart: 'INT64', srcEnd: 'INT64', sentStart: 'INT64', sentEnd: 'INT64', durationYears: 'INT64',
  placeInferred: 'BOOLEAN', traditional: 'BOOLEAN', complete: 'BOOLEAN', reusePending: 'BOOLEAN', placeConfidence: 'DOUBLE', confidence: 'DOUBLE', score: 'DOUBLE',
  issuers: 'STRING[]', aliases: 'STRING[]',
};
const typeOf = (p: string) => TYPES[p] ?? 'STRING';
const columns = (props: readonly string[]) => props.map((p) => `${p} ${typeOf(p)}${p === 'id' ? ' PRIMARY KEY' : ''}`).join(', ');
// Bulk loads write rows to a CSV file and COPY from it: LadybugDB reads files an order of magnitude
// faster than it converts JavaScript parameters (measured here: ~120k vs ~7k relationships/s).
const csvField = (v: unknown, type: string): string => {
  if (v === null || v === undefined) return '';
  if (type === 'STRING[]') {
    // List elements cannot hold the list syntax; names are normalised text, where ',' is rare (and becomes '，').
    const items = (v as string[]).map((x) => String(x).replace(/,/g, '，').replace(/[[\]]/g, (b) => (b === '[' ? '【' : '】')));
    return `"${`[${items.join(',')}]`.replace(/"/g, '""')}"`;
  }
  if (type === 'STRING') return `"${String(v).replace(/"/g, '""')}"`;
  return String(v);
};
/** A field of LadybugDB's CSV export as the value its column holds (lists as `[a,b]`, whose items hold no ','). */
const fromCsv = (v: string | undefined, type: string): unknown => {
  if (v === '' || v === undefined) return null;
  if (type === 'STRING') return v;
  if (type === 'BOOLEAN') return v === 'True';
  if (type === 'STRING[]') return v === '[]' ? [] : v.slice(1, -1).split(',');
  return Number(v);
};
/**
 * Nodes by id: UNWIND the ids and MATCH each in the primary-key index. `WHERE n.id IN $ids` scans
 * the table and tests the list row by row, which made loading superlinear (8,000 target ids
 * against 50,000 stored targets: 3.3 s against 0.27 s).
 */
const byIds = (label: NodeLabel, v = 'n') => `UNWIND $ids AS i MATCH (${v}:${label} {id: i})`;
/** A Document's properties without its text, as RETURN columns. */
const DOCUMENT_COLUMNS = DOCUMENT_META_PROPS.map((p) => `n.${p} AS ${p}`).join(', ');
const CSV_OPTIONS = `HEADER=false, ESCAPE='"', QUOTE='"', PARALLEL=false`;

export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private db: lbug.Database;
  /** One connection serves one query at a time; concurrent API requests take turns over a few. */
  private conns: lbug.Connection[];
  private next = 0;

  private readonly batchSize: number;

  /**
   * `batchSize`: rows per COPY statement (bounds the memory of one load step).
   * `bufferMB`: LadybugDB's page cache; its default is most of the machine's memory.
   */
  constructor(readonly path: string, private readonly opts: { batchSize?: number; bufferMB?: number } = {}) {
    this.batchSize = opts.batchSize ?? 50000;
    mkdirSync(dirname(path), { recursive: true });
    [this.db, this.conns] = this.connect();
  }

  private connect(): [lbug.Database, lbug.Connection[]] {
    const db = new lbug.Database(this.path, (this.opts.bufferMB ?? 256) * 1024 * 1024);
    return [db, Array.from({ length: 4 }, () => new lbug.Connection(db))];
  }

  private busy: Promise<unknown>[] = [];

  /** Every later query is aborted by LadybugDB after `ms` (the server sets its request time limit). */
  limitQueryTime(ms: number): void {
    for (const c of this.conns) c.setQueryTimeout(ms);
  }

  private async q(statement: string, params?: Row): Promise<Row[]> {
    // Round-robin over the connections, each running its queries one after another.
    const i = this.next++ % this.conns.length;
    const run = (this.busy[i] ?? Promise.resolve()).catch(() => undefined).then(() => this.run(this.conns[i], statement, params));
    this.busy[i] = run;
    return run;
  }

  /** Statements prepared once per connection: preparing costs more than a primary-key lookup (2.7 vs 0.8 ms). */
  private prepared = new WeakMap<lbug.Connection, Map<string, lbug.PreparedStatement>>();

  private async run(conn: lbug.Connection, statement: string, params?: Row): Promise<Row[]> {
    let res;
    if (params) {
      let cache = this.prepared.get(conn);
      if (!cache) { cache = new Map(); this.prepared.set(conn, cache); }
      let ps = cache.get(statement);
      if (!ps) {
        ps = await conn.prepare(statement);
        if (!ps.isSuccess()) throw new Error(`${ps.getErrorMessage()}\n${statement}`);
        if (cache.size >= 256) cache.clear(); // paged statements carry their SKIP/LIMIT: keep the cache bounded
        cache.set(statement, ps);
      }
      res = await conn.execute(ps, params as Record<string, lbug.LbugValue>);
    } else {
      res = await conn.query(statement);
    }
    // Results hold pages of the buffer pool until closed: a flood of small queries once filled it and crashed the process.
    const all = Array.isArray(res) ? res : [res];
    try {
      return (await all[all.length - 1].getAll()) as Row[];
    } finally {
      for (const r of all) r.close();
    }
  }

  async init(): Promise<void> {
    try {
      await this.q('CALL show_tables() RETURN count(*)');
    } catch (e) {
      // A process killed (or out of disk) inside a checkpoint can leave a WAL whose replay asks for
      // the shadow file that replay itself just applied and removed: LadybugDB then opens nothing.
      // The data file holds every checkpointed transaction; the WAL is set aside, and what it held
      // is loaded again by the next ingest (documents are written complete or not at all).
      if (!/Cannot open file .*\.shadow/.test((e as Error).message) || !existsSync(`${this.path}.wal`)) throw e;
      await this.closeConnections().catch(() => undefined); // a database that failed to open fails to close too
      const aside = `${this.path}.wal.unreplayable-${Date.now()}`;
      renameSync(`${this.path}.wal`, aside);
      process.stderr.write(`policy-kg: the store's write-ahead log could not be replayed (an interrupted checkpoint); set it aside as ${aside}. Ingest again to load what it held.\n`);
      [this.db, this.conns] = this.connect();
      this.busy = [];
    }
    await this.q(`CREATE NODE TABLE IF NOT EXISTS Document(${columns(DOCUMENT_PROPS)})`);
    for (const l of ENTITY_LABELS) await this.q(`CREATE NODE TABLE IF NOT EXISTS ${l}(${columns(ENTITY_PROPS)})`);
    for (const t of RELATION_TYPES) {
      const pairs = RELATION_ENDS[t].from.flatMap((f) => RELATION_ENDS[t].to.map((to) => `FROM ${f} TO ${to}`));
      await this.q(`CREATE REL TABLE IF NOT EXISTS ${t}(${pairs.join(', ')}, ${columns(EDGE_PROPS)})`);
    }
    // A store made by an earlier version lacks newer properties: add them (documents already there are complete).
    for (const [table, props] of [['Document', DOCUMENT_PROPS], ...ENTITY_LABELS.map((l) => [l, ENTITY_PROPS] as const), ...RELATION_TYPES.map((t) => [t, EDGE_PROPS] as const)] as const) {
      const have = new Set((await this.q(`CALL TABLE_INFO('${table}') RETURN name`)).map((r) => r.name as string));
      for (const p of props) if (!have.has(p)) await this.q(`ALTER TABLE ${table} ADD ${p} ${typeOf(p)}${p === 'complete' ? ' DEFAULT true' : ''}`);
    }
  }

  async load(batch: GraphBatch, progress?: Progress): Promise<LoadStats> {
    const stats: LoadStats = { documentsAdded: 0, documentsSkipped: 0, documentsReplaced: 0, nodes: 0, relationships: 0 };
    const ids = batch.documents.map((d) => d.id);
    const inBatch = new Set(ids);
    const found = await this.q(`${byIds('Document', 'd')} RETURN d.id AS id, d.complete AS complete`, { ids });
    const have = new Set(found.filter((r) => r.complete !== false).map((r) => r.id as string));
    // Documents of the same files that this batch no longer contains were changed or removed: replace them.
    // Documents a killed load left incomplete go too, and are written again.
    const sources = [...new Set(batch.documents.map((d) => d.source))];
    const stale = (await this.q('MATCH (d:Document) WHERE d.source IN $sources OR d.complete = false RETURN d.id AS id, d.complete AS complete', { sources }))
      .filter((r) => !inBatch.has(r.id as string) || r.complete === false).map((r) => r.id as string);
    if (stale.length) { await this.removeDocuments(stale); stats.documentsReplaced = stale.filter((id) => !inBatch.has(id)).length; }

    const fresh = batch.documents.filter((d) => !have.has(d.id));
    stats.documentsSkipped = batch.documents.length - fresh.length;
    stats.documentsAdded = fresh.length;
    if (!fresh.length) return stats;
    const freshIds = new Set(fresh.map((d) => d.id));
    await this.copyRows('Document', DOCUMENT_PROPS, fresh.map(documentRow), progress);
    stats.nodes += fresh.length;

    for (const label of ENTITY_LABELS) {
      const rows = batch.entities.filter((e) => e.label === label);
      if (!rows.length) continue;
      const existing = new Map((await this.q(`${byIds(label)} RETURN n.id AS id, n.aliases AS aliases`, { ids: rows.map((r) => r.id) }))
        .map((r) => [r.id as string, (r.aliases as string[] | null) ?? []]));
      const news = rows.filter((r) => !existing.has(r.id));
      await this.copyRows(label, ENTITY_PROPS, news.map(entityRow), progress);
      stats.nodes += news.length;
      // Existing entities gain the aliases this batch saw.
      const grown = rows.filter((r) => existing.has(r.id) && r.aliases.some((a) => !existing.get(r.id)!.includes(a)))
        .map((r) => { const aliases = [...new Set([...existing.get(r.id)!, ...r.aliases])]; return { id: r.id, aliases, names: [r.name, ...aliases].join('|') }; });
      if (grown.length) await this.q(`UNWIND $rows AS r MATCH (n:${label} {id: r.id}) SET n.aliases = r.aliases, n.names = r.names`, { rows: grown });
    }

    const rels = batch.relations.filter((r) => freshIds.has(r.evidence.docId));
    const groups = new Map<string, Row[]>();
    for (const r of rels) {
      const k = `${r.type}|${labelOfId(r.from)}|${labelOfId(r.to)}`;
      const g = groups.get(k);
      if (g) g.push(edgeRow(r)); else groups.set(k, [edgeRow(r)]);
    }
    for (const [k, rows] of groups) {
      const [type, from, to] = k.split('|');
      await this.copyRows(type, ['from', 'to', ...EDGE_PROPS], rows, progress, `from='${from}', to='${to}'`);
      stats.relationships += rows.length;
    }
    await this.q(`${byIds('Document', 'd')} SET d.complete = true`, { ids: [...freshIds] });
    return stats;
  }

  /** COPY rows into a table, `batchSize` at a time, through a CSV file in the temporary directory. */
  private async copyRows(table: string, props: readonly string[], rows: Row[], progress?: Progress, options = ''): Promise<void> {
    if (!rows.length) return;
    const dir = mkdtempSync(join(tmpdir(), 'policy-kg-copy-'));
    const file = join(dir, `${table}.csv`);
    try {
      for (let i = 0; i < rows.length; i += this.batchSize) {
        const lines = rows.slice(i, i + this.batchSize).map((r) => props.map((p) => csvField(r[p], p === 'from' || p === 'to' ? 'STRING' : typeOf(p))).join(','));
        writeFileSync(file, `${lines.join('\n')}\n`);
        await this.q(`COPY ${table} FROM '${file}' (${CSV_OPTIONS}${options ? `, ${options}` : ''})`);
        progress?.(Math.min(i + this.batchSize, rows.length), rows.length, table);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async replaceReuses(docIds: readonly string[], edges: readonly RelationEdge[]): Promise<void> {
    await this.q(`${byIds('Document', 'a')} MATCH (a)-[r:REUSES]->(:Document) DELETE r`, { ids: [...docIds] });
    await this.q(`${byIds('Document', 'a')} MATCH (a)<-[r:REUSES]-(:Document) DELETE r`, { ids: [...docIds] });
    await this.copyRows('REUSES', ['from', 'to', ...EDGE_PROPS], edges.map(edgeRow));
    await this.q(`${byIds('Document', 'd')} SET d.reusePending = false`, { ids: [...docIds] });
  }

  async reusePending(): Promise<string[]> {
    return (await this.q('MATCH (d:Document) WHERE d.reusePending = true AND d.complete = true RETURN d.id AS id')).map((r) => r.id as string);
  }

  /** Remove documents, the edges read from them, and entities no longer connected to anything. */
  async removeDocuments(ids: string[]): Promise<void> {
    for (const t of RELATION_TYPES) await this.q(`MATCH ()-[r:${t}]->() WHERE r.docId IN $ids DELETE r`, { ids });
    await this.q(`${byIds('Document', 'd')} DETACH DELETE d`, { ids });
    for (const l of ENTITY_LABELS) await this.q(`MATCH (e:${l}) WHERE NOT EXISTS { MATCH (e)-[]-() } DELETE e`);
  }

  async stats(): Promise<StoreStats> {
    const labels: Record<string, number> = {};
    for (const l of NODE_LABELS) labels[l] = Number((await this.q(`MATCH (n:${l}) RETURN count(n) AS c`))[0].c);
    const relations: Record<string, number> = {};
    for (const t of RELATION_TYPES) relations[t] = Number((await this.q(`MATCH ()-[r:${t}]->() RETURN count(r) AS c`))[0].c);
    return { labels, relations };
  }

  async nodes(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    const byLabel = new Map<NodeLabel, string[]>();
    for (const id of ids) {
      let l: NodeLabel;
      try { l = labelOfId(id); } catch { continue; }
      byLabel.set(l, [...(byLabel.get(l) ?? []), id]);
    }
    const found = new Map<string, GraphNode>();
    await Promise.all([...byLabel].map(async ([l, list]) => {
      const rows = l === 'Document'
        ? await this.q(`${byIds('Document')} RETURN ${DOCUMENT_COLUMNS}`, { ids: list })
        : (await this.q(`${byIds(l)} RETURN n`, { ids: list })).map((r) => r.n as Row);
      for (const r of rows) { const n = toNode(r, l); found.set(n.id, n); }
    }));
    return ids.map((id) => found.get(id) ?? null);
  }

  async texts(ids: readonly string[]): Promise<(string | null)[]> {
    const rows = await this.q(`${byIds('Document', 'd')} RETURN d.id AS id, d.text AS text`, { ids: [...ids] });
    const byId = new Map(rows.map((r) => [r.id as string, r.text as string]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async edges(ids: readonly string[], direction: 'OUT' | 'IN' | 'BOTH', types?: readonly RelationType[] | null): Promise<GraphEdge[]> {
    const wanted = types?.length ? types : RELATION_TYPES;
    const byLabel = new Map<NodeLabel, string[]>();
    for (const id of ids) {
      let l: NodeLabel;
      try { l = labelOfId(id); } catch { continue; }
      byLabel.set(l, [...(byLabel.get(l) ?? []), id]);
    }
    // Only the relationship types that can touch a label are asked. Here `IN` beats UNWIND (a program's
    // 663 edges: 51 against 183 ms): the planner starts from the label's rows and expands their adjacency.
    const queries: Promise<GraphEdge[]>[] = [];
    for (const [label, list] of byLabel) {
      for (const t of wanted) {
        const ends = RELATION_ENDS[t] as { from: readonly NodeLabel[]; to: readonly NodeLabel[] };
        if (direction !== 'IN' && ends.from.includes(label)) queries.push(this.q(`MATCH (a:${label})-[r:${t}]->(b) WHERE a.id IN $ids RETURN a.id AS f, b.id AS t, r`, { ids: list }).then((rs) => rs.map((r) => toEdge(t, r))));
        if (direction !== 'OUT' && ends.to.includes(label)) queries.push(this.q(`MATCH (a)-[r:${t}]->(b:${label}) WHERE b.id IN $ids RETURN a.id AS f, b.id AS t, r`, { ids: list }).then((rs) => rs.map((r) => toEdge(t, r))));
      }
    }
    return (await Promise.all(queries)).flat();
  }

  /**
   * A query's rows through a CSV file: LadybugDB writes it in C++ and papaparse reads it back
   * streaming. Rows through the binding come at ~10k a second (the 10,000-document graph's 475k
   * MENTIONS: 19 s; its 52k targets: 5 s), this way ten times faster. Fields come as text, an
   * empty one for NULL (no property the scans read is '').
   */
  private async copyOut(query: string, visit: (row: string[]) => void): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'policy-kg-scan-'));
    const file = join(dir, 'rows.csv');
    try {
      await this.q(`COPY (${query}) TO '${file}'`);
      await new Promise<void>((resolve, reject) => Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as unknown as File, {
        chunk: ({ data }) => { for (const row of data) if (row.length > 1) visit(row); }, // not the empty last line
        complete: () => resolve(),
        error: reject,
      }));
    } finally { rmSync(dir, { recursive: true, force: true }); }
  }

  async scanNodes(visit: (n: GraphNode) => void): Promise<void> {
    for (const label of NODE_LABELS) {
      const props = label === 'Document' ? DOCUMENT_META_PROPS : ENTITY_PROPS;
      await this.copyOut(`MATCH (n:${label}) RETURN ${props.map((p) => `n.${p}`).join(', ')}`, (row) => {
        const raw: Row = {};
        props.forEach((p, i) => { raw[p] = fromCsv(row[i], typeOf(p)); });
        visit(toNode(raw, label));
      });
    }
  }

  async scanEdges(visit: (e: GraphEdge) => void): Promise<void> {
    for (const t of RELATION_TYPES) {
      await this.copyOut(`MATCH (a)-[r:${t}]->(b) RETURN a.id, b.id, ${EDGE_PROPS.map((p) => `r.${p}`).join(', ')}`, (row) => {
        const props: Row = {};
        EDGE_PROPS.forEach((p, i) => { props[p] = fromCsv(row[i + 2], typeOf(p)); });
        visit({ type: t, from: row[0], to: row[1], props });
      });
    }
  }

  async searchCandidates(text: string, labels: readonly NodeLabel[], limit: number): Promise<GraphNode[]> {
    // One scan per label, run side by side on the store's connections. LadybugDB's
    // CONTAINS '' is false, Cypher's true: an empty text lists every node, as in Neo4j.
    const found = await Promise.all(labels.map(async (l) => {
      const rows = l === 'Document'
        ? await this.q(`MATCH (n:Document) WHERE $q = '' OR n.name CONTAINS $q OR n.title CONTAINS $q RETURN ${DOCUMENT_COLUMNS} LIMIT $limit`, { q: text, limit })
        : (await this.q(`MATCH (n:${l}) WHERE $q = '' OR n.names CONTAINS $q RETURN n LIMIT $limit`, { q: text, limit })).map((r) => r.n as Row);
      return rows.map((r) => toNode(r, l));
    }));
    return found.flat();
  }

  private documentFilter(f: DocumentFilter): { where: string; params: Row } {
    // Fixed fragments chosen by which filters are set; values only ever travel as parameters.
    const where: string[] = [];
    const params: Row = {};
    if (f.places?.length) { where.push('d.place IN $places'); params.places = [...f.places]; }
    if (f.level) { where.push('d.level = $level'); params.level = f.level; }
    if (f.ids) { where.push('d.id IN $ids'); params.ids = [...f.ids]; }
    if (f.yearFrom != null) { where.push('d.year >= $yearFrom'); params.yearFrom = f.yearFrom; }
    if (f.yearTo != null) { where.push('d.year <= $yearTo'); params.yearTo = f.yearTo; }
    if (f.issuer) { where.push('list_contains(d.issuers, $issuer)'); params.issuer = f.issuer; }
    if (f.text) { where.push('d.text CONTAINS $text'); params.text = f.text; }
    return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  async documents(f: DocumentFilter, page?: DocumentPage): Promise<GraphNode[]> {
    const { where, params } = this.documentFilter(f);
    const dir = page?.desc ? 'DESC' : 'ASC';
    const paging = page ? ` SKIP ${Math.max(0, Math.floor(page.offset))} LIMIT ${Math.max(0, Math.floor(page.limit))}` : '';
    // Sort and page the ids only, then read those documents: sorting whole rows would hold every text at once.
    const ids = (await this.q(`MATCH (d:Document) ${where} RETURN d.id AS id ORDER BY coalesce(d.date, CAST(d.year AS STRING)) ${dir}, d.id ${dir}${paging}`, Object.keys(params).length ? params : undefined))
      .map((r) => r.id as string);
    return (await this.nodes(ids)).filter((n): n is GraphNode => n !== null);
  }

  async documentFacets(f: DocumentFilter): Promise<DocumentFacets> {
    const { where, params } = this.documentFilter(f);
    const p = Object.keys(params).length ? params : undefined;
    const counts = async (q: string) => (await this.q(q, p)).map((r) => ({ key: String(r.k), count: Number(r.c) })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
    const [places, years, issuers] = await Promise.all([
      counts(`MATCH (d:Document) ${where} RETURN d.place AS k, count(*) AS c`),
      counts(`MATCH (d:Document) ${where} RETURN d.year AS k, count(*) AS c`),
      counts(`MATCH (d:Document) ${where} UNWIND d.issuers AS i RETURN i AS k, count(*) AS c`),
    ]);
    // A document with no place or year is counted under none: the facets list what the documents state.
    const stated = (l: FacetCount[]) => l.filter((x) => x.key !== 'null');
    return { places: stated(places), years: stated(years), issuers };
  }

  async countDocuments(f: DocumentFilter): Promise<number> {
    const { where, params } = this.documentFilter(f);
    return Number((await this.q(`MATCH (d:Document) ${where} RETURN count(d) AS c`, Object.keys(params).length ? params : undefined))[0].c);
  }

  async findByName(label: NodeLabel, name: string): Promise<GraphNode[]> {
    const where = label === 'Document' ? 'n.title = $name OR n.docRef = $name OR n.noticeTitle = $name OR n.docNumber = $name' : 'n.name = $name OR list_contains(n.aliases, $name)';
    return (await this.q(`MATCH (n:${label}) WHERE ${where} RETURN n`, { name })).map((r) => toNode(r.n as Row, label));
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.busy);
    await this.closeConnections();
  }

  private async closeConnections(): Promise<void> {
    for (const c of this.conns) await c.close();
    await this.db.close();
  }
}

function toNode(raw: Row, label: NodeLabel): GraphNode {
  const props: Row = {};
  for (const [k, v] of Object.entries(raw)) if (!k.startsWith('_')) props[k] = v;
  if (label !== 'Document' && props.aliases == null) props.aliases = [];
  if (label === 'Document' && props.issuers == null) props.issuers = [];
  return { label, id: props.id as string, name: (props.name as string) ?? (props.id as string), props };
}

function toEdge(type: RelationType, r: Row): GraphEdge {
  const props: Row = {};
  for (const [k, v] of Object.entries(r.r as Row)) if (!k.startsWith('_')) props[k] = v;
  return { type, from: r.f as string, to: r.t as string, props };
}

