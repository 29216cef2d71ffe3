// Document metadata read from the text: title, 文号, date, year, issuer names
// as written, jurisdiction (stated or inferred from clues) and level. Each value
// keeps the text that proves it.
import type { Level } from '../graph/model.js';
import { gazetteer } from '../lexicon/gazetteer.js';
import { loadLexicon } from '../lexicon/load.js';
import { isBodyLine, readFrame, splitBodies } from './frame.js';

export interface DocumentMeta {
  title: string | null;
  /** Only for a notice that issues an instrument: the notice's own title (title is the instrument's). */
  noticeTitle: string | null;
  docNumber: string | null;
  date: string | null;
  year: number | null;
  yearEvidence: string | null;
  /** Issuer names as the text writes them (resolved to canonical names by extraction). */
  issuerForms: string[];
  place: string | null;
  placeEvidence: string | null;
  placeInferred: boolean;
  placeConfidence: number;
  level: Level | null;
}

const frameLex = loadLexicon<{ centralDocPrefixes: string[]; titleLabels: string[] }>('frame.json');
const TITLE_LABEL = new RegExp(`^(?:[•·]\\s*)?(?:${frameLex.titleLabels.join('|')})\\s*[:：]?\\s*`);
const LEADING_DOC_NUMBER = /^[\u4e00-\u9fff]{1,10}[〔[［(（]\d{4}[〕\]］)）]\d+号\s*/;
/** A title without the field label or 文号 a page wrote in front of it. */
const bareTitle = (t: string | null) => (t ? t.replace(TITLE_LABEL, '').replace(LEADING_DOC_NUMBER, '') || null : t);
const docTypes = loadLexicon<{ kinds: string[] }>('doc-types.json');
const years = loadLexicon<{ clues: { pattern: string; year: number }[]; teachersDayFirstYear: number }>('years.json');
const orgLex = loadLexicon<{ suffixes: string[]; abbreviations: { form: string }[]; central: string[] }>('organizations.json');

const KIND_RE = new RegExp(`(${docTypes.kinds.join('|')})$`);
const DOC_NUMBER = /([\u4e00-\u9fff]{1,10})[〔\[［（(【](\d{4})[〕\]］）)】]\s?(\d{1,4})号/;
const SIGN_DATE = /(\d{4})年(\d{1,2})月(?:\s*(\d{1,2})\s*日)?/;
/** A name that ends like an organisation's (a title's head that is a body, not a topic). */
const ENDS_LIKE_ORG = new RegExp(`(${orgLex.suffixes.join('|')}|(?<=[省市区县州])委|[厅局部署委办])$`);
/** A page's publication line: 发布时间：2021-02-04, 公开日期： 2023-04-22, or a line opening with a date and time (2023-03-15 17:52:15 来源：…). */
const PUBLISHED = /(?:发布时间|发布日期|公开日期|发布|时间|日期)[:：]\s*(\d{4})-(\d{1,2})-(\d{1,2})|^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s+\d{1,2}:\d{2}/m;
export const MASK = /[xX×＊*]{2}/;

export function readMetadata(text: string, compiledHeading: string | null): DocumentMeta {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const own = findDocNumber(text.slice(0, 400));
  const docNumber = own?.number ?? null;
  const docYear = own?.year ?? null;

  const frame = compiledHeading ? null : readFrame(text);
  const title = bareTitle(compiledHeading ?? frame?.title ?? findTitle(lines, docNumber) ?? null);
  const noticeTitle = bareTitle(frame?.noticeTitle ?? null);
  // A plan for several years (2024—2025年, 2020-2022) is for the year it was issued; an annual one for its year.
  const range = title ? /(\d{4})\s*[-—–~至到]\s*(\d{4})/.exec(title) : null;
  const titleYear = !compiledHeading && title && !range ? Number(/(\d{4})年/.exec(title)?.[1]) || null : null;

  // Date: the signature's (under the notice, or at the end), else the page's publication date when
  // it is of the document's year (a repost years later is not), else the year the text opens with
  // ("2023年是…"), else the title's year.
  let date: string | null = frame?.date ?? null;
  const tail = lines.slice(-4).join('\n');
  const sig = SIGN_DATE.exec(tail);
  if (!date && sig) date = sig[3] ? `${sig[1]}-${pad(sig[2])}-${pad(sig[3])}` : `${sig[1]}-${pad(sig[2])}`;
  const knownYear = titleYear ?? docYear ?? (range ? Number(range[1]) : null);
  const p = PUBLISHED.exec(text.slice(0, 1500));
  const published = p && (p[1] ? p.slice(0, 4) : [p[0], p[4], p[5], p[6]]);
  if (!date && published && (knownYear === null || Number(published[1]) === knownYear)) date = `${published[1]}-${pad(published[2])}-${pad(published[3])}`;
  const opening = /(?:^|\s)(\d{4})年是/.exec(text.slice(0, 600));
  if (!date && !compiledHeading && opening) date = opening[1];
  const titleMonth = title ? /^(\d{4})年(\d{1,2})月/.exec(title) : null;
  if (!date && titleMonth) date = `${titleMonth[1]}-${pad(titleMonth[2])}`;
  if (!date && titleYear) date = String(titleYear);
  if (!date && docYear) date = String(docYear);

  let year: number | null = titleYear ?? docYear ?? (date ? Number(date.slice(0, 4)) : null) ?? (range ? Number(range[1]) : null);
  let yearEvidence: string | null = year ? (title ?? docNumber ?? date) : null;
  if (!year) {
    const clue = yearFromClues(text);
    if (clue) { year = clue.year; yearEvidence = clue.evidence; }
  }

  const issuerForms = [...new Set([
    ...findIssuers(noticeTitle, []), ...findIssuers(title, lines), ...(frame?.signatureLines ?? []).flatMap(splitBodies),
  ])];
  const place = inferPlace(text, title, docNumber, issuerForms);
  return { title, noticeTitle, docNumber, date, year, yearEvidence, issuerForms, ...place };
}

function pad(s: string): string { return s.padStart(2, '0'); }

/**
 * The document's own 文号: not one in parentheses (a cited instrument's: 《…》(川卫组函〔2021〕10号)),
 * and without what runs into its prefix (工委河南省教育厅教办〔2020〕55号 → 教办…, 的通知国疾控… → 国疾控…).
 */
function findDocNumber(head: string): { number: string; year: number } | null {
  for (const m of head.matchAll(new RegExp(DOC_NUMBER.source, 'g'))) {
    if (/[(（]$/.test(head.slice(0, m.index))) continue;
    const cut = /^.*(通知|的|厅|局|政府|党组|工委)(?=[\u4e00-\u9fff]{2})/.exec(m[1])?.[0].length ?? 0;
    return { number: m[0].slice(cut).replace(/\s/g, ''), year: Number(m[2]) };
  }
  return null;
}

/** A line that can be a document's title: short, no sentence inside, ending in a kind of instrument (意见, 工作要点, 规划…). */
const isTitleLine = (l: string) => l.length <= 80 && !/[。；]/.test(l) && KIND_RE.test(l.replace(/[（(].*[)）]$/, ''));

function findTitle(lines: string[], docNumber: string | null): string | null {
  for (const [i, raw] of lines.slice(0, 3).entries()) {
    const l = raw.replace(/^[#\s]+/, '');
    if (docNumber && l.includes(docNumber)) continue;
    if (isTitleLine(l)) return l.replace(/\s+/g, '');
    // A title run into its first paragraph, separated by a space (PDF layout).
    const head = /^([^\s，。、；：！？]{6,50}) /.exec(l);
    // A date and time opening a page's publication line is no title.
    if (head && /[\u4e00-\u9fff]/.test(head[1])) return head[1];
    if (i === 0 && l.length > 80) break;
  }
  return null;
}

function yearFromClues(text: string): { year: number; evidence: string } | null {
  for (const c of years.clues) {
    const m = new RegExp(c.pattern).exec(text);
    if (m) return { year: c.year, evidence: m[0] };
  }
  const td = /第(\d{2})个教师节/.exec(text);
  if (td) return { year: years.teachersDayFirstYear - 1 + Number(td[1]), evidence: td[0] };
  return null;
}

/** Issuer names from the title (before 关于 or the year) and from a signature line at the end. */
function findIssuers(title: string | null, lines: string[]): string[] {
  const out: string[] = [];
  if (title) {
    // 中共山东省委 山东省人民政府关于…, 贵阳市教育局2019年工作要点, 2020年07月海陵区教育局工作安排.
    const head = /^(?:\d{4}年(?:\d{1,2}月)?)?(.+?)(?:关于|\d{4}年|印发|工作(?:要点|安排|计划|思路|重点|方案|总结))/.exec(title)?.[1]?.trim();
    // A central body is named alone (教育部关于…); others end in a head noun.
    if (head) out.push(...(orgLex.central.includes(head) ? [head] : splitBodies(head).filter((b) => ENDS_LIKE_ORG.test(b))));
  }
  for (const l of lines.slice(-4)) if (isBodyLine(l)) out.push(...splitBodies(l));
  return [...new Set(out)];
}

interface PlaceGuess { place: string | null; placeEvidence: string | null; placeInferred: boolean; placeConfidence: number; level: Level | null }

/** The jurisdiction: a stated place in the title or 文号, the voice of a central body, or votes of clues. */
export function inferPlace(text: string, title: string | null, docNumber: string | null, issuers: string[]): PlaceGuess {
  const g = gazetteer();
  const masked = MASK.test(text);
  const levelOf = (name: string): Level | null => (name === '全国' ? 'central' : (g.get(name)?.level ?? null));
  const stated = (name: string, evidence: string, confidence: number): PlaceGuess => ({
    place: name, placeEvidence: evidence, placeInferred: false, placeConfidence: confidence, level: levelOf(name),
  });

  // Central bodies alone issue for the whole country (教育部关于…, 国家疾控局 and nine ministries).
  const central = (name: string) => orgLex.central.includes(name) || orgLex.central.includes(name.replace(/^中共/, '')) || (/^(国家|国务院|中共中央|中央|全国)/.test(name) && namedPlaces(name).length === 0);
  if (issuers.length && issuers.every(central)) return stated('全国', `central issuer: ${issuers.join('、')}`, 0.9);
  for (const src of [title, ...issuers]) {
    if (!src) continue;
    // A district named at the head (浦东新区教育局, 上海市浦东新区…) governs itself: it is the jurisdiction.
    const [p, q] = namedPlaces(src);
    if (!p) continue;
    const district = p.level === 'district' ? p : q?.level === 'district' && q.index === p.index + p.form.length && q.jurisdiction === p.name ? q : null;
    return stated(district ? district.name : p.jurisdiction, `${src}`, 0.95);
  }
  if (docNumber) {
    const abbr = g.clues.provinceAbbr[docNumber[0]];
    if (abbr) return stated(abbr, `文号前缀“${docNumber[0]}”（${docNumber}）`, 0.9);
    const prefix = frameLex.centralDocPrefixes.find((c) => docNumber.startsWith(c));
    if (prefix) return stated('全国', `文号前缀“${prefix}”（${docNumber}）: a central body's`, 0.85);
  }
  // A body or a scope of its own level without its place (区教体局…, 2021年全县…): the district or county the text names most.
  if (title && /^(\d{4}年)?(区|县)|全(区|县)/.test(title)) {
    const counts = new Map<string, number>();
    for (const p of namedPlaces(text)) if (p.level === 'district') counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best && (counts.size === 1 || best[1] > [...counts.values()].sort((a, b) => b - a)[1])) {
      return { ...stated(best[0], `a district's or county's own text (${title}) naming ${best[0]}`, 0.6), placeInferred: true };
    }
    // A county's text names itself by its short form (海盐样板, 全县): the one county of the province its clues point to (来浙).
    if (!best && /县/.test(title)) {
      const provinces = new Set([...text.matchAll(new RegExp(`(?:${g.clues.abbrVerbs})([${Object.keys(g.clues.provinceAbbr).join('')}])`, 'g'))].map((m) => g.clues.provinceAbbr[m[1]]));
      const counties = [...g.byName.values()].filter((p) => p.level === 'district' && p.name.length === 3 && p.name.endsWith('县') && provinces.has(p.province) && text.includes(p.name.slice(0, 2)));
      if (counties.length === 1) {
        const c = counties[0];
        return { ...stated(c.name, `a county's own text (${title}) naming ${c.name.slice(0, 2)} in ${c.province}`, 0.5), placeInferred: true };
      }
    }
  }
  // Votes: named places, districts (count for their city), abbreviations after 在/来, regional clues.
  const votes = new Map<string, number>();
  const why = new Map<string, string[]>();
  const vote = (place: string, w: number, ev: string) => {
    votes.set(place, (votes.get(place) ?? 0) + w);
    const l = why.get(place) ?? [];
    if (l.length < 4 && !l.includes(ev)) l.push(ev);
    why.set(place, l);
  };
  // A masked provincial body (xx省教育厅) is a province's text: every clue counts for the province
  // it points into, and a one-character clue names a province (在青高校 is 青海's, not 青岛's).
  const provincial = masked && [title, ...issuers, text.slice(0, 300)].some((s) => s && new RegExp(`${MASK.source}(省|自治区)`).test(s));
  const count = (place: string, w: number, ev: string) => vote(provincial ? (g.get(place)?.province ?? place) : place, w, ev);
  for (const p of namedPlaces(text)) count(p.jurisdiction, p.level === 'district' ? 1.5 : 1, p.form);
  const abbrRe = new RegExp(`(?:${g.clues.abbrVerbs})([${Object.keys(g.abbrClues).join('')}])(?:${g.clues.abbrNouns})`, 'g');
  for (const m of text.matchAll(abbrRe)) count((provincial && g.clues.provinceAbbr[m[1]]) || g.abbrClues[m[1]], 2, m[0]);
  for (const r of g.clues.regions) {
    const m = new RegExp(r.pattern).exec(text);
    if (m) for (const p of r.places) count(p, r.weight / r.places.length, m[0]);
  }
  // A province's vote supports the cities in it that also have votes.
  for (const [name, w] of [...votes]) {
    const p = g.get(name);
    if (p?.level === 'provincial') for (const [other] of votes) if (g.get(other)?.province === name && other !== name) votes.set(other, votes.get(other)! + w * 0.5);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  // A central body's voice (部党组, 直属高校) with no local jurisdiction in sight: nationwide.
  const centralHits = g.clues.central.filter((w) => text.includes(w));
  const localIssuer = issuers.some((i) => /^[市省区县]/.test(i) || namedPlaces(i).length > 0);
  if (centralHits.length >= 2 && /部党组|直属/.test(text) && !localIssuer && (ranked[0]?.[1] ?? 0) < 3 && !/全省|全市/.test(text)) {
    return stated('全国', `central voice: ${centralHits.join('、')}`, 0.8);
  }
  if (!ranked.length) return { place: null, placeEvidence: null, placeInferred: false, placeConfidence: 0, level: null };
  const [best, score] = ranked[0];
  const total = ranked.reduce((s, [, w]) => s + w, 0);
  const confidence = Math.round((score / total) * 100) / 100;
  if (score < 2 || confidence < 0.3) return { place: null, placeEvidence: null, placeInferred: masked, placeConfidence: confidence, level: null };
  return {
    place: best, placeEvidence: why.get(best)!.map((w) => `“${w}”`).join('；'), placeInferred: masked,
    placeConfidence: confidence, level: levelOf(best),
  };
}

interface NamedPlace { form: string; name: string; jurisdiction: string; level: Level; index: number }

/**
 * Places named in a text, longest form first at each position; a district counts for its city
 * (`jurisdiction`). `within`, the document's own place, settles shared names: its district wins
 * (朝阳区 of Beijing, not of Changchun), also for a short form (朝阳医院 in a Beijing text is in
 * 朝阳区, not in Liaoning's 朝阳市). Without it a district name two cities share is left out.
 */
export function namedPlaces(text: string, within: string | null = null): NamedPlace[] {
  const g = gazetteer();
  const out: NamedPlace[] = [];
  const ownOf = (form: string) => (within ? [form, `${form}区`, `${form}县`].flatMap((f) => g.forms.get(f) ?? []).find((c) => c.name !== within && g.within(c.name, within)) : undefined);
  for (let i = 0; i < text.length; i++) {
    for (const len of g.lengthsByFirst.get(text[i]) ?? []) {
      if (len < 2 || i + len > text.length) continue;
      const form = text.slice(i, i + len);
      const cands = g.forms.get(form);
      if (!cands) continue;
      const own = cands.some((c) => c.name === within || (within && g.within(within, c.name))) ? undefined : ownOf(form);
      if (!own && cands.length > 1 && cands.every((c) => c.level === 'district')) break; // a district name two cities share
      if (g.clues.commonNounDistricts.includes(form)) break; // 老城区: the old town, in running text
      // 新疆 of 新疆生产建设兵团: a unit of its own, not in the place its name opens with.
      const unit = g.clues.unitsOfTheirOwn.find((u) => text.startsWith(u, i));
      if (unit) { i += unit.length - 1; break; }
      const p = own ?? cands[0];
      // A short form must not be the start of a longer word (上海交通大学 still names 上海).
      out.push({ form, name: p.name, jurisdiction: g.jurisdictionOf(p), level: p.level, index: i });
      i += len - 1;
      break;
    }
  }
  return out;
}
