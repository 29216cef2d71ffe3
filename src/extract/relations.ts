// Relations read from a document's text, given its mentions. Each rule is a
// small function; `rule` on the edge names it for `extract --explain`.
import type { RelationType } from '../graph/model.js';
import type { Mention } from './mention.js';
import { findAddressees } from './addressees.js';
import { isInstitution, orgLex } from './organizations.js';
import { gazetteer } from '../lexicon/gazetteer.js';
import { MASK, namedPlaces } from '../read/metadata.js';
import { clauseAt, insideBookTitle, sentenceBounds } from './sentences.js';
import { pastReports } from './targets.js';

export interface RelationDraft {
  type: RelationType;
  from: string; // entity id, or DOC for the document itself
  to: string;
  at: number; // offset whose sentence is the evidence
  rule: string;
  confidence: number;
  /** A generic addressee kept under its written name (SUPERVISES only). */
  toGeneric?: string;
}
export const DOC = '#doc';

export interface RelationInput {
  text: string;
  mentions: (Mention & { id: string })[];
  issuers: (Mention & { id: string })[];
  titleProgram: (Mention & { id: string }) | null;
  /** The document's jurisdiction (全国 for a central text). */
  place: string | null;
  /** The year the document is for: what the text reports of earlier years it does not carry out. */
  year: number | null;
}

const ADDRESSEE_HEAD = new RegExp(orgLex.addresseeHeads);
const IMPLEMENT_VERB = /(实施|落实|推进|推动|深化|开展|执行|贯彻|抓好|做好|办好|举办|启动|打造|培育|组织|建设|持续|继续|深入|全面)/;
const NOT_OURS = /(入选|根据|依据)/;
const CARRY_OUT = '落实|贯彻|执行|实施|对标|推进|学习';
const REG_IMPLEMENT = new RegExp(`^(${CARRY_OUT})$`);
/** The word nearest before a title decides what the document does with it: 根据《…》 cites a basis, 落实《…》 carries it out. */
const GOVERNING = `${CARRY_OUT}|根据|按照|依据|参照`;
const REG_GOVERNS = new RegExp(`(${GOVERNING})(?!.*(${GOVERNING}))`);
/** An instrument being drafted or revised (出台…办法, 推进《…条例》修订工作) is not yet one to carry out. */
const DRAFTING_BEFORE = /(出台|制定|起草|修订|编制|研制)(?!的)[^，。；]{0,4}$/; // 新修订的《…》 is done, not being drafted
const DRAFTING_AFTER = /^(?:《[^》]*》)*(?:的)?(修订|修改|制定|起草|编制|研制)/;

/** Whether the clause before a regulation's title (and what follows it) says the document carries it out. */
function implementsRegulation(before: string, after: string): boolean {
  if (DRAFTING_BEFORE.test(before) || DRAFTING_AFTER.test(after)) return false;
  // Titles cited earlier in the clause are not its verbs (根据《…实施意见》《…》: 根据 governs both).
  const nearest = REG_GOVERNS.exec(before.replace(/《[^》]*》/g, ''))?.[1];
  return !!nearest && REG_IMPLEMENT.test(nearest);
}

/** What may stand between the bodies that issued a title and the title: nothing, 印发的, 等九部门联合印发的. */
const ISSUED_BY_GAP = /^(等[一二三四五六七八九十\d]+个?(部门|单位))?(联合)?((印发|出台|制定|发布|颁布)的?)?$/;

/** A notice handing down instruments: 现将《A》和《B》印发给你们. */
const HANDED_DOWN = /(?:现将|特将|兹将)(?:《[^《》\n]+》[、，和及与]?)+(?:印发|转发|下发|发)给/g;

export function readRelations(inp: RelationInput): RelationDraft[] {
  return [
    ...issues(inp), ...supervises(inp), ...references(inp), ...implementsRel(inp),
    ...partOf(inp), ...setsTarget(inp), ...locatedIn(inp),
  ];
}

function issues({ text, mentions, issuers, titleProgram }: RelationInput): RelationDraft[] {
  const out: RelationDraft[] = issuers.map((i) => ({ type: 'ISSUES' as const, from: i.id, to: DOC, at: i.start, rule: 'issues.document-issuer', confidence: 0.9 }));
  // 《中共中央国务院关于…》: the bodies a cited title names before 关于 issued it (and the instrument its 〈〉 names).
  for (const o of mentions.filter((m) => m.rule === 'org.title-issuer')) {
    for (const r of mentions.filter((m) => m.label === 'Regulation' && !/^regulation\.(own|notice)-title$/.test(m.rule) && m.start <= o.start && o.end <= m.end)) {
      for (const t of [r, ...mentions.filter((m) => m.rule === 'regulation.nested-title' && m.start > r.start && m.end < r.end)]) {
        out.push({ type: 'ISSUES', from: o.id, to: t.id, at: r.start, rule: 'issues.named-in-title', confidence: 0.8 });
      }
    }
  }
  // 中共教育部党组《关于…》, 中宣部、中组部《…》, 教育部等九部门印发的《…》: the bodies right before a cited title issued it.
  const orgs = mentions.filter((m) => m.label === 'Organization' && m.rule !== 'org.generic');
  for (const r of mentions.filter((m) => m.label === 'Regulation')) {
    const org = orgs.find((o) => o.end <= r.start && ISSUED_BY_GAP.test(text.slice(o.end, r.start)));
    if (!org) continue;
    const bodies = [org];
    for (let prev = org; ;) {
      const p = orgs.find((o) => o.end < prev.start && /^[、，,和与及]$/.test(text.slice(o.end, prev.start)));
      if (!p) break;
      bodies.push(p);
      prev = p;
    }
    // Titles listed right after it (《A》《B》) share the issuers.
    const titles = [r];
    for (let n = mentions.find((m) => m.label === 'Regulation' && m.start === r.end); n; n = mentions.find((m) => m.label === 'Regulation' && m.start === n!.end)) titles.push(n);
    for (const b of bodies) {
      for (const t of titles) out.push({ type: 'ISSUES', from: b.id, to: t.id, at: t.start, rule: t === r ? 'issues.org-before-title' : 'issues.org-before-title-list', confidence: t === r ? 0.85 : 0.8 });
    }
  }
  // 现将《A》和《B》印发给你们: a notice issues every instrument it hands down, not only the one it is titled by.
  for (const m of text.matchAll(HANDED_DOWN)) {
    const [from, to] = [m.index! + m[0].indexOf('《'), m.index! + m[0].lastIndexOf('》') + 1];
    for (const r of mentions.filter((x) => x.label === 'Regulation' && x.start >= from && x.end <= to && x.rule !== 'regulation.own-title')) {
      for (const i of issuers) out.push({ type: 'ISSUES', from: i.id, to: r.id, at: r.start, rule: 'issues.notice-hands-down', confidence: 0.85 });
    }
  }
  // 现决定实施X: the issuer launches the program.
  if (titleProgram) {
    for (const i of issuers) out.push({ type: 'ISSUES', from: i.id, to: titleProgram.id, at: titleProgram.start, rule: 'issues.launches-title-program', confidence: 0.7 });
  }
  for (const m of mentions.filter((x) => x.label === 'Program')) {
    if (/决定(实施|启动|开展)$/.test(text.slice(Math.max(0, m.start - 6), m.start))) {
      for (const i of issuers) out.push({ type: 'ISSUES', from: i.id, to: m.id, at: m.start, rule: 'issues.decides-to-launch', confidence: 0.85 });
    }
  }
  return out;
}

/** Two bodies of one line of work: the addressee's head names the issuer's field (教育局 / 教育厅, 海关 / 海关总署). */
const FIELD = new RegExp(`(${Object.keys(orgLex.fieldsOfWork).join('|')})`);
function sharesLine(issuer: string, addressee: string): boolean {
  const field = FIELD.exec(addressee)?.[1];
  return !!field && issuer.includes(orgLex.fieldsOfWork[field]);
}

function supervises({ text, mentions, issuers }: RelationInput): RelationDraft[] {
  const out: RelationDraft[] = [];
  const boss = issuers[0];
  if (!boss) return out;
  // Each addressee is supervised by the issuers: by both of two co-issuers; among more, by the lead
  // (the first), and of the counterparts listed (各地级以上市教育局、发展改革局、财政局…) only by its own
  // (教育厅 → 各地级以上市教育局): the spec's convention for notices of many departments.
  for (const { item, start } of findAddressees(text)) {
    const org = mentions.find((x) => x.label === 'Organization' && x.rule !== 'org.generic' && x.start >= start && x.end <= start + item.length && x.end - x.start >= item.length - 1);
    const bare = item.replace(/[（(][^）)]*[）)]$/, '');
    if (!org && !ADDRESSEE_HEAD.test(bare)) continue;
    const line = issuers.length <= 2 ? null : issuers.find((i) => sharesLine(i.name, bare)) ?? boss;
    const bosses = !line ? issuers : line === boss ? [boss] : [];
    for (const b of bosses) {
      if (org) out.push({ type: 'SUPERVISES', from: b.id, to: org.id, at: org.start, rule: 'supervises.addressee', confidence: 0.85 });
      else out.push({ type: 'SUPERVISES', from: b.id, to: '', at: start, rule: 'supervises.addressee-generic', confidence: 0.8, toGeneric: item });
    }
  }
  // 成立/组建/设立 X: the body set up is supervised by the issuer; 下设 X: by the body before it.
  for (const m of mentions.filter((x) => x.label === 'Organization' && x.rule !== 'org.generic')) {
    const before = text.slice(Math.max(0, m.start - 4), m.start);
    if (/(成立|组建|设立)$/.test(before)) out.push({ type: 'SUPERVISES', from: boss.id, to: m.id, at: m.start, rule: 'supervises.sets-up', confidence: 0.75 });
    if (/(指导|督促|督导)$/.test(before) && m.id !== boss.id) out.push({ type: 'SUPERVISES', from: boss.id, to: m.id, at: m.start, rule: 'supervises.directs', confidence: 0.6 });
  }
  return out;
}

function references({ mentions }: RelationInput): RelationDraft[] {
  return mentions
    .filter((m) => m.label === 'Regulation' && (m.rule === 'regulation.book-title' || m.rule === 'regulation.nested-title') && m.fields?.kind !== 'publication')
    .map((m) => ({ type: 'REFERENCES' as const, from: DOC, to: m.id, at: m.start, rule: 'references.book-title', confidence: 0.9 }));
}

function implementsRel({ text, mentions, year }: RelationInput): RelationDraft[] {
  const out: RelationDraft[] = [];
  const past = pastReports(text, year);
  const targets = mentions.filter((m) => m.label === 'Target');
  for (const m of mentions) {
    const clause = clauseAt(text, m.start, m.end);
    const before = text.slice(clause.start, m.start);
    if (m.label === 'Program') {
      // A program only mentioned where the text reports the past (“十三五”期间…为健康清远建设提供了支撑) is not carried out by it.
      if (insideBookTitle(text, m.start) || NOT_OURS.test(before) || (!IMPLEMENT_VERB.test(before) && past(m.start))) continue;
      // Inside a target (培育健康浙江行动省级样板50个) it only qualifies what is counted.
      if (targets.some((t) => t.start <= m.start && m.end < t.end)) continue;
      out.push({ type: 'IMPLEMENTS', from: DOC, to: m.id, at: m.start, rule: IMPLEMENT_VERB.test(before) ? 'implements.verb+program' : 'implements.program-mentioned', confidence: IMPLEMENT_VERB.test(before) ? 0.85 : 0.6 });
    } else if (m.label === 'Regulation' && m.rule !== 'regulation.nested-title' && implementsRegulation(before, text.slice(m.end, m.end + 40))) {
      out.push({ type: 'IMPLEMENTS', from: DOC, to: m.id, at: m.start, rule: 'implements.verb+regulation', confidence: 0.75 });
    }
  }
  return out;
}

/** Heading level of a line: 一、 (1), （一） (2), 1. (3); 0 when it is not a heading. */
function headingLevel(line: string): number {
  if (/^[一二三四五六七八九十]{1,3}、/.test(line)) return 1;
  if (/^[（(][一二三四五六七八九十]{1,3}[)）]/.test(line)) return 2;
  if (/^\d{1,2}[.、．]/.test(line)) return 3;
  return 0;
}

/** What can own a section's programs: a named program (…计划, …工程, …行动), not a task (“双一流”建设, …工作). */
const UMBRELLA_HEAD = /(计划|工程|行动|项目|专项)(\d\.\d版?)?$/;

function partOf({ text, mentions, titleProgram }: RelationInput): RelationDraft[] {
  const out: RelationDraft[] = [];
  // A campaign named after a place (健康浙江建设) is wider than any one section: it is part of none; nor is one
  // a target counts (培育健康浙江行动省级样板50个).
  const targets = mentions.filter((m) => m.label === 'Target');
  const programs = mentions.filter((m) => m.label === 'Program' && !insideBookTitle(text, m.start) && m.rule !== 'program.place-campaign' && !targets.some((t) => t.start <= m.start && m.end <= t.end));
  // Programs named in a heading (or in a numbered item's lead phrase) own the programs of their section.
  const stack: { level: number; prog: (typeof programs)[number] }[] = [];
  let pos = 0;
  const headingPrograms: (typeof programs)[number][] = [];
  for (const line of text.split('\n')) {
    const lineStart = pos;
    pos += line.length + 1;
    const lvl = headingLevel(line.trim());
    // The lead of a heading: the whole line for short headings, else up to the first 。
    const leadEnd = lvl ? lineStart + (line.length <= 40 ? line.length : Math.max(0, line.indexOf('。') + 1)) : lineStart;
    if (lvl) while (stack.length && stack[stack.length - 1].level >= lvl) stack.pop();
    const inLead = programs.filter((p) => p.start >= lineStart && p.end <= leadEnd);
    const inBody = programs.filter((p) => p.start >= leadEnd && p.end <= lineStart + line.length);
    const parent = stack[stack.length - 1]?.prog;
    for (const p of [...inLead, ...inBody]) {
      if (parent && parent.id !== p.id) out.push({ type: 'PART_OF', from: p.id, to: parent.id, at: p.start, rule: 'part-of.section', confidence: 0.7 });
    }
    if (lvl && inLead.length === 1 && UMBRELLA_HEAD.test(inLead[0].name)) {
      stack.push({ level: lvl, prog: inLead[0] });
      if (!parent) headingPrograms.push(inLead[0]);
    }
  }
  // The umbrella program a document is about owns the programs its top sections carry out: the one its title
  // names, else the one numbered bundle its text names (以卫生健康现代化建设九大行动为主线 … （一）实施全民健康促进行动).
  const bundles = [...new Set(mentions.filter((m) => m.label === 'Program' && /^.{2,}[一二三四五六七八九十]大(行动|工程)$/.test(m.name)).map((m) => m.id))];
  const umbrella = titleProgram?.id ?? (bundles.length === 1 ? bundles[0] : null);
  if (umbrella) {
    for (const p of headingPrograms) {
      if (p.id !== umbrella) out.push({ type: 'PART_OF', from: p.id, to: umbrella, at: p.start, rule: titleProgram ? 'part-of.umbrella' : 'part-of.bundle', confidence: 0.7 });
    }
  }
  return out;
}

const SECTION_HEADING = /^\s*([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])/;

/** The program named by the heading of the section `at` is in, when that heading is a short line of its own. */
function sectionProgram(text: string, at: number, programs: { id: string; start: number; end: number }[]): string | null {
  let end = text.lastIndexOf('\n', at);
  for (let k = 0; k < 6 && end > 0; k++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (SECTION_HEADING.test(line) && line.length <= 40) {
      const p = programs.filter((m) => m.start >= start && m.end <= end);
      return p.length === 1 ? p[0].id : null;
    }
    end = start - 1;
  }
  return null;
}

function setsTarget({ text, mentions }: RelationInput): RelationDraft[] {
  const out: RelationDraft[] = [];
  const targets = mentions.filter((m) => m.label === 'Target');
  // A program named inside a target (培育健康浙江行动省级样板50个) is what is counted, not what sets targets.
  const programs = mentions.filter((m) => m.label === 'Program' && !targets.some((t) => t.start <= m.start && m.end <= t.end));
  for (const t of targets) {
    const s = sentenceBounds(text, t.start);
    // The program the sentence names before its target (a name inside the target, 培育健康浙江行动省级样板50个, or one
    // after it, …以党建引领推动“双高”建设, is not what sets it) …
    const progs = [...new Set(programs.filter((m) => m.start >= s[0] && m.end <= t.start).map((m) => m.id))];
    // … else the program the section's heading carries out: （一）实施全民健康促进行动。/ 1.主要目标指标。/ targets.
    const section = sectionProgram(text, t.start, programs);
    if (progs.length === 1) out.push({ type: 'SETS_TARGET', from: progs[0], to: t.id, at: t.start, rule: 'sets-target.program-in-sentence', confidence: 0.7 });
    else if (!progs.length && section) out.push({ type: 'SETS_TARGET', from: section, to: t.id, at: t.start, rule: 'sets-target.program-of-section', confidence: 0.65 });
    else out.push({ type: 'SETS_TARGET', from: DOC, to: t.id, at: t.start, rule: 'sets-target.document', confidence: 0.8 });
  }
  return out;
}

/**
 * Where a body belongs: the place its name states (written out, or made explicit from 市教委 and the
 * like). A name with no place in it (干部培训学院, 党建服务中心) places nothing; a school, university or
 * hospital is placed only by a local text it lies within: a ministry's list of universities places none.
 */
function locatedIn({ mentions, place }: RelationInput): RelationDraft[] {
  const seen = new Set<string>();
  const out: RelationDraft[] = [];
  const g = gazetteer();
  const ownPlace = (scope: string) => !!place && place !== '全国' && (scope === place || g.within(scope, place));
  for (const m of mentions) {
    if (m.label !== 'Organization' || m.rule === 'org.generic' || !m.scope || m.fields?.level === 'central' || seen.has(m.id)) continue;
    if ((isInstitution(m.name) && !ownPlace(m.scope)) || !(namedPlaces(m.name).length || MASK.test(m.name))) continue;
    seen.add(m.id);
    out.push({ type: 'LOCATED_IN', from: m.id, to: `place:${m.scope}`, at: m.start, rule: 'located-in.scope', confidence: 0.8 });
  }
  return out;
}
