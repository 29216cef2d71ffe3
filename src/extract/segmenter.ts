// nodejieba, loaded once, with a user dictionary of the names the lexicon and
// the corpus establish, so that 市教卫工作党委 or 攀登计划 stay one token.
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const jieba: {
  load(opts: Record<string, string>): void;
  cut(s: string): string[];
  tag(s: string): { word: string; tag: string }[];
  insertWord?(w: string, tag?: string): boolean;
} = require('nodejieba');

let loaded = false;
const added = new Set<string>();

export function loadSegmenter(userWords: { word: string; tag: string }[] = []): void {
  if (!loaded) {
    const dir = mkdtempSync(join(tmpdir(), 'policy-kg-jieba-'));
    const dict = join(dir, 'user.dict.utf8');
    writeFileSync(dict, userWords.map((w) => `${w.word} ${w.tag}`).join('\n') + '\n');
    jieba.load({ userDict: dict });
    loaded = true;
    for (const w of userWords) added.add(w.word);
  }
}

/** Make a name known to the segmenter from now on (e.g. one defined by 以下简称“…”). */
export function addWord(word: string, tag: string): void {
  loadSegmenter();
  if (added.has(word)) return;
  added.add(word);
  jieba.insertWord?.(word, tag);
}

export interface Token { word: string; tag: string; start: number; end: number }

export function tag(text: string): Token[] {
  loadSegmenter();
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
