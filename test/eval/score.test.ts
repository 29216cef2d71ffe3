// The scorer as the spec defines it: a prediction matches a gold name or alias
// after normalisation; every miss and every wrong prediction is listed.
import { describe, expect, it } from 'vitest';
import type { GoldDocument } from '../../src/extract/format.js';
import { formatErrors, score } from '../../src/eval/score.js';

const doc = (d: Partial<GoldDocument>): GoldDocument => ({
  title: '关于实施攀登计划的通知', docNumber: null, date: '2022-03', year: 2022, issuers: ['中共江南市委教育工作委员会'],
  place: '江南市', placeEvidence: null, docRef: '关于实施攀登计划的通知', entities: [], relations: [], ...d,
});

describe('score', () => {
  const gold = doc({
    entities: [
      { type: 'Program', name: '攀登计划', aliases: ['基层党组织“攀登”计划'], evidence: '' },
      { type: 'Organization', name: '中共江南市委教育工作委员会', aliases: ['市委教育工委'], evidence: '' },
    ],
    relations: [{ type: 'PART_OF', from: '攀登计划', to: '基层党建质量提升工程', evidence: '' }],
  });
  const pred = doc({
    date: '2022',
    entities: [
      { type: 'Program', name: '基層黨組織攀登計劃', aliases: [], evidence: '' }, // an alias, in Traditional script
      { type: 'Program', name: '伟大工程', aliases: [], evidence: '' },
    ],
  });
  const s = score([{ file: 'a.txt', documents: [gold] }], [{ file: 'a.txt', documents: [pred] }]);

  it('counts an alias in either script as found, and the rest as missed or wrong', () => {
    expect(s.entities.Program).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(s.entities.Organization).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(s.relations.PART_OF).toMatchObject({ tp: 0, fn: 1 });
    expect(s.metadata.date.accuracy).toBe(0);
    expect(s.metadata.title.accuracy).toBe(1);
  });

  it('lists each error with its document', () => {
    expect(s.errors).toEqual(expect.arrayContaining([
      { file: 'a.txt', doc: '关于实施攀登计划的通知', kind: 'entity', type: 'Organization', outcome: 'fn', item: '中共江南市委教育工作委员会' },
      { file: 'a.txt', doc: '关于实施攀登计划的通知', kind: 'entity', type: 'Program', outcome: 'fp', item: '伟大工程' },
      { file: 'a.txt', doc: '关于实施攀登计划的通知', kind: 'relation', type: 'PART_OF', outcome: 'fn', item: '攀登计划 → 基层党建质量提升工程' },
      { file: 'a.txt', doc: '关于实施攀登计划的通知', kind: 'metadata', type: 'date', outcome: 'fn', item: 'gold "2022-03", predicted "2022"' },
    ]));
    expect(s.errors).toHaveLength(4);
    expect(formatErrors(s.errors)).toContain('missed  Organization ');
  });
});
