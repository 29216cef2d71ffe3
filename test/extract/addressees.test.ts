// Addressee lines of directives, written for these tests in the genre's shapes.
import { describe, expect, it } from 'vitest';
import { findAddressees } from '../../src/extract/addressees.js';

const items = (t: string) => findAddressees(t).map((a) => a.item);

describe('addressees', () => {
  it('split at ，； and at 、 after a head, never inside parentheses or a list of places sharing one head', () => {
    expect(items('关于印发某某要点的通知\n各省辖市、示范区、省直管县(市)教育局，各高等学校，省属中等职业学校、厅机关各处室，厅直各单位(学校)：\n现将……')).toEqual([
      '各省辖市、示范区、省直管县(市)教育局', '各高等学校', '省属中等职业学校', '厅机关各处室', '厅直各单位(学校)',
    ]);
    expect(items('各直属学校(含民办、公办)、高校附校，机关各科室：\n现将……')).toEqual(['各直属学校(含民办、公办)', '高校附校', '机关各科室']);
  });

  it('are found in a notice flattened into one line', () => {
    const t = '某某教办〔2025〕5号某某厅关于印发《某某要点》的通知各市教育局，各高等学校: 现将《某某要点》印发给你们。';
    expect(items(t)).toEqual(['各市教育局', '各高等学校']);
    const [first] = findAddressees(t);
    expect(t.slice(first.start, first.start + first.item.length)).toBe('各市教育局');
  });

  it('zones under one administration\'s head are one committee each, with the place of the first', () => {
    expect(items('各镇人民政府、街道办事处，丹阳经开区、高新区管委会，市各委办局：\n现将……')).toEqual([
      '各镇人民政府', '街道办事处', '丹阳经开区管委会', '丹阳高新区管委会', '市各委办局',
    ]);
  });

  it('are not a heading or a sentence that ends in a colon', () => {
    expect(items('一、总体要求：\n坚持……。')).toEqual([]);
  });
});
