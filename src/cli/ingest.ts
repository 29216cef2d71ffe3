import { writeFile } from 'node:fs/promises';
import { openStore } from '../graph/open-store.js';
import { ingest } from '../pipeline.js';
import { fail, storeOptions, type CliStoreOptions } from './options.js';
import { progressReporter } from './progress.js';
import { summaryLine } from './summary.js';

export async function runIngest(paths: string[], o: CliStoreOptions & { report?: string }): Promise<void> {
  const store = await openStore(storeOptions(o)).catch((e) => fail((e as Error).message));
  try {
    const progress = progressReporter();
    const r = await ingest(store, paths, progress).catch((e) => fail(`ingest failed: ${(e as Error).message.split('\n')[0]}`)).finally(() => progress.stop());
    for (const f of r.files.filter((x) => x.error)) process.stderr.write(`error: ${f.error}\n`);
    const l = r.load;
    process.stdout.write(`added ${l.documentsAdded}, unchanged ${l.documentsSkipped}, replaced ${l.documentsReplaced} documents; ${l.nodes} nodes, ${l.relationships} relationships written\n`);
    process.stdout.write(`${summaryLine(await store.stats(), r.seconds)}\n`);
    if (o.report) await writeFile(o.report, JSON.stringify(r, null, 2));
    if (r.files.some((f) => f.error)) process.exitCode = 2;
  } finally {
    await store.close();
  }
}
