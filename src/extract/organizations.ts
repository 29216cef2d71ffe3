// Organisations: known forms from the lexicon (abbreviations expanded with the
// document's place), names ending in an organisational head noun (党委,
// 委员会, 教育厅, …) whose left edge is found with nodejieba's tokens, bare
// departments (教育厅) bound to the document's place, and numbered schools.
import { gazetteer } from '../lexicon/gazetteer.js';
import { loadLexicon } from '../lexicon/load.js';
import { MASK, namedPlaces } from '../read/metadata.js';
import { splitBodies } from '../read/frame.js';
import { fillMask } from './masked.js';
import type { Level } from '../graph/model.js';
import type { Mention } from './mention.js';
import { isWordBoundary, tag } from './segmenter.js';

interface OrgLexicon {
  central: string[];
  abbreviations: { form: string; name: string }[];
  suffixes: string[];
  generic: string[];
  stopBefore: string;
  programBodyLinks: string;
  genericPrefix: string;
  placeBoundHeads: Record<string, 'provincial' | 'document'>;
  categoryQualifiers: string;
  categoryPartyHeads: string;
  numberedSchool: string;
  notFollowedBy: string;
  institutionHeads: string;
  addresseeHeads: string;
  headExpansions: Record<string, string>;
  fieldsOfWork: Record<string, string>;
  zones: string;
  lettersTo: { pattern: string };
}
export const orgLex = loadLexicon<OrgLexicon>('organizations.json');
// 党组 must not be the start of 党组织 (a party organisation is not a party group).
const SUFFIX = new RegExp(`(${[...orgLex.suffixes].sort((a, b) => b.length - a.length).join('|')})(?!织)`, 'g');
const INNER_END = new RegExp(`${SUFFIX.source}|(?<=[省市区县州])委`, 'g');
const STOP = new RegExp(`^(${orgLex.stopBefore})$`);
/** What ends a 文号, a date or year (2021年部党组…), a page mark or a run of words (a space: two names of a signature line): never part of the name after it. */
const GLUED_BEFORE_NAME = /〕\s*\d+\s*号|\d\s*[日年]度?|—\s*\d+\s*—|\s+/g;
const LEADING_STOP = new RegExp(`^(?:${orgLex.stopBefore})+`);
const GENERIC_PREFIX = new RegExp(orgLex.genericPrefix);
const GENERIC = new Set(orgLex.generic);
const CENTRAL = new Set(orgLex.central);
const CATEGORY = new RegExp(orgLex.categoryQualifiers);
const CATEGORY_PARTY = new RegExp(orgLex.categoryPartyHeads);
const NUMBERED_SCHOOL = new RegExp(orgLex.numberedSchool, 'g');
const NOT_FOLLOWED_BY = new RegExp(`^(${orgLex.notFollowedBy})`);
const INSTITUTION = new RegExp(orgLex.institutionHeads);
const HEAD_EXPANSION = new RegExp(`(${Object.keys(orgLex.headExpansions).join('|')})(党组|党委|$)`);

/** Schools, hospitals, centres: bodies that act in a plan but do not speak for it. */
export const isInstitution = (name: string) => INSTITUTION.test(name);
const PROPER_TAGS = /^(nt|nz|ns|nr|j)$/;
const NAME_TAGS = /^(n|nt|ns|nz|nr|nrt|nrfg|j|vn|an|eng|x|m|a|b|zg)$/; // zg: jieba's tag for 委 at the end of 卫生健康委; nrfg: 习近平 of 习近平新时代…研究中心
/** Abbreviations, longest first, so that 市委教育工委 wins over 市委. */
const ABBREVIATIONS = [...orgLex.abbreviations].sort((a, b) => b.form.length - a.form.length);
/** Forms the lexicon knows, longest first so that 教育部党组 wins over 教育部. */
const KNOWN = [...orgLex.central, ...orgLex.abbreviations.map((a) => a.form)].sort((a, b) => b.length - a.length);
/** What joins a program's name to the body that runs it (健康中国行动推进委员会, …工程建设领导小组). */
const PROGRAM_BODY_LINK = new RegExp(`^(${orgLex.programBodyLinks})$`);
const EDGE_PUNCT = [',', ';', ':', '，', '、', '。', '\n', '；', '：', '“', '”', '《', '》', '（', '('];

export interface OrgContext { place: string | null; programs?: { start: number; end: number }[] }

export interface CanonicalOrg { name: string; scope: string | null; level: Level | null }

const local = (place: string | null): place is string => !!place && place !== '全国';

/**
 * Whose body an abbreviation names in a document of `place`: its level decides. 省… is the
 * province's (省教育厅 in a Hangzhou text is 浙江省教育厅, not a 杭州市教育厅); 市… the city's: in a
 * district's text its city's, but a county-level city (扬中市) is itself a 市; in a province's
 * text no one city's, unless the province is a city (上海市). Others are the document's place's.
 */
function templateOwner(form: string, place: string): string | null {
  const p = gazetteer().get(place);
  if (!p) return place;
  if (form.startsWith('省')) return p.province;
  if (form.startsWith('市')) return p.level === 'district' && !place.endsWith('市') ? (p.city ?? p.province) : p.level !== 'provincial' || place.endsWith('市') ? place : null;
  return place;
}

/** The canonical name of an organisation written as `form` in a document of `place`. */
export function canonicalOrg(form: string, place: string | null): CanonicalOrg {
  const g = gazetteer();
  if (CENTRAL.has(form) || CENTRAL.has(form.replace(/^中共/, ''))) return { name: form, scope: null, level: 'central' };
  // A known abbreviation, alone or opening a longer name (市政府教育督导委员会, 市教卫工作党委组织干部处).
  // A longer name that already states its place (上海市教卫工作党委系统党建服务中心) is kept as written.
  const abbr = ABBREVIATIONS.find((a) => form === a.form || (form.startsWith(a.form) && a.name.includes('{place}')));
  if (abbr) {
    const rest = form.slice(abbr.form.length);
    if (!abbr.name.includes('{place}')) return { name: abbr.name + rest, scope: null, level: 'central' };
    const owner = local(place) ? templateOwner(abbr.form, place) : null;
    if (owner) return { name: abbr.name.replace('{place}', owner) + rest, scope: owner, level: g.get(owner)?.level ?? null };
    return { name: form, scope: place, level: null };
  }
  // A department written bare (教育厅) is the one of the document's place, at its level.
  const bound = orgLex.placeBoundHeads[form];
  if (bound && local(place)) {
    const pl = g.get(place);
    const owner = bound === 'provincial' && pl && pl.level !== 'provincial' && pl.province !== place ? pl.province : place;
    return { name: owner + form, scope: owner, level: g.get(owner)?.level ?? null };
  }
  let name = form;
  name = fillMask(name, place);
  // A university jieba knows by name (清华大学/nt) with no place in it is one body nationwide, not one per province.
  if (/(大学|学院)$/.test(name) && !namedPlaces(name).length && !MASK.test(name)) {
    const toks = tag(name);
    if (toks.length === 1 && toks[0].tag === 'nt') return { name, scope: null, level: null };
  }
  // A relative name (市卫生计生委党委) belongs to the place of its level: 省… in a city's text is its province's;
  // 区…/县… only in a district's own text.
  if (local(place) && /^[市省区县]/.test(name) && !namedPlaces(name).some((p) => p.index === 0)) {
    const owner = /^[区县]/.test(name) ? (g.get(place)?.level === 'district' ? place : null) : templateOwner(name, place);
    if (owner) name = owner + name.slice(1);
  }
  // A place and then a short standard abbreviation (温州市委办公室, 温州市政府办公室) is the official name
  // with that place: 中共温州市委办公室, 温州市人民政府办公室. Longer names that state their place
  // (上海市教卫工作党委系统党建服务中心) stay as written.
  let places = namedPlaces(name, place);
  const lead = places[0];
  if (lead?.index === 0 && /[市省]$/.test(lead.form) && lead.form === lead.name) {
    const after = name.slice(lead.form.length - 1);
    const abbr = ABBREVIATIONS.find((a) => a.name.includes('{place}') && a.form.length <= 3 && after.startsWith(a.form) && /^[市省]/.test(a.form));
    if (abbr) {
      name = abbr.name.replace('{place}', lead.name) + after.slice(abbr.form.length);
      places = namedPlaces(name, place);
    }
  }
  const named = places.find((p) => p.index === 0 || (name.startsWith('中共') && p.index === 2));
  // A body a district or county names (庐阳区教育体育局, 泰州市海陵区教育局) is located there, not in its city.
  const district = named && [named, places.find((q) => q.index === named.index + named.form.length)].find((q) => q?.level === 'district');
  const scope = district ? district.name : named ? named.jurisdiction : local(place) ? place : null;
  const level = named ? named.level : scope ? (g.get(scope)?.level ?? null) : null;
  // A local body's short head written out (浙江省卫生健康委 → 浙江省卫生健康委员会, …委党组 → …委员会党组).
  if (named) name = name.replace(HEAD_EXPANSION, (h, _m, tail: string) => orgLex.headExpansions[h.slice(0, h.length - tail.length)] + tail);
  // A party group (党组) is the Party's: its official name opens with 中共 (中共四川省卫生健康委员会党组).
  if (named && /党组$/.test(name) && !name.startsWith('中共')) name = `中共${name}`;
  return { name, scope, level };
}

export function isGenericOrg(form: string): boolean {
  return GENERIC.has(form) || GENERIC_PREFIX.test(form) || CATEGORY_PARTY.test(form) || CATEGORY.test(form);
}

/** A name with nothing proper in it: short, no place, no quoted brand, not known (产业学院, 医教联盟). */
function namesNothing(form: string): boolean {
  if (form.length > 5 || namedPlaces(form).length > 0 || MASK.test(form) || KNOWN.some((k) => form.includes(k)) || /^(中央|国家|全国)/.test(form)) return false;
  // jieba knows proper names of institutions as one word (清华大学/nt).
  const toks = tag(form);
  return !(toks.length === 1 && PROPER_TAGS.test(toks[0].tag));
}

/** Every organisation named in `text`; generic collectives are returned with rule org.generic. */
export function findOrganizations(text: string, ctx: OrgContext): Mention[] {
  const found: Mention[] = [];
  const mk = (form: string, start: number, rule: string, confidence: number): Mention => {
    const c = canonicalOrg(form, ctx.place);
    // 市教育局 in a province's text (各地级以上市教育局), 自治区教育厅 in a ministry's, 开发区教育局 in a city's:
    // every such place's body, a class of bodies, not one (where the text's own place is unknown, it is that place's).
    const ofClass = !!ctx.place && /^(省|自治区|直辖市|开发区|新区|[市区县](?!域|场|级))/.test(form) && c.name === form;
    return { label: 'Organization', name: c.name, form, start, end: start + form.length, rule: ofClass ? 'org.generic' : rule, confidence, scope: c.scope, fields: { level: c.level } };
  };
  // 1. Forms the lexicon knows, longest first.
  for (const form of KNOWN) {
    for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + form.length)) {
      // jieba may join the next particle to the name's last character (教育部|等九部门: 部等); after a known name a particle ends it.
      if (isWordBoundary(text, i + form.length) || /[委组]$/.test(form) || /^[等和与及、，。；：的）)》]/.test(text.slice(i + form.length))) found.push(mk(form, i, 'org.lexicon', 0.9));
    }
  }
  // 2. Names ending in a head noun; the left edge is where the tokens stop being nominal.
  for (const m of text.matchAll(SUFFIX)) {
    const end = m.index! + m[0].length;
    // 大学 of 大学习, 学院 of 学院路: a head noun must end a word.
    // 委 and 组 end a name even where jieba joins them to the next word (市卫生健康委|以…: 委以).
    if ((!isWordBoundary(text, end) && !/[委组]$/.test(m[0])) || (m[0].endsWith('中心') && NOT_FOLLOWED_BY.test(text.slice(end, end + 4)))) continue;
    const windowStart = Math.max(0, m.index! - 24);
    const left = text.slice(windowStart, m.index!);
    const cut = Math.max(...EDGE_PUNCT.map((c) => left.lastIndexOf(c)));
    const from = windowStart + cut + 1;
    let start: number;
    let forProgram = false; // a body named for its program (…工程领导小组) is one body, not a kind of bodies
    if (left[cut] === '“' && text[end] === '”') start = from; // a quoted name is whole: “高校中国共产党伟大建党精神研究中心”
    else {
      const program = ctx.programs?.find((p) => p.end === m.index!); // 基层党建质量提升工程 + 领导小组
      // A leading group is named for its program, verbs and all: 成立|基层党建质量提升工程领导小组.
      // The last setting-up verb wins over the start of the clause (市教卫工作党委成立|…领导小组).
      const clause = left.slice(cut + 1);
      const programLike = /领导小组/.test(m[0]) ? /(?:^.*(?:成立|组建|设立|调整)|^)([\u4e00-\u9fff]{4,20}?(?:工程|计划|行动|项目))$/.exec(clause) : null;
      // A body named for a program the text names, by a linking word (健康中国行动 + 推进 + 委员会办公室).
      let linkedAt = -1;
      if (!program && !programLike) {
        for (const p of ctx.programs ?? []) {
          const at = clause.lastIndexOf(text.slice(p.start, p.end));
          if (at >= 0 && PROGRAM_BODY_LINK.test(clause.slice(at + p.end - p.start))) { linkedAt = at; break; }
        }
      }
      forProgram = !!(program || programLike) || linkedAt >= 0;
      if (program) start = program.start;
      else if (programLike) start = m.index! - programLike[1].length;
      else if (linkedAt >= 0) start = from + linkedAt;
      else {
        const toks = tag(text.slice(from, m.index!));
        let k = toks.length;
        while (k > 0 && NAME_TAGS.test(toks[k - 1].tag) && !STOP.test(toks[k - 1].word) && !/^第?[\d一二三四五六七八九十百]+[届次轮期批]$/.test(toks[k - 1].word)) k--;
        // A name never starts with a verb, adverb, adjective or count (充分发挥…, 健全…, 两级…): skip past them.
        while (k < toks.length && ((/^(v|d|ad|vd|p|c|u|l|a$)/.test(toks[k].tag) && !/^(vn|an)$/.test(toks[k].tag)) || (toks[k].tag === 'm' && !toks[k].word.startsWith('第')))) k++;
        start = from + (k < toks.length ? toks[k].start : m.index! - from);
      }
    }
    // Two names run together (中共云南省委教育工委云南省教育厅, 中共江西省委江西省人民政府): the last one
    // starts after an inner head noun or a party committee's 委.
    for (const inner of text.slice(start, m.index!).matchAll(INNER_END)) {
      const after = start + inner.index! + inner[0].length;
      if (after < m.index! && (text.startsWith('中共', after) || namedPlaces(text.slice(after, after + 6)).some((p) => p.index === 0))) start = after;
    }
    // A line flattened from a PDF runs a 文号, a date or a page mark into the next name (教办〔2020〕55号中共…, 3月10日— 1 —中共…).
    // (Read from a little before the edge: jieba may have put 2021 apart from its 年.)
    const look = Math.max(from, start - 4);
    const glued = [...text.slice(look, m.index!).matchAll(GLUED_BEFORE_NAME)].at(-1);
    if (glued && look + glued.index! + glued[0].length > start) start = look + glued.index! + glued[0].length;
    // jieba joins a clause word to the name after it (现经|市人民政府, 建立健全|党委): before a place or the bare head, it is not part of the name.
    const lead = LEADING_STOP.exec(text.slice(start, m.index!))?.[0] ?? '';
    const rest = text.slice(start + lead.length, end);
    if (lead && (rest === m[0] || /^([省市区县]|中共)/.test(rest) || namedPlaces(rest.slice(0, 8)).some((p) => p.index === 0))) start += lead.length;
    const form = text.slice(start, end);
    if (form === m[0] && orgLex.placeBoundHeads[form] && local(ctx.place)) { found.push(mk(form, start, 'org.bound', 0.6)); continue; }
    // A bare head noun (委员会, 领导小组) names nothing; 市/省/区/县 before it, in a local text, names that place's body (市卫生健康委).
    const relative = local(ctx.place) && form.length === m[0].length + 1 && /^[市省区县]/.test(form);
    if (form.length < 3 || form.length > 30 || (form.length <= m[0].length + 1 && !relative)) continue;
    if (/[（(][^）)]*$|^[^（(]*[）)]/.test(form) || /^[\d.、]/.test(form)) continue;
    if (!forProgram && isGenericOrg(form)) { found.push(mk(form, start, 'org.generic', 0.7)); continue; }
    if (namesNothing(form)) continue;
    found.push(mk(form, start, 'org.suffix', 0.7));
  }
  // 3. Numbered schools in a city's text: 五中、四十三中 → 南宁市第五中学.
  const pl = local(ctx.place) ? gazetteer().get(ctx.place) : undefined;
  if (pl?.level === 'municipal') {
    for (const m of text.matchAll(NUMBERED_SCHOOL)) {
      const c = { name: `${pl.name}第${m[1]}中学`, scope: pl.name, level: pl.level };
      found.push({ label: 'Organization', name: c.name, form: m[0], start: m.index!, end: m.index! + m[0].length, rule: 'org.numbered-school', confidence: 0.6, scope: c.scope, fields: { level: c.level } });
    }
  }
  return dropOverlaps(found);
}

/** Keep the longest mention at each place; lexicon hits win ties. */
function dropOverlaps(ms: Mention[]): Mention[] {
  ms.sort((a, b) => b.end - b.start - (a.end - a.start) || (a.rule === 'org.lexicon' ? -1 : 1));
  const kept: Mention[] = [];
  for (const m of ms) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

const CENTRAL_LONGEST = [...orgLex.central].sort((a, b) => b.length - a.length);

/**
 * The bodies a cited title names as its issuers, before 关于 or 印发: 《中共中央国务院关于…》 →
 * 中共中央, 国务院; 《内蒙古自治区人民政府办公厅关于印发…》 → that office. Central names are read
 * longest first, local ones split as a signature line is; each must end like a body.
 */
export function titleIssuers(title: { form: string; start: number }, place: string | null): Mention[] {
  const head = /^《?([^《》]{2,40}?)(?:关于|印发)/.exec(title.form)?.[1];
  if (!head) return [];
  const out: Mention[] = [];
  let rest = head;
  let at = title.start + title.form.indexOf(head);
  while (rest) {
    rest = rest.replace(/^[、，和与及\s]+/, (m) => { at += m.length; return ''; });
    if (!rest) break;
    const central = CENTRAL_LONGEST.find((c) => rest.startsWith(c));
    const parts = central ? [central] : splitBodies(rest).slice(0, 1);
    const form = parts[0];
    if (!form || !rest.startsWith(form) || !(central || /(委员会|办公厅|办公室|人民政府|党组|党委|厅|局|部|署|委)$/.test(form))) break;
    const c = canonicalOrg(form, place);
    out.push({ label: 'Organization', name: c.name, form, start: at, end: at + form.length, rule: 'org.title-issuer', confidence: 0.75, scope: c.scope, fields: { level: c.level } });
    rest = rest.slice(form.length);
    at += form.length;
  }
  return rest ? [] : out; // a head that is not all bodies (关于 inside a topic) names no issuer
}
