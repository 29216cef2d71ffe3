// The reading stage: file bytes → text in its format → normalised text with its
// offset map → the policy documents in it, each with metadata.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ReadError } from './decode.js';
import { extractText, SUPPORTED_EXTENSIONS, type Extracted } from './formats/index.js';
import { MappedText } from './mapped-text.js';
import { readMetadata, type DocumentMeta } from './metadata.js';
import { normalise } from './normalise.js';
import { splitDocuments } from './split.js';

export { ReadError, SUPPORTED_EXTENSIONS };

export interface PolicyDocument {
  file: string; // file name
  part: number;
  text: MappedText; // normalised text of this document; toSource() gives offsets in the file's source text
  meta: DocumentMeta;
  traditional: boolean;
}

export interface ReadResult {
  file: string;
  /** Character encoding of a text file, or `docx`/`pdf`. */
  encoding: string;
  traditional: boolean;
  flags: string[];
  /** The text evidence offsets point into: the decoded file (HTML included), or the text layer of a .docx/.pdf. */
  source: string;
  documents: PolicyDocument[];
}

/** Read already-extracted text: split into documents, each normalised and with metadata. */
export function readExtracted(file: string, { source, text: plain, encoding }: Extracted): ReadResult {
  const { text, traditional, flags } = normalise(plain);
  const documents = splitDocuments(text.text)
    .filter((s) => s.end - s.start >= 20)
    .map((s) => {
      const slice = text.slice(s.start, s.end);
      return { file: basename(file), part: s.part, text: slice, meta: readMetadata(slice.text, s.compiledHeading), traditional };
    });
  if (documents.length === 0) throw new ReadError(file, 'no document text found');
  return { file: basename(file), encoding, traditional, flags, source, documents };
}

/** Read a plain text already in memory. */
export function readText(file: string, source: string, encoding = 'UTF-8'): ReadResult {
  return readExtracted(file, { source, text: MappedText.identity(source), encoding });
}

export async function readPolicyFile(path: string): Promise<ReadResult> {
  const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw new ReadError(path, e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message);
  });
  return readExtracted(path, await extractText(bytes, path));
}
