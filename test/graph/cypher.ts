// Neo4j's own linter with the graph's schema: what a statement may name (labels, types,
// properties, parameters). No server needed.
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { NODE_LABELS, RELATION_TYPES } from '../../src/graph/model.js';
import { DOCUMENT_PROPS, EDGE_PROPS, ENTITY_PROPS } from '../../src/graph/rows.js';

const dbSchema = {
  labels: [...NODE_LABELS],
  relationshipTypes: [...RELATION_TYPES],
  propertyKeys: [...new Set([...DOCUMENT_PROPS, ...ENTITY_PROPS, ...EDGE_PROPS])],
  parameters: Object.fromEntries(['rows', 'ids', 'sources', 'types', 'labels', 'q', 'limit', 'place', 'places', 'level', 'yearFrom', 'yearTo', 'issuer', 'text', 'label', 'name', 'ref', 'offset', 'minPrograms'].map((p) => [p, ''])),
};

/** The error messages of a statement (none when it is valid). */
export function lint(q: string): string[] {
  return lintCypherQuery(q, dbSchema).filter((d) => d.severity === 1).map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}
