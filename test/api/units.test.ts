// The API's small parts on exact values: Relay paging and its cursors, and the names an analyst writes.
import { describe, expect, it } from 'vitest';
import { placeInFront, placesWithin } from '../../src/api/names.js';
import { connection, DEFAULT_LIMITS } from '../../src/api/paging.js';

const cursor = (n: number) => Buffer.from(`o:${n}`).toString('base64url');
const items = [...Array(10).keys()];
const page = (first: number | null, after: string | null) => connection(items, first, after, DEFAULT_LIMITS);
const codeOf = (f: () => unknown) => { try { f(); return null; } catch (e) { return (e as { extensions?: { code?: string } }).extensions?.code ?? 'thrown'; } };

describe('paging', () => {
  it('pages through a list: cursors are offsets, the last page says so', () => {
    expect(page(3, null)).toEqual({
      edges: [0, 1, 2].map((n) => ({ cursor: cursor(n), node: n })), pageInfo: { hasNextPage: true, endCursor: cursor(2) }, totalCount: 10,
    });
    expect(page(3, cursor(2)).edges.map((e) => e.node)).toEqual([3, 4, 5]);
    expect(page(5, cursor(7))).toEqual({
      edges: [8, 9].map((n) => ({ cursor: cursor(n), node: n })), pageInfo: { hasNextPage: false, endCursor: cursor(9) }, totalCount: 10,
    });
    expect(page(null, null).edges).toHaveLength(10); // 20 by default
    expect(page(0, null)).toEqual({ edges: [], pageInfo: { hasNextPage: true, endCursor: null }, totalCount: 10 });
    expect(page(3, cursor(9))).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 10 });
  });

  it('takes 0 to the page-size limit, and refuses the rest', () => {
    expect(codeOf(() => page(DEFAULT_LIMITS.maxPageSize, null))).toBeNull();
    expect(codeOf(() => page(-1, null))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => page(DEFAULT_LIMITS.maxPageSize + 1, null))).toBe('BAD_USER_INPUT');
  });

  it('takes the cursors it gave out and offsets up to ten million, nothing else', () => {
    expect(codeOf(() => page(1, cursor(9_999_999)))).toBeNull();
    for (const bad of [cursor(10_000_000), Buffer.from('o:-1').toString('base64url'), Buffer.from('x:1').toString('base64url'),
      Buffer.from('o:1x').toString('base64url'), Buffer.from('ao:1').toString('base64url'), Buffer.from('o:').toString('base64url'), `${cursor(1)}${'A'.repeat(20)}`]) {
      expect(codeOf(() => page(1, bad))).toBe('BAD_USER_INPUT');
    }
    const long = 'B'.repeat(50);
    expect(() => page(1, long)).toThrow(`bad cursor: ${'B'.repeat(40)}…`);
    expect(() => page(1, 'B'.repeat(40))).toThrow(new RegExp(`bad cursor: B{40}$`));
  });
});

describe('names as an analyst writes them', () => {
  it('reads a place in front of a body\'s short name both ways the place\'s last character may be read', () => {
    expect(placeInFront('上海市教委')).toEqual({ places: new Set(['上海市']), rests: ['市教委', '教委'] });
    expect(placeInFront('上海教委')).toEqual({ places: new Set(['上海市']), rests: ['教委'] });
    expect(placeInFront('教委')).toBeNull();
    expect(placeInFront('上海市委')).toEqual({ places: new Set(['上海市']), rests: ['市委'] });
    for (const placeAlone of ['上海市', '上海', '南宁市']) expect(placeInFront(placeAlone)).toBeNull();
  });

  it('takes a place filter with the places within it, however it is written', () => {
    const guangxi = placesWithin('广西');
    expect(guangxi).toEqual(expect.arrayContaining(['广西壮族自治区', '南宁市', '青秀区']));
    expect(guangxi).not.toContain('云南省');
    expect(placesWithin('广西壮族自治区').sort()).toEqual([...guangxi].sort());
    const nanning = placesWithin('南宁市');
    expect(nanning).toEqual(expect.arrayContaining(['南宁市', '青秀区']));
    expect(nanning).not.toContain('广西壮族自治区');
    expect(nanning).not.toContain('柳州市');
    expect(placesWithin('全国')).toEqual(['全国']);
    expect(placesWithin('无此地')).toEqual(['无此地']);
  });
});
