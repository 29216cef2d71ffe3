// Hostile text never breaks reading or extraction: arbitrary Unicode, mixed
// scripts, very long lines, deeply nested quotes and 《》 never throw (beyond a
// ReadError saying there is no document), never hang, and every offset stays
// inside the text it points into.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { ReadError, readText } from '../../src/read/index.js';

const pieces = fc.constantFrom(
  '“', '”', '《', '》', '「', '」', '(', ')', '（', '）', '"', "'", '\n', ' ', '，', '。', '、', '：', '?', 'xx', '〔2023〕', '号',
  '计划', '工程', '实施', '落实', '委员会', '党委', '教育厅', '上海市', '市委', '以下简称', '到2025年', '新建30所', '%', '篇1', '持續(xù)', '?偨Y',
  '中共', '关于', '的通知', '年工作要点', '市教卫工作党委', '第五中学', '五中', '办法', '研究制定', 'Ⅻ', '😀', '\u0000', '\ufeff', '\u200b',
);
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 300 }).map((a) => a.join('')),
  // Deep nesting and very long lines.
  fc.integer({ min: 1, max: 2000 }).map((n) => `${'《“'.repeat(n)}实施计划${'”》'.repeat(n)}`),
  fc.integer({ min: 1000, max: 60000 }).map((n) => `关于${'推进'.repeat(n)}的通知。实施“攀登”计划。`),
);

describe('reading and extraction on hostile text', () => {
  // The first extraction loads jieba's dictionaries (seconds on a busy machine): not part of any case's time.
  beforeAll(() => { for (const d of readText('warm.txt', readFileSync(new URL('../../corpus/001_6dbe7884512159fa.txt', import.meta.url), 'utf8')).documents) extractDocument(d); }, 60_000);

  it('never throw, never hang, keep offsets inside the text', () => {
    fc.assert(fc.property(hostile, (text) => {
      const t0 = performance.now();
      let docs;
      try {
        docs = readText('hostile.txt', text).documents;
      } catch (e) {
        expect(e).toBeInstanceOf(ReadError);
        return;
      }
      for (const d of docs) {
        const b = extractDocument(d);
        const len = d.text.text.length;
        for (const r of b.relations) {
          const e = r.evidence;
          expect(0 <= e.start && e.start <= e.end && e.end <= len).toBe(true);
          expect(0 <= e.srcStart && e.srcStart <= e.srcEnd && e.srcEnd <= text.length).toBe(true);
          for (const [s, en] of r.spans ?? []) expect(0 <= s && s <= en && en <= len).toBe(true);
        }
      }
      // A hang, not a slow machine: linear work on 120 KB takes well under a second even on a busy one.
      expect(performance.now() - t0).toBeLessThan(15_000);
    }), { numRuns: 300, seed: 8 });
  }, 120_000);
});
