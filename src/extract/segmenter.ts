// nodejieba segmentation and POS tags, with each token's offsets in the input.
// Its dictionary is extended once with what our data knows: every place of the
// gazetteer (ns) and every organisation form of the lexicon (nt), so that
// 邕宁区 or 市教卫工作党委 come out as one word with the right tag.
import { createRequire } from 'node:module';
import { gazetteer } from '../lexicon/gazetteer.js';
import { loadLexicon } from '../lexicon/load.js';

const require = createRequire(import.meta.url);
const jieba: { tag(s: string): { word: string; tag: string }[]; insertWord(word: string, tag?: string): boolean } = require('nodejieba');

let userWords = false;
function withUserWords(): typeof jieba {
  if (userWords) return jieba;
  userWords = true;
  for (const form of gazetteer().forms.keys()) if (form.length >= 2) jieba.insertWord(form, 'ns');
  const orgs = loadLexicon<{ central: string[]; abbreviations: { form: string; name: string }[] }>('organizations.json');
  for (const form of [...orgs.central, ...orgs.abbreviations.map((a) => a.form)]) jieba.insertWord(form, 'nt');
  return jieba;
}

/**
 * Names a document establishes for itself (以下简称“高地大”) are words of their own while that
 * document is extracted, and only then: inserting them into jieba's dictionary would change how
 * every later document is cut, so a file would extract differently after another.
 */
let documentWords: readonly string[] = [];
export function withDocumentWords<T>(words: readonly string[], fn: () => T): T {
  const before = documentWords;
  documentWords = words.filter((w) => w.length >= 2);
  try { return fn(); } finally { documentWords = before; }
}

/** Tokens with each occurrence of a document word made one token (nz); tokens it cuts keep their parts. */
function mergeDocumentWords(text: string, toks: Token[]): Token[] {
  let out = toks;
  for (const w of documentWords) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) {
      const end = at + w.length;
      const next: Token[] = [];
      for (const t of out) {
        if (t.end <= at || t.start >= end) { next.push(t); continue; }
        if (t.start < at) next.push({ word: text.slice(t.start, at), tag: 'x', start: t.start, end: at });
        if (!next.some((n) => n.start === at && n.end === end)) next.push({ word: w, tag: 'nz', start: at, end });
        if (t.end > end) next.push({ word: text.slice(end, t.end), tag: 'x', start: end, end: t.end });
      }
      out = next;
    }
  }
  return out;
}

export interface Token { word: string; tag: string; start: number; end: number }

export function tag(text: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (const t of withUserWords().tag(text)) {
    const at = text.indexOf(t.word, pos);
    const start = at < 0 ? pos : at;
    out.push({ word: t.word, tag: t.tag, start, end: start + t.word.length });
    pos = start + t.word.length;
  }
  return documentWords.length ? mergeDocumentWords(text, out) : out;
}

/**
 * Whether jieba puts a word boundary at `at` in `text`: a head noun that is the
 * start of a longer word (工程 of 工程师, 大学 of 大学习) is not a name's end.
 */
export function isWordBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  const from = Math.max(0, at - 4);
  const toks = tag(text.slice(from, Math.min(text.length, at + 4)));
  return toks.some((t) => t.start + from === at);
}
