// The graph model, declared once. Stores, the GraphQL schema, the Cypher files
// and the extractor all follow these names; test/graph/model.test.ts checks
// that schema/ and cypher/ agree with them.

export const ENTITY_LABELS = ['Organization', 'Program', 'Regulation', 'Target', 'Place'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];
export const NODE_LABELS = ['Document', ...ENTITY_LABELS] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Relationship types and which labels they connect (from → to). */
export const RELATION_ENDS = {
  ISSUES: { from: ['Organization'], to: ['Document', 'Regulation', 'Program'] },
  SUPERVISES: { from: ['Organization'], to: ['Organization'] },
  REFERENCES: { from: ['Document'], to: ['Regulation'] },
  IMPLEMENTS: { from: ['Document'], to: ['Program', 'Regulation'] },
  PART_OF: { from: ['Program'], to: ['Program'] },
  /** A local version of a program (湖北省新时代基础教育强师计划, 健康湖南行动) → the program it adapts. */
  VARIANT_OF: { from: ['Program'], to: ['Program'] },
  SETS_TARGET: { from: ['Document', 'Program'], to: ['Target'] },
  GOVERNS: { from: ['Document'], to: ['Place'] },
  LOCATED_IN: { from: ['Organization'], to: ['Place'] },
  MENTIONS: { from: ['Document'], to: [...ENTITY_LABELS] },
  /** A document's own Regulation node (its title as an instrument others cite). */
  DESCRIBES: { from: ['Document'], to: ['Regulation'] },
  REUSES: { from: ['Document'], to: ['Document'] },
} as const satisfies Record<string, { from: readonly NodeLabel[]; to: readonly NodeLabel[] }>;
export type RelationType = keyof typeof RELATION_ENDS;
export const RELATION_TYPES = Object.keys(RELATION_ENDS) as RelationType[];
/** The relation types the extractor produces from text (the spec's table, less MENTIONS/GOVERNS which come from document fields). */
export const EXTRACTED_RELATIONS = ['ISSUES', 'SUPERVISES', 'REFERENCES', 'IMPLEMENTS', 'PART_OF', 'SETS_TARGET', 'LOCATED_IN'] as const;

export const LEVELS = ['central', 'provincial', 'municipal', 'district'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * Where a fact was read. start/end index the document's normalised text (the
 * sentence span); srcStart/srcEnd index the decoded source file, through the
 * reader's offset map, so a viewer can highlight the original.
 */
export interface Evidence {
  docId: string;
  sentence: string;
  start: number;
  end: number;
  srcStart: number;
  srcEnd: number;
}

export interface DocumentNode {
  id: string; // doc:<hash of normalised text>
  title: string | null;
  /** Only for a notice that issues an instrument: the notice's own title (title is the instrument's). */
  noticeTitle: string | null;
  docRef: string; // title, else docNumber, else <file>#n (the spec's reference)
  docNumber: string | null;
  date: string | null; // YYYY, YYYY-MM or YYYY-MM-DD
  year: number | null;
  issuers: string[]; // canonical organisation names
  place: string | null;
  placeEvidence: string | null;
  placeInferred: boolean; // place read from clues, not a stated name
  placeConfidence: number;
  level: Level | null;
  source: string; // the file's absolute path (unique per file, so re-ingesting one file replaces only its documents)
  part: number; // 1-based index of the document in its file
  traditional: boolean; // source was in Traditional characters
  text: string; // normalised text
  srcStart: number;
  srcEnd: number;
}

export interface EntityNode {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: string[];
  kind: string | null; // program head noun, regulation kind, …
  level: Level | null;
  place: string | null; // scope of organisations, targets
  // Target fields
  value: string | null;
  unit: string | null;
  subject: string | null;
  deadline: string | null;
  durationYears: number | null;
}

export interface RelationEdge {
  type: RelationType;
  from: string; // node id
  to: string; // node id
  evidence: Evidence;
  confidence: number;
  rule: string; // which rule produced it (extract --explain)
  /** MENTIONS only: every [start, end) of the entity in the document's text. */
  spans?: [number, number][];
  /** REUSES only: share of the later document's text found in the earlier one, and the aligned passages. */
  score?: number;
  passages?: Passage[];
}

/** A span of a document's normalised text. */
export interface TextSpan { start: number; end: number; text: string }

/** REUSES: a run of sentences of the later document (source) aligned with the earlier one (target). */
export interface Passage { source: TextSpan; target: TextSpan; similarity: number }

/** Everything one ingest adds: documents, the entities they mention, the edges read from them. */
export interface GraphBatch {
  documents: DocumentNode[];
  entities: EntityNode[];
  relations: RelationEdge[];
}

export function emptyEntity(label: EntityLabel, id: string, name: string): EntityNode {
  return {
    id, label, name, aliases: [], kind: null, level: null, place: null,
    value: null, unit: null, subject: null, deadline: null, durationYears: null,
  };
}

const ID_PREFIX: Record<EntityLabel, string> = {
  Organization: 'org', Program: 'program', Regulation: 'reg', Target: 'target', Place: 'place',
};

/**
 * Readable, deterministic ids: `program:攀登计划`, `org:上海市:中共上海市教育卫生工作委员会`.
 * Organisations and targets are scoped so that two cities' 市委教育工委 never share a node.
 */
export function entityId(label: EntityLabel, name: string, scope?: string | null): string {
  const p = ID_PREFIX[label];
  return scope ? `${p}:${scope}:${name}` : `${p}:${name}`;
}
