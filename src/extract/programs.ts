// Programs: named initiatives. Three shapes, most to least certain:
//   qualifier + “brand” + head     基层党组织“攀登”计划   → 攀登计划
//   “whole name ending in a head”  “万名书记进党校工程”   → 万名书记进党校工程
//   trigger verb + unquoted name   实施组织生活创优行动、党员成长引领行动
import { gazetteer } from '../lexicon/gazetteer.js';
import { loadLexicon } from '../lexicon/load.js';
import { bareName, type Mention } from './mention.js';
import { isWordBoundary, tag } from './segmenter.js';

interface ProgramLexicon { placeCampaigns: string[]; quotedTaskHeads: string[]; heads: string[]; quotedHeadsOnly: string[]; triggers: string; notPrograms: string[]; genericNames: string[]; brandEnds: string[]; genericModifiers: string[]; fieldNouns: string[]; headContinuations: string; titleVerbs: string[] }
const lex = loadLexicon<ProgramLexicon>('programs.json');
const HEADS = [...lex.heads].sort((a, b) => b.length - a.length);
const UNQUOTED_HEADS = HEADS.filter((h) => !lex.quotedHeadsOnly.includes(h));
const HEAD = `(?:${HEADS.join('|')})`;
const NOT = new Set(lex.notPrograms);
const GENERIC = new Set(lex.genericNames);
const TRIGGER = new RegExp(`(${lex.triggers})`, 'g');
const TRIGGER_WORD = new RegExp(`^(?:${lex.triggers})$`);
const GENERIC_MODIFIER = new Set(lex.genericModifiers);
const FIELD_NOUN = new Set(lex.fieldNouns);
/** 重点 / 健康重点 / 国家试点 in 健康重点项目, 国家试点项目: generic modifiers only, after a field of work or not. */
const isGenericModifier = (m: string): boolean => GENERIC_MODIFIER.has(m) || [...GENERIC_MODIFIER, ...FIELD_NOUN].some((f) => m.length > f.length && m.startsWith(f) && isGenericModifier(m.slice(f.length)));
/** A version after the head belongs to the name: 培养计划2.0, 数字化转型3.0版. */
const VERSION = '(?:\\d\\.\\d版?)?';
const BRAND_IS_NAME = new RegExp(`(?:${[...HEADS, ...lex.brandEnds].join('|')})$`);
const QUALIFIER_TAGS = /^(n|nt|ns|nz|j|vn|an|l|b|a)$/;

export function headOf(name: string): string | null {
  return HEADS.find((h) => name.endsWith(h)) ?? null;
}

export function findPrograms(text: string): Mention[] {
  const out: Mention[] = [];
  // 1. “brand” + up to four characters + head noun.
  // “A”等活动 lists several brands (rule 4), it does not name one activity; “A、B”的三大行动 is
  // a head described by what the quote says (a brand stands next to its head, never through 的).
  const brandRe = new RegExp(`“([^“”\\n]{1,16})”((?:(?!等)[\\u4e00-\\u9fff]){0,10}?)(${HEAD}${VERSION})`, 'g');
  for (const m of text.matchAll(brandRe)) {
    const brand = m[1];
    if (NOT.has(brand) || /[，。；]/.test(brand) || m[2].startsWith('的')) continue;
    // “扬帆计划”项目, “就业促进周”系列活动: the quoted name is whole already;
    // a list of slogans (“强基础、提质量、创品牌”三年行动计划) is a brand even when its last item ends in a head.
    if ((BRAND_IS_NAME.test(brand) && !brand.includes('、')) || !isWordBoundary(text, m.index! + m[0].length)) continue;
    const name = bareName(brand + m[2] + m[3]);
    const qStart = qualifierStart(text, m.index!);
    const form = bareName(text.slice(qStart, m.index! + m[0].length));
    out.push({ label: 'Program', name, form, start: qStart, end: m.index! + m[0].length, rule: 'program.brand+head', confidence: 0.9, fields: { kind: headKind(m[3]) } });
  }
  // 2. A whole quoted name ending in a head noun, or a quoted list of such names
  //    (“党建创优工程、立德树人工程、…”等八项工程): one program per item.
  // A name may hold a 、 (“百所中小学、幼儿园提升工程”) unless a head noun follows the quote: then it is a brand (rule 1).
  const quotedName = new RegExp(`^[^“”\\n、]{2,30}?(?:${HEAD}|${lex.brandEnds.join('|')})$`);
  const wholeName = new RegExp(`^[^“”\\n]{2,30}?(?:${HEAD}|${lex.brandEnds.join('|')})$`);
  const headAfter = new RegExp(`^[\\u4e00-\\u9fff]{0,4}?${HEAD}`);
  for (const m of text.matchAll(/“([^“”\n]{2,200})”/g)) {
    let items = m[1].split('、');
    if (!items.every((x) => quotedName.test(x))) {
      if (!wholeName.test(m[1]) || headAfter.test(text.slice(m.index! + m[0].length))) continue;
      items = [m[1]];
    }
    let pos = m.index! + 1;
    for (const item of items) {
      const name = bareName(item);
      const start = pos;
      pos += item.length + 1;
      // A count of a kind (“7个专项行动”) names none of them.
      if (NOT.has(name) || GENERIC.has(name) || GENERIC.has(name.replace(/^[\d一二三四五六七八九十两]+[个项大]/, ''))) continue;
      const [s, e] = items.length === 1 ? [m.index!, m.index! + m[0].length] : [start, start + item.length];
      out.push({ label: 'Program', name, form: name, start: s, end: e, rule: items.length === 1 ? 'program.quoted' : 'program.quoted-list', confidence: 0.85, fields: { kind: headKind(headOf(name)!) } });
    }
  }
  // 3. Unquoted names after a trigger verb, possibly a list joined by 、.
  const plainHead = `(?:${UNQUOTED_HEADS.join('|')})`;
  for (const t of text.matchAll(TRIGGER)) {
    const after = t.index! + t[0].length;
    const item = `[\\u4e00-\\u9fff\\d+（）()]{2,24}?${plainHead}${VERSION}(?!${lex.headContinuations})`;
    const listRe = new RegExp(`^(?:${item})(?:、${item})*`);
    const lm = listRe.exec(text.slice(after, after + 120));
    if (!lm) continue;
    let pos = after;
    for (const part of lm[0].split('、')) {
      const whole = trimLeadingFiller(part);
      const wholeStart = pos + (part.length - whole.length);
      pos += part.length + 1;
      for (const [name, start, end] of splitSharedHead(whole, wholeStart)) {
        if (name.length < 4 || GENERIC.has(name) || NOT.has(name) || /[“”]/.test(name) || !isWordBoundary(text, end)) continue;
        const modifier = name.slice(0, name.length - (headOf(name.replace(/\d\.\d版?$/, ''))?.length ?? 0));
        if (isGenericModifier(modifier) || /^\d+个/.test(modifier)) continue;
        if (/^(各类|各项|相关|有关|一批|一系列|系列|专题|主题|多种|新一轮)/.test(name)) continue;
        // A dated plan (理论学习中心组2024年度学习计划) is one year's instrument, not a program.
        if (/\d{4}年/.test(name)) continue;
        out.push({ label: 'Program', name, form: name, start, end, rule: 'program.trigger+name', confidence: 0.6, fields: { kind: headKind(headOf(name)!) } });
      }
    }
  }
  // 4. Quoted names listed as activities: 办好“青年红色筑梦之旅”“汇创青春”等活动.
  for (const m of text.matchAll(/((?:“[^“”\n]{2,20}”[、和]?){1,8})(?:等|系列)+(?:主题)?活动/g)) {
    const at = m.index!;
    for (const q of m[1].matchAll(/“([^“”\n]{2,20})”/g)) {
      const name = bareName(q[1]);
      if (!NOT.has(name) && !GENERIC.has(name)) out.push({ label: 'Program', name, form: name, start: at + q.index!, end: at + q.index! + q[0].length, rule: 'program.quoted-activity', confidence: 0.75, fields: { kind: '活动' } });
    }
  }
  // 5. The program an instrument implements, named in its title: 《第二轮新时代基层党建质量提升工程实施方案》.
  const inTitle = new RegExp(`《(?:关于)?([^《》“”\\n]{4,30}?${HEAD})(?:的)?(?:实施方案|实施意见|实施细则|实施办法)》`, 'g');
  for (const m of text.matchAll(inTitle)) {
    const name = trimLeadingFiller(m[1]);
    const start = m.index! + m[0].indexOf(name);
    if (name.length >= 4 && !GENERIC.has(name)) out.push({ label: 'Program', name, form: name, start, end: start + name.length, rule: 'program.in-title', confidence: 0.7, fields: { kind: headKind(headOf(name)!) } });
  }
  // 5b. A plan named for its program: 《全民科学素质行动规划纲要(2021—2035年)》, 《“十四五”学前教育发展提升行动计划》,
  //     〈…〉 inside a notice's title.
  for (const m of text.matchAll(/[《<〈]([^《》<>〈〉\n]{4,60})[》>〉]/g)) {
    const name = planProgram(m[1]);
    if (!name) continue;
    const at = m.index! + 1 + m[1].indexOf(name.slice(0, 2));
    out.push({ label: 'Program', name, form: name, start: at, end: at + name.length, rule: 'program.plan-title', confidence: 0.7, fields: { kind: headKind(headOf(name)!) } });
  }
  // 6. A campaign named after its place: 健康浙江建设, 平安江苏建设 (the place must be one: 健康中国 too).
  const g = gazetteer();
  for (const m of text.matchAll(new RegExp(`(${lex.placeCampaigns.join('|')})([\\u4e00-\\u9fff]{2,6}?)建设`, 'g'))) {
    if (m[2] !== '中国' && !['', '市', '县', '区', '省'].some((s) => g.forms.has(m[2] + s))) continue; // 健康扬中: 扬中市
    out.push({ label: 'Program', name: m[0], form: m[0], start: m.index!, end: m.index! + m[0].length, rule: 'program.place-campaign', confidence: 0.75, fields: { kind: '建设' } });
  }
  // 7. A quoted name and at once a task head: “双高”建设, “三级联创”工作.
  for (const m of text.matchAll(new RegExp(`“([^“”\\n，。]{2,20})”(${lex.quotedTaskHeads.join('|')})`, 'g'))) {
    const name = bareName(m[1] + m[2]);
    if (NOT.has(bareName(m[1])) || /、/.test(m[1])) continue;
    out.push({ label: 'Program', name, form: name, start: m.index!, end: m.index! + m[0].length, rule: 'program.quoted-task', confidence: 0.65, fields: { kind: m[2] } });
  }
  // 8. A system reform a plan carries out (推动第二轮校长职级制改革) and a numbered bundle (以卫生健康现代化建设九大行动为主线).
  for (const m of text.matchAll(/(?:推进|推动|深化|实施|开展|以)(?:第[一二三四五六七八九十]+轮)?([\u4e00-\u9fff]{2,10}(?:制改革|[一二三四五六七八九十]大(?:行动|工程)))/g)) {
    const name = m[1];
    // 体制改革, 机制改革 reform an institution in general; a reform is named by the system it brings (职级制, 大学区管理制).
    if (/(体制|机制|[^\u4e00-\u9fff])/.test(name) || name.length < 6) continue;
    const start = m.index! + m[0].length - name.length;
    out.push({ label: 'Program', name, form: name, start, end: start + name.length, rule: 'program.reform-or-bundle', confidence: 0.6, fields: { kind: /行动$/.test(name) ? '行动' : /工程$/.test(name) ? '工程' : '改革' } });
  }
  // 9. An edition of a recurring event or campaign: 举办第17届高校思想政治理论课教学观摩活动 (the edition is no part of its name).
  for (const m of text.matchAll(new RegExp(`第[一二三四五六七八九十百\\d]+届([\\u4e00-\\u9fff]{4,24}?${HEAD})(?!${lex.headContinuations})`, 'g'))) {
    const name = m[1];
    if (GENERIC.has(name) || !isWordBoundary(text, m.index! + m[0].length)) continue;
    const start = m.index! + m[0].length - name.length;
    out.push({ label: 'Program', name, form: name, start, end: start + name.length, rule: 'program.edition', confidence: 0.65, fields: { kind: headKind(headOf(name)!) } });
  }
  return dropContained(out);
}

const TITLE_VERBS = `(?:${lex.titleVerbs.join('|')})?`;
const PLAN_TITLE = new RegExp(`^(?:.*?关于印发|.*?关于${TITLE_VERBS}|印发)?(.{4,40}?(?:行动计划|行动|计划|工程))(?:规划纲要|纲要)?(?:[(（][^()（）]{4,16}[)）])?(?:的)?(?:实施方案|实施意见)?(?:[(（][^()（）]{4,16}[)）])?(?:的通知)?$`);

/**
 * The program a plan's title names, when the plan is named for it (全民科学素质行动规划纲要 →
 * 全民科学素质行动; “十四五”学前教育发展提升行动计划 as it is). Not an annual work plan
 * (2020年工作计划) or an instrument whose name only ends in 行动 of another word (行动方案 is caught by the caller's pattern).
 */
const ABOUT_PROGRAM = new RegExp(`关于${TITLE_VERBS}(.+?(?:工程|计划|行动))的`);

/** The program a document's title is about (关于实施“青苗”计划的通知 → 青苗计划), or the plan it is named for. */
export function titleProgram(title: string): string | null {
  const about = ABOUT_PROGRAM.exec(title)?.[1];
  return about ? bareName(about) : planProgram(title);
}

export function planProgram(title: string): string | null {
  const m = PLAN_TITLE.exec(bareName(title));
  if (!m) return null;
  const name = m[1];
  if (/\d{4}年|工作计划$|^(计划|行动|工程)/.test(name) || GENERIC.has(name) || NOT.has(name)) return null;
  return name;
}

const CORE_HEAD = /(计划|工程|行动|项目|专项)$/;

/**
 * Two names sharing one head noun (高峰高原学科建设和高水平地方高校建设计划 = 高峰高原学科建设计划 +
 * 高水平地方高校建设计划): the first part ends in the same two characters that stand before the
 * second part's head. Otherwise the name is one. Each name comes with the span it is written in.
 */
function splitSharedHead(name: string, start: number): [string, number, number][] {
  const whole: [string, number, number][] = [[name, start, start + name.length]];
  const m = /^(.{4,}?)和(.{4,})$/.exec(name);
  const core = m && CORE_HEAD.exec(m[2]);
  if (!m || !core) return whole;
  const link = m[2].slice(0, m[2].length - core[0].length).slice(-2);
  if (link.length < 2 || !m[1].endsWith(link)) return whole;
  const second = start + m[1].length + 1;
  return [[m[1] + core[0], start, start + m[1].length], [m[2], second, second + m[2].length]];
}

/** The descriptive qualifier in front of a quoted brand: nominal tokens back to a verb or punctuation. */
function qualifierStart(text: string, at: number): number {
  const from = Math.max(0, at - 12);
  const left = text.slice(from, at);
  const cut = Math.max(...['，', '、', '。', '\n', '；', '：', '”', '》', '（', '('].map((c) => left.lastIndexOf(c)));
  const base = from + cut + 1;
  const toks = tag(text.slice(base, at));
  let k = toks.length;
  while (k > 0 && QUALIFIER_TAGS.test(toks[k - 1].tag) && !/^(的|和|与|及)$/.test(toks[k - 1].word)) k--;
  return k < toks.length ? base + toks[k].start : at;
}

/** Words in front of a name that belong to the sentence: chained verbs (实施, 推进), 好 of 做好, rounds (新一轮, 第二期), scope (全市), counts (128所). */
function trimLeadingFiller(s: string): string {
  let prev;
  do {
    prev = s;
    // A trigger verb only where jieba reads it as a word of its own (not 组织 of 组织生活).
    const first = tag(s)[0]?.word ?? '';
    if (TRIGGER_WORD.test(first)) s = s.slice(first.length);
    s = s.replace(/^(好|了|的|新一轮|新一批|第[一二三四五六七八九十\d]+[轮期批届]|一批|全市|全省|全区|本市|本省|(?:\d{4}|xx)年|xx[市省区县]?|\d+(?:所|个|项|家|批|名))/, '');
  } while (s !== prev);
  return s;
}

function headKind(head: string): string {
  if (/计划$/.test(head)) return '计划';
  if (/工程$/.test(head)) return '工程';
  if (/行动$/.test(head)) return '行动';
  if (/(大赛|竞赛|教育月|宣传周|宣传月|活动|创建)$/.test(head)) return '活动';
  return head;
}

/** Drop mentions lying inside a longer one of the same text (a brand inside its quoted full name). */
function dropContained(ms: Mention[]): Mention[] {
  ms.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  for (const m of ms) {
    const host = out.find((o) => m.start >= o.start && m.end <= o.end);
    if (!host) out.push(m);
    else if (host.rule === 'program.trigger+name' && m.rule !== 'program.trigger+name') out[out.indexOf(host)] = m;
  }
  return out;
}
