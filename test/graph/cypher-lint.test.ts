// Every Cypher statement the Neo4j store can send, and every file in cypher/,
// linted with Neo4j's own language support (no server needed).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allStatements, schemaStatements } from '../../src/graph/neo4j-store.js';
import { lint } from './cypher.js';

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
