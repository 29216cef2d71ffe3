// The server's reads from memory: every node (documents without their text), a
// character-pair index over names and aliases, and (within a budget) every edge with its
// adjacency. A request that looks up a node, searches a name or walks edges then costs
// microseconds instead of store queries (a search scanned every label with CONTAINS: 1.7 s
// p95 under 20 clients on the 10,000-document graph; a hop was a dozen queries). The graph
// changes only at ingest: a write through this store drops the model and builds it anew
// once the writes pause; until then the store answers, so new documents are answered at
// once and correctly. Any GraphStore can be wrapped: the rest of the interface goes to the
// store as it is.
import { NODE_LABELS, RELATION_TYPES, type NodeLabel, type RelationType } from './model.js';
import { EDGE_PROPS } from './rows.js';
import type { GraphEdge, GraphNode, GraphStore, Neighbourhood, PathHop, StoreStats } from './store.js';

/** Edge properties held as numbers; the rest (document, sentence, rule, JSON of spans and passages) as strings. */
const NUMBER_PROPS = ['sentStart', 'sentEnd', 'srcStart', 'srcEnd', 'confidence', 'score'] as const;
const STRING_PROPS = EDGE_PROPS.filter((p) => !(NUMBER_PROPS as readonly string[]).includes(p));
/** Each property in the store's order: numeric or not, and its column. */
const DOC_ID = STRING_PROPS.indexOf('docId');
const SENT_START = NUMBER_PROPS.indexOf('sentStart');
const COLUMNS = EDGE_PROPS.map((p) => { const j = (NUMBER_PROPS as readonly string[]).indexOf(p); return [p, j >= 0, j >= 0 ? j : STRING_PROPS.indexOf(p)] as const; });

// Comparisons at module level: a closure made per call (and named by the loader's helper) was most of a long path's time.
const byCodePoint = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** The relation types asked for, as the type column's codes; null for every type. */
const typeSet = (types: readonly RelationType[] | null | undefined) => (types?.length ? new Set(types.map((t) => RELATION_TYPES.indexOf(t))) : null);

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
    // Two characters are one pair: every text in its list holds them.
    const confirm = text.length !== 2;
    for (const i of candidates) {
      if (out.length >= limit) break;
      if (!confirm || this.hay[i].includes(text)) out.push(this.nodes[i]);
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
    for (const label of NODE_LABELS) m.labels.set(label, new LabelIndex());
    await store.scanNodes((n) => {
      const index = m.labels.get(n.label)!;
      m.byId.set(n.id, n);
      if (n.label === 'Document') { index.add(n, `${n.name}\n${n.props.title ?? ''}`); return; }
      const names = [n.name, ...((n.props.aliases as string[] | null) ?? [])];
      index.add(n, names.join('|'));
      for (const name of new Set(names)) { const k = `${n.label}\t${name}`; const l = m.byName.get(k); if (l) l.push(n); else m.byName.set(k, [n]); }
    });
    return m;
  }

  named(label: NodeLabel, name: string): GraphNode[] { return this.byName.get(`${label}\t${name}`) ?? []; }
}

/**
 * A string of its own: a field cut from a parser's chunk is a slice that keeps the whole chunk
 * alive (V8 sliced strings), a megabyte for each sentence kept.
 */
const own = (s: string) => Buffer.from(s, 'utf8').toString('utf8');

/** Grows a typed array's capacity by doubling. */
function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Every edge, in columns: node ids and strings (documents, sentences, rules) as indices into
 * tables, offsets and scores as numbers, and each node's out- and in-edges in CSR arrays. About
 * 60 bytes an edge: the 931k edges of the 10,000-document graph fit where edges as objects
 * (~600 bytes each) did not. A request's edges are made into objects when it asks for them.
 */
class EdgeModel {
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private readonly nodeIndex = new Map<string, number>();
  private readonly nodeIds: string[] = [];
  private n = 0;
  private type: Uint8Array;
  private from: Int32Array;
  private to: Int32Array;
  /** Per property of STRING_PROPS / NUMBER_PROPS: a string index (-1 for null) / a number (NaN for null). */
  private readonly str: Int32Array[];
  private readonly num: Float64Array[];
  private outStart: Int32Array = new Int32Array(0);
  private outEdges: Int32Array = new Int32Array(0);
  private inStart: Int32Array = new Int32Array(0);
  private inEdges: Int32Array = new Int32Array(0);

  /** `expected`: the number of edges the store counts (the arrays grow if more arrive). */
  private constructor(expected: number) {
    const n = Math.max(16, expected);
    this.type = new Uint8Array(n);
    this.from = new Int32Array(n);
    this.to = new Int32Array(n);
    this.str = STRING_PROPS.map(() => new Int32Array(n));
    this.num = NUMBER_PROPS.map(() => new Float64Array(n));
  }

  /** Null when `stale()` turns true before the scan ends (a write, or the store closing). */
  static async read(store: GraphStore, stale: () => boolean): Promise<EdgeModel | null> {
    const m = new EdgeModel(Object.values((await store.stats()).relations).reduce((a, b) => a + b, 0));
    let gone = false;
    await store.scanEdges((e) => { if (!gone && stale()) gone = true; if (!gone) m.add(e); });
    if (gone || stale()) return null;
    m.index();
    return m;
  }

  private node(id: string): number {
    let i = this.nodeIndex.get(id);
    if (i === undefined) { i = this.nodeIds.push(own(id)) - 1; this.nodeIndex.set(this.nodeIds[i], i); }
    return i;
  }

  private string(v: unknown): number {
    if (v === null || v === undefined) return -1;
    const s = String(v);
    let i = this.stringIndex.get(s);
    if (i === undefined) { i = this.strings.push(own(s)) - 1; this.stringIndex.set(this.strings[i], i); }
    return i;
  }

  private add(e: GraphEdge): void {
    const k = this.n++;
    this.type = grown(this.type, this.n);
    this.from = grown(this.from, this.n);
    this.to = grown(this.to, this.n);
    this.type[k] = RELATION_TYPES.indexOf(e.type);
    this.from[k] = this.node(e.from);
    this.to[k] = this.node(e.to);
    STRING_PROPS.forEach((p, j) => { this.str[j] = grown(this.str[j], this.n); this.str[j][k] = this.string(e.props[p]); });
    NUMBER_PROPS.forEach((p, j) => { this.num[j] = grown(this.num[j], this.n); const v = e.props[p]; this.num[j][k] = typeof v === 'number' ? v : NaN; });
  }

  /** Each node's edges, contiguous: counts, prefix sums, fill. */
  private index(): void {
    const csr = (end: Int32Array): [Int32Array, Int32Array] => {
      const start = new Int32Array(this.nodeIds.length + 1);
      for (let k = 0; k < this.n; k++) start[end[k] + 1]++;
      for (let i = 0; i < this.nodeIds.length; i++) start[i + 1] += start[i];
      const fill = start.slice(0, -1);
      const edges = new Int32Array(this.n);
      for (let k = 0; k < this.n; k++) edges[fill[end[k]]++] = k;
      return [start, edges];
    };
    [this.outStart, this.outEdges] = csr(this.from);
    [this.inStart, this.inEdges] = csr(this.to);
  }

  private edge(k: number): GraphEdge {
    const props: Record<string, unknown> = {};
    for (const [p, numeric, j] of COLUMNS) {
      if (numeric) { const v = this.num[j][k]; props[p] = Number.isNaN(v) ? null : v; } else { const i = this.str[j][k]; props[p] = i < 0 ? null : this.strings[i]; }
    }
    return { type: RELATION_TYPES[this.type[k]], from: this.nodeIds[this.from[k]], to: this.nodeIds[this.to[k]], props };
  }

  /** Per side of a path search: the search that reached a node (its stamp; minus it while the level is open) and the edge it came by. */
  private marks: Int32Array[] = [];
  private via: Int32Array[] = [];
  private stamp = 0;

  /**
   * src/api/path.ts's search on the indices, to the same hops: each level grows the side with
   * fewer nodes, a node newly reached keeps its least edge (by ends, type, document, offset) and
   * of the nodes where the sides meet the least id wins. A path across a hub walks tens of
   * thousands of edges: as objects that took 40 ms, here a millisecond.
   */
  path(fromId: string, toId: string, maxDepth: number, types: readonly RelationType[] | null, maxVisited: number): PathHop[] | null {
    const ends = [this.nodeIndex.get(fromId), this.nodeIndex.get(toId)];
    if (ends[0] === undefined || ends[1] === undefined) return null; // a node without edges reaches nothing
    if (this.marks[0]?.length !== this.nodeIds.length || this.stamp >= 0x7ffffff0) {
      this.marks = [new Int32Array(this.nodeIds.length), new Int32Array(this.nodeIds.length)];
      this.via = [new Int32Array(this.nodeIds.length), new Int32Array(this.nodeIds.length)];
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    const wanted = typeSet(types);
    const frontiers = [[ends[0]], [ends[1]]];
    const sizes = [1, 1];
    for (let s = 0; s < 2; s++) { this.marks[s][ends[s]!] = stamp; this.via[s][ends[s]!] = -1; }
    for (let depth = 0; depth < maxDepth; depth++) {
      const side = frontiers[0].length <= frontiers[1].length ? 0 : 1;
      const [mark, via] = [this.marks[side], this.via[side]];
      const reached: number[] = [];
      const reach = (k: number, there: number) => {
        if (wanted && !wanted.has(this.type[k])) return;
        if (mark[there] === stamp) return;
        if (mark[there] !== -stamp) { mark[there] = -stamp; via[there] = k; reached.push(there); } else if (this.byEnds(k, via[there]) < 0) via[there] = k;
      };
      for (const here of frontiers[side]) {
        for (let x = this.outStart[here]; x < this.outStart[here + 1]; x++) reach(this.outEdges[x], this.to[this.outEdges[x]]);
        for (let x = this.inStart[here]; x < this.inStart[here + 1]; x++) reach(this.inEdges[x], this.from[this.inEdges[x]]);
      }
      let meet = -1;
      for (const there of reached) {
        mark[there] = stamp;
        if (this.marks[1 - side][there] === stamp && (meet < 0 || this.nodeIds[there] < this.nodeIds[meet])) meet = there;
      }
      if (meet >= 0) return this.join(meet);
      frontiers[side] = reached;
      sizes[side] += reached.length;
      if (!reached.length || sizes[0] + sizes[1] > maxVisited) return null;
    }
    return null;
  }

  /** path.ts's order of two edges reaching one node (ids by code point, then type, document, offset). */
  private byEnds(a: number, b: number): number {
    return byCodePoint(this.nodeIds[this.from[a]], this.nodeIds[this.from[b]]) || byCodePoint(this.nodeIds[this.to[a]], this.nodeIds[this.to[b]])
      || byCodePoint(RELATION_TYPES[this.type[a]], RELATION_TYPES[this.type[b]]) || byCodePoint(this.docOf(a), this.docOf(b)) || this.sentStartOf(a) - this.sentStartOf(b);
  }

  private docOf(k: number): string { return this.str[DOC_ID][k] < 0 ? '' : this.strings[this.str[DOC_ID][k]]; }
  private sentStartOf(k: number): number { return Number.isNaN(this.num[SENT_START][k]) ? 0 : this.num[SENT_START][k]; }

  /** The hops from the start to `meet` and on to the end, by the edges each side came by. */
  private join(meet: number): PathHop[] {
    const walk = (side: number) => {
      const hops: PathHop[] = [];
      for (let at = meet, k = this.via[side][at]; k >= 0; k = this.via[side][at]) {
        const prev = this.from[k] === at ? this.to[k] : this.from[k];
        hops.push({ edge: this.edge(k), from: this.nodeIds[prev], to: this.nodeIds[at] });
        at = prev;
      }
      return hops;
    };
    return [...walk(0).reverse(), ...walk(1).map((h) => ({ edge: h.edge, from: h.to, to: h.from }))];
  }

  /** Per node: the neighbourhood walk that reached it (its stamp) or left it out (minus it). */
  private around = new Int32Array(0);
  private aroundStamp = 0;

  /**
   * src/api/neighbors.ts's walk on the indices, to the same answer: the edges of a level in the
   * order edges() gives them, only those kept made into objects. Two hops from a body reach
   * documents with a hundred edges each: as objects that was most of a request.
   */
  neighbourhood(startId: string, depth: number, types: readonly RelationType[], limit: number): Neighbourhood {
    if (this.around.length !== this.nodeIds.length || this.aroundStamp >= 0x7ffffff0) { this.around = new Int32Array(this.nodeIds.length); this.aroundStamp = 0; }
    const [mark, stamp] = [this.around, ++this.aroundStamp];
    const wanted = typeSet(types);
    const start = this.nodeIndex.get(startId) ?? -1; // a node without edges reaches nothing
    if (start >= 0) mark[start] = stamp;
    const ids = [startId];
    const kept = new Map<string, number>();
    let omitted = 0;
    let frontier = [start];
    let d = 0;
    for (; d < depth && frontier.length && ids.length < limit; d++) {
      const next: number[] = [];
      const reach = (i: number) => {
        if (mark[i] === stamp) return;
        if (ids.length < limit) { mark[i] = stamp; ids.push(this.nodeIds[i]); next.push(i); } else if (mark[i] !== -stamp) { mark[i] = -stamp; omitted++; }
      };
      const visit = (k: number) => {
        if (wanted && !wanted.has(this.type[k])) return;
        reach(this.from[k]);
        reach(this.to[k]);
        if (mark[this.from[k]] === stamp && mark[this.to[k]] === stamp) kept.set(`${this.type[k]}|${this.from[k]}|${this.to[k]}|${this.str[DOC_ID][k]}`, k);
      };
      for (const here of frontier) if (here >= 0) for (let x = this.outStart[here]; x < this.outStart[here + 1]; x++) visit(this.outEdges[x]);
      for (const here of frontier) if (here >= 0) for (let x = this.inStart[here]; x < this.inStart[here + 1]; x++) visit(this.inEdges[x]);
      frontier = next;
    }
    return {
      ids,
      edges: [...kept.values()].map((k) => this.edge(k)),
      truncated: omitted > 0 || (d < depth && frontier.length > 0 && ids.length >= limit),
      omitted,
    };
  }

  /** As the store answers: out-edges then in-edges of the distinct ids (an edge between two of them twice with BOTH). */
  edges(ids: readonly string[], direction: 'OUT' | 'IN' | 'BOTH', types?: readonly RelationType[] | null): GraphEdge[] {
    const wanted = typeSet(types);
    const out: GraphEdge[] = [];
    for (const [start, list, dir] of [[this.outStart, this.outEdges, 'OUT'], [this.inStart, this.inEdges, 'IN']] as const) {
      if (direction !== 'BOTH' && direction !== dir) continue;
      for (const id of new Set(ids)) {
        const i = this.nodeIndex.get(id);
        if (i === undefined) continue;
        for (let x = start[i]; x < start[i + 1]; x++) if (!wanted || wanted.has(this.type[list[x]])) out.push(this.edge(list[x]));
      }
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
   * `maxEdges`: the edges are held in memory only up to this many (beyond it the store walks
   * them). In columns an edge costs ~100 bytes with its share of the distinct sentences: the
   * 931k of the 10,000-document graph take ~110 MB and 14 s to read.
   */
  constructor(private readonly store: GraphStore, private readonly maxEdges = Number(process.env.POLICY_KG_READ_MODEL_EDGES ?? 5_000_000)) { this.kind = store.kind; }

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
      const e = await EdgeModel.read(this.store, stale);
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
      this.drop();
      if (this.building) {
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

  scanNodes(visit: (n: GraphNode) => void) { return this.store.scanNodes(visit); }
  scanEdges(visit: (e: GraphEdge) => void) { return this.store.scanEdges(visit); }

  async edges(ids: readonly string[], direction: 'OUT' | 'IN' | 'BOTH', types?: readonly RelationType[] | null): Promise<GraphEdge[]> {
    const m = this.edgeModel;
    return m ? m.edges(ids, direction, types) : this.store.edges(ids, direction, types);
  }

  async shortestPath(from: string, to: string, maxDepth: number, types: readonly RelationType[] | null, maxVisited: number): Promise<PathHop[] | null | undefined> {
    return this.edgeModel?.path(from, to, maxDepth, types, maxVisited);
  }

  async neighbourhood(start: string, depth: number, types: readonly RelationType[], limit: number): Promise<Neighbourhood | undefined> {
    return this.edgeModel?.neighbourhood(start, depth, types, limit);
  }

  init() { return this.store.init(); }
  /** Counted once per version of the graph: an overview asked under load must not wait for the store. */
  private counted: { generation: number; stats: Promise<StoreStats> } | null = null;
  stats(): Promise<StoreStats> {
    if (this.counted?.generation !== this.generation) {
      const stats = this.store.stats();
      this.counted = { generation: this.generation, stats };
      stats.catch(() => { if (this.counted?.stats === stats) this.counted = null; });
    }
    return this.counted.stats;
  }
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
