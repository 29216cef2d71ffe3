// `npm run bench:corpus -- --docs 10000 [--out DIR] [--seed N]`
import { Command } from 'commander';
import { generateCorpus } from './corpus.js';

const o = new Command().name('bench:corpus')
  .option('--docs <n>', 'documents to generate', '1000')
  .option('--out <dir>', 'where to write them', 'data/bench-corpus')
  .option('--seed <n>', 'PRNG seed', '20261121')
  .parse().opts();
const t0 = performance.now();
const r = await generateCorpus({ docs: Number(o.docs), out: o.out, seed: Number(o.seed) });
console.log(`${r.files} documents, ${(r.bytes / 1e6).toFixed(1)} MB in ${o.out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
