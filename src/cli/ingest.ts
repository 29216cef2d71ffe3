import { writeFile } from 'node:fs/promises';
import { openStore } from '../graph/open-store.js';
import { ingest } from '../pipeline.js';
import { fail, storeOptions, type CliStoreOptions } from './options.js';
import { progressReporter } from './progress.js';
import { summaryLine } from './summary.js';

export async function runIngest(paths: string[], o: CliStoreOptions & { report?: string; workers?: string; maxFileSize: string }): Promise<void> {
  const store = await openStore(storeOptions(o)).catch((e) => fail((e as Error).message));
  try {
    const progress = progressReporter();
    const workers = o.workers === undefined ? undefined : Number(o.workers);
    const maxFileBytes = Number(o.maxFileSize) * 1024 * 1024;
    if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) fail(`--workers must be a whole number, not ${o.workers}`);
    if (!(maxFileBytes > 0)) fail(`--max-file-size must be a positive number of megabytes, not ${o.maxFileSize}`);
    const r = await ingest(store, paths, { ...progress, workers, maxFileBytes }).catch((e) => fail(`ingest failed: ${(e as Error).message.split('\n')[0]}`)).finally(() => progress.stop());
    for (const f of r.files.filter((x) => x.error)) process.stderr.write(`error: ${f.error}\n`);
    const l = r.load;
    const failed = r.files.filter((f) => f.error).length;
    process.stdout.write(`${r.files.length} files (${failed} failed): added ${l.documentsAdded}, unchanged ${l.documentsSkipped}, replaced ${l.documentsReplaced} documents; ${l.nodes} nodes, ${l.relationships} relationships, ${r.reuses} text reuses written\n`);
    process.stdout.write(`${summaryLine(await store.stats(), r.seconds)}\n`);
    if (o.report) await writeFile(o.report, JSON.stringify(r, null, 2));
    if (r.files.some((f) => f.error)) process.exitCode = 2;
  } finally {
    await store.close();
  }
}
