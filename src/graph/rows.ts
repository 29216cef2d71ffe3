// Graph values → flat property rows, shared by both stores so they hold the same properties.
import type { DocumentNode, EntityNode, RelationEdge } from './model.js';

export const DOCUMENT_PROPS = ['id', 'name', 'title', 'noticeTitle', 'docRef', 'docNumber', 'date', 'year', 'issuers', 'place', 'placeEvidence', 'placeInferred', 'placeConfidence', 'level', 'source', 'part', 'traditional', 'text', 'srcStart', 'srcEnd', 'complete', 'reusePending'] as const;
/** What reading a Document node returns: everything but its text, which can be large (GraphStore.texts reads it). */
export const DOCUMENT_META_PROPS = DOCUMENT_PROPS.filter((p) => p !== 'text');
export const ENTITY_PROPS = ['id', 'name', 'aliases', 'names', 'kind', 'level', 'place', 'value', 'unit', 'subject', 'deadline', 'durationYears'] as const;
export const EDGE_PROPS = ['docId', 'sentence', 'sentStart', 'sentEnd', 'srcStart', 'srcEnd', 'confidence', 'rule', 'spans', 'score', 'passages'] as const;

/**
 * A document is written with complete = false and marked complete after its
 * entities and edges: a load killed halfway leaves incomplete documents, which
 * the next load removes and writes again (no duplicates, nothing half-there).
 * reusePending stays true until text reuse has been computed for the document:
 * an ingest killed after loading and before reuse has it done by the next.
 */
export function documentRow(d: DocumentNode): Record<string, unknown> {
  return { ...d, name: d.docRef, complete: false, reusePending: true };
}

/** `names` joins name and aliases for substring search in stores without list predicates. */
export function entityRow(e: EntityNode): Record<string, unknown> {
  return { ...e, names: [e.name, ...e.aliases].join('|') };
}

/** Scores to three decimals: finer is noise, and a CSV round trip (a bulk read) keeps them exactly. */
const score = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1000) / 1000);

export function edgeRow(r: RelationEdge): Record<string, unknown> {
  return {
    from: r.from, to: r.to, docId: r.evidence.docId, sentence: r.evidence.sentence, sentStart: r.evidence.start, sentEnd: r.evidence.end,
    srcStart: r.evidence.srcStart, srcEnd: r.evidence.srcEnd, confidence: score(r.confidence), rule: r.rule,
    spans: r.spans ? JSON.stringify(r.spans) : null, score: score(r.score), passages: r.passages ? JSON.stringify(r.passages) : null,
  };
}
