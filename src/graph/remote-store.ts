// The embedded store is one process's: LadybugDB locks its files. While `serve` holds it, the
// other commands (ingest, trace) reach it through the server: the server writes where it
// listens next to the store (<data>.server.json, readable by its owner only, with a token),
// and RemoteStore sends each store call there. Loopback only; see src/api/store-endpoint.ts.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { GraphBatch, NodeLabel, RelationEdge, RelationType } from './model.js';
import { scanEdgesByPages, scanNodesByLabel, type DocumentFacets, type DocumentFilter, type DocumentPage, type GraphEdge, type GraphNode, type GraphStore, type LoadStats, type StoreStats } from './store.js';

export interface ServerFile { url: string; pid: number; token: string }

const fileOf = (data: string) => `${data}.server.json`;

/** Say where the store is served; returns the token clients must send. */
export function announceServer(data: string, origin: string): { token: string; remove: () => void } {
  const token = randomBytes(24).toString('hex');
  const f: ServerFile = { url: `${origin}/_store`, pid: process.pid, token };
  writeFileSync(fileOf(data), JSON.stringify(f), { mode: 0o600 });
  return { token, remove: () => rmSync(fileOf(data), { force: true }) };
}

/** The server serving this store, if one is running (a file left by a killed server is removed). */
export function runningServer(data: string): ServerFile | null {
  let f: ServerFile;
  try { f = JSON.parse(readFileSync(fileOf(data), 'utf8')) as ServerFile; } catch { return null; }
  try { process.kill(f.pid, 0); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') { rmSync(fileOf(data), { force: true }); return null; }
  }
  return f;
}

/** The store methods a client may call through the server. */
export const REMOTE_METHODS = ['load', 'stats', 'nodes', 'texts', 'edges', 'searchCandidates', 'documents', 'countDocuments', 'documentFacets', 'findByName', 'replaceReuses', 'reusePending'] as const;

export class RemoteStore implements GraphStore {
  readonly kind = 'embedded' as const;
  constructor(private readonly server: ServerFile) {}

  private async call<T>(method: (typeof REMOTE_METHODS)[number], ...args: unknown[]): Promise<T> {
    const res = await fetch(this.server.url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${this.server.token}` }, body: JSON.stringify({ method, args }),
    }).catch((e) => { throw new Error(`the server at ${this.server.url} (pid ${this.server.pid}) that holds the store did not answer: ${(e as Error).message}`); });
    const body = (await res.json()) as { result?: T; error?: string };
    if (!res.ok || body.error !== undefined) throw new Error(body.error ?? `the server answered ${res.status}`);
    return body.result as T;
  }

  async init(): Promise<void> { /* the server's store is initialised */ }
  limitQueryTime(): void { /* the server sets its own */ }
  async close(): Promise<void> { /* the server keeps its store */ }
  load(batch: GraphBatch): Promise<LoadStats> { return this.call('load', batch); }
  stats(): Promise<StoreStats> { return this.call('stats'); }
  nodes(ids: readonly string[]): Promise<(GraphNode | null)[]> { return this.call('nodes', ids); }
  texts(ids: readonly string[]): Promise<(string | null)[]> { return this.call('texts', ids); }
  edges(ids: readonly string[], direction: 'OUT' | 'IN' | 'BOTH', types?: readonly RelationType[] | null): Promise<GraphEdge[]> { return this.call('edges', ids, direction, types ?? null); }
  scanNodes(visit: (n: GraphNode) => void): Promise<void> { return scanNodesByLabel(this, visit); }
  scanEdges(visit: (e: GraphEdge) => void): Promise<void> { return scanEdgesByPages(this, visit); }
  searchCandidates(text: string, labels: readonly NodeLabel[], limit: number): Promise<GraphNode[]> { return this.call('searchCandidates', text, labels, limit); }
  documents(filter: DocumentFilter, page?: DocumentPage): Promise<GraphNode[]> { return this.call('documents', filter, page); }
  countDocuments(filter: DocumentFilter): Promise<number> { return this.call('countDocuments', filter); }
  documentFacets(filter: DocumentFilter): Promise<DocumentFacets> { return this.call('documentFacets', filter); }
  findByName(label: NodeLabel, name: string): Promise<GraphNode[]> { return this.call('findByName', label, name); }
  replaceReuses(docIds: readonly string[], edges: readonly RelationEdge[]): Promise<void> { return this.call('replaceReuses', docIds, edges); }
  reusePending(): Promise<string[]> { return this.call('reusePending'); }
}
