// A small cascade written for the tests, in the genre's own wording (not copied from any
// real document): the State Council launches 健康中国行动; 湖南 adopts it as 健康湖南行动
// citing the central opinion and copying its target paragraph; 长沙 follows its province;
// 四川 copies the same paragraph in Traditional script with pinyin debris; two plans share
// nothing but the genre's formulae. A second program, “青苗”计划, runs from 云南省 to 南宁市
// (another province's city: not top-down), and 贵州 and 甘肃 take up a third in one year.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmp } from '../helpers.js';

/** The central plan's target paragraph, which the provinces copy. */
export const TARGETS = '到2022年，健康促进政策体系基本建立，全民健康素养水平稳步提高，健康生活方式加快推广，重大慢性病发病率上升趋势得到遏制，重点传染病、严重精神障碍、地方病、职业病得到有效防控';
const TARGETS_TRADITIONAL = '到2022年，健康促進(jìn)政策體系基本建立，全民健康素養(yǎng)水平穩(wěn)步提高，健康生活方式加快推廣，重大慢性病發(fā)病率上升趨勢得到遏制，重點傳染病、嚴重精神障礙、地方病、職業(yè)病得到有效防控';
const FORMULAE = '以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，全面贯彻党的教育方针，落实立德树人根本任务，坚持以人民为中心的发展思想，完整、准确、全面贯彻新发展理念，构建新发展格局';

export const CASCADE: Record<string, string> = {
  'central-health': `国务院关于实施健康中国行动的意见
国发〔2019〕13号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为加快推动卫生健康工作从以治病为中心转向以健康为中心，现就实施健康中国行动提出如下意见。
一、总体目标。${TARGETS}。
二、主要任务。实施健康知识普及、合理膳食、全民健身、控烟限酒等专项行动。
国务院
2019年6月24日
`,
  'hunan-health': `湖南省人民政府关于推进健康湖南行动的实施意见
湘政发〔2019〕21号
各市州、县市区人民政府，省政府各厅委、各直属机构：
为贯彻落实《国务院关于实施健康中国行动的意见》（国发〔2019〕13号），深入推进健康湖南行动，结合我省实际，提出如下实施意见。
一、工作目标。${TARGETS}，全省人均预期寿命稳步提升。
二、组织实施。省卫生健康委牵头建立推进机制，各市州制定实施方案。
湖南省人民政府
2019年12月20日
`,
  'changsha-health': `长沙市人民政府办公厅关于印发健康长沙行动实施方案的通知
各区县（市）人民政府，市直机关各单位：
为贯彻落实健康湖南行动部署，全面推进健康长沙行动，经市人民政府同意，现将方案印发给你们，请认真组织实施。
一、建立全市健康促进工作网络，每个街道建成一个健康主题公园。
二、加强社区卫生服务能力建设，完善家庭医生签约服务。
长沙市人民政府办公厅
2020年5月8日
`,
  'sichuan-health': `四川省人民政府關於推進健康四川行動的實施意見
各市（州）人民政府，省政府各部門：
為深入實施健康中國行動，推進健康四川行動，提出如下意見。
一、工作目標。${TARGETS_TRADITIONAL}。
二、保障措施。加強組織領導，強化督導考核。
四川省人民政府
2020年3月2日
`,
  'yunnan-seedlings': `云南省教育厅关于实施“青苗”计划的通知
各州、市教育体育局：
为加强乡村青年教师培养，省教育厅决定实施“青苗”计划，每年选派三百名青年教师到省级名校跟岗研修。
${FORMULAE}，扎实推进教师队伍建设。
云南省教育厅
2019年4月10日
`,
  'nanning-seedlings': `南宁市教育局2021年工作要点
一、学习借鉴外省经验，启动实施“青苗”计划，培养一批乡村青年骨干教师。
二、${FORMULAE}，推动全市教育事业高质量发展。
南宁市教育局
2021年2月26日
`,
  'guizhou-reading': `贵州省教育厅2022年工作要点
一、深入实施“书香校园”工程，建设一批阅读示范学校。
二、加强学校图书馆建设。
贵州省教育厅
2022年
`,
  // 春雨计划 starts in a city and spreads to a peer of its province, up to the province, then across to
  // another province's city: the steps that are not top-down.
  'nanjing-rain': `南京市教育局关于实施“春雨”计划的通知
各区教育局：
为帮扶薄弱学校，市教育局决定实施“春雨”计划，每年组织名师送教下乡。
南京市教育局
2020年3月1日
`,
  'suzhou-rain': `苏州市教育局2021年工作要点
一、推进“春雨”计划，组织名师结对帮扶。
苏州市教育局
2021年2月10日
`,
  'jiangsu-rain': `江苏省教育厅关于推广“春雨”计划经验的通知
各设区市教育局：
总结南京、苏州等地经验，在全省推广“春雨”计划。
江苏省教育厅
2021年12月15日
`,
  'hangzhou-rain': `杭州市教育局2022年工作要点
一、学习借鉴江苏经验，实施“春雨”计划。
杭州市教育局
2022年6月1日
`,
  'gansu-reading': `甘肃省教育厅2022年工作要点
一、推进“书香校园”工程，开展全民阅读进校园活动。
二、完善中小学图书配备标准。
甘肃省教育厅
2022年
`,
};

/** Writes the cascade into a fresh folder and returns its path. */
export function cascadeCorpus(): string {
  const dir = tmp('policy-kg-families-');
  for (const [name, text] of Object.entries(CASCADE)) writeFileSync(join(dir, `${name}.txt`), text);
  return dir;
}
