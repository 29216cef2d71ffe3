// `npm run bench`: prints the numbers the issues ask for, as a table and JSON.
import { benchExtraction } from './extraction.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code !== 'EPIPE') throw e; });

const corpus = process.argv[2] ?? new URL('../../corpus/', import.meta.url).pathname;
const ex = await benchExtraction(corpus);
const rows: [string, string][] = [
  ['input (MB, all rounds)', ex.megabytes.toFixed(2)],
  ['read + extract (MB/s, one core)', ex.extractMBs.toFixed(2)],
  ['nodejieba.tag (MB/s, same text)', ex.tagMBs.toFixed(2)],
  ['extract / tag', `${(ex.ratio * 100).toFixed(0)}%`],
];
const w = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
console.log(JSON.stringify({ extraction: ex }));
