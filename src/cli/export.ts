import { exportGraph, type ExportFormat } from '../graph/export.js';
import { RELATION_TYPES, type RelationType } from '../graph/model.js';
import { openStore } from '../graph/open-store.js';
import { fail, storeOptions, type CliStoreOptions } from './options.js';

const FORMATS: ExportFormat[] = ['graphml', 'csv', 'jsonl'];

export async function runExport(o: CliStoreOptions & { format: string; out: string; types?: string }): Promise<void> {
  if (!FORMATS.includes(o.format as ExportFormat)) fail(`--format must be one of ${FORMATS.join(', ')}, not ${o.format}`);
  const types = o.types ? o.types.split(',').map((t) => t.trim().toUpperCase()) : null;
  const unknown = types?.filter((t) => !RELATION_TYPES.includes(t as RelationType)) ?? [];
  if (unknown.length) fail(`unknown relation type ${unknown.join(', ')} (known: ${RELATION_TYPES.join(', ')})`);
  const store = await openStore(storeOptions(o), { shared: true }).catch((e) => fail((e as Error).message));
  try {
    const r = await exportGraph(store, o.format as ExportFormat, o.out, { types: types as RelationType[] | null });
    process.stdout.write(`${r.nodes} nodes, ${r.edges} edges → ${r.files.length === 1 ? r.files[0] : `${r.files.length} files in ${o.out}`}\n`);
  } finally {
    await store.close();
  }
}
