// Extraction throughput against nodejieba.tag on the same text: the issue's
// yardstick is that reading + extracting runs at ≥ 50% of tagging alone.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extractDocument } from '../extract/index.js';
import { listInputs } from '../pipeline.js';
import { readText } from '../read/index.js';

const require = createRequire(import.meta.url);
const jieba: { tag(s: string): unknown[] } = require('nodejieba');

export interface ExtractionBench { megabytes: number; extractMBs: number; tagMBs: number; ratio: number }

/** Runs over the corpus `rounds` times (after a warm-up round), one core. */
export async function benchExtraction(corpus: string, rounds = 10): Promise<ExtractionBench> {
  const files = await Promise.all((await listInputs([corpus])).map(async (f) => ({ f, text: await readFile(f, 'utf8') })));
  const bytes = files.reduce((a, x) => a + Buffer.byteLength(x.text), 0) * rounds;
  const extractAll = () => { for (const { f, text } of files) for (const d of readText(f, text).documents) extractDocument(d); };
  const texts = files.map((x) => x.text);
  const tagAll = () => { for (const x of texts) jieba.tag(x); };
  extractAll();
  tagAll();
  // Rounds alternate so that a change in machine load hits both sides alike.
  let extractS = 0;
  let tagS = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    extractAll();
    extractS += (performance.now() - t) / 1000;
    t = performance.now();
    tagAll();
    tagS += (performance.now() - t) / 1000;
  }
  const mb = bytes / 1e6;
  return { megabytes: mb, extractMBs: mb / extractS, tagMBs: mb / tagS, ratio: tagS / extractS };
}
