import { exportGraph, type ExportFormat } from '../graph/export.js';
import { RELATION_TYPES, type RelationType } from '../graph/model.js';
import { openStore } from '../graph/open-store.js';
import type { GraphStore } from '../graph/store.js';
import { normaliseName } from '../read/normalise.js';
import { placesWithin } from '../api/names.js';
import { familyDocumentIds, programFamily } from '../trace/adoption.js';
import { fail, storeOptions, wholeNumber, type CliStoreOptions } from './options.js';
import { programOrFail } from './trace.js';

const FORMATS: ExportFormat[] = ['graphml', 'csv', 'jsonl'];

/**
 * The nodes an export starts from: a program's family and the documents that mention it, the
 * documents of a place (and the places within it), or, with both, the program's documents there.
 */
async function seeds(store: GraphStore, program?: string, place?: string): Promise<string[] | null> {
  if (!program && !place) return null;
  const family = program ? await programFamily(store, await programOrFail(store, program)) : [];
  const ids = program ? await familyDocumentIds(store, family) : null;
  const docs = ids?.length === 0 ? [] : await store.documents({ ids, places: place ? placesWithin(normaliseName(place)) : null });
  if (!docs.length && !program) fail(`no documents of ${place} in the store (a place as the gazetteer names it: 上海, 广西壮族自治区, 南宁市)`);
  return [...family.map((p) => p.id), ...docs.map((d) => d.id)];
}

export async function runExport(o: CliStoreOptions & { format: string; out: string; types?: string; program?: string; place?: string; depth: string }): Promise<void> {
  if (!FORMATS.includes(o.format as ExportFormat)) fail(`--format must be one of ${FORMATS.join(', ')}, not ${o.format}`);
  const types = o.types ? o.types.split(',').map((t) => t.trim().toUpperCase()) : null;
  const unknown = types?.filter((t) => !RELATION_TYPES.includes(t as RelationType)) ?? [];
  if (unknown.length) fail(`unknown relation type ${unknown.join(', ')} (known: ${RELATION_TYPES.join(', ')})`);
  const depth = wholeNumber('--depth', o.depth, 0);
  const store = await openStore(storeOptions(o), { shared: true }).catch((e) => fail((e as Error).message));
  try {
    const r = await exportGraph(store, o.format as ExportFormat, o.out, { types: types as RelationType[] | null, seeds: await seeds(store, o.program, o.place), depth });
    process.stdout.write(`${r.nodes} nodes, ${r.edges} edges → ${r.files.length === 1 ? r.files[0] : `${r.files.length} files in ${o.out}`}\n`);
  } finally {
    await store.close();
  }
}
