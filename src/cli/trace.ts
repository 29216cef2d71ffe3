import { writeFile } from 'node:fs/promises';
import { openStore } from '../graph/open-store.js';
import { resolveProgram, traceProgram, type Adoption } from '../trace/adoption.js';
import { explain } from '../trace/explain.js';
import { diffusionPage } from '../trace/html.js';
import { fail, storeOptions, type CliStoreOptions } from './options.js';

export async function runTrace(name: string, o: CliStoreOptions & { html?: string }): Promise<void> {
  const store = await openStore(storeOptions(o), { shared: true }).catch((e) => fail((e as Error).message));
  try {
    const match = await resolveProgram(store, name);
    if (match.kind === 'none') fail(`no program named ${name} in the store (try \`policy-kg ingest\` first, or a shorter part of the name)`);
    if (match.kind === 'ambiguous') {
      fail(`${match.candidates.length} programs match ${name}; name one of them:\n${match.candidates.map((c) => `  ${c.name}`).join('\n')}`);
    }
    const program = match.program;
    const d = await traceProgram(store, program);
    const rows = d.adoptions.map((a: Adoption) => [
      `${a.dateIsBound ? '≤' : ''}${a.date ?? '?'}`, `${a.place}${a.placeInferred ? '*' : ''}`, a.level ?? '', a.how, a.variant ?? '',
      a.issuer ?? '', a.document ? String(a.document.props.docRef ?? a.document.name) : `《${a.instrument}》`,
    ]);
    const head = ['date', 'place', 'level', 'how', 'as variant', 'issuer', 'document'];
    const width = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0); // CJK is two columns wide
    const cols = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
    const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(cols[i] - width(c)))).join('  ');
    process.stdout.write(`${program.name}  (level path: ${d.levelPath.join(' → ') || '–'})\n\n${line(head)}\n${rows.map(line).join('\n')}\n\n`);
    process.stdout.write(`${explain(d).map((l) => `  ${l}`).join('\n')}\n`);
    if (d.adoptions.some((a) => a.placeInferred)) process.stdout.write('\n* place inferred (from clues where the document masks it, or from the variant its heading names)\n');
    if (d.adoptions.some((a) => a.dateIsBound)) process.stdout.write('≤ no later than: the instrument is known from documents citing it\n');
    if (o.html) {
      await writeFile(o.html, diffusionPage(d));
      process.stdout.write(`\nwrote ${o.html}\n`);
    }
  } finally {
    await store.close();
  }
}
