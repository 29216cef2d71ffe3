// One file → the policy texts in it. A document is a span of the normalised
// file text; chrome (site headers, editor prefaces, pasted sermons, tag clouds)
// falls outside every span.
import { loadLexicon } from '../lexicon/load.js';

export interface DocumentSpan {
  start: number;
  end: number;
  part: number; // 1-based
  /** The heading that opened this document in a compilation (`…篇2`), with the 篇N removed. */
  compiledHeading: string | null;
}

interface Chrome { leading: string[]; trailing: string[]; prefaceSentence: string }
const chrome = loadLexicon<Chrome>('chrome.json');
const LEADING = chrome.leading.map((p) => new RegExp(p));
const TRAILING = chrome.trailing.map((p) => new RegExp(p));
const PREFACE = new RegExp(chrome.prefaceSentence);

interface Line { start: number; end: number; text: string }

function lines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const t of text.split('\n')) {
    out.push({ start: pos, end: pos + t.length, text: t });
    pos += t.length + 1;
  }
  return out;
}

const COMPILED = /^(.{4,60}?)(?:篇|之)([0-9一二三四五六七八九十]{1,3})$/;
const CN_NUM_HEAD = /^[一二三四五六七八九十]{1,3}、/;
const ANY_NUM_HEAD = /^([一二三四五六七八九十]{1,3}、|\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）])/;

export function splitDocuments(text: string): DocumentSpan[] {
  const ls = lines(text);
  // A compilation page: headings `…篇1`, `…篇2`… each open a document.
  const heads = ls.filter((l) => COMPILED.test(l.text.trim()));
  if (heads.length >= 2) {
    return heads.map((h, i) => {
      const next = heads[i + 1];
      const end = next ? next.start : text.length;
      const span = trimChrome(ls, h.end + 1, end);
      return { ...span, part: i + 1, compiledHeading: COMPILED.exec(h.text.trim())![1] };
    });
  }
  const whole = trimChrome(ls, 0, text.length, text);
  return splitAppended(text, whole).map((s, i) => ({ ...s, part: i + 1, compiledHeading: null }));
}

/** Shrink [start, end) past chrome lines at either end (and an editor's preface sentence). */
function trimChrome(ls: Line[], start: number, end: number, text?: string): { start: number; end: number } {
  const inside = ls.filter((l) => l.start >= start && l.end <= end && l.text.trim() !== '');
  let i = 0;
  let j = inside.length - 1;
  const isLeading = (l: Line) => LEADING.some((r) => r.test(l.text.trim()));
  while (i <= j && (isLeading(inside[i]) || repeatedShortHeader(inside, i))) i++;
  while (j >= i && TRAILING.some((r) => r.test(inside[j].text.trim()))) j--;
  if (i > j) return { start, end: start };
  let s = inside[i].start;
  // A preface that ends mid-line ("…整理的文章3篇，欢迎大家前来参考查阅！") leaves the rest of the line.
  if (text) {
    const m = PREFACE.exec(inside[i].text);
    if (m && m.index === 0) s += m[0].length;
  }
  return { start: s, end: inside[j].end };
}

/** Site navigation repeated as short lines before the title (新闻资讯 新闻资讯). */
function repeatedShortHeader(inside: Line[], i: number): boolean {
  const t = inside[i].text.trim();
  return t.length <= 8 && !/[，。：；]/.test(t) && inside.slice(i + 1, i + 4).some((l) => l.text.trim() === t);
}

/**
 * A compiled article can carry a second text after the first one's numbered
 * outline (an attached 综述). Evidence for a boundary: after a run of
 * top-level numbered sections (一、二、…) comes an unnumbered paragraph, and
 * the text after it speaks for another level (全省/全市) than the text before.
 */
function splitAppended(text: string, span: { start: number; end: number }): { start: number; end: number }[] {
  const ls = lines(text).filter((l) => l.start >= span.start && l.end <= span.end && l.text.trim() !== '');
  const heads = ls.flatMap((l, k) => (CN_NUM_HEAD.test(l.text.trim()) ? [k] : []));
  const k = (heads.at(-1) ?? -1) + 1;
  if (heads.length < 3 || k >= ls.length) return [span];
  // Everything after the last section must be unnumbered prose of some length.
  if (ls.slice(k).some((l) => ANY_NUM_HEAD.test(l.text.trim()))) return [span];
  const head = text.slice(span.start, ls[k].start);
  const tail = text.slice(ls[k].start, span.end);
  if (tail.length < 500 || scopeWords(tail) === 0 || scopeWords(head) > 0) return [span];
  return [{ start: span.start, end: ls[k - 1].end }, { start: ls[k].start, end: span.end }];
}

function scopeWords(s: string): number {
  return (s.match(/全省|全市|全区|省委|市委/g) ?? []).length;
}
