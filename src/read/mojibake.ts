// GBK mojibake repair. A page converted through GBK with one lead byte lost
// shows a '?' and then characters decoded one byte out of step until an ASCII
// byte realigns them: 總結 (BF 82 BD 59) becomes ?偨Y (? 82BD 59). Putting a
// lead byte back in front and decoding again restores the text, if we can tell
// which lead byte it was: we try them all and keep the one that makes a word
// of the jieba dictionary with its neighbours, and only when it clearly wins.
// Anything else is left as it is and flagged.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import nodejieba from 'nodejieba';

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
/** Full-width punctuation: where the lost lead byte was one of 。 (A1 A3), the run starts with ； (A3 BB). */
const CJK_PUNCT = '\\u3000-\\u303f\\uff01-\\uff5e';
const SENTENCE_MARK = /^[。，、；：？！]$/;
const TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü';
/** '?' after a Chinese character, pinyin debris the converter may have left, then up to four characters ending in an ASCII byte. */
export const MOJIBAKE = new RegExp(`(?<=[${CJK}])\\?(?:[a-z${TONE}]{1,7}\\))?([${CJK}${CJK_PUNCT}]{0,4}[\\x40-\\x7e])`, 'g');

// nodejieba exports the path of its bundled dictionary; its typings omit it.
const JIEBA_DICT = (nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT;

let dictionary: Map<string, number> | null = null;
function dict(): Map<string, number> {
  if (!dictionary) {
    dictionary = new Map();
    for (const line of readFileSync(JIEBA_DICT, 'utf8').split('\n')) {
      const [w, f] = line.split(' ');
      if (w && w.length >= 2 && w.length <= 4) dictionary.set(w, Number(f));
    }
  }
  return dictionary;
}

/** Frequency of the most frequent dictionary word in `text` that covers a character of [from, to). */
function wordScore(text: string, from: number, to: number): number {
  let best = 0;
  for (let i = Math.max(0, from - 3); i < to; i++) {
    for (let len = 2; len <= 4; len++) {
      if (i + len <= from || i + len > text.length) continue;
      best = Math.max(best, dict().get(text.slice(i, i + len)) ?? 0);
    }
  }
  return best;
}

/**
 * The repaired characters for a mojibake run, or null when no lead byte
 * clearly wins. `before`/`after` are the neighbouring characters, and
 * `simplify` folds Traditional so the Simplified dictionary can judge.
 */
export function repairRun(run: string, before: string, after: string, simplify: (s: string) => string): string | null {
  const bytes = iconv.encode(run, 'gbk');
  if (bytes.length % 2 === 0 || iconv.decode(bytes, 'gbk') !== run) return null;
  const scored: { text: string; score: number }[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    const text = iconv.decode(Buffer.concat([Buffer.from([lead]), bytes]), 'gbk');
    if (text.length !== (bytes.length + 1) / 2 || !new RegExp(`^[${CJK}${CJK_PUNCT}]*[${CJK}]$`).test(text)) continue;
    // Only the first character depends on the lost byte: judge the words it makes with its neighbours.
    const ctx = simplify(before + text + after);
    scored.push({ text, score: wordScore(ctx, before.length, before.length + 1) });
  }
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best && best.score >= 50 && (!second || best.score > 5 * second.score)) return best.text;
  // No lead byte makes a convincing word: a sentence mark is the likely loss (A1 of 。 A1A3), when only one lead gives one.
  const marks = scored.filter((s) => SENTENCE_MARK.test(s.text[0]));
  return best && best.score < 50 && marks.length === 1 ? marks[0].text : null;
}
