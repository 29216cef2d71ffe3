import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../../src/api/server.js';
import { NODE_LABELS, RELATION_TYPES } from '../../src/graph/model.js';

const sdl = typeDefs().join('\n');
const cypher = readFileSync(new URL('../../cypher/schema.cypher', import.meta.url), 'utf8');
const grass = readFileSync(new URL('../../cypher/browser.grass', import.meta.url), 'utf8');

describe('the graph model is declared once and followed everywhere', () => {
  it('every relationship type is in the GraphQL enum', () => {
    const values = (buildSchema(sdl).getType('RelationType') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(values.sort()).toEqual([...RELATION_TYPES].sort());
  });
  it('every label is a GraphQL type, has a constraint and a Browser style', () => {
    for (const l of NODE_LABELS) {
      expect(sdl).toMatch(new RegExp(`type ${l} implements`));
      expect(cypher).toMatch(new RegExp(`FOR \\(n:${l}\\) REQUIRE n.id IS UNIQUE`));
      expect(grass).toContain(`node.${l} {`);
    }
  });
});
