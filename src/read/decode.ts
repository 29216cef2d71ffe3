// Bytes → string. Encoding detection is chardet's job, decoding iconv-lite's;
// we only decide which of the encodings policy texts come in to trust.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export class ReadError extends Error {
  constructor(readonly file: string, message: string) {
    // A library's message may quote the bytes it choked on: keep what reaches a terminal printable.
    super(`${file}: ${message.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]+/g, '·')}`);
  }
}

const SUPPORTED = new Set(['UTF-8', 'UTF-16LE', 'UTF-16BE', 'GB18030', 'GBK', 'GB2312', 'BIG5']);

export interface Decoded { text: string; encoding: string }

export function decode(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new ReadError(file, 'empty file');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // BOMs are unambiguous; trust them before any statistics.
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'UTF-16LE' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' };
  if (isValidUtf8(buf)) {
    const text = buf.toString('utf8');
    if (looksBinary(text)) throw new ReadError(file, 'binary content (control characters), not a text document');
    return { text, encoding: 'UTF-8' };
  }
  const guess = (chardet.detect(buf) ?? '').toUpperCase();
  // Of the encodings above only UTF-16 has NUL bytes: anything else with them is a binary file.
  if (!guess.startsWith('UTF-16') && buf.subarray(0, 8192).includes(0)) throw new ReadError(file, 'binary file (NUL bytes), not a text document');
  // chardet reports GB18030 for GBK/GB2312 text too; GB18030 is their superset.
  const enc = guess === 'GBK' || guess === 'GB2312' ? 'GB18030' : guess;
  if (!SUPPORTED.has(enc)) throw new ReadError(file, `unsupported or undetectable encoding${guess ? ` (${guess})` : ''}`);
  const text = iconv.decode(buf, enc);
  if (looksBinary(text) || replacementRatio(text) > 0.01) throw new ReadError(file, `not decodable as ${enc}`);
  return { text, encoding: enc };
}

function isValidUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  // eslint-disable-next-line no-control-regex
  const ctrl = sample.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return ctrl > sample.length * 0.01 || sample.includes('\u0000');
}

function replacementRatio(text: string): number {
  let n = 0;
  for (const c of text) if (c === '\ufffd') n++;
  return n / Math.max(1, text.length);
}
