// The JSON format of the annotation spec (the shape of shared/gold/*.json):
// documents with metadata, entities by name, relations by name or docRef.
import { EXTRACTED_RELATIONS, type GraphBatch } from '../graph/model.js';

export interface GoldEntity { type: string; name: string; aliases: string[]; evidence: string; [k: string]: unknown }
export interface GoldRelation { type: string; from: string; to: string; evidence: string; confidence?: number; rule?: string }
export interface GoldDocument {
  title: string | null; docNumber: string | null; date: string | null; year: number | null; issuers: string[];
  place: string | null; placeEvidence: string | null; docRef: string; entities: GoldEntity[]; relations: GoldRelation[];
  /** Only for a notice that issues an instrument: the notice's own title (the spec's noticeTitle). */
  noticeTitle?: string | null;
  [k: string]: unknown;
}
export interface GoldFile { file: string; documents: GoldDocument[] }

export function toGoldFile(file: string, perDocument: GraphBatch[], explain = false): GoldFile {
  return {
    file,
    documents: perDocument.map((b) => {
      const d = b.documents[0];
      const names = new Map<string, string>([[d.id, d.docRef], ...b.entities.map((e) => [e.id, e.name] as [string, string])]);
      const firstEvidence = new Map<string, string>();
      for (const r of b.relations) if (r.type === 'MENTIONS') firstEvidence.set(r.to, r.evidence.sentence);
      // The spec lists the document's own title as a Regulation (DESCRIBES) and its
      // jurisdiction as a Place (GOVERNS) even where the text masks the name.
      const mentioned = new Set(b.relations.filter((r) => r.type === 'MENTIONS' || r.type === 'DESCRIBES' || r.type === 'GOVERNS').map((r) => r.to));
      // A plan cited in 《》 is a Regulation in the spec; the program it is named for (全民科学素质行动 of
      // 《全民科学素质行动规划纲要》) is the graph's, for program families and traces, not an extracted entity.
      const graphOnly = new Set(b.relations.filter((r) => r.type === 'MENTIONS' && r.rule === 'program.plan-title').map((r) => r.to));
      for (const id of graphOnly) mentioned.delete(id);
      return {
        title: d.title, ...(d.noticeTitle ? { noticeTitle: d.noticeTitle } : {}), docNumber: d.docNumber, date: d.date, year: d.year, issuers: d.issuers, place: d.place,
        placeEvidence: d.placeEvidence, placeInferred: d.placeInferred, placeConfidence: d.placeConfidence, level: d.level, docRef: d.docRef,
        // 全国 is the document's place field, not a place the text names (the spec's gold never lists it).
        entities: b.entities.filter((e) => mentioned.has(e.id) && e.kind !== 'collective' && e.id !== 'place:全国').map((e) => {
          const extra: Record<string, unknown> = {};
          for (const k of ['kind', 'level', 'value', 'unit', 'subject', 'deadline', 'durationYears'] as const) if (e[k] !== null && e[k] !== undefined) extra[k] = e[k];
          return { type: e.label, name: e.name, aliases: e.aliases, ...extra, evidence: firstEvidence.get(e.id) ?? '' };
        }),
        relations: b.relations
          .filter((r) => (EXTRACTED_RELATIONS as readonly string[]).includes(r.type) && !graphOnly.has(r.to) && !graphOnly.has(r.from))
          .map((r) => ({
            type: r.type, from: names.get(r.from) ?? r.from, to: names.get(r.to) ?? r.to, evidence: r.evidence.sentence,
            ...(explain ? { confidence: r.confidence, rule: r.rule } : {}),
          })),
      };
    }),
  };
}
