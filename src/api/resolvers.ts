// Resolvers: thin maps from the schema to the store interface, through the request's loaders.
import { createGraphQLError } from 'graphql-yoga';
import { LEVELS, NODE_LABELS, RELATION_TYPES, type Level, type NodeLabel, type RelationType } from '../graph/model.js';
import { labelOfId, type DocumentFilter, type GraphEdge, type GraphNode, type GraphStore } from '../graph/store.js';
import type { CascadeCache } from './cascades.js';
import { issuerName, nearMisses, placeInFront, placesWithin, placeScopedOrganizations } from './names.js';
import { normaliseName } from '../read/normalise.js';
import type { Loaders } from './loaders.js';
import { connection, pagedConnection, pageWindow, type Limits } from './paging.js';
import { shortestPath, type PathHop } from './path.js';
import { neighbourhood } from './neighbors.js';
import { explain } from '../trace/explain.js';
import { networkOf } from '../trace/network.js';
import { familyDocumentIds, programFamily, resolveProgram, type ProgramMatch, type Adoption, type Diffusion, type SpreadStep } from '../trace/adoption.js';
import type { Passage } from '../graph/model.js';

export interface Context {
  store: GraphStore; loaders: Loaders; limits: Limits; abort: AbortController; cascades: CascadeCache;
  /** Set by the cost limit (src/api/cost.ts); orders the request's turn (src/api/schedule.ts). */
  cost?: number;
}
type Args = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any


function notFound(what: string): never {
  throw createGraphQLError(`${what} not found`, { extensions: { code: 'NOT_FOUND' } });
}
/** A program by a name as written; several unrelated matches are an error that lists them. */
async function programNamed(ctx: Context, name: string): Promise<GraphNode> {
  const m: ProgramMatch = await resolveProgram(ctx.store, String(name));
  if (m.kind === 'one') return m.program;
  if (m.kind === 'none') notFound(`program ${String(name).slice(0, 80)}`);
  throw createGraphQLError(`${m.total} programs match ${String(name).slice(0, 80)}: ${m.candidates.slice(0, 10).map((c) => c.name).join('、')}${m.total > 10 ? '…' : ''}; name one of them`, {
    extensions: { code: 'AMBIGUOUS', candidates: m.candidates.map((c) => ({ id: c.id, name: c.name })) },
  });
}
function badInput(message: string): never {
  throw createGraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

async function nodeOrThrow(ctx: Context, id: string, label?: NodeLabel): Promise<GraphNode> {
  // An id names its label by its prefix (doc:, org:, program:, …): anything else never reaches the store.
  try { labelOfId(id); } catch { badInput(`not a node id: ${id.slice(0, 80)} (ids start with doc:, org:, program:, reg:, target: or place:)`); }
  const n = await ctx.loaders.node.load(id);
  if (!n || (label && n.label !== label)) notFound(`${label ?? 'node'} ${id}`);
  return n;
}

interface RelationView { edge: GraphEdge; from: string }

function relationsOf(direction: 'OUT' | 'IN' | 'BOTH') {
  return async (n: GraphNode, a: Args, ctx: Context) => {
    const types = (a.types as RelationType[] | null) ?? null;
    const edges = await ctx.loaders.edges.load({ id: n.id, direction: a.direction ?? direction, types });
    const views: RelationView[] = edges.map((edge) => ({ edge, from: n.id }));
    return connection(views, a.first, a.after, ctx.limits);
  };
}

async function mentionsOf(n: GraphNode, a: Args, ctx: Context) {
  const edges = await ctx.loaders.edges.load({ id: n.id, direction: 'IN', types: ['MENTIONS'] });
  return connection(edges.map((edge) => ({ edge, from: n.id })), a.first, a.after, ctx.limits);
}

const entityFields = {
  aliases: (n: GraphNode) => (n.props.aliases as string[]) ?? [],
  relations: relationsOf('BOTH'),
  mentions: mentionsOf,
};
const prop = (k: string) => (n: GraphNode) => n.props[k] ?? null;

/** A hit's score: its kind of match less a little for a longer name, to three places. */
const scored = (base: number, name: string) => Math.round((base - Math.min(0.09, name.length / 1000)) * 1000) / 1000;

/** Rank a candidate for a query: exact name, exact alias, prefix, substring; shorter names first. */
function rank(n: GraphNode, q: string): number {
  // Called for every candidate (thousands for two characters): no array or second scan per call.
  const at = n.name.indexOf(q);
  return scored(n.name === q ? 1 : (n.props.aliases as string[] | null | undefined)?.includes(q) ? 0.9 : at === 0 ? 0.8 : at > 0 ? 0.6 : 0.5, n.name);
}

type Scored = { node: GraphNode; score: number };
/** Best first; ties by code point (ICU collation, localeCompare, of thousands of Chinese names took most of a request). */
const byScore = (x: Scored, y: Scored) => y.score - x.score || (x.node.name < y.node.name ? -1 : x.node.name > y.node.name ? 1 : 0);

/**
 * The first `k` hits by score, as objects: only those at or above the k-th score are made and
 * sorted (a two-character search has thousands of candidates and asks for ten; an object for
 * each candidate and sorting them all was a third of a request).
 */
function best(nodes: GraphNode[], scores: number[], k: number): Scored[] {
  const bar = k < scores.length ? Float64Array.from(scores).sort()[scores.length - k] : -Infinity;
  const hits: Scored[] = [];
  for (let i = 0; i < nodes.length; i++) if (scores[i] >= bar) hits.push({ node: nodes[i], score: scores[i] });
  return hits.sort(byScore).slice(0, k);
}

/**
 * A path's relations unless asked for others: not MENTIONS, GOVERNS or LOCATED_IN, through
 * which every two things are a hop from 党中央, 全国 or 上海市 apart.
 */
const PATH_TYPES = RELATION_TYPES.filter((t) => !['MENTIONS', 'GOVERNS', 'LOCATED_IN'].includes(t));

/** The API's document filter as the stores take it: a place as written with what it contains, an issuer by any of its names. */
async function documentFilter(ctx: Context, given: Args): Promise<DocumentFilter> {
  if (given.yearFrom != null && given.yearTo != null && given.yearFrom > given.yearTo) badInput('yearFrom is after yearTo');
  if (given.level != null && !LEVELS.includes(given.level as Level)) badInput(`level must be one of ${LEVELS.join(', ')}`);
  const { place, issuer, program, ...rest } = given;
  // A program's documents: those that mention it or one of its variants.
  const ids = program ? await familyDocumentIds(ctx.store, await programFamily(ctx.store, await programNamed(ctx, program))) : null;
  return { ...rest, ids, places: place ? placesWithin(normaliseName(place)) : null, issuer: issuer ? await issuerName(ctx.store, issuer) : null };
}

export const resolvers = {
  Query: {
    stats: async (_: unknown, __: Args, ctx: Context) => {
      const s = await ctx.store.stats();
      const list = (o: Record<string, number>) => Object.entries(o).map(([key, count]) => ({ key, count }));
      return { labels: list(s.labels), relations: list(s.relations) };
    },
    documents: async (_: unknown, a: Args, ctx: Context) => {
      const f = await documentFilter(ctx, a.filter ?? {});
      // The store sorts and pages: a list of ten thousand documents is never read whole.
      const { offset, size } = pageWindow(a.first, a.after, ctx.limits);
      const [docs, total] = await Promise.all([ctx.store.documents(f, { offset, limit: size, desc: a.sort === 'DATE_DESC' }), ctx.store.countDocuments(f)]);
      return pagedConnection(docs, offset, total);
    },
    documentFacets: async (_: unknown, a: Args, ctx: Context) => {
      const f = await documentFilter(ctx, a.filter ?? {});
      const [facets, total] = await Promise.all([ctx.store.documentFacets(f), ctx.store.countDocuments(f)]);
      return { total, ...facets };
    },
    diffusion: async (_: unknown, a: Args, ctx: Context) => {
      return ctx.loaders.trace.load(await programNamed(ctx, a.program));
    },
    diffusionNetwork: async (_: unknown, a: Args, ctx: Context) => {
      if (a.level != null && !LEVELS.includes(a.level as Level)) badInput(`level must be one of ${LEVELS.join(', ')}`);
      if (a.minPrograms < 1) badInput('minPrograms must be at least 1');
      if (a.windowYears < 0 || a.windowYears > 50) badInput('windowYears must be between 0 and 50');
      return networkOf(await ctx.cascades(ctx.store), { level: a.level, minPrograms: a.minPrograms, windowYears: a.windowYears });
    },
    path: async (_: unknown, a: Args, ctx: Context) => {
      const maxDepth = a.maxDepth ?? 4;
      if (maxDepth < 1 || maxDepth > 6) badInput('maxDepth must be between 1 and 6');
      await nodeOrThrow(ctx, a.from);
      await nodeOrThrow(ctx, a.to);
      const hops = await shortestPath(ctx.store, a.from, a.to, maxDepth, (a.relationTypes as RelationType[] | null) ?? PATH_TYPES);
      return hops && { hops, ids: [a.from, ...hops.map((h) => h.to)] };
    },
    document: (_: unknown, a: Args, ctx: Context) => nodeOrThrow(ctx, a.id, 'Document'),
    entity: async (_: unknown, a: Args, ctx: Context) => {
      const n = await nodeOrThrow(ctx, a.id);
      if (n.label === 'Document') badInput(`${a.id} is a document: use document(id:)`);
      return n;
    },
    program: (_: unknown, a: Args, ctx: Context) => programNamed(ctx, a.name),
    organization: async (_: unknown, a: Args, ctx: Context) => {
      const name = normaliseName(a.name);
      return (await ctx.store.findByName('Organization', name))[0] ?? (await placeScopedOrganizations(ctx.store, name, false))[0] ?? notFound(`organization ${a.name}`);
    },
    search: async (_: unknown, a: Args, ctx: Context) => {
      // Normalised as names are: Simplified, no quotes, 《》, spaces or invisible characters.
      const q = normaliseName(String(a.query));
      if (!q) badInput('query must not be empty');
      const labels: NodeLabel[] = (a.types as NodeLabel[] | null)?.length ? a.types : [...NODE_LABELS];
      const nodes = await ctx.store.searchCandidates(q, labels, 500);
      const scores = nodes.map((n) => rank(n, q));
      // 上海市教委: the 市教委 of 上海市, ranked as that body's alias.
      if (labels.includes('Organization')) {
        const scoped = await placeScopedOrganizations(ctx.store, q, true);
        if (scoped.length) {
          const known = new Set(nodes.map((n) => n.id));
          const rests = placeInFront(q)?.rests ?? [];
          for (const n of scoped.filter((n) => !known.has(n.id))) { nodes.push(n); scores.push(Math.max(...rests.map((r) => rank(n, r))) - 0.05); }
        }
      }
      // Nothing as written: near misses (one wrong character in four), below any real hit.
      if (!nodes.length) {
        for (const { node, edits } of await nearMisses(ctx.store, q, labels)) { nodes.push(node); scores.push(scored(0.4 - 0.1 * edits, node.name)); }
      }
      const { offset, size } = pageWindow(a.first, a.after, ctx.limits);
      const page = pagedConnection(best(nodes, scores, offset + size).slice(offset), offset, nodes.length);
      return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.node, score: e.node.score })) };
    },
    neighbors: async (_: unknown, a: Args, ctx: Context) => {
      const depth = a.depth ?? 1;
      if (depth < 1 || depth > 3) badInput('depth must be 1, 2 or 3');
      const limit = a.limit ?? 100;
      if (limit < 1 || limit > 500) badInput('limit must be between 1 and 500');
      const start = await nodeOrThrow(ctx, a.id);
      const types = (a.relationTypes as RelationType[] | null) ?? RELATION_TYPES.filter((t) => t !== 'MENTIONS');
      const around = await neighbourhood(ctx.store, start.id, depth, types, limit);
      const nodes = (await ctx.loaders.node.loadMany(around.ids)).filter((n): n is GraphNode => !!n && !(n instanceof Error));
      const ids = new Set(nodes.map((n) => n.id));
      return {
        nodes,
        edges: around.edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e) => ({ type: e.type, from: e.from, to: e.to, sentence: e.props.sentence ?? '' })),
        truncated: around.truncated,
        omitted: around.omitted,
      };
    },
  },
  Path: {
    length: (p: { hops: PathHop[] }) => p.hops.length,
    nodes: (p: { ids: string[] }, _: Args, ctx: Context) => Promise.all(p.ids.map((id) => nodeOrThrow(ctx, id))),
  },
  Hop: {
    from: (h: PathHop, _: Args, ctx: Context) => nodeOrThrow(ctx, h.from),
    to: (h: PathHop, _: Args, ctx: Context) => nodeOrThrow(ctx, h.to),
    type: (h: PathHop) => h.edge.type,
    direction: (h: PathHop) => (h.edge.from === h.from ? 'OUT' : 'IN'),
    evidence: (h: PathHop) => h.edge,
  },
  Node: { __resolveType: (n: GraphNode) => n.label },
  Entity: { __resolveType: (n: GraphNode) => n.label },
  Organization: { ...entityFields, level: prop('level'), place: prop('place') },
  Program: {
    ...entityFields, kind: prop('kind'),
    adoptions: async (n: GraphNode, a: Args, ctx: Context) => {
      const { size } = pageWindow(a.first ?? 100, null, ctx.limits);
      return (await ctx.loaders.trace.load(n)).adoptions.slice(0, size);
    },
    spread: async (n: GraphNode, _: Args, ctx: Context) => (await ctx.loaders.trace.load(n)).spread,
    variants: async (n: GraphNode, _: Args, ctx: Context) => (await ctx.loaders.trace.load(n)).variants,
  },
  Diffusion: {
    firstAdoptions: (d: Diffusion) => d.first,
    variants: (d: Diffusion) => d.variants,
    explanation: (d: Diffusion) => explain(d),
  },
  Adoption: {
    dateIsBound: (a: Adoption) => a.dateIsBound,
    earliest: (a: Adoption) => (a.earliest === null ? null : new Date(a.earliest).toISOString().slice(0, 10)),
    latest: (a: Adoption) => (a.latest === null ? null : new Date(a.latest).toISOString().slice(0, 10)),
  },
  SpreadStep: {
    from: (s: SpreadStep) => s.from.place,
    to: (s: SpreadStep) => s.to.place,
    source: (s: SpreadStep) => s.from,
    target: (s: SpreadStep) => s.to,
    lagMinDays: (s: SpreadStep) => s.lag.min,
    lagMaxDays: (s: SpreadStep) => s.lag.max,
  },
  Regulation: { ...entityFields, kind: prop('kind') },
  Target: { ...entityFields, value: prop('value'), unit: prop('unit'), subject: prop('subject'), deadline: prop('deadline'), durationYears: prop('durationYears') },
  Place: { ...entityFields, level: prop('level') },
  Document: {
    title: prop('title'), noticeTitle: prop('noticeTitle'), docNumber: prop('docNumber'), date: prop('date'), year: prop('year'),
    issuers: (n: GraphNode) => (n.props.issuers as string[]) ?? [], place: prop('place'), placeEvidence: prop('placeEvidence'),
    placeInferred: (n: GraphNode) => Boolean(n.props.placeInferred), placeConfidence: prop('placeConfidence'), level: prop('level'),
    source: prop('source'), part: prop('part'), text: (n: GraphNode, _: Args, ctx: Context) => ctx.loaders.text.load(n.id),
    relations: relationsOf('BOTH'),
    reuses: async (n: GraphNode, a: Args, ctx: Context) => {
      const edges = await ctx.loaders.edges.load({ id: n.id, direction: a.direction ?? 'BOTH', types: ['REUSES'] });
      const out = await Promise.all(edges.map(async (e) => ({
        document: await nodeOrThrow(ctx, e.from === n.id ? e.to : e.from),
        direction: e.from === n.id ? 'OUT' : 'IN',
        score: Number(e.props.score ?? 0),
        passages: JSON.parse(String(e.props.passages ?? '[]')) as Passage[],
      })));
      return out.sort((x, y) => y.score - x.score);
    },
  },
  Relation: {
    type: (r: RelationView) => r.edge.type,
    direction: (r: RelationView) => (r.edge.from === r.from ? 'OUT' : 'IN'),
    node: async (r: RelationView, _: Args, ctx: Context) => nodeOrThrow(ctx, r.edge.from === r.from ? r.edge.to : r.edge.from),
    evidence: (r: RelationView) => r.edge,
    confidence: (r: RelationView) => r.edge.props.confidence ?? 0,
    rule: (r: RelationView) => r.edge.props.rule ?? '',
  },
  Evidence: {
    document: (e: GraphEdge, _: Args, ctx: Context) => (e.props.docId ? ctx.loaders.node.load(e.props.docId as string) : null),
    sentence: (e: GraphEdge) => e.props.sentence ?? '',
    start: (e: GraphEdge) => e.props.sentStart ?? 0,
    end: (e: GraphEdge) => e.props.sentEnd ?? 0,
    sourceStart: (e: GraphEdge) => e.props.srcStart ?? 0,
    sourceEnd: (e: GraphEdge) => e.props.srcEnd ?? 0,
  },
};
