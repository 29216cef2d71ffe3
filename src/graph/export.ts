// The graph in the formats researchers take it to other tools: GraphML (Gephi, Cytoscape,
// NetworkX, R's igraph), CSV as `neo4j-admin database import full` reads it (one file per
// label and relationship type, typed headers, `;` between array items), and JSON Lines.
// Every edge keeps its evidence (document, sentence, offsets).
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { NODE_LABELS, RELATION_TYPES, type NodeLabel, type RelationType } from './model.js';
import { allNodes, paged, type GraphEdge, type GraphNode, type GraphStore } from './store.js';

export type ExportFormat = 'graphml' | 'csv' | 'jsonl';
export interface ExportOptions {
  types?: readonly RelationType[] | null;
  /**
   * Only this part of the graph: these nodes (a program's family and its documents, a place's
   * documents) and what lies within `depth` hops of them (default 1), with the edges among them.
   */
  seeds?: readonly string[] | null;
  depth?: number;
}
export interface ExportResult { nodes: number; edges: number; files: string[] }

type Scalar = string | number | boolean | null;
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

/** Every node (documents without their text) and every edge of the given types; or the seeds' neighbourhood. */
async function readGraph(store: GraphStore, o: ExportOptions): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  if (o.seeds) return neighbourhood(store, o.seeds, o.depth ?? 1, o.types ?? null);
  const nodes: GraphNode[] = [];
  for (const l of NODE_LABELS) nodes.push(...await allNodes(store, l));
  const edges = await paged(nodes.map((n) => n.id), (ids) => store.edges(ids, 'OUT', o.types ?? null), 500);
  return { nodes, edges };
}

/** The seeds and every node within `depth` hops, over edges of the given types, with the edges among them. */
async function neighbourhood(store: GraphStore, seeds: readonly string[], depth: number, types: readonly RelationType[] | null) {
  const kept = new Set(seeds);
  let frontier = [...kept];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next = new Set<string>();
    for (const e of await paged(frontier, (ids) => store.edges(ids, 'BOTH', types), 500)) for (const id of [e.from, e.to]) if (!kept.has(id)) next.add(id);
    for (const id of next) kept.add(id);
    frontier = [...next];
  }
  const nodes = (await paged([...kept], (ids) => store.nodes(ids), 500)).filter((n): n is GraphNode => n !== null);
  const edges = (await paged([...kept], (ids) => store.edges(ids, 'OUT', types), 500)).filter((e) => kept.has(e.to));
  return { nodes, edges };
}

/** Property keys and their kind, over all the given property maps (`names` is the search column, not data). */
function columns(props: Record<string, unknown>[]): [string, 'long' | 'double' | 'boolean' | 'string' | 'string[]'][] {
  const kinds = new Map<string, Set<string>>();
  for (const p of props) for (const [k, v] of Object.entries(p)) {
    if (k === 'id' || k === 'names' || v === null || v === undefined) continue;
    const kind = isArray(v) ? 'string[]' : typeof v === 'number' ? (Number.isInteger(v) ? 'long' : 'double') : typeof v === 'boolean' ? 'boolean' : 'string';
    kinds.set(k, (kinds.get(k) ?? new Set()).add(kind));
  }
  return [...kinds].map(([k, s]) => [k, s.size === 1 ? ([...s][0] as 'long') : s.has('string') || s.has('string[]') ? 'string' : 'double']);
}

const write = (out: WriteStream, s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
const close = (out: WriteStream) => new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const csv = (v: Scalar) => (v === null ? '' : /[",\n\r;]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const flat = (v: unknown): Scalar => (v === undefined ? null : isArray(v) ? v.join(';') : typeof v === 'object' && v !== null ? JSON.stringify(v) : (v as Scalar));

async function graphml(file: string, nodes: GraphNode[], edges: GraphEdge[]): Promise<void> {
  const out = createWriteStream(file);
  const nodeCols = columns(nodes.map((n) => n.props));
  const edgeCols = columns(edges.map((e) => e.props));
  const type = (k: string) => (k === 'long' ? 'long' : k === 'double' ? 'double' : k === 'boolean' ? 'boolean' : 'string');
  await write(out, '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n');
  await write(out, '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n  <key id="type" for="edge" attr.name="type" attr.type="string"/>\n');
  for (const [k, kind] of nodeCols) await write(out, `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${type(kind)}"/>\n`);
  for (const [k, kind] of edgeCols) await write(out, `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${type(kind)}"/>\n`);
  await write(out, '  <graph id="policy-kg" edgedefault="directed">\n');
  const data = (prefix: string, cols: [string, string][], props: Record<string, unknown>) => cols
    .filter(([k]) => props[k] !== null && props[k] !== undefined).map(([k]) => `<data key="${prefix}${k}">${xml(String(flat(props[k])))}</data>`).join('');
  for (const n of nodes) await write(out, `    <node id="${xml(n.id)}"><data key="label">${n.label}</data>${data('n_', nodeCols, n.props)}</node>\n`);
  for (const e of edges) await write(out, `    <edge source="${xml(e.from)}" target="${xml(e.to)}"><data key="type">${e.type}</data>${data('e_', edgeCols, e.props)}</edge>\n`);
  await write(out, '  </graph>\n</graphml>\n');
  await close(out);
}

async function csvFiles(dir: string, nodes: GraphNode[], edges: GraphEdge[]): Promise<string[]> {
  const files: string[] = [];
  const table = async (file: string, head: string[], rows: Scalar[][]) => {
    const out = createWriteStream(join(dir, file));
    await write(out, `${head.join(',')}\n`);
    for (const r of rows) await write(out, `${r.map(csv).join(',')}\n`);
    await close(out);
    files.push(join(dir, file));
  };
  // neo4j-admin's header: `id:ID` (kept as a property), typed properties, `:LABEL`; `:START_ID,:END_ID,:TYPE` for relationships.
  const typed = (k: string, kind: string) => (kind === 'string' ? k : `${k}:${kind}`);
  for (const l of NODE_LABELS as readonly NodeLabel[]) {
    const of = nodes.filter((n) => n.label === l);
    if (!of.length) continue;
    const cols = columns(of.map((n) => n.props));
    await table(`nodes_${l}.csv`, ['id:ID', ...cols.map(([k, kind]) => typed(k, kind)), ':LABEL'], of.map((n) => [n.id, ...cols.map(([k]) => flat(n.props[k])), l]));
  }
  for (const t of RELATION_TYPES) {
    const of = edges.filter((e) => e.type === t);
    if (!of.length) continue;
    const cols = columns(of.map((e) => e.props));
    await table(`relationships_${t}.csv`, [':START_ID', ':END_ID', ':TYPE', ...cols.map(([k, kind]) => typed(k, kind))], of.map((e) => [e.from, e.to, t, ...cols.map(([k]) => flat(e.props[k]))]));
  }
  return files;
}

async function jsonl(file: string, nodes: GraphNode[], edges: GraphEdge[]): Promise<void> {
  const out = createWriteStream(file);
  for (const n of nodes) await write(out, `${JSON.stringify({ kind: 'node', label: n.label, id: n.id, props: Object.fromEntries(Object.entries(n.props).filter(([k]) => k !== 'names')) })}\n`);
  for (const e of edges) await write(out, `${JSON.stringify({ kind: 'edge', type: e.type, from: e.from, to: e.to, props: e.props })}\n`);
  await close(out);
}

/** Writes the graph into `dir` (graph.graphml, graph.jsonl, or the CSV files) and says what it wrote. */
export async function exportGraph(store: GraphStore, format: ExportFormat, dir: string, o: ExportOptions = {}): Promise<ExportResult> {
  mkdirSync(dir, { recursive: true });
  const { nodes, edges } = await readGraph(store, o);
  let files: string[];
  if (format === 'csv') files = await csvFiles(dir, nodes, edges);
  else {
    files = [join(dir, `graph.${format}`)];
    await (format === 'graphml' ? graphml : jsonl)(files[0], nodes, edges);
  }
  return { nodes: nodes.length, edges: edges.length, files };
}
