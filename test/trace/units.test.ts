// The small functions a trace is built from, on exact values (dates as the ranges of days they allow,
// containment by the gazetteer, wording kept between two texts).
import { describe, expect, it } from 'vitest';
import { contains, convergence, dateRange, decidedBefore, levelOf, timeOf } from '../../src/trace/adoption.js';
import { later } from '../../src/trace/reuse.js';

const day = (s: string) => Date.parse(`${s}T00:00:00Z`);

describe('dates as the days they allow', () => {
  it('a day is itself, a month its first to last day, a year its first to last day; a bound has no earliest day', () => {
    expect(dateRange('2018-10-15')).toEqual({ earliest: day('2018-10-15'), latest: day('2018-10-15') });
    expect(dateRange('2018-10')).toEqual({ earliest: day('2018-10-01'), latest: day('2018-10-31') });
    expect(dateRange('2024-02')).toEqual({ earliest: day('2024-02-01'), latest: day('2024-02-29') });
    expect(dateRange('2023')).toEqual({ earliest: day('2023-01-01'), latest: day('2023-12-31') });
    expect(dateRange('2023', true)).toEqual({ earliest: null, latest: day('2023-12-31') });
    expect(dateRange(null)).toEqual({ earliest: null, latest: null });
  });

  it('one comes before another only when every day it allows does', () => {
    const y2018 = dateRange('2018');
    const oct2018 = dateRange('2018-10');
    const y2019 = dateRange('2019');
    expect(decidedBefore(y2018, y2019)).toBe(true);
    expect(decidedBefore(y2019, y2018)).toBe(false);
    expect(decidedBefore(y2018, oct2018)).toBe(false); // the same period: undecided
    expect(decidedBefore(oct2018, y2018)).toBe(false);
    expect(decidedBefore({ earliest: null, latest: null }, y2019)).toBe(false);
    expect(decidedBefore(y2018, { earliest: null, latest: day('2020-01-01') })).toBe(false);
    // Adjacent days: the last day of one is before the first of the next, the same day is not.
    expect(decidedBefore(dateRange('2018-12-31'), dateRange('2019-01-01'))).toBe(true);
    expect(decidedBefore(dateRange('2019-01-01'), dateRange('2019-01-01'))).toBe(false);
  });

  it('is drawn at its earliest day, else at its latest', () => {
    expect(timeOf(dateRange('2018-10'))).toBe(day('2018-10-01'));
    expect(timeOf(dateRange('2018', true))).toBe(day('2018-12-31'));
    expect(timeOf({ earliest: null, latest: null })).toBeNull();
  });
});

describe('places', () => {
  it('have the level of the gazetteer; the centre is central', () => {
    expect(levelOf('全国')).toBe('central');
    expect(levelOf('云南省')).toBe('provincial');
    expect(levelOf('上海市')).toBe('municipal');
    expect(levelOf('南宁市')).toBe('municipal');
    expect(levelOf('浦东新区')).toBe('district');
    expect(levelOf('无此地')).toBeNull();
    expect(levelOf(null)).toBeNull();
  });

  it('contain what lies within them, and the centre contains every place but itself', () => {
    expect(contains('全国', '云南省')).toBe(true);
    expect(contains('全国', '全国')).toBe(false);
    expect(contains('广西壮族自治区', '南宁市')).toBe(true);
    expect(contains('南宁市', '广西壮族自治区')).toBe(false);
    expect(contains('上海市', '浦东新区')).toBe(true);
    expect(contains('云南省', '南宁市')).toBe(false);
    expect(contains('云南省', '云南省')).toBe(false);
  });
});

describe('convergence', () => {
  it('is the cosine of character bigrams, punctuation, digits and spaces left out, to three decimals', () => {
    expect(convergence('实施攀登计划', '实施攀登计划')).toBe(1);
    expect(convergence('实施攀登计划', '。实施 攀登2计划！')).toBe(1);
    expect(convergence('攀登计划', '先锋工程')).toBe(0);
    expect(convergence('', '攀登计划')).toBe(0);
    expect(convergence('攀登计划', '')).toBe(0);
    // 攀登计划 {攀登, 登计, 计划} against 攀登行动 {攀登, 登行, 行动}: one shared of three each.
    expect(convergence('攀登计划', '攀登行动')).toBe(0.333);
    // A repeated bigram counts by its number: {攀登:2, 登攀:1} against {攀登:1}.
    expect(convergence('攀登攀登', '攀登')).toBe(0.894);
  });
});

describe('which of two documents is later, for the direction of REUSES', () => {
  const doc = (id: string, year: number | null, date: string | null, title: string | null = null) => ({ id, text: '', year, date, title });
  it('by plan year, then a later year its title names, then date, then id', () => {
    expect(later(doc('a', 2023, null), doc('b', 2022, '2022-12-31'))).toBe(true);
    expect(later(doc('a', 2022, '2022-12-31'), doc('b', 2023, null))).toBe(false);
    expect(later(doc('a', 2023, null, '2024年工作要点'), doc('b', 2023, '2023-12-01', '2023年工作要点'))).toBe(true);
    expect(later(doc('a', 2023, '2023-05'), doc('b', 2023, '2023-03'))).toBe(true);
    expect(later(doc('a', 2023, '2023-03'), doc('b', 2023, '2023-05'))).toBe(false);
    expect(later(doc('b', 2023, '2023-03'), doc('a', 2023, '2023-03'))).toBe(true);
    expect(later(doc('a', 2023, '2023-03'), doc('b', 2023, '2023-03'))).toBe(false);
    expect(later(doc('a', null, null), doc('b', 2019, null))).toBe(false);
    expect(later(doc('a', 2019, null), doc('b', null, null))).toBe(true);
  });
});
