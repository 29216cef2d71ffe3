// The server's reads from memory: every node (documents without their text), a
// character-pair index over names and aliases, and (within a budget) every edge with its
// adjacency. A request that looks up a node, searches a name or walks edges then costs
// microseconds instead of store queries (a search scanned every label with CONTAINS: 1.7 s
// p95 under 20 clients on the 10,000-document graph; a hop was a dozen queries). The graph
// changes only at ingest: a write through this store drops the model and builds it anew
// once the writes pause; until then the store answers, so new documents are answered at
// once and correctly. Any GraphStore can be wrapped: the rest of the interface goes to the
// store as it is.
import { NODE_LABELS, type NodeLabel, type RelationType } from './model.js';
import { allNodes, type GraphEdge, type GraphNode, type GraphStore } from './store.js';

/** Nodes of one label and the text a search matches against (names and aliases; a document's name and title). */
class LabelIndex {
  readonly nodes: GraphNode[] = [];
  private readonly hay: string[] = [];
  private readonly pairs = new Map<string, number[]>();

  add(n: GraphNode, hay: string): void {
    const i = this.nodes.push(n) - 1;
    this.hay.push(hay);
    let last = '';
    for (let k = 0; k + 1 < hay.length; k++) {
      const p = hay.slice(k, k + 2);
      if (p === last) continue;
      const list = this.pairs.get(p);
      if (!list) this.pairs.set(p, [i]);
      else if (list.at(-1) !== i) list.push(i);
      last = p;
    }
  }

  /** Up to `limit` nodes whose text contains `text`: candidates from its rarest character pair, confirmed. */
  search(text: string, limit: number): GraphNode[] {
    let candidates: Iterable<number>;
    if (text.length < 2) candidates = this.nodes.keys();
    else {
      let rarest: number[] | undefined;
      for (let k = 0; k + 1 < text.length; k++) {
        const list = this.pairs.get(text.slice(k, k + 2)) ?? [];
        if (!rarest || list.length < rarest.length) rarest = list;
        if (!list.length) return [];
      }
      candidates = rarest!;
    }
    const out: GraphNode[] = [];
    for (const i of candidates) {
      if (out.length >= limit) break;
      if (this.hay[i].includes(text)) out.push(this.nodes[i]);
    }
    return out;
  }
}

class NodeModel {
  readonly byId = new Map<string, GraphNode>();
  readonly labels = new Map<NodeLabel, LabelIndex>();
  private readonly byName = new Map<string, GraphNode[]>();

  static async read(store: GraphStore): Promise<NodeModel> {
    const m = new NodeModel();
    for (const label of NODE_LABELS) {
      const index = new LabelIndex();
      m.labels.set(label, index);
      const nodes = await allNodes(store, label);
      for (const n of nodes) {
        m.byId.set(n.id, n);
        if (label === 'Document') { index.add(n, `${n.name}\n${n.props.title ?? ''}`); continue; }
        const names = [n.name, ...((n.props.aliases as string[] | null) ?? [])];
        index.add(n, names.join('|'));
        for (const name of new Set(names)) { const k = `${label}\t${name}`; m.byName.set(k, [...(m.byName.get(k) ?? []), n]); }
      }
    }
    return m;
  }

  named(label: NodeLabel, name: string): GraphNode[] { return this.byName.get(`${label}\t${name}`) ?? []; }
}

/** Every edge, by the node it leaves and the node it enters. */
class EdgeModel {
  private readonly out = new Map<string, GraphEdge[]>();
  private readonly into = new Map<string, GraphEdge[]>();

  /** Null when `stale()` turns true before the last page is read (a write, or the store closing). */
  static async read(store: GraphStore, ids: string[], stale: () => boolean): Promise<EdgeModel | null> {
    const m = new EdgeModel();
    // The same sentence is the evidence of every fact read from it: one string, not one per edge.
    const strings = new Map<string, string>();
    const intern = (v: unknown) => { if (typeof v !== 'string') return v; const k = strings.get(v); if (k !== undefined) return k; strings.set(v, v); return v; };
    for (let i = 0; i < ids.length; i += 500) {
      if (stale()) return null;
      for (const e of await store.edges(ids.slice(i, i + 500), 'OUT')) {
        for (const k of ['sentence', 'docId', 'rule']) if (k in e.props) e.props[k] = intern(e.props[k]);
        for (const [map, key] of [[m.out, e.from], [m.into, e.to]] as const) { const l = map.get(key); if (l) l.push(e); else map.set(key, [e]); }
      }
    }
    return m;
  }

  /** As the store answers: out-edges then in-edges of the distinct ids (an edge between two of them twice with BOTH). */
  edges(ids: readonly string[], direction: 'OUT' | 'IN' | 'BOTH', types?: readonly RelationType[] | null): GraphEdge[] {
    const wanted = types?.length ? new Set(types) : null;
    const out: GraphEdge[] = [];
    for (const [map, dir] of [[this.out, 'OUT'], [this.into, 'IN']] as const) {
      if (direction !== 'BOTH' && direction !== dir) continue;
      for (const id of new Set(ids)) for (const e of map.get(id) ?? []) if (!wanted || wanted.has(e.type)) out.push(e);
    }
    return out;
  }
}

export class ReadModelStore implements GraphStore {
  readonly kind: GraphStore['kind'];
  private nodeModel: NodeModel | null = null;
  private edgeModel: EdgeModel | null = null;
  /** Bumped by every write: a model built from an older graph is thrown away. */
  private generation = 0;
  private building: Promise<void> | null = null;

  /**
   * `maxEdges`: the edges are held in memory only up to this many. Each costs about 600 bytes
   * with its evidence, and reading them through the store interface grows faster than their
   * number (107k edges: 5 s, 70 MB; the 931k of the 10,000-document graph: 144 s, 660 MB):
   * beyond it the store walks them.
   */
  constructor(private readonly store: GraphStore, private readonly maxEdges = Number(process.env.POLICY_KG_READ_MODEL_EDGES ?? 300_000)) { this.kind = store.kind; }

  private async edgesFit(): Promise<boolean> {
    const { relations } = await this.store.stats();
    return Object.values(relations).reduce((a, b) => a + b, 0) <= this.maxEdges;
  }

  /**
   * Build the model of the graph as it is now, nodes first, then edges; reads use the store
   * until each part is ready. Resolves when the nodes are.
   */
  private rebuild(): Promise<void> {
    const gen = this.drop();
    const stale = () => gen !== this.generation;
    const nodes = NodeModel.read(this.store).then((m) => { if (!stale()) this.nodeModel = m; return m; });
    const all = nodes.then(async (m) => {
      if (!(await this.edgesFit())) return;
      const e = await EdgeModel.read(this.store, [...m.byId.keys()], stale);
      if (e && !stale()) this.edgeModel = e;
    });
    // A failed build leaves the store answering; the next write tries again.
    this.building = all.catch(() => undefined);
    return nodes.then(() => undefined);
  }

  /** Build the node model now and the edges in the background (a server does at start). */
  warm(): Promise<void> { return this.rebuild(); }

  /** Wait until the whole model is built (tests, benchmarks). */
  async ready(): Promise<void> {
    if (!this.building || !this.nodeModel) void this.rebuild().catch(() => undefined);
    await this.building;
  }

  /** A rebuild waiting for the writes to pause. */
  private pending: NodeJS.Timeout | null = null;

  /** Forget the model (the store answers) and any build under way or waiting; the new generation. */
  private drop(): number {
    if (this.pending) { clearTimeout(this.pending); this.pending = null; }
    this.nodeModel = null;
    this.edgeModel = null;
    return ++this.generation;
  }

  /** After a write the store answers at once; the model is rebuilt once the writes pause (an ingest writes a chunk at a time). */
  private async written<T>(write: Promise<T>): Promise<T> {
    try { return await write; } finally {
      if (this.building) {
        this.drop();
        this.pending = setTimeout(() => { this.pending = null; void this.rebuild().catch(() => undefined); }, 500);
        this.pending.unref();
      }
    }
  }

  load(...a: Parameters<GraphStore['load']>) { return this.written(this.store.load(...a)); }
  replaceReuses(...a: Parameters<GraphStore['replaceReuses']>) { return this.written(this.store.replaceReuses(...a)); }

  async nodes(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    const m = this.nodeModel;
    return m ? ids.map((id) => m.byId.get(id) ?? null) : this.store.nodes(ids);
  }

  async searchCandidates(text: string, labels: readonly NodeLabel[], limit: number): Promise<GraphNode[]> {
    const m = this.nodeModel;
    return m ? labels.flatMap((l) => m.labels.get(l)?.search(text, limit) ?? []) : this.store.searchCandidates(text, labels, limit);
  }

  async findByName(label: NodeLabel, name: string): Promise<GraphNode[]> {
    // A document is found by its title, 文号 or reference, with its text: the store answers.
    const m = this.nodeModel;
    return m && label !== 'Document' ? m.named(label, name) : this.store.findByName(label, name);
  }

  async edges(ids: readonly string[], direction: 'OUT' | 'IN' | 'BOTH', types?: readonly RelationType[] | null): Promise<GraphEdge[]> {
    const m = this.edgeModel;
    return m ? m.edges(ids, direction, types) : this.store.edges(ids, direction, types);
  }

  init() { return this.store.init(); }
  stats() { return this.store.stats(); }
  texts(ids: readonly string[]) { return this.store.texts(ids); }
  documents(...a: Parameters<GraphStore['documents']>) { return this.store.documents(...a); }
  countDocuments(...a: Parameters<GraphStore['countDocuments']>) { return this.store.countDocuments(...a); }
  documentFacets(...a: Parameters<GraphStore['documentFacets']>) { return this.store.documentFacets(...a); }
  reusePending() { return this.store.reusePending(); }
  limitQueryTime(ms: number) { this.store.limitQueryTime(ms); }
  /** Stop building (a build under way ends after its current page); the store stays open. */
  async stop(): Promise<void> {
    if (this.pending) { clearTimeout(this.pending); this.pending = null; }
    this.generation++;
    await this.building;
  }

  async close() {
    await this.stop();
    return this.store.close();
  }
}
