// One file read and extracted in a worker thread (piscina runs this module):
// reading and extraction are CPU-bound and files are independent, so ingest
// spreads them over the cores while the main thread loads the store.
import { extractFile } from './pipeline.js';
import type { GraphBatch } from './graph/model.js';

export type WorkerResult = { file: string; batches: GraphBatch[]; error?: undefined } | { file: string; error: string };

export default async function extract({ file, maxFileBytes }: { file: string; maxFileBytes: number }): Promise<WorkerResult> {
  const r = await extractFile(file, maxFileBytes);
  return 'error' in r ? r : { file, batches: r.batches };
}
