// How a program spreads, read from the graph: every act of adoption (a
// document that launches, implements, continues or mentions the program or one
// of its local variants, or cites an instrument named for it), the first
// adoption per place, and the steps between places: which earlier adopter most
// plausibly led each place (a jurisdiction containing it first, then a peer),
// with lags only as precise as the dates are.
import type { Level } from '../graph/model.js';
import { allNodes, paged, type GraphEdge, type GraphNode, type GraphStore } from '../graph/store.js';
import { bareName } from '../extract/mention.js';
import { parentChain, placesNamed } from '../extract/variants.js';
import { gazetteer } from '../lexicon/gazetteer.js';
import { loadLexicon } from '../lexicon/load.js';
import { normaliseName } from '../read/normalise.js';

const lex = loadLexicon<{ launches: string; continues: string; levels: Level[] }>('trace.json');
const LAUNCHES = new RegExp(`(${lex.launches})`);
const CONTINUES = new RegExp(`(${lex.continues})`);
const DAY = 86_400_000;

export type How = 'launches' | 'implements' | 'continues' | 'mentions';

export interface Adoption {
  place: string;
  level: Level | null;
  /** As precise as the text states: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
  year: number | null;
  /** True when the date is only an upper bound (an instrument known from the documents that cite it). */
  dateIsBound: boolean;
  /** Where the date comes from: the document itself, the 文号 others cite it by, or the documents that cite it. */
  dateSource: 'document' | 'cited document number' | 'citations' | null;
  /** The span of days the date allows (epoch ms; earliest null when only an upper bound is known). */
  earliest: number | null;
  latest: number | null;
  document: GraphNode | null;
  /** The instrument named for the program, when the adoption is known from a citation. */
  instrument: string | null;
  /** The local variant adopted (健康湖南行动 for 健康中国行动), null when the program itself is. */
  variant: string | null;
  issuer: string | null;
  how: How;
  evidence: string;
  placeInferred: boolean;
  placeConfidence: number;
}

export interface Lag { min: number | null; max: number | null }

export interface SpreadStep {
  from: Adoption;
  to: Adoption;
  /** Days between the two when both dates are days; else null (see lag). */
  lagDays: number | null;
  /** The range of days the two dates allow between the adoptions. */
  lag: Lag;
  /** True when the dates alone put `from` before `to`; false when only the hierarchy does. */
  ordered: boolean;
  /** top-down from a containing jurisdiction or the centre, horizontal between places in different branches, bottom-up to one containing the earlier. */
  direction: 'top-down' | 'horizontal' | 'bottom-up';
  /** Which rule chose `from`. */
  rule: 'containing jurisdiction' | 'peer in the same province' | 'earlier peer';
  /** Similarity (0–1) of the later text about the program to the earlier one: high follows, low adapts. */
  convergence: number | null;
  evidence: string;
}

export interface Diffusion { program: GraphNode; variants: GraphNode[]; adoptions: Adoption[]; first: Adoption[]; spread: SpreadStep[]; levelPath: Level[] }

const rank = (l: Level | null) => (l ? lex.levels.indexOf(l) : lex.levels.length);

export function levelOf(place: string | null): Level | null {
  if (!place) return null;
  return place === '全国' ? 'central' : (gazetteer().get(place)?.level ?? null);
}

/** The days a date allows: a year is the whole year, a month the whole month; a bound has no earliest day. */
export function dateRange(date: string | null, bound = false): { earliest: number | null; latest: number | null } {
  if (!date) return { earliest: null, latest: null };
  const [y, m, d] = date.split('-').map(Number);
  const earliest = Date.UTC(y, (m ?? 1) - 1, d ?? 1);
  const latest = d ? earliest : m ? Date.UTC(y, m, 1) - DAY : Date.UTC(y + 1, 0, 1) - DAY;
  return { earliest: bound ? null : earliest, latest };
}

/** Time of an adoption for drawing (its earliest day, else its latest). */
export function timeOf(a: Pick<Adoption, 'earliest' | 'latest'>): number | null {
  return a.earliest ?? a.latest;
}

/** True only when the dates put `a` before `b` whatever days they stand for. */
export function decidedBefore(a: Pick<Adoption, 'earliest' | 'latest'>, b: Pick<Adoption, 'earliest' | 'latest'>): boolean {
  return a.latest !== null && b.earliest !== null && a.latest < b.earliest;
}

/** True when place `outer` is the centre or contains `inner` (the gazetteer's containment). */
export function contains(outer: string, inner: string): boolean {
  return outer !== inner && (outer === '全国' || gazetteer().within(inner, outer));
}

// Oldest first: by the first day a date allows (an upper bound, known from citations, allows any
// day before it: it comes first), then the last, then the higher level; undated last; the same
// period and level by place and document (code points), so that every store gives one order.
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const order = (a: Adoption, b: Adoption) => (a.latest === null ? 1 : 0) - (b.latest === null ? 1 : 0)
  || (a.earliest ?? -Infinity) - (b.earliest ?? -Infinity) || (a.latest ?? 0) - (b.latest ?? 0) || rank(a.level) - rank(b.level)
  || byCodePoint(a.place, b.place) || byCodePoint(a.document?.id ?? a.instrument ?? '', b.document?.id ?? b.instrument ?? '');

function bigrams(s: string): Map<string, number> {
  const t = s.replace(/[\s\p{P}\p{S}\d]/gu, '');
  const m = new Map<string, number>();
  for (let i = 0; i + 2 <= t.length; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

/** Cosine similarity of character bigrams: how much of one text's wording the other keeps. */
export function convergence(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let dot = 0; let nx = 0; let ny = 0;
  for (const [k, v] of x) { nx += v * v; dot += v * (y.get(k) ?? 0); }
  for (const v of y.values()) ny += v * v;
  return nx && ny ? Math.round((dot / Math.sqrt(nx * ny)) * 1000) / 1000 : 0;
}

export type ProgramMatch = { kind: 'one'; program: GraphNode } | { kind: 'none' } | { kind: 'ambiguous'; /** The shortest names first, at most 20. */ candidates: GraphNode[]; total: number };

/**
 * A program by a name as a user writes it (normalised as extraction normalises names): its
 * canonical name or an alias, else the programs whose name contains it. Several programs that
 * are one family (健康中国行动 and 健康湖南行动 ← 健康中国行动) resolve to the family's root; several
 * unrelated ones are returned as candidates, never picked silently.
 */
export async function resolveProgram(store: GraphStore, written: string): Promise<ProgramMatch> {
  const name = normaliseName(written);
  if (!name) return { kind: 'none' };
  const exact = (await store.findByName('Program', name))[0];
  if (exact) return { kind: 'one', program: exact };
  const hits = (await store.searchCandidates(name, ['Program'], 200))
    .filter((n) => n.name.includes(name) || ((n.props.aliases as string[] | null) ?? []).some((a) => a.includes(name)))
    .sort((a, b) => a.name.length - b.name.length || a.name.localeCompare(b.name));
  if (hits.length <= 1) return hits[0] ? { kind: 'one', program: hits[0] } : { kind: 'none' };
  const root = hits.find((r) => hits.every((h) => h === r || parentChain(h.name).some((p) => p.name === r.name)));
  return root ? { kind: 'one', program: root } : { kind: 'ambiguous', candidates: hits.slice(0, 20), total: hits.length };
}

/** The program and its local variants, down to variants of variants (广东省十四五X → 十四五X → X). */
export async function programFamily(store: GraphStore, program: GraphNode): Promise<GraphNode[]> {
  return (await programFamilies(store, [program]))[0];
}

/** The documents that mention a program or one of its variants. */
export async function familyDocumentIds(store: GraphStore, family: readonly GraphNode[]): Promise<string[]> {
  return [...new Set((await store.edges(family.map((p) => p.id), 'IN', ['MENTIONS'])).map((e) => e.from))];
}

/** Items by a key, in their order. */
const group = <T>(xs: T[], key: (x: T) => string) => {
  const m = new Map<string, T[]>();
  for (const x of xs) { const k = key(x); const l = m.get(k); if (l) l.push(x); else m.set(k, [x]); }
  return m;
};

/** Each program's family, read for all of them at once (a store round trip per depth, not per program). */
async function programFamilies(store: GraphStore, programs: GraphNode[]): Promise<GraphNode[][]> {
  const families = programs.map((p) => new Map([[p.id, p]]));
  let frontier = programs.map((p, i) => [i, p.id] as const);
  for (let depth = 0; depth < 3 && frontier.length; depth++) {
    const children = group(await store.edges([...new Set(frontier.map(([, id]) => id))], 'IN', ['VARIANT_OF']), (e) => e.to);
    const next = frontier.flatMap(([i, id]) => (children.get(id) ?? []).map((e) => e.from).filter((c) => !families[i].has(c)).map((c) => [i, c] as const));
    const nodes = new Map((await store.nodes([...new Set(next.map(([, id]) => id))])).filter((n): n is GraphNode => !!n).map((n) => [n.id, n]));
    for (const [i, id] of next) if (nodes.has(id)) families[i].set(id, nodes.get(id)!);
    frontier = next;
  }
  return families.map((f) => [...f.values()]);
}

/**
 * The place of the variant a document names in its heading (its first 120 characters), when
 * that place lies within the document's stated place (or it states none): 健康衡东行动 in a page
 * whose metadata read only 湖南省 → 衡东县.
 */
function headingVariantPlace(edges: GraphEdge[], members: Map<string, GraphNode>, root: string, stated: string | null): string | null {
  for (const e of edges) {
    if (e.type !== 'MENTIONS' || e.to === root || !members.has(e.to)) continue;
    const spans = JSON.parse(String(e.props.spans ?? '[]')) as [number, number][];
    if (!spans.length || spans[0][0] > 120) continue;
    const link = parentChain(members.get(e.to)!.name)[0];
    const named = link?.place ? placesNamed(link.place) : [];
    // 健康长沙行动 in 长沙市's document names 长沙市 itself, not 长沙县 within it.
    if (stated && named.includes(stated)) continue;
    const inside = named.filter((p) => !stated || stated === '全国' || contains(stated, p));
    if (inside.length === 1 && inside[0] !== stated) return inside[0];
  }
  return null;
}

/** The year a document number states, in the sentence that cites a title: 《…》（国发〔2019〕13号）. */
function citedNumberYear(sentence: string, title: string): number | null {
  // Compared as names are kept: a title quoting its brand (关于实施“启航”计划的意见) is stored without the quotes.
  const [s, t] = [bareName(sentence), bareName(title)];
  const at = s.indexOf(t);
  if (at < 0) return null;
  const after = s.slice(at + t.length, at + t.length + 24);
  const m = /^[（(][^）)]*?[〔[［](\d{4})[〕\]］]/.exec(after);
  return m ? Number(m[1]) : null;
}

/** What a trace reads from the store: the family's adopting edges, the instruments named for it, their documents. */
interface TraceReads {
  family: GraphNode[];
  incoming: GraphEdge[];
  instruments: Map<string, GraphNode>;
  instrumentEdges: GraphEdge[];
  docs: Map<string, GraphNode>;
  /** A year-only document's latest cited 〔YYYY〕N号. */
  citedUpTo: Map<string, number>;
  /** The issuers of the instruments. */
  issuers: Map<string, GraphNode>;
}

/**
 * Regulations named for each program (its name within theirs): for a few programs one store
 * search each; for many, all regulations read once and matched here by a rare character pair.
 */
async function instrumentsNamed(store: GraphStore, names: string[]): Promise<Map<string, GraphNode[]>> {
  const out = new Map<string, GraphNode[]>();
  if (names.length <= 20) {
    for (const n of names) out.set(n, (await store.searchCandidates(n, ['Regulation'], 50)).filter((r) => r.name.includes(n)));
    return out;
  }
  const regulations = await allNodes(store, 'Regulation');
  const byPair = new Map<string, GraphNode[]>();
  for (const r of regulations) {
    for (const pair of new Set([...r.name].slice(1).map((c, i) => r.name[i] + c))) { const l = byPair.get(pair); if (l) l.push(r); else byPair.set(pair, [r]); }
  }
  for (const n of names) {
    const pairs = [...n].slice(1).map((c, i) => n[i] + c);
    const rarest = pairs.map((p) => byPair.get(p) ?? []).sort((a, b) => a.length - b.length)[0] ?? [];
    out.set(n, rarest.filter((r) => r.name.includes(n)).slice(0, 50));
  }
  return out;
}

/** The reads of many traces at once, in a few store round trips in all. */
async function readTraces(store: GraphStore, programs: GraphNode[]): Promise<TraceReads[]> {
  const families = await programFamilies(store, programs);
  const members = [...new Set(families.flatMap((f) => f.map((p) => p.id)))];
  const incoming = group(await paged(members, (ids) => store.edges(ids, 'IN', ['MENTIONS', 'IMPLEMENTS', 'ISSUES'])), (e) => e.to);
  // Instruments named for the program or a variant: documents that cite them adopt it, the one they describe launches it.
  const named = await instrumentsNamed(store, [...new Set(families.flatMap((f) => f.slice(0, 50).map((p) => p.name)))]);
  const instrumentIds = [...new Set([...named.values()].flat().map((r) => r.id))];
  const intoInstruments = group(await paged(instrumentIds, (ids) => store.edges(ids, 'IN', ['ISSUES', 'REFERENCES', 'IMPLEMENTS', 'DESCRIBES'])), (e) => e.to);
  const docOf = (e: GraphEdge) => (e.type === 'ISSUES' ? (e.props.docId as string | undefined) : e.from);
  const all = [...incoming.values(), ...intoInstruments.values()].flat();
  const nodeMap = async (ids: string[]) => new Map((await paged(ids, (page) => store.nodes(page), 1000)).filter((n): n is GraphNode => !!n).map((n) => [n.id, n]));
  const docs = await nodeMap([...new Set(all.map(docOf).filter((d): d is string => !!d?.startsWith('doc:')))]);
  // A text dated only by its plan years is no earlier than the latest document it cites (国发〔2022〕2号).
  const yearOnly = [...docs.values()].filter((d) => !d.props.date || /^\d{4}$/.test(String(d.props.date)));
  const citedUpTo = new Map<string, number>();
  const texts = await paged(yearOnly.map((d) => d.id), (ids) => store.texts(ids), 100);
  texts.forEach((t, i) => {
    const ys = [...(t ?? '').matchAll(/[〔[［](\d{4})[〕\]］]\d+号/g)].map((m) => Number(m[1]));
    if (ys.length) citedUpTo.set(yearOnly[i].id, Math.max(...ys));
  });
  const issuerIds = [...new Set(all.filter((e) => e.type === 'ISSUES' && e.to.startsWith('reg:')).map((e) => e.from))];
  const issuers = await nodeMap(issuerIds);
  return families.map((family) => {
    const instruments = new Map(family.slice(0, 50).flatMap((p) => named.get(p.name) ?? []).map((r) => [r.id, r]));
    const instrumentEdges = [...instruments.keys()].flatMap((id) => intoInstruments.get(id) ?? []);
    const into = family.flatMap((p) => incoming.get(p.id) ?? []);
    return {
      family, incoming: into, instruments, instrumentEdges,
      docs: new Map([...into, ...instrumentEdges].map(docOf).filter((d): d is string => !!d && docs.has(d)).map((d) => [d, docs.get(d)!])),
      citedUpTo, issuers,
    };
  });
}

export async function traceProgram(store: GraphStore, program: GraphNode): Promise<Diffusion> {
  return diffuse(program, (await readTraces(store, [program]))[0]);
}

/** Many programs' traces, read together: what the diffusion network builds on. */
export async function tracePrograms(store: GraphStore, programs: GraphNode[]): Promise<Diffusion[]> {
  const reads = await readTraces(store, programs);
  return programs.map((p, i) => diffuse(p, reads[i]));
}

function diffuse(program: GraphNode, { family, incoming, instruments, instrumentEdges, docs, citedUpTo, issuers }: TraceReads): Diffusion {
  const memberOf = new Map(family.map((p) => [p.id, p]));
  const byDoc = new Map<string, GraphEdge[]>();
  for (const e of [...incoming, ...instrumentEdges]) {
    const doc = e.type === 'ISSUES' ? (e.props.docId as string | undefined) : e.from;
    if (doc?.startsWith('doc:') && docs.has(doc)) byDoc.set(doc, [...(byDoc.get(doc) ?? []), e]);
  }
  const describedBy = new Map(instrumentEdges.filter((e) => e.type === 'DESCRIBES').map((e) => [e.to, e.from]));
  const adoptions: Adoption[] = [];

  for (const [id, d] of docs) {
    const mine = byDoc.get(id)!;
    const names = family.map((p) => p.name);
    // Names are compared as extraction writes them: without quotes, 《》 or spaces (启动实施“青苗”计划).
    const sentences = mine.map((e) => bareName(String(e.props.sentence ?? '')));
    const title = bareName(String(d.props.title ?? ''));
    const launched = mine.some((e) => e.type === 'ISSUES' && memberOf.has(e.to)) || mine.some((e) => e.type === 'DESCRIBES')
      || names.some((n) => title.includes(n))
      || sentences.some((s) => names.some((n) => s.includes(n) && LAUNCHES.test(s.slice(0, s.indexOf(n)))));
    const how: How = launched ? 'launches' : sentences.some((s) => CONTINUES.test(s)) ? 'continues'
      : mine.some((e) => e.type === 'IMPLEMENTS' || e.type === 'REFERENCES') ? 'implements' : 'mentions';
    // The variant a place adopts: the family member its edges reach that is not the program itself.
    const reached = mine.map((e) => memberOf.get(e.to) ?? null).filter((p): p is GraphNode => !!p);
    const variant = reached.some((p) => p.id === program.id) ? null
      : (reached.find((p) => d.props.place && p.name.includes(String(d.props.place).slice(0, 2))) ?? reached[0])?.name ?? null;
    // A central text often states no place: a document with no place and no local level governs 全国.
    const stated = (d.props.place as string | null) ?? (d.props.level && d.props.level !== 'central' ? null : '全国');
    // A text whose heading names its own version of the program (健康衡东行动) adopts it for the place that version names.
    const own = headingVariantPlace(mine, memberOf, program.id, stated);
    const place = own ?? stated;
    if (!place) continue;
    let date = (d.props.date as string | null) ?? (d.props.year ? String(d.props.year) : null);
    let dateSource: Adoption['dateSource'] = date ? 'document' : null;
    const upTo = citedUpTo.get(id);
    if (upTo && (!date || (/^\d{4}$/.test(date) && upTo > Number(date)))) { date = String(upTo); dateSource = 'cited document number'; }
    if (!date) {
      // Undated: the year of the 文号 others cite it by, else no later than the first document citing it.
      const own = [...describedBy].find(([, doc]) => doc === id)?.[0];
      const cites = own ? instrumentEdges.filter((e) => e.to === own && e.type !== 'DESCRIBES' && e.from !== id) : [];
      const numbered = cites.map((e) => citedNumberYear(String(e.props.sentence ?? ''), instruments.get(own!)!.name)).find((y) => y);
      if (numbered) { date = String(numbered); dateSource = 'cited document number'; }
    }
    const evidenceEdge = mine.find((e) => e.type === 'IMPLEMENTS') ?? mine.find((e) => e.type !== 'DESCRIBES') ?? mine[0];
    adoptions.push({
      place, level: own ? levelOf(place) : (d.props.level as Level | null) ?? levelOf(place), date, year: date ? Number(date.slice(0, 4)) : null,
      dateIsBound: false, dateSource, ...dateRange(date), document: d, instrument: null, variant,
      issuer: ((d.props.issuers as string[] | null) ?? [])[0] ?? null, how,
      evidence: String(evidenceEdge?.props.sentence ?? ''),
      placeInferred: own ? true : Boolean(d.props.placeInferred), placeConfidence: own ? 0.8 : Number(d.props.placeConfidence ?? 1),
    });
  }

  // Instruments named for the program that no document here is (the Ministry's opinion, known from citations).
  for (const r of instruments.values()) {
    if (describedBy.has(r.id)) continue;
    const edges = instrumentEdges.filter((e) => e.to === r.id);
    const issues = edges.find((e) => e.type === 'ISSUES');
    const issuer = issues ? issuers.get(issues.from) ?? null : null;
    const place = issuer ? ((issuer.props.place as string | null) ?? (issuer.props.level === 'central' ? '全国' : null)) : null;
    if (!place || adoptions.some((a) => a.place === place && a.document && edges.some((e) => e.from === a.document!.id))) continue;
    const citing = edges.filter((e) => e.type !== 'ISSUES').map((e) => docs.get(e.from)).filter((d): d is GraphNode => !!d);
    const numbered = edges.map((e) => citedNumberYear(String(e.props.sentence ?? ''), r.name)).find((y) => y);
    const years = citing.map((d) => d.props.year as number | null).filter((y): y is number => !!y);
    const date = numbered ? String(numbered) : years.length ? String(Math.min(...years)) : null;
    const bound = !numbered;
    adoptions.push({
      place, level: levelOf(place), date, year: date ? Number(date) : null, dateIsBound: bound && !!date,
      dateSource: numbered ? 'cited document number' : date ? 'citations' : null, ...dateRange(date, bound),
      document: null, instrument: r.name, variant: family.find((p) => p.id !== program.id && r.name.includes(p.name))?.name ?? null,
      issuer: issuer?.name ?? null, how: 'launches', evidence: String(issues?.props.sentence ?? edges[0]?.props.sentence ?? ''),
      placeInferred: false, placeConfidence: 1,
    });
  }
  adoptions.sort(order);

  // The first adoption of each place: the one whose date ends soonest (2019 before ≤2022, an
  // upper bound that allows any earlier day), and where each came from.
  const firstOf = new Map<string, Adoption>();
  for (const a of adoptions) {
    const f = firstOf.get(a.place);
    if (!f || (a.latest ?? Infinity) < (f.latest ?? Infinity)) firstOf.set(a.place, a);
  }
  const first = [...firstOf.values()].sort(order);
  const spread = first.map((to) => step(to, first, adoptions)).filter((s): s is SpreadStep => !!s);
  const levelPath: Level[] = [];
  for (const f of first) if (f.level && !levelPath.includes(f.level)) levelPath.push(f.level);
  return { program, variants: family.filter((p) => p.id !== program.id), adoptions, first, spread, levelPath };
}

/**
 * Where a place's first adoption most plausibly came from: the nearest jurisdiction containing it
 * that adopted no later (the centre last), else the latest peer whose adoption the dates put
 * before it, one of its own province first. Null when no earlier adopter is plausible.
 */
function step(to: Adoption, first: Adoption[], adoptions: Adoption[]): SpreadStep | null {
  const others = first.filter((f) => f !== to);
  const notAfter = (f: Adoption) => !decidedBefore(to, f) && (f.earliest ?? -Infinity) <= (to.latest ?? Infinity);
  const containers = others.filter((f) => contains(f.place, to.place) && notAfter(f)).sort((a, b) => rank(b.level) - rank(a.level));
  const province = gazetteer().get(to.place)?.province;
  const peers = others.filter((f) => !contains(f.place, to.place) && !contains(to.place, f.place) && decidedBefore(f, to))
    .sort((a, b) => (b.latest ?? 0) - (a.latest ?? 0));
  const sameProvince = peers.filter((f) => province && gazetteer().get(f.place)?.province === province);
  const below = others.filter((f) => contains(to.place, f.place) && decidedBefore(f, to));
  const [from, rule] = containers[0] ? [containers[0], 'containing jurisdiction' as const]
    : sameProvince[0] ? [sameProvince[0], 'peer in the same province' as const]
      : peers[0] ? [peers[0], 'earlier peer' as const]
        : below[0] ? [below[0], 'earlier peer' as const] : [null, null];
  if (!from || !rule) return null;
  const lag: Lag = {
    min: from.latest !== null && to.earliest !== null ? Math.round((to.earliest - from.latest) / DAY) : null,
    max: from.earliest !== null && to.latest !== null ? Math.round((to.latest - from.earliest) / DAY) : null,
  };
  const exact = lag.min !== null && lag.min === lag.max;
  // Convergence compares texts: the source place's first adoption that has one.
  const model = adoptions.find((a) => a.place === from.place && a.document);
  return {
    from, to, lag, lagDays: exact ? lag.min : null, ordered: decidedBefore(from, to),
    direction: contains(from.place, to.place) ? 'top-down' : contains(to.place, from.place) ? 'bottom-up' : 'horizontal',
    rule, convergence: model && to.document ? convergence(model.evidence, to.evidence) : null, evidence: to.evidence,
  };
}
