import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatCascadeScores, scoreCascade, type CascadeScore } from '../eval/trace-score.js';
import { fail } from './options.js';

/** A cascade folder has a gold.json; a folder without one stands for its subfolders that have. */
async function cascades(dirs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const d of dirs) {
    if (existsSync(join(d, 'gold.json'))) { out.push(d); continue; }
    const subs = (await readdir(d, { withFileTypes: true }).catch(() => fail(`no such folder: ${d}`)))
      .filter((e) => e.isDirectory() && existsSync(join(d, e.name, 'gold.json'))).map((e) => join(d, e.name)).sort();
    if (!subs.length) fail(`${d}: no gold.json in it or in its subfolders`);
    out.push(...subs);
  }
  return out;
}

export async function runEvalTrace(dirs: string[], o: { json?: boolean; misses?: boolean }): Promise<void> {
  const scores: CascadeScore[] = [];
  for (const d of await cascades(dirs)) scores.push(await scoreCascade(d));
  if (o.json) { process.stdout.write(`${JSON.stringify(scores, null, 2)}\n`); return; }
  process.stdout.write(`${formatCascadeScores(scores)}\n`);
  if (o.misses) for (const s of scores) process.stdout.write(`\n${s.cascade} (${s.program ?? 'no program'})\n${s.misses.map((m) => `  ${m}`).join('\n')}\n`);
}
