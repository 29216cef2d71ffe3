// The whole flow in one place: files → read → extract → merge → load → text reuse.
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { extractDocument, mergeBatches } from './extract/index.js';
import type { GraphBatch } from './graph/model.js';
import type { GraphStore, LoadStats, Progress } from './graph/store.js';
import { readPolicyFile, SUPPORTED_EXTENSIONS, type ReadResult } from './read/index.js';
import { detectReuse, reuseDoc } from './trace/reuse.js';

export interface FileOutcome { file: string; documents: number; error?: string }

/** Files named, and supported files under directories named, in a stable order. */
export async function listInputs(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (!s) { out.push(p); continue; } // reported as an error when read
    if (s.isDirectory()) {
      for (const e of (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = join(p, e.name);
        if (e.isDirectory()) out.push(...(await listInputs([full])));
        // A folder's README describes the folder; it is not one of its documents.
        else if (SUPPORTED_EXTENSIONS.includes(extname(e.name).toLowerCase()) && !/^readme\b/i.test(e.name)) out.push(full);
      }
    } else out.push(p);
  }
  return out;
}

export interface FileExtraction { file: string; read: ReadResult; batches: GraphBatch[] }

/** Read and extract one file; errors are returned, never thrown, so a batch goes on. */
export async function extractFile(path: string): Promise<FileExtraction | { file: string; error: string }> {
  try {
    const read = await readPolicyFile(path);
    return { file: path, read, batches: read.documents.map(extractDocument) };
  } catch (e) {
    return { file: path, error: (e as Error).message };
  }
}

export interface IngestResult { files: FileOutcome[]; load: LoadStats; seconds: number }

export interface IngestProgress {
  /** After each file is read and extracted. */
  onFile?: (done: number, total: number, file: string) => void;
  /** While the store loads: rows done of a step's total. */
  onLoad?: Progress;
}

export async function ingest(store: GraphStore, paths: string[], { onFile, onLoad }: IngestProgress = {}): Promise<IngestResult> {
  const t0 = performance.now();
  const files = await listInputs(paths);
  const outcomes: FileOutcome[] = [];
  const batches: GraphBatch[] = [];
  for (const [i, f] of files.entries()) {
    const r = await extractFile(f);
    if ('error' in r) outcomes.push({ file: f, documents: 0, error: r.error });
    else { outcomes.push({ file: f, documents: r.batches.length }); batches.push(...r.batches); }
    onFile?.(i + 1, files.length, f);
  }
  const merged = mergeBatches(batches);
  const before = await store.nodes(merged.documents.map((d) => d.id));
  const fresh = new Set(merged.documents.filter((_, i) => !before[i]).map((d) => d.id));
  const load = await store.load(merged, onLoad);
  // Text reuse of the new documents against every document in the store.
  if (fresh.size) {
    const all = (await store.documents({})).map(reuseDoc);
    await store.replaceReuses([...fresh], detectReuse(all, fresh));
  }
  return { files: outcomes, load, seconds: (performance.now() - t0) / 1000 };
}
