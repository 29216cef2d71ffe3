// Programs: named initiatives. Three shapes, most to least certain:
//   qualifier + “brand” + head     基层党组织“攀登”计划   → 攀登计划
//   “whole name ending in a head”  “万名书记进党校工程”   → 万名书记进党校工程
//   trigger verb + unquoted name   实施组织生活创优行动、党员成长引领行动
import { loadLexicon } from '../lexicon/load.js';
import { bareName, type Mention } from './mention.js';
import { tag } from './segmenter.js';

interface ProgramLexicon { heads: string[]; quotedHeadsOnly: string[]; triggers: string; notPrograms: string[]; genericNames: string[] }
const lex = loadLexicon<ProgramLexicon>('programs.json');
const HEADS = [...lex.heads].sort((a, b) => b.length - a.length);
const UNQUOTED_HEADS = HEADS.filter((h) => !lex.quotedHeadsOnly.includes(h));
const HEAD = `(?:${HEADS.join('|')})`;
const NOT = new Set(lex.notPrograms);
const GENERIC = new Set(lex.genericNames);
const TRIGGER = new RegExp(`(${lex.triggers})`, 'g');
const QUALIFIER_TAGS = /^(n|nt|ns|nz|j|vn|an|l|b|a)$/;

export function headOf(name: string): string | null {
  return HEADS.find((h) => name.endsWith(h)) ?? null;
}

export function findPrograms(text: string): Mention[] {
  const out: Mention[] = [];
  // 1. “brand” + up to four characters + head noun.
  const brandRe = new RegExp(`“([^“”\\n]{1,16})”([\\u4e00-\\u9fff]{0,4}?)(${HEAD})`, 'g');
  for (const m of text.matchAll(brandRe)) {
    const brand = m[1];
    if (NOT.has(brand) || /[，。；]/.test(brand)) continue;
    const name = bareName(brand + m[2] + m[3]);
    const qStart = qualifierStart(text, m.index!);
    const form = bareName(text.slice(qStart, m.index! + m[0].length));
    out.push({ label: 'Program', name, form, start: qStart, end: m.index! + m[0].length, rule: 'program.brand+head', confidence: 0.9, fields: { kind: headKind(m[3]) } });
  }
  // 2. A whole quoted name ending in a head noun.
  for (const m of text.matchAll(new RegExp(`“([^“”\\n]{2,30}?${HEAD})”`, 'g'))) {
    const name = bareName(m[1]);
    if (NOT.has(name) || GENERIC.has(name)) continue;
    out.push({ label: 'Program', name, form: name, start: m.index!, end: m.index! + m[0].length, rule: 'program.quoted', confidence: 0.85, fields: { kind: headKind(headOf(name)!) } });
  }
  // 3. Unquoted names after a trigger verb, possibly a list joined by 、.
  const plainHead = `(?:${UNQUOTED_HEADS.join('|')})`;
  for (const t of text.matchAll(TRIGGER)) {
    const after = t.index! + t[0].length;
    const listRe = new RegExp(`^(?:[\\u4e00-\\u9fff（）()]{2,18}?${plainHead})(?:、[\\u4e00-\\u9fff（）()]{2,18}?${plainHead})*`);
    const lm = listRe.exec(text.slice(after, after + 120));
    if (!lm) continue;
    let pos = after;
    for (const part of lm[0].split('、')) {
      const name = trimLeadingFiller(part);
      const start = pos + (part.length - name.length);
      pos += part.length + 1;
      if (name.length < 4 || GENERIC.has(name) || NOT.has(name) || /[“”]/.test(name)) continue;
      if (/^(各类|各项|相关|有关|一批|一系列|系列|专题|主题|多种|新一轮)/.test(name)) continue;
      out.push({ label: 'Program', name, form: name, start, end: start + name.length, rule: 'program.trigger+name', confidence: 0.6, fields: { kind: headKind(headOf(name)!) } });
    }
  }
  return dropContained(out);
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

function trimLeadingFiller(s: string): string {
  return s.replace(/^(好|了|的|新|一批|全市|全省|全区)/, '');
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
