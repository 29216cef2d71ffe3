import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { toGoldFile, type GoldFile } from '../extract/format.js';
import { extractFile, listInputs } from '../pipeline.js';
import { fail } from './options.js';

export async function extractToGold(paths: string[], explain = false): Promise<{ files: GoldFile[]; errors: string[] }> {
  const files: GoldFile[] = [];
  const errors: string[] = [];
  for (const f of await listInputs(paths)) {
    const r = await extractFile(f);
    if ('error' in r) errors.push(r.error);
    else files.push(toGoldFile(r.read.file, r.batches, explain));
  }
  return { files, errors };
}

export async function runExtract(paths: string[], o: { format: string; out?: string; explain?: boolean }): Promise<void> {
  if (o.format !== 'json') fail(`unknown format ${o.format} (only json)`);
  const { files, errors } = await extractToGold(paths, o.explain);
  for (const e of errors) process.stderr.write(`error: ${e}\n`);
  if (o.out) {
    await mkdir(o.out, { recursive: true });
    for (const f of files) await writeFile(join(o.out, `${basename(f.file).replace(/\.[^.]+$/, '')}.json`), `${JSON.stringify(f, null, 2)}\n`);
  } else {
    process.stdout.write(`${JSON.stringify(files.length === 1 && paths.length === 1 ? files[0] : files, null, 2)}\n`);
  }
  if (errors.length) process.exitCode = 2;
}
