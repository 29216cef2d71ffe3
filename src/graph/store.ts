// The one store interface both backends implement; the API and CLI see only this.
import { NODE_LABELS, type GraphBatch, type Level, type NodeLabel, type RelationEdge, type RelationType } from './model.js';

/** A node as the API sees it: its label, id, caption name and properties. */
export interface GraphNode {
  label: NodeLabel;
  id: string;
  name: string;
  props: Record<string, unknown>;
}

export interface GraphEdge {
  type: RelationType;
  from: string;
  to: string;
  props: Record<string, unknown>; // docId, sentence, sentStart, sentEnd, srcStart, srcEnd, confidence, rule, …
}

/** One step of a path: the edge, and the ends in the order walked (an edge may be walked against its direction). */
export interface PathHop { edge: GraphEdge; from: string; to: string }

export interface DocumentFilter {
  /** Any of these jurisdictions (the API passes a place and the places it contains). */
  places?: readonly string[] | null;
  yearFrom?: number | null;
  yearTo?: number | null;
  issuer?: string | null;
  level?: Level | null;
  /** Only these documents (the API passes the documents that mention a program). */
  ids?: readonly string[] | null;
  text?: string | null;
}

export interface FacetCount { key: string; count: number }
export interface DocumentFacets { places: FacetCount[]; years: FacetCount[]; issuers: FacetCount[] }

export interface DocumentPage { offset: number; limit: number; desc?: boolean }

export interface LoadStats { documentsAdded: number; documentsSkipped: number; documentsReplaced: number; nodes: number; relationships: number }
/** Nodes reached from a start (in the order reached), the edges among them, and what a limit left out. */
export interface Neighbourhood { ids: string[]; edges: GraphEdge[]; truncated: boolean; omitted: number }
export interface StoreStats { labels: Record<string, number>; relations: Record<string, number> }
export type Progress = (done: number, total: number, what: string) => void;

export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';
  /** Create tables, constraints and indexes if missing. */
  init(): Promise<void>;
  /**
   * Add documents and what they say. Idempotent: a document already stored
   * (same id) is skipped; a changed document of the same source and part
   * replaces the old one and the facts only it supported.
   */
  load(batch: GraphBatch, progress?: Progress): Promise<LoadStats>;
  stats(): Promise<StoreStats>;
  /** Nodes by id; Documents come without their text (a trace reads hundreds of documents and needs none of it). */
  nodes(ids: readonly string[]): Promise<(GraphNode | null)[]>;
  /** The normalised texts of documents, by id (null for an unknown id). */
  texts(ids: readonly string[]): Promise<(string | null)[]>;
  /** Edges touching the given nodes, in one round trip. */
  edges(ids: readonly string[], direction: 'OUT' | 'IN' | 'BOTH', types?: readonly RelationType[] | null): Promise<GraphEdge[]>;
  /** Every node once, in bulk, documents without their text (a read model's build, an export). */
  scanNodes(visit: (n: GraphNode) => void): Promise<void>;
  /** Every edge once, in bulk, evidence included (a read model's build, an export: the whole graph, not ids in pages). */
  scanEdges(visit: (e: GraphEdge) => void): Promise<void>;
  /**
   * Optional: the shortest path between two nodes, walked by the store in one call (the read
   * model, in memory); undefined when it cannot walk it now. Without it src/api/path.ts walks
   * `edges()` a level at a time, to the same answer.
   */
  shortestPath?(from: string, to: string, maxDepth: number, types: readonly RelationType[] | null, maxVisited: number): Promise<PathHop[] | null | undefined>;
  /**
   * Optional: the neighbourhood of a node, walked by the store in one call (the read model);
   * undefined when it cannot walk it now. Without it src/api/neighbors.ts walks `edges()` a
   * level at a time, to the same answer.
   */
  neighbourhood?(start: string, depth: number, types: readonly RelationType[], limit: number): Promise<Neighbourhood | undefined>;
  /** Candidates whose name or an alias contains `text` (already Simplified). */
  searchCandidates(text: string, labels: readonly NodeLabel[], limit: number): Promise<GraphNode[]>;
  /** Documents matching the filter, oldest first (by date, else year; `desc` newest first), a page at a time. */
  documents(filter: DocumentFilter, page?: DocumentPage): Promise<GraphNode[]>;
  countDocuments(filter: DocumentFilter): Promise<number>;
  /** How the documents matching the filter spread over places, years and issuers (most first). */
  documentFacets(filter: DocumentFilter): Promise<DocumentFacets>;
  findByName(label: NodeLabel, name: string): Promise<GraphNode[]>;
  /** Replace the REUSES edges touching these documents by `edges` (text reuse is recomputed when documents arrive). */
  replaceReuses(docIds: readonly string[], edges: readonly RelationEdge[]): Promise<void>;
  /** Documents loaded whose text reuse was never computed (an ingest stopped between the two). */
  reusePending(): Promise<string[]>;
  /** Abort any single store query that runs longer than `ms` (a server's reads; ingest sets none). */
  limitQueryTime(ms: number): void;
  close(): Promise<void>;
}

const ID_PREFIXES = new Map<string, NodeLabel>([['doc', 'Document'], ['org', 'Organization'], ['program', 'Program'], ['reg', 'Regulation'], ['target', 'Target'], ['place', 'Place']]);

/** The label an id names by its prefix (a Map: `constructor:x` must not find Object's constructor). */
export function labelOfId(id: string): NodeLabel {
  const l = ID_PREFIXES.get(id.slice(0, id.indexOf(':')));
  if (!l) throw new Error(`not a node id: ${id.slice(0, 80)}`);
  return l;
}

/**
 * Every node of a label (documents without their text). An empty search text is contained in
 * every name (the embedded store answers it as Neo4j does).
 */
export async function allNodes(store: GraphStore, label: NodeLabel): Promise<GraphNode[]> {
  return label === 'Document' ? store.documents({}) : store.searchCandidates('', [label], Number.MAX_SAFE_INTEGER);
}

/** Every node through the paged reads (a store that has no bulk read). */
export async function scanNodesByLabel(store: GraphStore, visit: (n: GraphNode) => void): Promise<void> {
  for (const label of NODE_LABELS) for (const n of await allNodes(store, label)) visit(n);
}

/** Every edge through `edges()`, a page of node ids at a time (a store that has no bulk read). */
export async function scanEdgesByPages(store: GraphStore, visit: (e: GraphEdge) => void): Promise<void> {
  for (const label of NODE_LABELS) {
    const ids = (await allNodes(store, label)).map((n) => n.id);
    for (let i = 0; i < ids.length; i += 500) for (const e of await store.edges(ids.slice(i, i + 500), 'OUT')) visit(e);
  }
}

/**
 * A store read over many ids, a page of ids at a time: the embedded store holds a result in its
 * buffer pool, and the MENTIONS of a few thousand programs, sentences and all, overfill it.
 */
export async function paged<T>(ids: readonly string[], read: (page: string[]) => Promise<T[]>, size = 250): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) for (const x of await read(ids.slice(i, i + size))) out.push(x);
  return out;
}
