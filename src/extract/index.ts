// The extraction stage: one PolicyDocument → its Document node, the entities it
// names (canonical names, aliases, deterministic ids) and the relations read
// from it, each with evidence.
import { createHash } from 'node:crypto';
import {
  emptyEntity, entityId, type DocumentNode, type EntityNode, type Evidence, type GraphBatch, type RelationEdge,
} from '../graph/model.js';
import type { PolicyDocument } from '../read/index.js';
import { isChrome } from '../read/frame.js';
import { bareName, type Mention } from './mention.js';
import { canonicalOrg, findOrganizations, isInstitution, orgLex, titleIssuers } from './organizations.js';
import { findPlaces } from './places.js';
import { findPrograms, headOf, titleProgram as programOfTitle } from './programs.js';
import { parentChain } from './variants.js';
import { findRegulations, regulationKind } from './regulations.js';
import { findDefinitions } from './definitions.js';
import { findDivisions } from './divisions.js';
import { DOC, readRelations } from './relations.js';
import { withDocumentWords } from './segmenter.js';
import { insideBookTitle, sentenceBounds } from './sentences.js';
import { findTargets } from './targets.js';
import { gazetteer } from '../lexicon/gazetteer.js';

export function documentId(normalisedText: string): string {
  return `doc:${createHash('sha256').update(normalisedText).digest('hex').slice(0, 16)}`;
}

type IdMention = Mention & { id: string };

function idOf(m: Mention): string {
  if (m.label === 'Organization') return entityId('Organization', m.name, m.scope ?? '全国');
  if (m.label === 'Target') return entityId('Target', m.name, m.scope);
  return entityId(m.label, m.name);
}

/**
 * Places the text governs or acts on: not those only inside another body's name (兰州 of 兰州大学,
 * 新疆 of 新疆生产建设兵团教育局, in the text or in a title it cites), unless that is the document's own place or one containing it,
 * and not those on a page's chrome lines, in a contact address or among a letter's recipients.
 */
function placesActedOn(text: string, place: string | null, orgs: Mention[], toLetters: (at: number) => boolean): Mention[] {
  const g = gazetteer();
  const related = (name: string) => !!place && (name === place || g.within(place, name) || g.within(name, place));
  return findPlaces(text, place).filter((p) => {
    if (!related(p.name) && orgs.some((o) => o.start <= p.start && p.end <= o.end && o.end - o.start > p.end - p.start)) return false;
    if (toLetters(p.start)) return false;
    return !onChromeLine(text, p.start) && !/^(通信地址|通讯地址|地址|联系地址|邮政编码|联系电话)[:：]/.test(lineAt(text, p.start));
  });
}

function lineAt(text: string, at: number): string {
  const lineEnd = text.indexOf('\n', at);
  return text.slice(text.lastIndexOf('\n', at) + 1, lineEnd < 0 ? text.length : lineEnd).trim();
}

/** Whether an offset lies among the recipients of a leader's letter (给…回信): bodies and places there are not acted on. */
function letterRecipients(text: string): (at: number) => boolean {
  const spans = [...text.matchAll(new RegExp(orgLex.lettersTo.pattern, 'g'))].map((m) => [m.index! + 1, m.index! + 1 + m[1].length]);
  return (at) => spans.some(([s, e]) => at >= s && at < e);
}

/** A page's chrome (您访问的链接即将离开“云浮市教育局”网站, 来源：…) names no body or place the text acts on. */
const onChromeLine = (text: string, at: number) => isChrome(lineAt(text, at));

/** One document's extraction; it depends on nothing extracted before (its defined names are its own). */
export function extractDocument(doc: PolicyDocument): GraphBatch {
  const definitions = findDefinitions(doc.text.text);
  return withDocumentWords(definitions.map((d) => d.short), () => extractWith(doc, definitions));
}

function extractWith(doc: PolicyDocument, definitions: ReturnType<typeof findDefinitions>): GraphBatch {
  const text = doc.text.text;
  const meta = doc.meta;
  const place = meta.place;
  const docId = documentId(text);
  const stem = doc.file.replace(/\.[^.]+$/, '');

  const programs = findPrograms(text);
  const named = findOrganizations(text, { place, programs });
  const toLetters = letterRecipients(text);
  const orgs = named.filter((m) => !insideBookTitle(text, m.start) && !onChromeLine(text, m.start) && !toLetters(m.start));
  const targets = findTargets(text, meta.year).map((t) => ({ ...t, scope: docId.slice(4) }));
  const regulations = findRegulations(text, place);
  const mentions: IdMention[] = [...regulations, ...programs, ...orgs, ...regulations.flatMap((r) => titleIssuers(r, place)), ...placesActedOn(text, place, named, toLetters), ...targets]
    .map((m) => ({ ...m, id: idOf(m) }));

  // The document's own title is a Regulation others can cite; a program its title names is what it launches.
  let titleProgram: IdMention | null = null;
  if (meta.title) {
    const at = text.indexOf(meta.title.slice(0, 8));
    const start = Math.max(0, at);
    const own: IdMention = { label: 'Regulation', name: bareName(meta.title), form: meta.title, start, end: start + meta.title.length, rule: 'regulation.own-title', confidence: 0.9, fields: { kind: regulationKind(meta.title) ?? 'other' }, id: entityId('Regulation', bareName(meta.title)) };
    mentions.push(own);
    // A citation of the notice that issued it names the same instrument.
    if (meta.noticeTitle) {
      const at = Math.max(0, text.indexOf(meta.noticeTitle.slice(0, 8)));
      mentions.push({ ...own, form: meta.noticeTitle, start: at, end: at + meta.noticeTitle.length, rule: 'regulation.notice-title' });
    }
    const inTitle = programOfTitle(meta.title);
    if (inTitle) {
      const name = inTitle;
      const m = mentions.find((x) => x.label === 'Program' && x.name === name) ?? null;
      titleProgram = m ?? { label: 'Program', name, form: name, start, end: start + meta.title.length, rule: 'program.title', confidence: 0.8, fields: { kind: headOf(name) }, id: entityId('Program', name) };
      if (!m) mentions.push(titleProgram);
    }
  }
  // “以下简称‘X’”: X is the entity just named, wherever the document writes it after.
  for (const def of definitions) {
    const host = mentions.filter((x) => x.label !== 'Target' && x.label !== 'Place' && x.end <= def.at && def.at - x.end <= 2).sort((a, b) => b.end - a.end)[0];
    if (!host) continue;
    for (const m of mentions) {
      if (m.label === host.label && m.id !== host.id && m.end > def.start && (m.name === def.short || m.form === def.short)) Object.assign(m, { name: host.name, id: host.id, scope: host.scope, fields: host.fields });
    }
    for (let i = text.indexOf(def.short, def.start); i >= 0; i = text.indexOf(def.short, i + def.short.length)) {
      if (!mentions.some((m) => m.start < i + def.short.length && i < m.end)) mentions.push({ ...host, form: def.short, start: i, end: i + def.short.length, rule: 'alias.defined', confidence: 0.8 });
    }
  }

  // Issuers: the metadata's forms, else the local body that speaks in the opening
  // paragraph, else (a nationwide text with no signature, such as a ministry's
  // article) the central body that most often opens a clause as its actor.
  let issuerForms = meta.issuerForms;
  let issuerConfidence = 0.9;
  if (!issuerForms.length) {
    const opening = orgs.find((o) => o.start < 400 && (o.rule === 'org.lexicon' || o.rule === 'org.suffix') && o.scope && !isInstitution(o.name) && opensClause(text, o.start));
    if (opening) { issuerForms = [opening.form]; issuerConfidence = 0.7; }
  }
  if (!issuerForms.length && place === '全国') {
    const actors = new Map<string, number>();
    for (const o of orgs) {
      if (o.fields?.level === 'central' && /^$|[。；，：\n]$/.test(text.slice(Math.max(0, o.start - 1), o.start))) actors.set(o.form, (actors.get(o.form) ?? 0) + 1);
    }
    const actor = [...actors].sort((a, b) => b[1] - a[1])[0];
    if (actor) { issuerForms = [actor[0]]; issuerConfidence = 0.6; }
  }
  const issuers: IdMention[] = issuerForms.map((form) => {
    const c = canonicalOrg(form, place);
    const at = Math.max(0, text.lastIndexOf(form));
    const m: IdMention = { label: 'Organization', name: c.name, form, start: at, end: at + form.length, rule: 'org.issuer', confidence: issuerConfidence, scope: c.scope, fields: { level: c.level }, id: '' };
    m.id = idOf(m);
    return m;
  });
  mentions.push(...issuers);
  // The issuing bureau's own divisions and party committee, named without it (组干科, 局党委).
  mentions.push(...findDivisions(text, issuers).filter((d) => !orgs.some((o) => o.start < d.end && d.start < o.end)).map((d) => ({ ...d, id: idOf(d) })));

  const document: DocumentNode = {
    id: docId, title: meta.title, noticeTitle: meta.noticeTitle, docRef: meta.title ?? meta.docNumber ?? `${stem}#${doc.part}`, docNumber: meta.docNumber,
    date: meta.date, year: meta.year, issuers: [...new Set(issuers.map((i) => i.name))], place: meta.place,
    placeEvidence: meta.placeEvidence, placeInferred: meta.placeInferred, placeConfidence: meta.placeConfidence,
    level: meta.level, source: doc.file, part: doc.part, traditional: doc.traditional, text,
    srcStart: doc.text.toSource(0, text.length)[0], srcEnd: doc.text.toSource(0, text.length)[1],
  };

  const evidence = (at: number): Evidence => {
    const [s, e] = sentenceBounds(text, Math.min(at, Math.max(0, text.length - 1)));
    const [srcStart, srcEnd] = doc.text.toSource(s, e);
    return { docId, sentence: text.slice(s, e), start: s, end: e, srcStart, srcEnd };
  };

  // Entities: one node per id, with every written form as an alias.
  const entities = new Map<string, EntityNode>();
  for (const m of mentions.filter((x) => x.rule !== 'org.generic')) {
    let e = entities.get(m.id);
    if (!e) {
      e = { ...emptyEntity(m.label, m.id, m.name), ...m.fields, place: m.label === 'Organization' ? (m.scope ?? null) : m.label === 'Target' ? place : null };
      entities.set(m.id, e);
    }
    for (const a of [m.form, m.name]) if (a && !e.aliases.includes(a)) e.aliases.push(a);
  }
  if (place) {
    const pid = entityId('Place', place);
    if (!entities.has(pid)) entities.set(pid, { ...emptyEntity('Place', pid, place), aliases: [place], level: place === '全国' ? 'central' : (gazetteer().get(place)?.level ?? null) });
  }
  // Generic addressees exist only as the end of a SUPERVISES edge, under their written name.
  const relations: RelationEdge[] = [];
  const resolve = (id: string) => (id === DOC ? docId : id);
  const ownTitle = mentions.find((m) => m.rule === 'regulation.own-title');
  for (const r of readRelations({ text, mentions, issuers, titleProgram, place, year: meta.year })) {
    let to = resolve(r.to);
    // A headline that cites the document's own title (chrome of a web page) is not a reference to another instrument.
    if (to === ownTitle?.id && (r.type === 'REFERENCES' || r.type === 'IMPLEMENTS')) continue;
    if (r.toGeneric) {
      to = entityId('Organization', r.toGeneric, place ?? '全国');
      if (!entities.has(to)) entities.set(to, { ...emptyEntity('Organization', to, r.toGeneric), aliases: [r.toGeneric], kind: 'collective', place });
    }
    if (!entities.has(to) && to !== docId) {
      if (r.type === 'LOCATED_IN') { const p = to.slice(6); entities.set(to, { ...emptyEntity('Place', to, p), aliases: [p] }); } else continue;
    }
    relations.push({ type: r.type, from: resolve(r.from), to, evidence: evidence(r.at), confidence: r.confidence, rule: r.rule });
  }
  // Program families: each local version (by its name) → the program it adapts, created if the text does not name it.
  // The evidence is the variant's first mention; a text that also cites the program it adapts links them more surely.
  for (const m of mentions.filter((x) => x.label === 'Program')) {
    for (const link of parentChain(m.name)) {
      const from = entityId('Program', link.child);
      const to = entityId('Program', link.name);
      if (!entities.has(from)) continue;
      if (!entities.has(to)) entities.set(to, { ...emptyEntity('Program', to, link.name), aliases: [link.name], kind: headOf(link.name) });
      const cited = mentions.some((x) => (x.label === 'Program' || x.label === 'Regulation') && x.name !== link.child && x.name.includes(link.name));
      relations.push({ type: 'VARIANT_OF', from, to, evidence: evidence(m.start), confidence: cited ? 0.9 : 0.7, rule: cited ? `${link.rule}+cites` : link.rule });
    }
  }
  // Document-level edges: its own title, its jurisdiction, and every mention.
  if (ownTitle) relations.push({ type: 'DESCRIBES', from: docId, to: ownTitle.id, evidence: evidence(ownTitle.start), confidence: 1, rule: 'describes.own-title' });
  if (place) relations.push({ type: 'GOVERNS', from: docId, to: entityId('Place', place), evidence: evidence(0), confidence: meta.placeConfidence, rule: meta.placeInferred ? 'governs.inferred' : 'governs.stated' });
  const byEntity = new Map<string, IdMention[]>();
  for (const m of mentions) if (entities.has(m.id) && m.rule !== 'regulation.own-title') byEntity.set(m.id, [...(byEntity.get(m.id) ?? []), m]);
  for (const [id, ms] of byEntity) {
    ms.sort((a, b) => a.start - b.start);
    relations.push({ type: 'MENTIONS', from: docId, to: id, evidence: evidence(ms[0].start), confidence: Math.max(...ms.map((m) => m.confidence)), rule: ms[0].rule, spans: ms.map((m) => [m.start, m.end]) });
  }
  return { documents: [document], entities: [...entities.values()], relations: dedupeRelations(relations) };
}

/**
 * A body that opens a clause as its subject (。市教卫工作党委2023年工作总体思路是…, 2023年，市卫生健康委以…),
 * not one a verb governs (根据市教委…, 落实市委…): only such a body speaks for an unsigned text.
 */
function opensClause(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 16), at);
  const lead = before.slice(Math.max(...['。', '；', '！', '？', '\n'].map((c) => before.lastIndexOf(c))) + 1);
  return (at <= 16 || lead.length < before.length) && /^\s*(\d{4}年(以来)?[，,]?)?\s*$/.test(lead);
}

/** One edge per (type, from, to) in a document: the most confident, first in the text on ties. */
function dedupeRelations(rs: RelationEdge[]): RelationEdge[] {
  const best = new Map<string, RelationEdge>();
  for (const r of rs) {
    const k = `${r.type}|${r.from}|${r.to}`;
    const b = best.get(k);
    if (!b || r.confidence > b.confidence) best.set(k, r);
  }
  return [...best.values()].filter((r) => r.from !== r.to);
}

/** Merge per-document batches: entities by id (aliases united), documents and edges appended. */
export function mergeBatches(batches: GraphBatch[]): GraphBatch {
  const entities = new Map<string, EntityNode>();
  const out: GraphBatch = { documents: [], entities: [], relations: [] };
  for (const b of batches) {
    out.documents.push(...b.documents);
    out.relations.push(...b.relations);
    for (const e of b.entities) {
      const have = entities.get(e.id);
      if (!have) entities.set(e.id, { ...e, aliases: [...e.aliases] });
      else for (const a of e.aliases) if (!have.aliases.includes(a)) have.aliases.push(a);
    }
  }
  out.entities = [...entities.values()];
  return out;
}
