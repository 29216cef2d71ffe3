// Word .docx → its text, one paragraph a line (mammoth reads the document XML).
// The extracted text is the source evidence offsets point into.
import mammoth from 'mammoth';
import { ReadError } from '../decode.js';

export async function docxToText(bytes: Uint8Array, file: string): Promise<string> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return value.replace(/\n{2,}/g, '\n');
  } catch (e) {
    throw new ReadError(file, `not a readable .docx (${(e as Error).message.split('\n')[0]})`);
  }
}
