import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GoldFile } from '../extract/format.js';
import { formatErrors, formatScore, score } from '../eval/score.js';
import { extractToGold } from './extract.js';
import { fail } from './options.js';

async function readJsonDir(dir: string): Promise<GoldFile[]> {
  const names = (await readdir(dir).catch(() => fail(`no such directory: ${dir}`))).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(names.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as GoldFile));
}

export async function runEval(o: { gold: string; pred?: string; corpus: string; json?: boolean; errors?: boolean }): Promise<void> {
  const gold = await readJsonDir(o.gold);
  const pred = o.pred ? await readJsonDir(o.pred) : (await extractToGold([o.corpus])).files;
  const s = score(gold, pred);
  process.stdout.write(o.json ? `${JSON.stringify(s, null, 2)}\n` : `${formatScore(s)}\n${o.errors ? `${formatErrors(s.errors)}\n` : ''}`);
}
