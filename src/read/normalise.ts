// Raw decoded text → the canonical text everything downstream reads, as a
// MappedText so each character still points into the source. Each step is one
// small rewrite; the order matters (markup first, script conversion before the
// rules that look at Chinese characters).
import * as OpenCC from 'opencc-js';
import { MappedText } from './mapped-text.js';
import { MOJIBAKE, repairRun } from './mojibake.js';
import { loadLexicon } from '../lexicon/load.js';

export interface Normalised {
  text: MappedText;
  traditional: boolean;
  /** Spots the normaliser could not repair reliably (e.g. GBK mojibake), for the reader's report. */
  flags: string[];
}

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const VARIANTS = loadLexicon<{ chars: Record<string, string> }>('variant-chars.json').chars;
const VARIANT = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'g');

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '，。、；：！？“”‘’（）《》〔〕【】—…·';
const TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü';

/** True when converting to Simplified changes a noticeable share of the Chinese characters. */
export function isTraditional(text: string): boolean {
  const sample = text.slice(0, 20000);
  const conv = toSimplified(sample);
  let cjk = 0;
  let changed = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++;
      if (conv[i] !== sample[i]) changed++;
    }
  }
  return cjk > 0 && changed / cjk > 0.03;
}

/**
 * `traditional` forces the script decision (for re-normalising a piece of a
 * file whose script is known); by default it is read off the text.
 */
export function normalise(raw: string | MappedText, opts: { traditional?: boolean } = {}): Normalised {
  const flags: string[] = [];
  let t = typeof raw === 'string' ? MappedText.identity(raw) : raw;

  // Line ends and odd spaces.
  t = t.replace(/\r\n?/g, () => '\n');
  t = t.replace(/[\u3000\u00a0\t\u2002\u2003\u2009]/g, () => ' ');
  t = t.replace(/[\u200b\u200c\u200d\ufeff]/g, () => '');
  t = unwrapHardWraps(t);

  // Markdown: heading marks, emphasis, list bullets.
  t = t.replace(/^ *#{1,6} +/gm, () => '');
  t = t.replace(/\*\*|__/g, () => '');
  t = t.replace(/^ *[-*+] +/gm, () => '');

  // Full-width letters and digits → ASCII.
  // Kangxi and CJK radicals (⼯ ⼊ ⾊ ⼤) and compatibility ideographs that PDFs printed from a browser
  // carry instead of the unified characters: NFKC maps each to one character, so offsets stay.
  t = t.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (m) => { const u = m[0].normalize('NFKC'); return u.length === 1 ? u : m[0]; });
  t = t.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (m) => String.fromCharCode(m[0].charCodeAt(0) - 0xfee0));

  // GBK mojibake: repaired where the dictionary is sure, flagged where not.
  // Before script conversion: the repair re-encodes the characters as they came.
  t = t.replace(MOJIBAKE, (m) => {
    const repaired = repairRun(m[1], t.text.slice(Math.max(0, m.index - 2), m.index), t.text.slice(m.index + m[0].length, m.index + m[0].length + 2), toSimplified);
    if (repaired === null) flags.push(`possible mojibake at ${m.index}: ${t.text.slice(Math.max(0, m.index - 4), m.index + 8)}`);
    return repaired ?? m[0];
  });

  const traditional = opts.traditional ?? isTraditional(t.text);
  if (traditional) t = t.mapChars(toSimplified);
  t = t.replace(VARIANT, (m) => VARIANTS[m[0]]);

  // Conversion debris: pinyin in parentheses after a character, 持續(xù) → 持续.
  t = t.replace(new RegExp(`(?<=[${CJK}])\\((?=[a-z${TONE}]*[${TONE}])[a-z${TONE}]{1,7}\\)`, 'g'), () => '');

  // Punctuation: half-width between Chinese characters → full-width; quote variants → “”.
  const punct: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };
  t = t.replace(new RegExp(`(?<=[${CJK}${CJK_PUNCT}])[,:;!?]|[,:;!?](?=[${CJK}${CJK_PUNCT}])`, 'g'), (m) => punct[m[0]]);
  t = t.replace(/[「『]/g, () => '“');
  t = t.replace(/[」』]/g, () => '”');
  t = pairStraightQuotes(t);

  // PDF line-break spaces inside Chinese text: 全面 建设 → 全面建设, 2020 年 → 2020年.
  // A space between Chinese and a following number is kept: it often separates a title from its text.
  t = t.replace(new RegExp(`(?<=[${CJK}${CJK_PUNCT}]) +(?=[${CJK}${CJK_PUNCT}])`, 'g'), () => '');
  t = t.replace(new RegExp(`(?<=\\d) +(?=[${CJK}])`, 'g'), () => '');
  t = t.replace(/ {2,}/g, () => ' ');
  t = t.replace(/^ +| +$/gm, () => '');
  t = t.replace(/\n{3,}/g, () => '\n\n');

  return { text: t, traditional, flags };
}

/** Display width: a Chinese character takes two columns, ASCII one (how print wraps a line). */
function columns(line: string): number {
  let w = 0;
  for (const c of line.trim()) w += c.charCodeAt(0) < 0x2e80 ? 1 : 2;
  return w;
}

/**
 * Text copied out of a PDF often keeps the print's hard wraps: every line cut at
 * one width, mid-word (二十\n大精神). When most long lines share one width, a
 * line that fills it and does not end a sentence runs on into the next, unless
 * the next is blank or opens a numbered item. Text without such a width (one
 * paragraph a line) is left alone.
 */
function unwrapHardWraps(t: MappedText): MappedText {
  const lines = t.text.split('\n');
  const widths = lines.map(columns);
  const long = widths.filter((w) => w >= 30).sort((a, b) => a - b);
  if (long.length < 8) return t;
  const wrap = long[Math.floor(long.length * 0.9)];
  const full = (w: number) => w >= wrap - 4 && w <= wrap;
  if (wrap > 160 || long.filter(full).length < long.length * 0.5) return t;
  const drop = new Set<number>();
  let pos = 0;
  lines.forEach((l, i) => {
    pos += l.length;
    const next = lines[i + 1]?.trim();
    if (next && full(widths[i]) && !/[。！？；：]$/.test(l.trim()) && !HEADING.test(next)) drop.add(pos);
    pos += 1;
  });
  return t.replace(/\n/g, (m) => (drop.has(m.index) ? '' : '\n'));
}
const HEADING = /^([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．])/;

/** Straight quotes "…" and '…' alternate open/close within a line. */
function pairStraightQuotes(t: MappedText): MappedText {
  for (const [q, open, close] of [['"', '“', '”'], ["'", '‘', '’']] as const) {
    let open_ = false;
    t = t.replace(new RegExp(`${q}|\\n`, 'g'), (m) => {
      if (m[0] === '\n') { open_ = false; return '\n'; }
      open_ = !open_;
      return open_ ? open : close;
    });
  }
  return t;
}

/**
 * A name as a user types it (“攀登”计划, 《攀登计划》, 攀登 計劃, 持續(xù)) → the form extraction
 * gives names: the text's normalisation (Traditional → Simplified, conversion debris, full-width
 * letters), then no quotes, book-title marks or spaces.
 */
export function normaliseName(s: string): string {
  return normalise(String(s).trim(), { traditional: true }).text.text.replace(/[“”"‘’'「」『』《》〈〉<>\s]/g, '');
}
