// Text reuse between documents: which passages a later document shares with an
// earlier one. Candidates by winnowing (Schleimer et al., the MOSS method):
// each sentence's k-gram hashes are thinned to one minimum per window and
// indexed; sentences of two documents that share rare fingerprints are
// candidates. Rarity is document frequency: a fingerprint in many documents is
// boilerplate (以习近平新时代中国特色社会主义思想为指导) and counts for nothing.
// Candidates are confirmed by edit distance (fastest-levenshtein) and runs of
// consecutive confirmed sentences become the aligned passages.
// (Written here: npm's MinHash packages are unmaintained, and weighting by
// rarity needs the fingerprints themselves.)
import { distance } from 'fastest-levenshtein';
import type { Evidence, Passage, RelationEdge, TextSpan } from '../graph/model.js';
import type { GraphStore } from '../graph/store.js';
import { namedPlaces } from '../read/metadata.js';
import { loadLexicon } from '../lexicon/load.js';

const BOILERPLATE = new RegExp(loadLexicon<{ patterns: string[] }>('boilerplate.json').patterns.map((p) => `(?:${p})`).join('|'), 'g');

export interface ReuseDoc { id: string; text: string; year: number | null; date: string | null; title: string | null }


const K = 8; // characters per shingle: a short Chinese phrase
const W = 4; // winnowing window
const MIN_SENTENCE = 12;
// Sentence ids are packed into pair keys with 24 bits each.
const MAX_SENTENCES = 2 ** 24;
const MIN_SIMILARITY = 0.6;
const MAX_DF = 64;
// In a small corpus 5% of the documents is one or two: a central paragraph that the centre
// and a few provinces share must still count as rare. (The genre's formulae are removed
// before fingerprinting, and a claim needs a MIN_PASSAGE run, so this admits no boilerplate.)
const MIN_DF_LIMIT = 5;
/**
 * Reuse is claimed for a passage of about forty characters of near-verbatim rare
 * text: a run of consecutive clauses whose lengths, each scaled from 0 at
 * MIN_SIMILARITY to 1 when verbatim, add up to MIN_PASSAGE. Two plans that only
 * share short policy phrases of the genre, one clause here and one there
 * (持续推进民办学校分类管理改革), have no such run; a plan that copies a target
 * paragraph or a citation block does, whatever its script was (texts are
 * compared after normalisation: Simplified, debris removed) and without the
 * genre's formulae (boilerplate.json), which count for nothing.
 */
const MIN_PASSAGE = 40;

interface Sentence { doc: number; index: number; start: number; end: number; canon: string }

/** What the comparison sees: no punctuation or spaces; numbers, masks and place names as one symbol. */
function canonical(s: string): string {
  let t = s.replace(BOILERPLATE, '').replace(/[xX×＊*]{2}/g, '#').replace(/\d+(\.\d+)?/g, '#');
  for (const p of namedPlaces(t).reverse()) t = `${t.slice(0, p.index)}#${t.slice(p.index + p.form.length)}`;
  return t.replace(/[\s\p{P}\p{S}]/gu, '');
}

function fnv1a(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

function winnow(canon: string): Set<number> {
  const hashes: number[] = [];
  for (let i = 0; i + K <= canon.length; i++) hashes.push(fnv1a(canon, i, i + K));
  const out = new Set<number>();
  for (let i = 0; i + W <= hashes.length; i++) {
    let min = hashes[i];
    for (let j = i + 1; j < i + W; j++) if (hashes[j] < min) min = hashes[j];
    out.add(min);
  }
  if (hashes.length && hashes.length < W) out.add(Math.min(...hashes));
  return out;
}


/**
 * Clauses of a text long enough to compare, with their canonical form: a plan copies clauses
 * of a long sentence (以提高全民科学素质服务高质量发展为目标，以…为主线) into a sentence of its own.
 */
function sentences(text: string, doc: number): Sentence[] {
  const out: Sentence[] = [];
  let index = 0;
  for (const m of text.matchAll(/[^。！？；，\n]+[。！？；，]?/g)) {
    const canon = canonical(m[0]);
    if (canon.length >= MIN_SENTENCE) out.push({ doc, index: index++, start: m.index!, end: m.index! + m[0].length, canon });
  }
  return out;
}

/**
 * Every sentence of every document, kept compact (typed arrays, no strings):
 * at ten thousand documents there are about a million sentences.
 */
class SentenceTable {
  doc: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  index: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  start: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  end: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  printsFrom: Uint32Array<ArrayBuffer> = new Uint32Array(1025);
  prints: Uint32Array<ArrayBuffer> = new Uint32Array(8192);
  length = 0;
  private printCount = 0;

  add(s: Sentence, prints: Iterable<number>): void {
    if (this.length + 1 >= MAX_SENTENCES) throw new Error(`text reuse: more than ${MAX_SENTENCES} sentences at once`);
    if (this.length + 1 >= this.doc.length) for (const k of ['doc', 'index', 'start', 'end', 'printsFrom'] as const) this[k] = grow(this[k]);
    const n = this.length++;
    this.doc[n] = s.doc; this.index[n] = s.index; this.start[n] = s.start; this.end[n] = s.end;
    this.printsFrom[n] = this.printCount;
    for (const p of prints) {
      if (this.printCount >= this.prints.length) this.prints = grow(this.prints);
      this.prints[this.printCount++] = p;
    }
    this.printsFrom[n + 1] = this.printCount;
  }

  printsOf(n: number): Uint32Array { return this.prints.subarray(this.printsFrom[n], this.printsFrom[n + 1]); }
}

function grow(a: Uint32Array): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}

/** How well the shorter string aligns inside the longer one (1 = contained as is). */
function similarity(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length > short.length * 3) return 0;
  return 1 - (distance(a, b) - (long.length - short.length)) / short.length;
}

/** Which of two documents is later: plan year, then a later year in its title (2024年工作要点), then date, then id. */
export function later(a: ReuseDoc, b: ReuseDoc): boolean {
  const key = (d: ReuseDoc) => [d.year ?? 0, Math.max(d.year ?? 0, ...[...(d.title ?? '').matchAll(/(\d{4})年/g)].map((m) => Number(m[1]))), d.date ?? ''];
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] > kb[i];
  return a.id > b.id;
}

/**
 * REUSES edges among `docs`, from the later document of a pair to the earlier,
 * for pairs with at least one document in `focus` (all pairs when omitted).
 */
export function detectReuse(docs: ReuseDoc[], focus?: ReadonlySet<string>): RelationEdge[] {
  // Fingerprint every sentence, and count in how many documents each fingerprint occurs.
  const table = new SentenceTable();
  const df = new Map<number, number>();
  const lastDoc = new Map<number, number>();
  docs.forEach((d, i) => {
    for (const s of sentences(d.text, i)) {
      const prints = winnow(s.canon);
      table.add(s, prints);
      for (const p of prints) if (lastDoc.get(p) !== i) { lastDoc.set(p, i); df.set(p, (df.get(p) ?? 0) + 1); }
    }
  });
  lastDoc.clear();
  // Rare: in at most 5% of the documents (at least MIN_DF_LIMIT), and never in more than MAX_DF (so that the pairs one
  // fingerprint yields are bounded and detection stays near-linear in the corpus size).
  const maxDf = Math.min(MAX_DF, Math.max(MIN_DF_LIMIT, Math.ceil(docs.length * 0.05)));
  // Inverted index of rare fingerprints → sentences.
  const index = new Map<number, number[]>();
  for (let n = 0; n < table.length; n++) {
    for (const p of table.printsOf(n)) if (df.get(p)! <= maxDf) { const l = index.get(p); if (l) l.push(n); else index.set(p, [n]); }
  }
  df.clear();
  // Candidate sentence pairs: sharing rare fingerprints, in two documents, one in focus. Key: a · 2^24 + b.
  const inFocus = (n: number) => !focus || focus.has(docs[table.doc[n]].id);
  const shared = new Map<number, number>();
  for (const list of index.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const [a, b] = list[i] < list[j] ? [list[i], list[j]] : [list[j], list[i]];
      if (table.doc[a] === table.doc[b] || !(inFocus(a) || inFocus(b))) continue;
      const key = a * 2 ** 24 + b;
      shared.set(key, (shared.get(key) ?? 0) + 1);
    }
  }
  index.clear();
  // Confirm by edit distance on the canonical sentences, then group by document pair.
  const canonOf = (n: number) => canonical(docs[table.doc[n]].text.slice(table.start[n], table.end[n]));
  const sentence = (n: number, canon: string): Sentence => ({ doc: table.doc[n], index: table.index[n], start: table.start[n], end: table.end[n], canon });
  const byPair = new Map<string, { a: Sentence; b: Sentence; sim: number }[]>();
  for (const [key, count] of shared) {
    const a = Math.floor(key / 2 ** 24);
    const b = key % 2 ** 24;
    // Two shared fingerprints, or one where a short clause has few to share (健康促进政策体系基本建立).
    if (count < Math.min(2, table.printsOf(a).length - 2, table.printsOf(b).length - 2)) continue;
    const [ca, cb] = [canonOf(a), canonOf(b)];
    const sim = similarity(ca, cb);
    if (sim < MIN_SIMILARITY) continue;
    const pair = `${table.doc[a]}|${table.doc[b]}`;
    const list = byPair.get(pair) ?? [];
    list.push({ a: sentence(a, ca), b: sentence(b, cb), sim });
    byPair.set(pair, list);
  }
  const edges: RelationEdge[] = [];
  for (const [key, pairs] of byPair) {
    const [ia, ib] = key.split('|').map(Number);
    const [from, to] = later(docs[ia], docs[ib]) ? [ia, ib] : [ib, ia];
    const src = (p: { a: Sentence; b: Sentence }) => (p.a.doc === from ? p.a : p.b); // in the later document
    const tgt = (p: { a: Sentence; b: Sentence }) => (p.a.doc === from ? p.b : p.a); // in the earlier one
    pairs.sort((x, y) => src(x).index - src(y).index || tgt(x).index - tgt(y).index);
    // Runs of consecutive sentences in both documents are one passage.
    const runs: { s: Sentence[]; t: Sentence[]; sims: number[] }[] = [];
    for (const p of pairs) {
      const last = runs.at(-1);
      if (last && src(p).index === last.s.at(-1)!.index + 1 && tgt(p).index === last.t.at(-1)!.index + 1) { last.s.push(src(p)); last.t.push(tgt(p)); last.sims.push(p.sim); }
      else if (!last || src(p).index !== last.s.at(-1)!.index) runs.push({ s: [src(p)], t: [tgt(p)], sims: [p.sim] });
    }
    const weight = (r: (typeof runs)[number]) => r.s.reduce((m, s, i) => m + s.canon.length * (r.sims[i] - MIN_SIMILARITY) / (1 - MIN_SIMILARITY), 0);
    if (!runs.some((r) => weight(r) >= MIN_PASSAGE)) continue;
    const reused = runs.reduce((n, r) => n + weight(r), 0);
    const span = (d: ReuseDoc, ss: Sentence[]): TextSpan => ({ start: ss[0].start, end: ss.at(-1)!.end, text: d.text.slice(ss[0].start, ss.at(-1)!.end) });
    const passages: Passage[] = runs.map((r) => ({
      source: span(docs[from], r.s), target: span(docs[to], r.t),
      similarity: Math.round((r.sims.reduce((x, y) => x + y, 0) / r.sims.length) * 1000) / 1000,
    }));
    const laterLength = canonical(docs[from].text).length;
    const score = Math.round((reused / Math.max(1, laterLength)) * 1000) / 1000;
    const first = passages[0].source;
    const evidence: Evidence = { docId: docs[from].id, sentence: first.text, start: first.start, end: first.end, srcStart: 0, srcEnd: 0 };
    edges.push({ type: 'REUSES', from: docs[from].id, to: docs[to].id, evidence, confidence: Math.min(1, 0.5 + score), rule: 'reuse.winnowing', score, passages });
  }
  return edges;
}

/** Every stored document with its text, read a page at a time (the whole corpus in one result would not fit the store's page cache). */
export async function storedReuseDocs(store: GraphStore): Promise<ReuseDoc[]> {
  const all: ReuseDoc[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.documents({}, { offset, limit: 1000 });
    const texts = await store.texts(page.map((d) => d.id));
    page.forEach((d, i) => all.push({
      id: d.id, text: texts[i] ?? '', year: (d.props.year as number | null) ?? null, date: (d.props.date as string | null) ?? null, title: (d.props.title as string | null) ?? null,
    }));
    if (page.length < 1000) return all;
  }
}
