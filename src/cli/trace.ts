import { writeFile } from 'node:fs/promises';
import { LEVELS, type Level } from '../graph/model.js';
import { openStore } from '../graph/open-store.js';
import type { GraphNode, GraphStore } from '../graph/store.js';
import { resolveProgram, traceProgram, type Adoption } from '../trace/adoption.js';
import { explain } from '../trace/explain.js';
import { diffusionPage } from '../trace/html.js';
import { diffusionNetwork } from '../trace/network.js';
import { fail, storeOptions, wholeNumber, type CliStoreOptions } from './options.js';

/** The program a name means, or exit with what the store has instead (nothing, or the candidates). */
export async function programOrFail(store: GraphStore, name: string): Promise<GraphNode> {
  const match = await resolveProgram(store, name);
  if (match.kind === 'none') fail(`no program named ${name} in the store (try \`policy-kg ingest\` first, or a shorter part of the name)`);
  if (match.kind === 'ambiguous') {
    const shown = match.total > match.candidates.length ? ` (the ${match.candidates.length} shortest of ${match.total})` : '';
    fail(`${match.total} programs match ${name}; name one of them${shown}:\n${match.candidates.map((c) => `  ${c.name}`).join('\n')}`);
  }
  return match.program;
}

export async function runTrace(name: string, o: CliStoreOptions & { html?: string }): Promise<void> {
  const store = await openStore(storeOptions(o), { shared: true }).catch((e) => fail((e as Error).message));
  try {
    const program = await programOrFail(store, name);
    const d = await traceProgram(store, program);
    const rows = d.adoptions.map((a: Adoption) => [
      `${a.dateIsBound ? '≤' : ''}${a.date ?? '?'}`, `${a.place}${a.placeInferred ? '*' : ''}`, a.level ?? '', a.how, a.variant ?? '',
      a.issuer ?? '', a.document ? String(a.document.props.docRef ?? a.document.name) : `《${a.instrument}》`,
    ]);
    const head = ['date', 'place', 'level', 'how', 'as variant', 'issuer', 'document'];
    process.stdout.write(`${program.name}  (level path: ${d.levelPath.join(' → ') || '–'})\n\n${table(head, rows)}\n\n`);
    process.stdout.write(`${explain(d).map((l) => `  ${l}`).join('\n')}\n`);
    if (d.adoptions.some((a) => a.placeInferred)) process.stdout.write('\n* place inferred (from clues where the document masks it, or from the variant its heading names)\n');
    if (d.adoptions.some((a) => a.dateIsBound)) process.stdout.write('≤ no later than: the instrument is known from documents citing it\n');
    if (o.html) {
      await writeFile(o.html, diffusionPage(d, await diffusionNetwork(store)));
      process.stdout.write(`\nwrote ${o.html}\n`);
    }
  } finally {
    await store.close();
  }
}

const width = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0); // CJK is two columns wide

function table(head: string[], rows: string[][]): string {
  const cols = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(cols[i] - width(c)))).join('  ');
  return [head, ...rows].map(line).join('\n');
}

export async function runNetwork(o: CliStoreOptions & { level?: string; minPrograms: string; windowYears: string; json?: boolean }): Promise<void> {
  if (o.level && !LEVELS.includes(o.level as Level)) fail(`--level must be one of ${LEVELS.join(', ')}, not ${o.level}`);
  const options = { level: (o.level as Level) ?? null, minPrograms: wholeNumber('--min-programs', o.minPrograms, 1), windowYears: wholeNumber('--window-years', o.windowYears, 0) };
  const store = await openStore(storeOptions(o), { shared: true }).catch((e) => fail((e as Error).message));
  try {
    const n = await diffusionNetwork(store, options);
    if (o.json) { process.stdout.write(`${JSON.stringify(n, null, 2)}\n`); return; }
    const count = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
    process.stdout.write(`${count(n.programs, 'program')} adopted by two places or more; ${count(n.edges.length, 'edge')} behind ${count(options.minPrograms, 'program')} or more\n\n`);
    if (n.edges.length) process.stdout.write(`${table(['leader', 'follower', 'weight', 'direction', 'programs'], n.edges.map((e) => [e.from, e.to, e.weight.toFixed(2), e.direction, `${e.programs.length}: ${e.programs.join('、')}`]))}\n`);
  } finally {
    await store.close();
  }
}
