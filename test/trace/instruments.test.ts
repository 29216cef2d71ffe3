// Dates and adoptions a trace reads from citations, on texts written for this test: a central
// instrument no document here is (known from the 《title》 local texts cite, dated by the 文号
// they cite it with, else no later than the first citing text), an undated notice dated by the
// 文号 another text cites it with, and a year-only plan no earlier than the latest 文号 it cites.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/store.js';
import { resolveProgram, traceProgram, type Diffusion } from '../../src/trace/adoption.js';
import { loadedStore } from '../helpers.js';

describe('dates a trace reads from citations', () => {
  let store: GraphStore;
  const trace = async (name: string): Promise<Diffusion> => {
    const m = await resolveProgram(store, name);
    if (m.kind !== 'one') throw new Error(`${name}: ${m.kind}`);
    return traceProgram(store, m.program);
  };
  const row = (d: Diffusion) => d.adoptions.map((a) => [a.place, a.date, a.dateIsBound, a.dateSource, a.document ? 'document' : a.instrument, a.issuer]);
  beforeAll(async () => {
    store = await loadedStore(undefined, 'instruments');
  }, 120_000);
  afterAll(async () => store?.close());

  it('an instrument cited with its 文号 launches the program in its issuer\'s place, in the year of that number', async () => {
    const d = await trace('启航计划');
    expect(row(d)).toEqual([
      ['全国', '2019', false, 'cited document number', '教育部关于实施启航计划的意见', '教育部'],
      ['浙江省', '2020-03-01', false, 'document', 'document', '浙江省教育厅'],
      // A 2021 plan that cites a 2022 number was written in 2022 at the earliest.
      ['江苏省', '2022', false, 'cited document number', 'document', '江苏省教育厅'],
    ]);
    expect(d.adoptions[0]).toMatchObject({ level: 'central', how: 'launches', document: null });
    // 2019 (a year) to 2020-03-01: from 61 days (2019-12-31) to 425 days (2019-01-01).
    expect(d.spread.map((s) => [s.from.place, s.to.place, s.rule, s.lag])).toEqual([
      ['全国', '浙江省', 'containing jurisdiction', { min: 61, max: 425 }],
      ['全国', '江苏省', 'containing jurisdiction', { min: 732, max: 1460 }],
    ]);
  });

  it('an instrument cited without one is dated no later than the first text citing it', async () => {
    const d = await trace('青蓝计划');
    expect(row(d)).toEqual([
      ['全国', '2021', true, 'citations', '教育部关于实施青蓝计划的意见', '教育部'],
      ['江西省', '2021', false, 'document', 'document', '江西省教育厅'],
      ['福建省', '2022', false, 'document', 'document', '福建省教育厅'],
    ]);
    expect(d.adoptions[0]).toMatchObject({ earliest: null, latest: Date.UTC(2021, 11, 31) });
    // ≤2021 against 2021: the dates do not order them; the lag is at least -364 days, with no upper bound.
    expect(d.spread[0]).toMatchObject({ ordered: false, lag: { min: -364, max: null } });
  });

  it('an undated notice takes the year of the 文号 another text cites it by', async () => {
    const d = await trace('远帆计划');
    expect(row(d)).toEqual([
      ['宁波市', '2020', false, 'cited document number', 'document', '宁波市教育局'],
      ['杭州市', '2021', false, 'document', 'document', '杭州市教育局'],
      ['温州市', '2022', false, 'document', 'document', '温州市教育局'],
    ]);
    expect(d.adoptions[0].how).toBe('launches');
    expect(d.spread.map((s) => [s.from.place, s.to.place, s.rule])).toEqual([['宁波市', '杭州市', 'peer in the same province'], ['杭州市', '温州市', 'peer in the same province']]);
  });
});
