// Property: for any span of a document's normalised text, the source span it
// maps to normalises back to that span. Run over the sample corpus (PDF
// spacing, Traditional text with debris, chrome) and a page, a .docx and a PDF.
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { decodeHTML } from 'entities';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPolicyFile, type ReadResult } from '../../src/read/index.js';
import type { MappedText } from '../../src/read/mapped-text.js';
import { normalise } from '../../src/read/normalise.js';
import { CORPUS } from '../helpers.js';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
// Punctuation width and quote direction depend on neighbours outside a short
// span, so the comparison folds them, and whitespace.
const fold = (s: string) => s.normalize('NFKC').replace(/[“”‘’"']/g, '"').replace(/\s/g, '');

const files: Record<string, ReadResult> = {};
beforeAll(async () => {
  for (const f of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) files[f] = await readPolicyFile(join(CORPUS, f));
  const dir = mkdtempSync(join(tmpdir(), 'policy-kg-offsets-'));
  const paragraphs = readFileSync(`${FIXTURES}policy.txt`, 'utf8').split('\n').filter(Boolean);
  writeFileSync(join(dir, 'page.html'), `<html><body><nav>首页</nav><div class="content">${paragraphs.map((p) => `<p>${p.replace(/“/g, '&ldquo;')}</p>\n`).join('')}</div></body></html>`);
  writeFileSync(join(dir, 'word.docx'), await Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] })));
  for (const f of ['page.html', 'word.docx']) files[f] = await readPolicyFile(join(dir, f));
  files['policy.pdf'] = await readPolicyFile(`${FIXTURES}policy.pdf`);
});

/** Whether every character of text[s, e) was copied from one character of the source, unchanged. */
function verbatim(text: MappedText, source: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const [a, b] = text.toSource(i, i + 1);
    if (b - a !== 1 || source[a] !== text.text[i]) return false;
  }
  return true;
}

/** For each source position, the document and character produced from it (-1: the reader dropped it). */
function owners(r: ReadResult): { doc: Int32Array; char: Int32Array } {
  const doc = new Int32Array(r.source.length).fill(-1);
  const char = new Int32Array(r.source.length).fill(-1);
  r.documents.forEach((d, k) => {
    for (let i = 0; i < d.text.length; i++) {
      const [a, b] = d.text.toSource(i, i + 1);
      for (let p = a; p < b; p++) if (doc[p] < 0) { doc[p] = k; char[p] = i; }
    }
  });
  return { doc, char };
}

describe('offsets map back exactly', () => {
  it('a copied span maps to a source span holding its characters and only what the reader dropped', () => {
    const names = Object.keys(files);
    const owner = Object.fromEntries(names.map((f) => [f, owners(files[f])]));
    const span = fc.record({ file: fc.constantFrom(...names), doc: fc.nat(), start: fc.nat(), len: fc.integer({ min: 1, max: 80 }) });
    let checked = 0;
    fc.assert(fc.property(span, ({ file, doc, start, len }) => {
      const r = files[file];
      const k = doc % r.documents.length;
      const d = r.documents[k];
      const s = start % d.text.length;
      const e = Math.min(d.text.length, s + len);
      if (!verbatim(d.text, r.source, s, e)) return;
      checked++;
      const [a, b] = d.text.toSource(s, e);
      const [first, last] = [d.text.toSource(s, s + 1)[0], d.text.toSource(e - 1, e)[1]];
      expect([a, b]).toEqual([first, last]);
      for (let p = a; p < b; p++) {
        const o = owner[file];
        if (o.doc[p] >= 0) expect(o.doc[p] === k && s <= o.char[p] && o.char[p] < e, `source ${p} belongs to another character`).toBe(true);
      }
    }), { numRuns: 3000, seed: 20261121 });
    // Most of the sample is copied as it is: the check above must have run on most spans.
    expect(checked).toBeGreaterThan(1500);
  });

  it('every span of every document normalises back from its source span', () => {
    const names = Object.keys(files);
    const span = fc.record({ file: fc.constantFrom(...names), doc: fc.nat(), start: fc.nat(), len: fc.integer({ min: 1, max: 80 }) });
    fc.assert(fc.property(span, ({ file, doc, start, len }) => {
      const r = files[file];
      const d = r.documents[doc % r.documents.length];
      const s = start % d.text.length;
      const e = Math.min(d.text.length, s + len);
      const [a, b] = d.text.toSource(s, e);
      // Mojibake repair reads two neighbours on each side; give the piece that context.
      const piece = r.source.slice(Math.max(0, a - 2), b + 2);
      // A span of a page maps into markup: its text is what is left without the tags.
      const text = file.endsWith('.html') ? decodeHTML(piece.replace(/<[^>]*>/g, '')) : piece;
      const reread = normalise(text, { traditional: r.traditional }).text.text;
      expect(fold(reread)).toContain(fold(d.text.text.slice(s, e)));
    }), { numRuns: 3000, seed: 20261121 });
  });
});
