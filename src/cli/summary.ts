import type { StoreStats } from '../graph/store.js';

/** One line: documents, entities by type, relations, seconds. */
export function summaryLine(s: StoreStats, seconds: number): string {
  const { Document: docs = 0, ...ents } = s.labels;
  const entities = Object.entries(ents).map(([k, v]) => `${k} ${v}`).join(', ');
  const rels = Object.values(s.relations).reduce((a, b) => a + b, 0);
  return `${docs} documents · entities: ${entities} · ${rels} relations · ${seconds.toFixed(1)}s`;
}
