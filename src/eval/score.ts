// Scoring as the annotation spec defines it: per document, precision/recall/F1
// over (type, name) for entities and (type, from, to) for relations, where a
// predicted name matches a gold one if, after normalisation, it equals the gold
// name or one of its aliases; metadata field by field, exact after normalisation.
import * as OpenCC from 'opencc-js';
import type { GoldDocument, GoldFile } from '../extract/format.js';

const t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
export function norm(s: unknown): string {
  if (s === null || s === undefined) return '';
  return t2s(String(s).normalize('NFKC')).replace(/[“”"‘’'「」『』《》〈〉\s]/g, '');
}

export interface Counts { tp: number; fp: number; fn: number }
export interface Prf extends Counts { precision: number; recall: number; f1: number }
export const META_FIELDS = ['title', 'docNumber', 'date', 'year', 'issuers', 'place'] as const;

/** One thing the extractor got wrong: a gold item it missed (fn), or a prediction gold does not have (fp). */
export interface EvalError { file: string; doc: string; kind: 'entity' | 'relation' | 'metadata'; type: string; outcome: 'fp' | 'fn'; item: string }

export interface Score {
  documents: { gold: number; predicted: number; filesWithExactCount: number; files: number };
  entities: Record<string, Prf>;
  relations: Record<string, Prf>;
  metadata: Record<string, { correct: number; total: number; accuracy: number }>;
  errors: EvalError[];
}

function prf(c: Counts): Prf {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { ...c, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function add(map: Map<string, Counts>, key: string, d: Partial<Counts>) {
  const c = map.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  c.tp += d.tp ?? 0; c.fp += d.fp ?? 0; c.fn += d.fn ?? 0;
  map.set(key, c);
}

/** Names a gold thing answers to: its name and aliases (entities), or docRef, title, the issuing notice's title and 文号 (the document). */
function goldNames(doc: GoldDocument): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const e of doc.entities) m.set(norm(e.name), new Set([e.name, ...(e.aliases ?? [])].map(norm)));
  m.set(norm(doc.docRef), new Set([doc.docRef, doc.title, doc.noticeTitle, doc.docNumber].filter(Boolean).map(norm)));
  return m;
}

function matches(pred: string, gold: string, names: Map<string, Set<string>>): boolean {
  const p = norm(pred);
  return p === norm(gold) || (names.get(norm(gold))?.has(p) ?? false);
}

export function scoreDocuments(gold: GoldDocument, pred: GoldDocument | undefined, ents: Map<string, Counts>, rels: Map<string, Counts>, meta: Map<string, Counts>, errors: EvalError[] = [], file = '') {
  const names = goldNames(gold);
  const miss = (kind: EvalError['kind'], type: string, outcome: EvalError['outcome'], item: string) => errors.push({ file, doc: gold.docRef, kind, type, outcome, item });
  const predEnts = pred?.entities ?? [];
  const predRels = pred?.relations ?? [];
  // Entities: each gold entity is found at most once; each prediction counts once.
  const usedPred = new Set<number>();
  for (const g of gold.entities) {
    const i = predEnts.findIndex((p, k) => !usedPred.has(k) && p.type === g.type && matches(p.name, g.name, names));
    if (i >= 0) { usedPred.add(i); add(ents, g.type, { tp: 1 }); } else { add(ents, g.type, { fn: 1 }); miss('entity', g.type, 'fn', g.name); }
  }
  predEnts.forEach((p, k) => {
    if (usedPred.has(k)) return;
    // A duplicate of a matched gold entity (another alias of it) is not a false positive twice over.
    if (gold.entities.some((g) => g.type === p.type && matches(p.name, g.name, names))) return;
    add(ents, p.type, { fp: 1 });
    miss('entity', p.type, 'fp', p.name);
  });
  const usedRel = new Set<number>();
  for (const g of gold.relations) {
    const i = predRels.findIndex((p, k) => !usedRel.has(k) && p.type === g.type && matches(p.from, g.from, names) && matches(p.to, g.to, names));
    if (i >= 0) { usedRel.add(i); add(rels, g.type, { tp: 1 }); } else { add(rels, g.type, { fn: 1 }); miss('relation', g.type, 'fn', `${g.from} → ${g.to}`); }
  }
  predRels.forEach((p, k) => {
    if (usedRel.has(k)) return;
    if (gold.relations.some((g) => g.type === p.type && matches(p.from, g.from, names) && matches(p.to, g.to, names))) return;
    add(rels, p.type, { fp: 1 });
    miss('relation', p.type, 'fp', `${p.from} → ${p.to}`);
  });
  for (const f of META_FIELDS) {
    const gv = f === 'issuers' ? [...(gold.issuers ?? [])].map(norm).sort().join('|') : norm(gold[f]);
    const pv = !pred ? '\u0000' : f === 'issuers' ? [...(pred.issuers ?? [])].map(norm).sort().join('|') : norm(pred[f]);
    add(meta, f, gv === pv ? { tp: 1 } : { fn: 1 });
    if (gv !== pv) miss('metadata', f, 'fn', `gold ${JSON.stringify(gold[f] ?? null)}, predicted ${JSON.stringify(pred?.[f] ?? null)}`);
  }
}

export function score(golds: GoldFile[], preds: GoldFile[]): Score {
  const ents = new Map<string, Counts>();
  const rels = new Map<string, Counts>();
  const meta = new Map<string, Counts>();
  const errors: EvalError[] = [];
  let exact = 0;
  let goldDocs = 0;
  let predDocs = 0;
  for (const g of golds) {
    const p = preds.find((x) => x.file === g.file);
    goldDocs += g.documents.length;
    predDocs += p?.documents.length ?? 0;
    if (p && p.documents.length === g.documents.length) exact++;
    // Documents pair up in file order; unmatched ones count as all misses.
    g.documents.forEach((gd, i) => scoreDocuments(gd, p?.documents[i], ents, rels, meta, errors, g.file));
    for (const extra of p?.documents.slice(g.documents.length) ?? []) {
      for (const e of extra.entities) { add(ents, e.type, { fp: 1 }); errors.push({ file: g.file, doc: extra.docRef, kind: 'entity', type: e.type, outcome: 'fp', item: e.name }); }
      for (const r of extra.relations) { add(rels, r.type, { fp: 1 }); errors.push({ file: g.file, doc: extra.docRef, kind: 'relation', type: r.type, outcome: 'fp', item: `${r.from} → ${r.to}` }); }
    }
  }
  const withMicro = (m: Map<string, Counts>) => {
    const out: Record<string, Prf> = {};
    const all: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const [k, c] of [...m].sort()) { out[k] = prf(c); all.tp += c.tp; all.fp += c.fp; all.fn += c.fn; }
    out.micro = prf(all);
    return out;
  };
  const metadata: Score['metadata'] = {};
  for (const f of META_FIELDS) {
    const c = meta.get(f) ?? { tp: 0, fp: 0, fn: 0 };
    metadata[f] = { correct: c.tp, total: c.tp + c.fn, accuracy: c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0 };
  }
  return {
    documents: { gold: goldDocs, predicted: predDocs, filesWithExactCount: exact, files: golds.length },
    entities: withMicro(ents), relations: withMicro(rels), metadata, errors,
  };
}

/** The errors, a document at a time: missed (fn) and wrong (fp) items by kind and type. */
export function formatErrors(errors: EvalError[]): string {
  const out: string[] = [];
  let doc = '';
  for (const e of [...errors].sort((a, b) => a.file.localeCompare(b.file) || a.kind.localeCompare(b.kind) || a.type.localeCompare(b.type) || a.outcome.localeCompare(b.outcome))) {
    const head = `${e.file} · ${e.doc}`;
    if (head !== doc) { out.push('', head); doc = head; }
    out.push(`  ${e.outcome === 'fn' ? 'missed' : 'wrong '}  ${e.type.padEnd(12)} ${e.item}`);
  }
  return out.join('\n');
}

export function formatScore(s: Score): string {
  const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
  const rows = (title: string, r: Record<string, Prf>) => [
    `${title.padEnd(14)}     P      R     F1    tp   fp   fn`,
    ...Object.entries(r).map(([k, v]) => `${k.padEnd(14)} ${pct(v.precision)}  ${pct(v.recall)}  ${pct(v.f1)}  ${String(v.tp).padStart(4)} ${String(v.fp).padStart(4)} ${String(v.fn).padStart(4)}`),
  ];
  return [
    `documents: ${s.documents.predicted} predicted / ${s.documents.gold} gold; files with the exact count: ${s.documents.filesWithExactCount}/${s.documents.files}`,
    '',
    ...rows('entities', s.entities),
    '',
    ...rows('relations', s.relations),
    '',
    'metadata       accuracy',
    ...Object.entries(s.metadata).map(([k, v]) => `${k.padEnd(14)} ${pct(v.accuracy)}  (${v.correct}/${v.total})`),
  ].join('\n');
}
