// Targets: a clause that commits to a number with a unit (30所, 60%, 7万人) or
// to a duration (三年内, 通过3年时间). Dates, ordinals, item numbers and numbers
// that are part of a name (四个意识, 5+2, 121工程) are not targets.
import { loadLexicon } from '../lexicon/load.js';
import type { Mention } from './mention.js';

const lex = loadLexicon<{ rateNouns: string; indexNouns: string; units: string[]; verbs: string; chineseDigits: Record<string, number>; reviewHeadings: string; pastMarkers: string; planPeriods: Record<string, number> }>('targets.json');
const PERIOD_OPENING = new RegExp(`^“?(${Object.keys(lex.planPeriods).join('|')})”?(期间|时期|以来)`);
const UNIT = `(?:${lex.units.join('|')})`;
const NUM = '(\\d+(?:\\.\\d+)?(?:[-~～]\\d+)?)(万)?';
const QUANT = new RegExp(`${NUM}(${UNIT})`, 'g');
const DURATION = new RegExp(`(?:通过|用)?([一二两三四五六七八九十]|\\d{1,2})年(内|时间|左右时间)`);
const VERB = new RegExp(lex.verbs);
// Split only between quantities: 建设20家康复中心、30家中医示范站点 (not 怒江州、迪庆州和25个边境县).
const LIST_SPLIT = new RegExp(`(?<=\\d+(?:\\.\\d+)?万?${UNIT}[^、，和]*)(?:、|和)\\s*(?=\\d+(?:\\.\\d+)?万?${UNIT})`);

/** A rate and its percentage, needing no verb: 普惠率85%, 公办园在园幼儿占比53%. */
const RATE = new RegExp(`^[\\u4e00-\\u9fff]{1,12}(?:${lex.rateNouns})(?:达到|达)?\\d+(?:\\.\\d+)?%(?:以上|左右)?$`);
const INDEX = new RegExp(`(${lex.indexNouns})(?:达到|达|提高到|提升到|不低于|保持在)(\\d+(?:\\.\\d+)?)(?![\\d.%])`);
/** A clause a deadline opens (到2025年，…; 力争在2020年底前，…): what follows it is committed to by then. */
const DEADLINE_BEFORE = /(?:到|至|在)\d{4}年(?:底|末)?(?:前|以前)?[，,]\s*$/;
/** A clause that opens with the year's own deadline (年内完成复审, 年底前建成): committed to within the plan's year. */
const WITHIN_THE_YEAR = /^\s*(?:年内|年底前|年末前)(?=[\u4e00-\u9fff])/;
const HEADING = /^\s*([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．])/;
const REVIEW = new RegExp(lex.reviewHeadings);
const PAST = new RegExp(lex.pastMarkers);

/**
 * Where the text reports the past rather than commits to the future: sections headed as a review
 * (（一）发展基础), and sentences that report a result (新增了…, 累计…, 比2015年增加…) or open with a
 * year before the document's own (2020年，全州…, in a 2022 plan).
 */
function reportsPast(text: string, at: number, reviewUntil: (at: number) => boolean, docYear: number | null): boolean {
  if (reviewUntil(at)) return true;
  const s = text.lastIndexOf('。', at) + 1;
  const sentence = text.slice(Math.max(s, text.lastIndexOf('\n', at) + 1), text.indexOf('。', at) < 0 ? text.length : text.indexOf('。', at));
  // An item number in front (1. / （二）) is not the year a sentence opens with (2020年末，…).
  const opening = /^[^，,]{0,12}?(\d{4})年/.exec(sentence.replace(/^[—\s]*(?:\d{1,2}[.、．](?!\d)|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)?\s*/, ''));
  const period = PERIOD_OPENING.exec(sentence.trim())?.[1];
  return PAST.test(sentence) || (!!docYear && !!opening && Number(opening[1]) < docYear) || (!!docYear && !!period && lex.planPeriods[period] < docYear);
}

/** For each offset, whether the text there reports the past (a review section, a result, an earlier year or plan period). */
export function pastReports(text: string, docYear: number | null): (at: number) => boolean {
  const inReview = reviewSections(text);
  return (at) => reportsPast(text, at, inReview, docYear);
}

/** For each offset, whether it lies in a section whose heading names a review of the past. */
function reviewSections(text: string): (at: number) => boolean {
  const spans: [number, number][] = [];
  let pos = 0;
  let open: number | null = null;
  for (const line of text.split('\n')) {
    if (HEADING.test(line)) {
      if (open !== null) spans.push([open, pos]);
      open = REVIEW.test(line.slice(0, 20)) ? pos : null;
    }
    pos += line.length + 1;
  }
  if (open !== null) spans.push([open, text.length]);
  return (at) => spans.some(([s, e]) => at >= s && at < e);
}

/** `docYear`: the year the plan is for; a sentence opening with an earlier year reports the past. */
export function findTargets(text: string, docYear: number | null = null): Mention[] {
  const out: Mention[] = [];
  const past = pastReports(text, docYear);
  // Clauses end at full-width marks, and at ASCII ones a page may use instead (not the comma of 1,000).
  const clauseRe = /(?:[^，。；：！？\n,;]|,(?=\d{3}(?!\d)))+/g;
  let previousWasTarget = false;
  for (const c of text.matchAll(clauseRe)) {
    const clause = c[0];
    const base = c.index!;
    const q = firstQuantity(clause);
    const d = DURATION.exec(clause);
    const continues = previousWasTarget && /[，,]/.test(text[base - 1] ?? '');
    const deadline = DEADLINE_BEFORE.test(text.slice(Math.max(0, base - 10), base)) || WITHIN_THE_YEAR.test(clause);
    previousWasTarget = false;
    if (!q && !d && !deadline) continue;
    if (!(VERB.test(clause) || RATE.test(clause.trim()) || (continues && q) || deadline) || past(base)) continue;
    previousWasTarget = true;
    const trimmed = clause.replace(/^\s*(\d{1,2}[.、]|[（(][一二三四五六七八九十\d]+[)）])?\s*/, '');
    const start = base + (clause.length - trimmed.length);
    if (trimmed.length < 4 || trimmed.length > 60) continue;
    // A list of quantities (建设20家康复中心、30家中医示范站点) is one target each.
    let pos = start;
    for (const part of trimmed.split(LIST_SPLIT)) {
      const partStart = pos;
      pos += part.length + 1;
      // A target inside a program's name (实施新一轮新建改扩建30所幼儿园工程) is named without the program's frame.
      const inner = /^(?:实施|推进|启动)(?:新一轮|第[一二三四五六七八九十]+轮)?(.+\d.+?)(?:工程|计划|项目|行动)$/.exec(part);
      const name = (inner ? inner[1] : part).trim();
      const at = partStart + part.indexOf(name);
      out.push({ label: 'Target', name, form: name, start: at, end: at + name.length, rule: q ? 'target.quantity' : 'target.duration', confidence: 0.7, fields: targetFields(name, q ? firstQuantity(name) : null, d) });
    }
  }
  return out;
}

function targetFields(name: string, q: { value: string; unit: string; end: number } | null, d: RegExpExecArray | null): Mention['fields'] {
  const fields: Mention['fields'] = {};
  if (q) {
    fields.value = q.value;
    fields.unit = q.unit;
    fields.subject = subjectAfter(name.slice(q.end)) || null;
  } else if (d) {
    const years = Number(d[1]) || lex.chineseDigits[d[1]] || null;
    fields.value = years === null ? null : String(years);
    fields.unit = '年';
    fields.durationYears = years;
  }
  const deadline = /(到|至)(\d{4})年(底|末)?|年内|年底前/.exec(name);
  if (deadline) fields.deadline = deadline[0];
  return fields;
}

function firstQuantity(clause: string): { value: string; unit: string; end: number } | null {
  // A ratio (床人比不低于1:1.6) counts as a quantity of its own kind.
  const ratio = /比[^\d]{0,6}(\d+(?:\.\d+)?[:：]\d+(?:\.\d+)?)/.exec(clause);
  if (ratio) return { value: ratio[1].replace('：', ':'), unit: '比', end: ratio.index + ratio[0].length };
  QUANT.lastIndex = 0;
  for (const m of clause.matchAll(QUANT)) {
    const before = clause.slice(Math.max(0, m.index! - 1), m.index!);
    // A number inside a quoted program name is part of the name (爱国卫生新“7个专项行动”; “4个100%” is a target).
    const opened = clause.slice(0, m.index!);
    if (opened.split('“').length > opened.split('”').length && /^[^”]*(行动|计划|工程|项目|活动|专项)”/.test(clause.slice(m.index!))) continue;
    const after = clause.slice(m.index! + m[0].length, m.index! + m[0].length + 2);
    if (before === '第' || before === '+' || /^[+]/.test(after)) continue; // ordinals, 5+2
    if (m[3] === '年') continue; // dates and years
    if (/^(学年|级|届|号|月|日|周年)/.test(after)) continue;
    if (/^\d+$/.test(m[1]) && m[1].length > 1 && m[1].startsWith('0')) continue;
    const value = m[2] ? String(Number(m[1]) * 10000) : m[1];
    return { value, unit: m[3], end: m.index! + m[0].length };
  }
  // An index has no unit: the number it is to reach (健康浙江发展指数达85).
  const index = INDEX.exec(clause);
  return index ? { value: index[2], unit: index[1], end: index.index + index[0].length } : null;
}

function subjectAfter(rest: string): string {
  return rest.replace(/^(左右|以上|以内|的)/, '').replace(/(的)?(建设|培育|评估验收|工作|任务|试点工作)$/, '').slice(0, 30);
}
