import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/read/normalise.js';

describe('normalise', () => {
  it('joins PDF line-break spaces inside Chinese text and before 年', () => {
    const n = normalise('是全面 建设社会主义现代化国家, 进 一 步推进 2020 年');
    expect(n.text.text).toBe('是全面建设社会主义现代化国家，进一步推进 2020年');
  });

  it('converts Traditional to Simplified, drops pinyin debris and records the script', () => {
    const n = normalise('持續(xù)開展學習培訓,鞏固拓展"五講"宣講工作格局,推動黨的二十大精神進教材');
    expect(n.traditional).toBe(true);
    expect(n.text.text).toBe('持续开展学习培训，巩固拓展“五讲”宣讲工作格局，推动党的二十大精神进教材');
  });

  it('keeps Simplified text as Simplified and removes Markdown marks', () => {
    const n = normalise('## 一、指导思想\n\n**1.组织生活创优行动。**以学习贯彻为重点');
    expect(n.traditional).toBe(false);
    expect(n.text.text).toBe('一、指导思想\n\n1.组织生活创优行动。以学习贯彻为重点');
  });

  it('unifies quote variants', () => {
    expect(normalise('实施「攀登」计划和『先锋』计划').text.text).toBe('实施“攀登”计划和“先锋”计划');
  });

  it('repairs GBK mojibake when the dictionary is sure: ?偨Y推廣 → 总结推广, 開展?jié)h字 → 开展汉字', () => {
    const n = normalise('做好定點幫扶工作?偨Y推廣一批高校服務鄉村振興典型案例，開展?jié)h字應用水平測試');
    expect(n.text.text).toBe('做好定点帮扶工作总结推广一批高校服务乡村振兴典型案例，开展汉字应用水平测试');
    expect(n.flags).toEqual([]);
    const [s, e] = n.text.toSource(8, 10);
    expect('做好定點幫扶工作?偨Y推廣'.slice(s, e)).toBe('?偨Y');
  });

  it('repairs GBK mojibake that lost the lead byte of a 。 (the run starts with ；)', () => {
    // A page that lost one byte: the A1 of 。 (A1 A3) became '?', and the rest decoded one byte out of step.
    const bytes = iconv.encode('表彰了優秀單位。回顧總結了全年工作', 'gbk');
    const at = bytes.indexOf(Buffer.from([0xa1, 0xa3]));
    const damaged = iconv.decode(Buffer.concat([bytes.subarray(0, at), Buffer.from('?'), bytes.subarray(at + 1)]), 'gbk');
    expect(damaged).toContain('?；');
    const n = normalise(damaged);
    expect(n.text.text).toBe('表彰了优秀单位。回顾总结了全年工作');
    expect(n.flags).toEqual([]);
  });

  it('flags GBK mojibake it cannot repair and leaves it as it is', () => {
    const n = normalise('推動符合條件的高職?圃盒I駷槁殬I(yè)本科院校');
    expect(n.flags).toHaveLength(1);
    expect(n.text.text).toContain('圃盒I駷槁殬I');
  });
});

describe('CJK compatibility characters', () => {
  it('become their unified ideographs, one for one, so offsets still map back', () => {
    const raw = '全省教育⼯作要点：加快建设教育强省，⼤⼒推进⾼质量发展。';
    const n = normalise(raw);
    expect(n.text.text).toBe('全省教育工作要点：加快建设教育强省，大力推进高质量发展。');
    const at = n.text.text.indexOf('大力');
    expect(raw.slice(...n.text.toSource(at, at + 2))).toBe('⼤⼒');
  });
});
