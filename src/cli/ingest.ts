import { statfsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { openStore } from '../graph/open-store.js';
import { ingest } from '../pipeline.js';
import { fail, storeOptions, type CliStoreOptions } from './options.js';
import { progressReporter } from './progress.js';
import { summaryLine } from './summary.js';

/**
 * What went wrong, in the user's terms. LadybugDB reports a full disk as a failed write, or,
 * when the rollback itself cannot be written, as `Invalid transaction type to rollback`.
 */
function ingestFailure(message: string, data: string): string {
  const first = message.split('\n')[0];
  let free = Infinity;
  try { const s = statfsSync(dirname(resolve(data))); free = s.bavail * s.bsize; } catch { /* no such folder: not a disk question */ }
  if (/No space left on device|ENOSPC/.test(message) || (/Invalid transaction type to rollback/.test(message) && free < 64 * 1024 * 1024)) {
    return `ingest failed: the disk is full (${Math.round(free / 1024)} KB free where the store ${data} is). Nothing half-written is kept: free some space and run the same ingest again. (${first})`;
  }
  return `ingest failed: ${first}`;
}

export async function runIngest(paths: string[], o: CliStoreOptions & { report?: string; workers?: string; maxFileSize: string }): Promise<void> {
  const store = await openStore(storeOptions(o), { shared: true }).catch((e) => fail((e as Error).message));
  try {
    const progress = progressReporter();
    const workers = o.workers === undefined ? undefined : Number(o.workers);
    const maxFileBytes = Number(o.maxFileSize) * 1024 * 1024;
    if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) fail(`--workers must be a whole number, not ${o.workers}`);
    if (!(maxFileBytes > 0)) fail(`--max-file-size must be a positive number of megabytes, not ${o.maxFileSize}`);
    const r = await ingest(store, paths, { ...progress, workers, maxFileBytes }).catch((e) => fail(ingestFailure((e as Error).message, o.data))).finally(() => progress.stop());
    for (const f of r.files.filter((x) => x.error)) process.stderr.write(`error: ${f.error}\n`);
    const l = r.load;
    const failed = r.files.filter((f) => f.error).length;
    // The store counts a changed document's new version as added and its old one as replaced: one document updated.
    const updated = Math.min(l.documentsAdded, l.documentsReplaced);
    const removed = l.documentsReplaced - updated;
    process.stdout.write(`${r.files.length} files (${failed} failed): documents ${l.documentsAdded - updated} added, ${updated} updated, ${l.documentsSkipped} unchanged${removed ? `, ${removed} removed` : ''}; ${l.nodes} nodes, ${l.relationships} relationships, ${r.reuses} text reuses written\n`);
    if (r.skipped.length) process.stdout.write(`skipped ${r.skipped.length} file${r.skipped.length === 1 ? '' : 's'} of no supported format: ${r.skipped.slice(0, 5).join(', ')}${r.skipped.length > 5 ? ', …' : ''}\n`);
    process.stdout.write(`${summaryLine(await store.stats(), r.seconds)}\n`);
    if (o.report) await writeFile(o.report, JSON.stringify(r, null, 2));
    if (r.files.some((f) => f.error)) process.exitCode = 2;
  } finally {
    await store.close();
  }
}
