// Scoring a trace against a real adoption cascade (issue 15's measure): a folder
// of one text per jurisdiction and a gold.json naming the program, each
// document's place and year, and the pairs that share a copied passage. The
// folder is ingested alone into a fresh store, the program traced, and the
// trace compared with the gold.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { EmbeddedStore } from '../graph/embedded-store.js';
import { ingest } from '../pipeline.js';
import { decidedBefore, resolveProgram, traceProgram } from '../trace/adoption.js';

export interface CascadeGold {
  program: string;
  documents: { file: string; place: string | null; year: number | null }[];
  /** [later, earlier] file pairs that share a copied passage. */
  reuse: [string, string][];
}

export interface Ratio { hit: number; of: number }
export interface CascadeScore {
  cascade: string;
  program: string | null;
  recall: Ratio; place: Ratio; year: Ratio; order: Ratio; reuse: Ratio;
  /** What the trace got wrong, one line each. */
  misses: string[];
}

export const ratio = (r: Ratio) => (r.of ? r.hit / r.of : 1);

export async function scoreCascade(dir: string): Promise<CascadeScore> {
  const gold = JSON.parse(await readFile(join(dir, 'gold.json'), 'utf8')) as CascadeGold;
  const data = await mkdtemp(join(tmpdir(), 'policy-kg-cascade-'));
  const store = new EmbeddedStore(join(data, 'graph'));
  const s: CascadeScore = {
    cascade: basename(dir), program: null, recall: { hit: 0, of: gold.documents.length }, place: { hit: 0, of: 0 },
    year: { hit: 0, of: 0 }, order: { hit: 0, of: 0 }, reuse: { hit: 0, of: gold.reuse.length }, misses: [],
  };
  try {
    await store.init();
    await ingest(store, [dir], { workers: 0 });
    const docs = await store.documents({}, { offset: 0, limit: 10_000 });
    const idOf = new Map(docs.map((d) => [basename(String(d.props.source)), d.id]));
    const reuses = await store.edges([...idOf.values()], 'OUT', ['REUSES']);
    for (const [later, earlier] of gold.reuse) {
      if (reuses.some((e) => e.from === idOf.get(later) && e.to === idOf.get(earlier))) s.reuse.hit++;
      else s.misses.push(`reuse ${later} → ${earlier} not found`);
    }
    const found = await resolveProgram(store, gold.program);
    if (found.kind !== 'one') { s.misses.push(`program ${gold.program}: ${found.kind}`); return s; }
    s.program = found.program.name;
    const trace = await traceProgram(store, found.program);
    const byFile = new Map(trace.adoptions.filter((a) => a.document).map((a) => [basename(String(a.document!.props.source)), a]));
    const seen = gold.documents.filter((g) => byFile.has(g.file));
    for (const g of gold.documents) {
      const a = byFile.get(g.file);
      if (!a) { s.misses.push(`${g.file}: not an adoption`); continue; }
      s.recall.hit++;
      if (g.place) { s.place.of++; if (a.place === g.place) s.place.hit++; else s.misses.push(`${g.file}: place ${a.place}, gold ${g.place}`); }
      if (g.year) { s.year.of++; if (a.year === g.year) s.year.hit++; else s.misses.push(`${g.file}: year ${a.year ?? '–'}, gold ${g.year}`); }
    }
    // Pairwise order: every two adopting documents whose gold years differ must be ordered that way by the trace.
    for (const [i, x] of seen.entries()) for (const y of seen.slice(i + 1)) {
      if (!x.year || !y.year || x.year === y.year) continue;
      const [early, late] = x.year < y.year ? [x, y] : [y, x];
      s.order.of++;
      if (decidedBefore(byFile.get(early.file)!, byFile.get(late.file)!)) s.order.hit++;
      else s.misses.push(`order ${early.file} before ${late.file} not decided`);
    }
    return s;
  } finally {
    await store.close();
    await rm(data, { recursive: true, force: true });
  }
}

export function formatCascadeScores(scores: CascadeScore[]): string {
  const pct = (r: Ratio) => `${(ratio(r) * 100).toFixed(0)}% (${r.hit}/${r.of})`;
  const rows = scores.map((s) => `${s.cascade.padEnd(12)} recall ${pct(s.recall)}  place ${pct(s.place)}  year ${pct(s.year)}  order ${pct(s.order)}  reuse ${pct(s.reuse)}`);
  const total = (k: 'recall' | 'place' | 'year' | 'order' | 'reuse') => scores.reduce((r, s) => ({ hit: r.hit + s[k].hit, of: r.of + s[k].of }), { hit: 0, of: 0 });
  rows.push(`${'all'.padEnd(12)} recall ${pct(total('recall'))}  place ${pct(total('place'))}  year ${pct(total('year'))}  order ${pct(total('order'))}  reuse ${pct(total('reuse'))}`);
  return rows.join('\n');
}
