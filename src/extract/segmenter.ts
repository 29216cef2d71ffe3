// nodejieba segmentation and POS tags, with each token's offsets in the input.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const jieba: { tag(s: string): { word: string; tag: string }[] } = require('nodejieba');

export interface Token { word: string; tag: string; start: number; end: number }

export function tag(text: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (const t of jieba.tag(text)) {
    const at = text.indexOf(t.word, pos);
    const start = at < 0 ? pos : at;
    out.push({ word: t.word, tag: t.tag, start, end: start + t.word.length });
    pos = start + t.word.length;
  }
  return out;
}
