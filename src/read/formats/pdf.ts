// PDF → its text layer (pdf.js through unpdf), with the line wraps of the
// layout undone. The text layer, one line per line of print, is the source
// that evidence offsets point into; a scanned PDF without one is an error.
import { getDocumentProxy } from 'unpdf';
import { ReadError } from '../decode.js';
import { MappedText } from '../mapped-text.js';

interface Line { text: string; start: number; left: number; right: number; y: number; size: number; page: number }

export interface PdfText { source: string; text: MappedText }

export async function pdfToText(bytes: Uint8Array, file: string): Promise<PdfText> {
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (e) {
    throw new ReadError(file, `not a readable PDF (${(e as Error).message})`);
  }
  const lines: Line[] = [];
  let source = '';
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    let cur: Line | null = null;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [, , , size, x, y] = item.transform as number[];
      if (item.str) {
        if (!cur) { cur = { text: '', start: source.length, left: x, right: x, y, size: Math.abs(size) || item.height, page: p }; }
        cur.text += item.str;
        cur.right = Math.max(cur.right, x + item.width);
        source += item.str;
      }
      if (item.hasEOL && cur) { lines.push(cur); cur = null; source += '\n'; }
    }
    if (cur) { lines.push(cur); source += '\n'; }
  }
  await pdf.destroy();
  if (!/[\p{L}\p{N}]/u.test(source)) throw new ReadError(file, 'PDF has no text layer (scanned image?); OCR it first');
  return { source, text: unwrap(source, lines) };
}

/**
 * A line that reaches the right margin and is followed at normal line spacing
 * was wrapped by the layout: join it to the next. Anything else (a short line,
 * a paragraph gap, a new page) is a real break.
 */
function unwrap(source: string, lines: Line[]): MappedText {
  const margin = new Map<number, number>();
  for (const l of lines) margin.set(l.page, Math.max(margin.get(l.page) ?? 0, l.right));
  const pieces: { text: string; start: number; end: number }[] = [];
  lines.forEach((l, i) => {
    pieces.push({ text: l.text, start: l.start, end: l.start + l.text.length });
    const next = lines[i + 1];
    const wrapped = next && next.page === l.page && l.right >= margin.get(l.page)! - 1.5 * l.size
      && Math.abs(l.y - next.y) <= 1.7 * l.size;
    const eol = l.start + l.text.length;
    // Latin words wrapped across lines keep a space between them.
    if (wrapped) { if (/[A-Za-z0-9]$/.test(l.text) && /^[A-Za-z0-9]/.test(next.text)) pieces.push({ text: ' ', start: eol, end: eol + 1 }); }
    else pieces.push({ text: '\n', start: eol, end: eol + 1 });
  });
  return MappedText.fromPieces(source, pieces);
}
