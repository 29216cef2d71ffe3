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

  it('flags GBK mojibake it cannot repair', () => {
    expect(normalise('定点帮扶工作?偨Y推广一批高校').flags.length).toBe(1);
  });

  // Punctuation width and quote direction depend on context (a lone ',' has no Chinese neighbour),
  // so the round trip compares with those folded.
  const fold = (s: string) => s.normalize('NFKC').replace(/[“”]/g, '"').replace(/\s/g, '');
  it('maps every span back to the source text it came from', () => {
    const raw = '## 标题\n持續(xù)開展 學習, 進 一 步推進"攀登"計劃';
    const n = normalise(raw);
    const t = n.text.text;
    for (let s = 0; s < t.length; s++) {
      for (let e = s + 1; e <= t.length; e++) {
        const [a, b] = n.text.toSource(s, e);
        expect(fold(normalise(raw.slice(a, b)).text.text)).toContain(fold(t.slice(s, e)));
      }
    }
  });
});
