// The whole flow in one place: files → read → extract → merge → load → text reuse.
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { extractDocument, mergeBatches } from './extract/index.js';
import type { GraphBatch } from './graph/model.js';
import type { GraphStore, LoadStats, Progress } from './graph/store.js';
import { readPolicyFile, SUPPORTED_EXTENSIONS, type ReadResult } from './read/index.js';
import { detectReuse, storedReuseDocs } from './trace/reuse.js';
import { Piscina } from 'piscina';
import type { WorkerResult } from './pipeline-worker.js';

export interface FileOutcome { file: string; documents: number; error?: string }

/** Files named, and supported files under directories named, in a stable order; a folder's other files go to `skipped`. */
export async function listInputs(paths: string[], skipped: string[] = []): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (!s) { out.push(p); continue; } // reported as an error when read
    if (s.isDirectory()) {
      for (const e of (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = join(p, e.name);
        if (e.isDirectory()) out.push(...(await listInputs([full], skipped)));
        // A folder's README describes the folder; it is not one of its documents.
        else if (/^readme\b/i.test(e.name)) continue;
        else if (SUPPORTED_EXTENSIONS.includes(extname(e.name).toLowerCase())) out.push(full);
        else skipped.push(full);
      }
    } else out.push(p);
  }
  return out;
}

export interface FileExtraction { file: string; read: ReadResult; batches: GraphBatch[] }

/** Read and extract one file; errors are returned, never thrown, so a batch goes on. */
export async function extractFile(path: string, maxFileBytes = DEFAULT_MAX_FILE_BYTES): Promise<FileExtraction | { file: string; error: string }> {
  try {
    // Only regular files are read: opening a FIFO waits for a writer forever, a device never ends.
    const s = await stat(path).catch((e: NodeJS.ErrnoException) => {
      throw new Error(`${path}: ${e.code === 'ELOOP' ? 'a loop of symbolic links' : e.code === 'ENOENT' ? 'no such file' : e.message}`);
    });
    if (!s.isFile()) return { file: path, error: `${path}: not a regular file (${s.isFIFO() ? 'a FIFO' : s.isSocket() ? 'a socket' : s.isCharacterDevice() || s.isBlockDevice() ? 'a device' : 'a directory'}); skipped` };
    if (s.size > maxFileBytes) return { file: path, error: `${path}: ${s.size} bytes is over the ${maxFileBytes}-byte limit (--max-file-size)` };
    const read = await readPolicyFile(path);
    const batches = read.documents.map(extractDocument);
    // A document's source is its file's full path: two folders' 工作要点.txt are two sources.
    for (const b of batches) for (const d of b.documents) d.source = resolve(path);
    return { file: path, read, batches };
  } catch (e) {
    return { file: path, error: (e as Error).message };
  }
}

export interface IngestResult {
  files: FileOutcome[];
  /** Files in the folders given that are of no supported format (notes.csv). */
  skipped: string[];
  load: LoadStats;
  reuses: number;
  seconds: number;
  /** Where the time went: waiting for extraction (not overlapped with loading), loading, text reuse. */
  timings: { extractWait: number; load: number; reuse: number };
}

export interface IngestOptions {
  /** After each file is read and extracted. */
  onFile?: (done: number, total: number, file: string) => void;
  /** While the store loads: rows done of a step's total. */
  onLoad?: Progress;
  /** Worker threads for reading and extraction (default: one fewer than cores; 0 reads in this thread). */
  workers?: number;
  /** Files extracted and loaded together: bounds memory whatever the corpus size. */
  chunkFiles?: number;
  maxFileBytes?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Files → store, streaming: files are listed, then read and extracted a chunk
 * at a time (in worker threads when there are enough), each chunk loaded
 * before the next is read. Text reuse of the new documents runs at the end.
 */
export async function ingest(store: GraphStore, paths: string[], opts: IngestOptions = {}): Promise<IngestResult> {
  const t0 = performance.now();
  const { onFile, onLoad, chunkFiles = 1000, maxFileBytes = DEFAULT_MAX_FILE_BYTES } = opts;
  const skipped: string[] = [];
  const files = await listInputs(paths, skipped);
  // The main thread loads the store while workers extract: one worker fewer than cores. A few files
  // are read in this thread (a worker's start, with its own jieba dictionary, costs more than they do).
  const wanted = opts.workers ?? Math.max(1, availableParallelism() - 1);
  const threads = files.length >= 40 ? Math.min(wanted, Math.ceil(files.length / 20)) : 0;
  // A worker's heap limit makes it collect its garbage early (extraction makes plenty); its jieba dictionary lives outside the heap.
  const pool = threads > 0 ? new Piscina({
    filename: new URL('./pipeline-worker.mjs', import.meta.url).href, maxThreads: threads, minThreads: threads,
    resourceLimits: { maxOldGenerationSizeMb: 256 },
    // Heap flags are not allowed in workers (resourceLimits sets their heap).
    execArgv: process.execArgv.filter((a) => !a.startsWith('--max-old-space-size')),
  }) : null;
  const extract = (file: string): Promise<WorkerResult> => pool ? pool.run({ file, maxFileBytes }) : extractFile(file, maxFileBytes).then((r) => ('error' in r ? r : { file, batches: r.batches }));
  const outcomes: FileOutcome[] = [];
  const load: LoadStats = { documentsAdded: 0, documentsSkipped: 0, documentsReplaced: 0, nodes: 0, relationships: 0 };
  const fresh = new Set<string>();
  const timings = { extractWait: 0, load: 0, reuse: 0 };
  let done = 0;
  const extractChunk = async (chunk: string[]): Promise<GraphBatch[]> => {
    const batches: GraphBatch[] = [];
    await Promise.all(chunk.map(async (f) => {
      const r = await extract(f);
      if (r.error !== undefined) outcomes.push({ file: f, documents: 0, error: r.error });
      else { outcomes.push({ file: f, documents: r.batches.length }); batches.push(...r.batches); }
      onFile?.(++done, files.length, f);
    }));
    return batches;
  };
  try {
    // While one chunk loads, the workers extract the next.
    let next = extractChunk(files.slice(0, chunkFiles));
    for (let i = 0; i < files.length; i += chunkFiles) {
      let t = performance.now();
      const batches = await next;
      timings.extractWait += (performance.now() - t) / 1000;
      t = performance.now();
      if (i + chunkFiles < files.length) next = extractChunk(files.slice(i + chunkFiles, i + 2 * chunkFiles));
      const merged = mergeBatches(batches);
      const before = await store.nodes(merged.documents.map((d) => d.id));
      merged.documents.forEach((d, k) => { if (!before[k] || before[k]!.props.complete === false) fresh.add(d.id); });
      const l = await store.load(merged, onLoad);
      for (const k of Object.keys(load) as (keyof LoadStats)[]) load[k] += l[k];
      timings.load += (performance.now() - t) / 1000;
    }
  } finally {
    await pool?.destroy();
  }
  // Text reuse of the new documents, and of any an earlier, stopped ingest loaded, against every document in the store.
  for (const id of await store.reusePending()) fresh.add(id);
  let reuses = 0;
  const t = performance.now();
  if (fresh.size) {
    const edges = detectReuse(await storedReuseDocs(store), fresh);
    await store.replaceReuses([...fresh], edges);
    reuses = edges.length;
  }
  timings.reuse = (performance.now() - t) / 1000;
  outcomes.sort((a, b) => a.file.localeCompare(b.file));
  return { files: outcomes, skipped, load, reuses, seconds: (performance.now() - t0) / 1000, timings };
}
