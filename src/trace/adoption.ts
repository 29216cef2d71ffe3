// How a program spreads, read from the graph: every act of adoption (a
// document that launches, implements, continues or mentions it; an instrument
// named for it), the first adoption per place, and the steps between places
// with their lag, direction and how closely the later text follows the first.
import type { Level } from '../graph/model.js';
import type { GraphNode, GraphStore } from '../graph/store.js';
import { gazetteer } from '../lexicon/gazetteer.js';
import { loadLexicon } from '../lexicon/load.js';

const lex = loadLexicon<{ launches: string; continues: string; levels: Level[] }>('trace.json');
const LAUNCHES = new RegExp(`(${lex.launches})`);
const CONTINUES = new RegExp(`(${lex.continues})`);

export type How = 'launches' | 'implements' | 'continues' | 'mentions';

export interface Adoption {
  place: string;
  level: Level | null;
  /** As precise as the text states: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
  year: number | null;
  /** True when the date is only an upper bound (an instrument known from the documents that cite it). */
  dateIsBound: boolean;
  document: GraphNode | null;
  /** The instrument named for the program, when the adoption is known from a citation. */
  instrument: string | null;
  issuer: string | null;
  how: How;
  evidence: string;
  placeInferred: boolean;
  placeConfidence: number;
}

export interface SpreadStep {
  from: Adoption;
  to: Adoption;
  lagDays: number | null;
  /** top-down from a higher level, horizontal between peers, bottom-up to a higher level. */
  direction: 'top-down' | 'horizontal' | 'bottom-up';
  /** Similarity (0–1) of the later text about the program to the earlier one: high follows, low adapts. */
  convergence: number | null;
  evidence: string;
}

export interface Diffusion { program: GraphNode; adoptions: Adoption[]; first: Adoption[]; spread: SpreadStep[]; levelPath: Level[] }

const rank = (l: Level | null) => (l ? lex.levels.indexOf(l) : lex.levels.length);

function levelOf(place: string | null): Level | null {
  if (!place) return null;
  return place === '全国' ? 'central' : (gazetteer().get(place)?.level ?? null);
}

/** Time of an adoption for ordering and lags (first day of what the date states). */
export function timeOf(a: Pick<Adoption, 'date' | 'year'>): number | null {
  const d = a.date ?? (a.year ? String(a.year) : null);
  if (!d) return null;
  const [y, m = '1', day = '1'] = d.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(day));
}

const order = (a: Adoption, b: Adoption) => (timeOf(a) ?? Infinity) - (timeOf(b) ?? Infinity) || rank(a.level) - rank(b.level);

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

/** A program by canonical name or alias, else the shortest program name containing `name` (大学习领航计划). */
export async function findProgram(store: GraphStore, name: string): Promise<GraphNode | null> {
  const exact = (await store.findByName('Program', name))[0];
  if (exact) return exact;
  const hits = (await store.searchCandidates(name, ['Program'], 50)).filter((n) => n.name.includes(name));
  return hits.sort((a, b) => a.name.length - b.name.length)[0] ?? null;
}

export async function traceProgram(store: GraphStore, program: GraphNode): Promise<Diffusion> {
  const incoming = await store.edges([program.id], 'IN', ['MENTIONS', 'IMPLEMENTS', 'ISSUES']);
  const docIds = [...new Set(incoming.filter((e) => e.type !== 'ISSUES').map((e) => e.from))];
  const docs = new Map((await store.nodes(docIds)).filter((d): d is GraphNode => !!d).map((d) => [d.id, d]));
  const adoptions: Adoption[] = [];

  for (const [id, d] of docs) {
    const mine = incoming.filter((e) => e.from === id || e.props.docId === id);
    const sentences = mine.map((e) => String(e.props.sentence ?? ''));
    const launched = mine.some((e) => e.type === 'ISSUES') || String(d.props.title ?? '').includes(program.name)
      || sentences.some((s) => LAUNCHES.test(s.slice(0, Math.max(0, s.indexOf(program.name.slice(0, 2))))));
    const how: How = launched ? 'launches' : sentences.some((s) => CONTINUES.test(s)) ? 'continues'
      : mine.some((e) => e.type === 'IMPLEMENTS') ? 'implements' : 'mentions';
    const place = (d.props.place as string | null) ?? '全国';
    adoptions.push({
      place, level: (d.props.level as Level | null) ?? levelOf(place), date: (d.props.date as string | null) ?? null, year: (d.props.year as number | null) ?? null,
      dateIsBound: false, document: d, instrument: null, issuer: ((d.props.issuers as string[] | null) ?? [])[0] ?? null, how,
      evidence: (mine.find((e) => e.type === 'IMPLEMENTS') ?? mine[0])?.props.sentence as string ?? '',
      placeInferred: Boolean(d.props.placeInferred), placeConfidence: Number(d.props.placeConfidence ?? 1),
    });
  }

  // Instruments named for the program that no document here is (the Ministry's opinion, known from citations).
  const instruments = (await store.searchCandidates(program.name, ['Regulation'], 50)).filter((r) => r.name.includes(program.name));
  for (const r of instruments) {
    const edges = await store.edges([r.id], 'IN', ['ISSUES', 'REFERENCES', 'DESCRIBES']);
    if (edges.some((e) => e.type === 'DESCRIBES')) continue;
    const citing = (await store.nodes(edges.filter((e) => e.type === 'REFERENCES').map((e) => e.from))).filter((d): d is GraphNode => !!d);
    const years = citing.map((d) => d.props.year as number | null).filter((y): y is number => !!y);
    const issues = edges.find((e) => e.type === 'ISSUES');
    const issuer = issues ? (await store.nodes([issues.from]))[0] : null;
    const place = issuer ? ((issuer.props.place as string | null) ?? (issuer.props.level === 'central' ? '全国' : null)) : null;
    if (!place) continue;
    const year = years.length ? Math.min(...years) : null;
    adoptions.push({
      place, level: levelOf(place), date: year ? String(year) : null, year, dateIsBound: true, document: null, instrument: r.name,
      issuer: issuer?.name ?? null, how: 'launches', evidence: String(issues?.props.sentence ?? edges[0]?.props.sentence ?? ''),
      placeInferred: false, placeConfidence: 1,
    });
  }
  adoptions.sort(order);

  // The first adoption of each place, and where each came from.
  const first: Adoption[] = [];
  for (const a of adoptions) if (!first.some((f) => f.place === a.place)) first.push(a);
  const spread: SpreadStep[] = [];
  for (const [i, to] of first.entries()) {
    if (i === 0) continue;
    const before = first.slice(0, i);
    const g = gazetteer().get(to.place);
    // Prefer the place's own superior (its province, the centre), then any higher level, then a peer.
    const superior = before.filter((b) => b.place === '全国' || (g && (b.place === g.province || b.place === g.city)) );
    const higher = before.filter((b) => rank(b.level) < rank(to.level));
    const from = (superior.length ? superior : higher.length ? higher : before).at(-1)!;
    const ft = timeOf(from);
    const tt = timeOf(to);
    // Convergence compares texts: the source place's first adoption that has one (an instrument known
    // only from citations has none of its own).
    const model = adoptions.find((a) => a.place === from.place && a.document);
    spread.push({
      from, to, lagDays: ft !== null && tt !== null ? Math.round((tt - ft) / 86400000) : null,
      direction: rank(from.level) < rank(to.level) ? 'top-down' : rank(from.level) === rank(to.level) ? 'horizontal' : 'bottom-up',
      convergence: model && to.document ? convergence(model.evidence, to.evidence) : null,
      evidence: to.evidence,
    });
  }
  const levelPath: Level[] = [];
  for (const f of first) if (f.level && !levelPath.includes(f.level)) levelPath.push(f.level);
  return { program, adoptions, first, spread, levelPath };
}

