// The reading stage: file bytes → normalised text with its offset map → the
// policy documents in it, each with metadata.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decode, ReadError } from './decode.js';
import { toPlainText } from './formats.js';
import { MappedText } from './mapped-text.js';
import { readMetadata, type DocumentMeta } from './metadata.js';
import { normalise } from './normalise.js';
import { splitDocuments } from './split.js';

export { ReadError };

export interface PolicyDocument {
  file: string; // file name
  part: number;
  text: MappedText; // normalised text of this document; toSource() gives offsets in the decoded file
  meta: DocumentMeta;
  traditional: boolean;
}

export interface ReadResult {
  file: string;
  encoding: string;
  traditional: boolean;
  flags: string[];
  source: string; // the decoded file text that evidence offsets point into
  documents: PolicyDocument[];
}

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.text'];

export function readText(file: string, source: string, encoding = 'UTF-8'): ReadResult {
  const plain = toPlainText(file, source);
  const { text, traditional, flags } = normalise(plain);
  const documents = splitDocuments(text.text)
    .filter((s) => s.end - s.start >= 20)
    .map((s) => {
      const slice = text.slice(s.start, s.end);
      return { file: basename(file), part: s.part, text: slice, meta: readMetadata(slice.text, s.compiledHeading), traditional };
    });
  if (documents.length === 0) throw new ReadError(file, 'no document text found');
  return { file: basename(file), encoding, traditional, flags, source: plain, documents };
}

export async function readPolicyFile(path: string): Promise<ReadResult> {
  const ext = extname(path).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) throw new ReadError(path, `unsupported format ${ext || '(no extension)'}`);
  const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw new ReadError(path, e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message);
  });
  const { text, encoding } = decode(bytes, path);
  return readText(path, text, encoding);
}
