// Every Cypher statement the Neo4j store can send, and every file in cypher/,
// linted with Neo4j's own language support (no server needed).
import { readdirSync, readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { NODE_LABELS, RELATION_TYPES } from '../../src/graph/model.js';
import { DOCUMENT_PROPS, EDGE_PROPS, ENTITY_PROPS } from '../../src/graph/rows.js';
import { allStatements, schemaStatements } from '../../src/graph/neo4j-store.js';

const dbSchema = {
  labels: [...NODE_LABELS],
  relationshipTypes: [...RELATION_TYPES],
  propertyKeys: [...new Set([...DOCUMENT_PROPS, ...ENTITY_PROPS, ...EDGE_PROPS])],
  parameters: Object.fromEntries(['rows', 'ids', 'sources', 'types', 'labels', 'q', 'limit', 'place', 'places', 'level', 'yearFrom', 'yearTo', 'issuer', 'text', 'label', 'name', 'ref', 'offset', 'minPrograms'].map((p) => [p, ''])),
};

function lint(q: string) {
  return lintCypherQuery(q, dbSchema).filter((d) => d.severity === 1).map((d) => d.message);
}

const storeStatements = allStatements();

describe('Cypher is valid for Neo4j', () => {
  it('the linter catches what it should (a misspelt clause, an undefined parameter)', () => {
    expect(lint('MACTH (n) RETURN n').length).toBeGreaterThan(0);
    expect(lint('MATCH (n:Program {id: $nope}) RETURN n').length).toBeGreaterThan(0);
  });
  it.each(storeStatements)('store statement %s', (_, q) => expect(lint(q)).toEqual([]));
  it.each(schemaStatements().map((s, i) => [i, s]))('cypher/schema.cypher statement %i', (_, s) => expect(lint(String(s))).toEqual([]));
  const files = readdirSync(new URL('../../cypher/queries/', import.meta.url)).filter((f) => f.endsWith('.cypher'));
  it.each(files)('cypher/queries/%s', (f) => {
    const text = readFileSync(new URL(`../../cypher/queries/${f}`, import.meta.url), 'utf8');
    expect(lint(text)).toEqual([]);
  });
});
