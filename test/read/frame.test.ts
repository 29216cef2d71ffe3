// The frame of a 公文 on texts written for these tests in the genre's layouts: a notice that
// issues a plan (its heading, signers, date), page chrome, flattened PDF text, repost
// headlines, and what the metadata makes of them (title, noticeTitle, issuers, date, year, place).
import { describe, expect, it } from 'vitest';
import { parseDateLine, readFrame, splitBodies } from '../../src/read/frame.js';
import { readText } from '../../src/read/index.js';

const meta = (text: string) => readText('t.txt', text).documents[0].meta;

const NOTICE = [
  '关于印发《江北市教育局2025年工作要点》的通知',
  '发布时间：2025-03-02 10:00 信息来源：江北市教育局 浏览次数：12',
  '各区县教育局，各直属学校，机关各科室：',
  '现将《江北市教育局2025年工作要点》印发给你们，请结合实际认真贯彻落实。',
  '江北市教育局',
  '2025228',
  '（此件主动公开）',
  '江北市教育局2025年工作要点',
  '2025年全市教育工作的总体要求是：坚持立德树人，办好人民满意的教育。',
].join('\n');

describe('a notice that issues a plan', () => {
  it('is one document titled by the plan, with the notice title, signer and the garbled date', () => {
    const m = meta(NOTICE);
    expect(m).toMatchObject({
      title: '江北市教育局2025年工作要点', noticeTitle: '关于印发《江北市教育局2025年工作要点》的通知',
      date: '2025-02-28', year: 2025, issuerForms: ['江北市教育局'],
    });
  });

  it('joins a heading over two lines, and a notice title whose issuers stand on the line above', () => {
    const m = meta([
      '中共南山县教育局委员会 南山县教育局',
      '关于印发2025年工作要点的通知',
      '各乡镇中心学校，县直各学校：',
      '《中共南山县教育局委员会 南山县教育局2025年工作要点》已经局务会议审议通过，现印发你们，请认真贯彻落实。',
      '中共南山县教育局委员会 南山县教育局',
      '2025年2月8日',
      '中共南山县教育局委员会 南山县教育局',
      '2025年工作要点',
      '2025年，全县教育工作的指导思想是：深化改革。',
    ].join('\n'));
    expect(m.title?.replace(/\s/g, '')).toBe('中共南山县教育局委员会南山县教育局2025年工作要点');
    expect(m.noticeTitle?.replace(/\s/g, '')).toBe('中共南山县教育局委员会南山县教育局关于印发2025年工作要点的通知');
    expect(m.issuerForms).toEqual(['中共南山县教育局委员会', '南山县教育局']);
    expect(m.date).toBe('2025-02-08');
  });

  it('finds the heading the notice names when it wraps without a break in the words', () => {
    const f = readFrame([
      '北河市人民政府办公室文件', '北河政办发〔2025〕7号', '各县区人民政府，市直各部门：',
      '《北河市进一步完善养老服务体系实施方案》已经市人民政府同意，现印发给你们，请认真组织实施。',
      '北河市人民政府办公室', '2025年4月8日', '北河市进一步完善养老', '服务体系实施方案', '为深入贯彻……，制定本方案。',
    ].join('\n'));
    expect(f).toMatchObject({ title: '北河市进一步完善养老服务体系实施方案', date: '2025-04-08', signatureLines: ['北河市人民政府办公室'] });
  });

  it('reads a notice flattened into one line by a PDF converter', () => {
    const line = '关于印发《中共东湖省委高校工委 东湖省教育厅2025年工作要点》的通知.pdf\n中共东湖省委高校工委 东湖省教育厅 东教办〔2025〕5号 中共东湖省委高校工委东湖省教育厅关于印发《中共东湖省委高校工委东湖省教育厅2025年工作要点》的通知 各省辖市教育局，各高等学校：现将《中共东湖省委高校工委东湖省教育厅 2025年工作要点》印发给你们，请认真贯彻落实。中共东湖省委高校工委东湖省教育厅 2025年 3月 10日— 1 —中共东湖省委高校工委东湖省教育厅 2025年工作要点 2025年全省教育工作的总体要求是：高举旗帜，深化改革，推进教育现代化，加快建设教育强省，办好人民满意的教育。';
    const m = meta(line);
    expect(m.title?.replace(/\s/g, '')).toBe('中共东湖省委高校工委东湖省教育厅2025年工作要点');
    expect(m.date).toBe('2025-03-10');
    expect(m.docNumber).toBe('东教办〔2025〕5号');
    expect(m.issuerForms).toEqual(['中共东湖省委高校工委', '东湖省教育厅']);
  });

  it('without a title line of its own has no notice title, not a notice its first sentence cites', () => {
    const m = meta([
      '东健推委办发〔2025〕3号', '东湖省健康行动推进委员会各成员单位：',
      '为贯彻落实《东湖省人民政府办公厅关于印发健康东湖行动考核方案的通知》精神，我们研究制定了《健康东湖行动2025年工作要点》，现印发给你们，请认真贯彻落实。',
      '东湖省健康行动推进委员会办公室', '2025年3月23日', '健康东湖行动2025年工作要点', '一、加强组织实施。',
    ].join('\n'));
    expect(m).toMatchObject({ title: '健康东湖行动2025年工作要点', noticeTitle: null, date: '2025-03-23' });
  });

  it('with its attachment cut off, is itself the document', () => {
    const f = readFrame('关于印发《西岭市学前教育行动计划》的通知\n各县教育局：\n现将《西岭市学前教育行动计划》印发给你们。\n西岭市教育局\n2025年1月3日');
    expect(f).toMatchObject({ title: '关于印发《西岭市学前教育行动计划》的通知', noticeTitle: null, date: '2025-01-03' });
  });
});

describe('headings among page chrome', () => {
  it('skips a spam site name, a tag and a breadcrumb, and takes the page date only when it is of the document\'s year', () => {
    const m = meta(['某某职业学院-某某娱乐网', '当前位置：首页 › 通知公告', '【转发】中华全国学生联合会2025年工作要点', '发布时间:2025-02-04 点击量:', '2025年是……的关键之年。'].join('\n'));
    expect(m).toMatchObject({ title: '中华全国学生联合会2025年工作要点', date: '2025-02-04', year: 2025 });
    const repost = meta(['“双师型”培育工程的实施意见', '日期：2024-02-08 来源：某某学校', '中共某某部党组关于高校辅导员', '“双师型”培育工程的实施意见', '教党〔2021〕9号', '各高等学校：', '为加强……，提出如下意见。'].join('\n'));
    expect(repost.title).toBe('中共某某部党组关于高校辅导员“双师型”培育工程的实施意见');
    expect(repost.date).toBe('2021'); // the 2024 repost date is not the document's
  });

  it('prefers the official heading, with the date under it, to the page headline that repeats it', () => {
    const m = meta(['中共东海省委东海省人民政府关于加强高校思想政治工作的实施意见', '作者：时间：2019-06-12点击数：', '中共东海省委文件', '东发〔2017〕9号', '中共东海省委 东海省人民政府', '关于加强高校思想政治工作的实施意见', '（2017年7月28日）', '为深入贯彻……，提出如下实施意见。'].join('\n'));
    expect(m.date).toBe('2017-07-28');
    expect(m.issuerForms).toEqual(['中共东海省委', '东海省人民政府']);
  });
});

describe('dates, years, 文号 and places', () => {
  it.each([
    ['2024327', '2024-03-27'], ['20223月23日', '2022-03-23'], ['2020 年 3 月 10 日', '2020-03-10'], ['2017年7月28日)', '2017-07-28'], ['2024年13月1日', null], ['一、总体要求', null],
  ])('the date line %s is %s', (l, d) => expect(parseDateLine(l)).toBe(d));

  it('gives a plan for several years the year of its issue', () => {
    expect(meta('全国托育服务行动方案(2025—2027年)\n为……，制定本方案。\n国家某某局\n2025年5月21日')).toMatchObject({ year: 2025, date: '2025-05-21' });
  });

  it('does not take a cited instrument\'s 文号 for the document\'s', () => {
    expect(meta('根据省委组织部《关于开展评选推荐工作的通知》(川卫组函〔2021〕10号)精神，现将拟推荐对象予以公示。').docNumber).toBeNull();
  });

  it('places a ministry\'s text and a central 文号 in 全国, a county\'s own text in its county', () => {
    expect(meta('教育部关于对口支援兰州城市学院等高校工作的通知\n有关高等学校：\n为……，决定增加部分高校对口支援西部高校。').place).toBe('全国');
    expect(meta('国卫办发〔2025〕2号\n各成员单位：\n为贯彻落实……，我们制定了《某某工作要点》。').place).toBe('全国');
    const county = meta('2025年全县卫生健康工作要点\n2025年全县卫生健康工作的总体要求是：推进健康海盐县建设，建好海盐县人民医院新院区。');
    expect(county).toMatchObject({ place: '海盐县', placeInferred: true });
  });

  it('splits a signature line into its bodies, a central agency\'s provincial branch staying one', () => {
    expect(splitBodies('广东省住房和城乡建设厅国家税务总局广东省税务局')).toEqual(['广东省住房和城乡建设厅', '国家税务总局广东省税务局']);
    expect(splitBodies('中共雅安市委组织部中共雅安市卫生健康委党组')).toEqual(['中共雅安市委组织部', '中共雅安市卫生健康委党组']);
    expect(splitBodies('中共西安市教育局委员会 西安市教育局')).toEqual(['中共西安市教育局委员会', '西安市教育局']);
  });
});
