// File bytes → source text and the plain text read from it (a MappedText into
// the source). One module per format; each leans on a library for the format.
import { extname } from 'node:path';
import { decode, ReadError } from '../decode.js';
import { MappedText } from '../mapped-text.js';
import { docxToText } from './docx.js';
import { htmlToText } from './html.js';
import { pdfToText } from './pdf.js';

export interface Extracted {
  /** What evidence offsets point into: the decoded file, or the text layer of a binary format. */
  source: string;
  text: MappedText;
  /** The character encoding, or the format for binary files. */
  encoding: string;
}

const FORMATS: Record<string, (bytes: Uint8Array, file: string) => Promise<Extracted>> = {
  text: async (bytes, file) => {
    const { text, encoding } = decode(bytes, file);
    return { source: text, text: MappedText.identity(text), encoding };
  },
  html: async (bytes, file) => {
    const { text, encoding } = decode(bytes, file);
    return { source: text, text: htmlToText(text), encoding };
  },
  docx: async (bytes, file) => {
    const text = await docxToText(bytes, file);
    return { source: text, text: MappedText.identity(text), encoding: 'docx' };
  },
  pdf: async (bytes, file) => ({ ...(await pdfToText(bytes, file)), encoding: 'pdf' }),
};

const BY_EXTENSION: Record<string, keyof typeof FORMATS> = {
  '.txt': 'text', '.text': 'text', '.md': 'text', '.markdown': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION);

export async function extractText(bytes: Uint8Array, file: string): Promise<Extracted> {
  const ext = extname(file).toLowerCase();
  const format = BY_EXTENSION[ext];
  if (!format) throw new ReadError(file, `unsupported format ${ext || '(no extension)'}; supported: ${SUPPORTED_EXTENSIONS.join(' ')}`);
  if (bytes.length === 0) throw new ReadError(file, 'empty file');
  return FORMATS[format](bytes, file);
}
