// Rules found on documents outside the sample, each on text written for it.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { toGoldFile } from '../../src/extract/format.js';
import type { GraphBatch } from '../../src/graph/model.js';
import { readText } from '../../src/read/index.js';

const extract = (text: string): GraphBatch => extractDocument(readText('t.txt', text).documents[0]);
const names = (b: GraphBatch, label: string) => b.entities.filter((e) => e.label === label).map((e) => e.name);
const setsTarget = (b: GraphBatch) => b.relations.filter((r) => r.type === 'SETS_TARGET').map((r) => [r.from.startsWith('doc:') ? 'DOC' : r.from, r.to.replace(/^target:[^:]*:/, '')]);

describe('programs a plan names without a quoted brand and head', () => {
  it('reads place campaigns, quoted tasks, named system reforms and numbered bundles', () => {
    const b = extract('青禾省2025年卫生健康工作要点\n以卫生健康现代化建设九大行动为主线，深入推进健康青禾建设和平安中国建设，推动第二轮校长职级制改革，发挥党组织在“双高”建设中的作用，深化教育管理体制改革。');
    const p = names(b, 'Program');
    expect(p).toEqual(expect.arrayContaining(['卫生健康现代化建设九大行动', '平安中国建设', '校长职级制改革', '双高建设']));
    expect(p).not.toContain('教育管理体制改革'); // a reform of institutions in general is no named program
    expect(p.some((x) => x.startsWith('健康青禾'))).toBe(false); // 青禾 is no place of the gazetteer
  });
});

describe('a quote described by the head after 的', () => {
  it('names no program; a brand next to its head does', () => {
    const b = extract('青禾市教育局2025年工作要点\n紧紧围绕“大开放、大融合”的两大战略行动，实施“启明”行动计划。');
    expect(names(b, 'Program')).toEqual(['启明行动计划']);
  });
});

describe('named classes and lectures', () => {
  it('are programs with a quoted brand, never without one', () => {
    const b = extract('海陵区教育局2025年工作安排\n谋划首批教育“领英人才”骨干研修班方案；指导社区制定“帮陵学”社区周末课堂实施方案；组织教师参加暑期培训班。');
    const p = names(b, 'Program');
    expect(p).toEqual(expect.arrayContaining(['领英人才骨干研修班', '帮陵学社区周末课堂']));
    expect(p.filter((x) => /培训班$/.test(x))).toEqual([]);
  });
});

describe('programs a text enrols in or holds an edition of', () => {
  it('reads 列入X计划 and 举办第N届X活动 (the edition is no part of the name)', () => {
    const b = extract('教育部关于对口支援高校工作的通知\n决定增加部分高校对口支援西部高校，列入教育部对口支援西部地区高等学校计划。\n举办第17届高校思想政治理论课教学观摩活动。');
    const p = names(b, 'Program');
    expect(p).toEqual(expect.arrayContaining(['教育部对口支援西部地区高等学校计划', '高校思想政治理论课教学观摩活动']));
    expect(p.filter((x) => x.includes('届'))).toEqual([]);
  });
});

describe('a county\'s own text', () => {
  it('is placed in the county its short form names, within the province its clues point to', () => {
    const b = extract('2025年全县卫生健康工作要点\n奋力打造共同富裕德清样板，严格落实入境来浙人员健康管理。');
    expect(b.documents[0]).toMatchObject({ place: '德清县', placeInferred: true });
  });
});

describe('a program named inside a target', () => {
  it('qualifies what is counted (培育健康江苏行动省级样板30个): the plan does not carry it out by that', () => {
    const implemented = (text: string) => { const b = extract(text); return b.relations.filter((r) => r.type === 'IMPLEMENTS').map((r) => b.entities.find((e) => e.id === r.to)?.name); };
    const head = ['2024年全省卫生健康工作要点', '一、主要目标', '2024年，培育健康江苏行动省级样板30个，居民健康素养水平达35%以上。'];
    expect(implemented(head.join('\n'))).toEqual([]);
    expect(implemented([...head, '二、重点任务', '深入实施健康江苏行动，推进健康城市建设。'].join('\n'))).toEqual(['健康江苏行动']);
  });
});

describe('names that are only kinds of program', () => {
  it('a dated plan is one year\'s instrument; a program a review of the last plan period mentions is not carried out', () => {
    const b = extract('东川市医疗保障事业发展“十四五”规划（2021年印发）\n“十三五”期间，全市医疗保障系统为健康东川建设提供了重要支撑。\n制定并落实局党委理论学习中心组2024年度学习计划。');
    expect(names(b, 'Program').filter((p) => /学习计划/.test(p))).toEqual([]);
    expect(b.relations.filter((r) => r.type === 'IMPLEMENTS' && r.to.includes('健康东川'))).toEqual([]);
  });

  it('are a count of a kind or generic words before a head', () => {
    const b = extract('云南省教育厅2025年工作要点\n推进爱国卫生新“7个专项行动”，抓好国家试点项目建设。');
    expect(names(b, 'Program').filter((p) => /专项行动|试点项目/.test(p))).toEqual([]);
  });
});

describe('places the text acts on', () => {
  it('are not the recipients of a leader\'s letter, nor are the bodies there', () => {
    const b = extract('东湖省教育厅2025年工作要点\n深入贯彻习近平总书记给宿迁市实验小学少先队员、武汉大学青年教师重要回信精神，支持宿迁市建设职业教育园区。');
    const places = toGoldFile('t.txt', [b]).documents[0].entities.filter((e) => e.type === 'Place').map((e) => e.name);
    expect(places).toEqual(['宿迁市']); // the place the plan acts on later in the sentence
    expect(b.relations.filter((r) => r.type === 'MENTIONS' && /武汉大学|实验小学/.test(r.to))).toEqual([]);
  });

  it('are not the place a unit of its own opens its name with (新疆 of 新疆生产建设兵团), nor is that unit\'s body in it', () => {
    const b = extract('教育部关于做好2026年教师培训工作的通知\n各省、自治区、直辖市教育厅（教委），新疆生产建设兵团教育局：\n请认真做好教师培训工作。\n教育部\n2026年3月1日');
    const doc = toGoldFile('t.txt', [b]).documents[0];
    expect(doc.entities.filter((e) => e.type === 'Place').map((e) => e.name)).not.toContain('新疆维吾尔自治区');
    expect(doc.relations.filter((r) => r.type === 'LOCATED_IN' && r.from.includes('兵团'))).toEqual([]);
  });

  it('include the zone a province lists beside its cities', () => {
    const b = extract('河南省教育厅关于做好2026年春季学期开学工作的通知\n各省辖市、济源示范区、省直管县(市)教育局：\n请认真做好开学工作。\n河南省教育厅\n2026年2月1日');
    expect(toGoldFile('t.txt', [b]).documents[0].entities.filter((e) => e.type === 'Place').map((e) => e.name)).toContain('济源示范区');
  });

  it('are not those inside another body\'s name or on chrome lines, and 全国 is no entity of the output', () => {
    const text = '教育部关于对口支援西部高校工作的通知\n有关高等学校：\n决定由北京理工大学对口支援延安大学，加快中西部教育发展，支持甘肃省高校建设。\n通信地址：雅安市雨城区正和路1号';
    const b = extract(text);
    const places = toGoldFile('t.txt', [b]).documents[0].entities.filter((e) => e.type === 'Place').map((e) => e.name);
    expect(places).toContain('甘肃省');
    expect(places).not.toEqual(expect.arrayContaining(['北京市']));
    expect(places).not.toContain('延安市');
    expect(places).not.toContain('雨城区');
    expect(places).not.toContain('全国');
    expect(b.relations).toContainEqual(expect.objectContaining({ type: 'GOVERNS', to: 'place:全国' })); // the graph keeps it
  });
});

describe('a university named in a cited title or before 工作', () => {
  it('is a body, and the city in its name is no place the text acts on', () => {
    const b = extract('教育部高等教育司2025年工作要点\n落实《教育部关于对口支援兰州城市学院等高校工作的通知》，加强对口支援延安大学工作。');
    expect(names(b, 'Organization')).toContain('延安大学');
    const places = toGoldFile('t.txt', [b]).documents[0].entities.filter((e) => e.type === 'Place').map((e) => e.name);
    expect(places.filter((p) => p === '兰州市' || p === '延安市')).toEqual([]);
  });
});

describe('programs that are parts of another', () => {
  const partOf = (b: GraphBatch) => b.relations.filter((r) => r.type === 'PART_OF').map((r) => [r.from.replace(/^program:/, ''), r.to.replace(/^program:/, '')]);

  it('are the sections of the numbered bundle a plan names; a task heading, a place\'s campaign and a target own or are none', () => {
    const b = extract([
      '青禾省2025年卫生健康工作要点',
      '以卫生健康现代化建设九大行动为主线，推进各项工作。',
      '（一）实施全民健康促进行动。',
      '推进健康浙江建设，培育健康浙江行动省级样板50个。',
      '（二）推进“双一流”建设',
      '实施高峰高原学科建设计划。',
    ].join('\n'));
    expect(partOf(b)).toEqual([['全民健康促进行动', '卫生健康现代化建设九大行动']]);
  });
});

describe('targets', () => {
  it('reads rates without a verb, quantities continuing a target, a deadline\'s clause and indicators reached (达, 降至, 岁)', () => {
    const b = extract('东川市教育局2025年工作要点\n新建中小学幼儿园9所，新增班级138个，学位4950个。公办园率45%；普惠率86%。到2025年，现代化学校治理体系初步建立。力争在2026年底前，基本实现家校共育指导全覆盖。健康东川发展指数达86，人均预期寿命达82.4岁，重大慢病过早死亡率降至9.3%。巩固卫生城市创建成果，年内完成国家卫生城市复审。');
    expect(names(b, 'Target')).toEqual(expect.arrayContaining(['学位4950个', '普惠率86%', '现代化学校治理体系初步建立', '基本实现家校共育指导全覆盖', '健康东川发展指数达86', '年内完成国家卫生城市复审', '人均预期寿命达82.4岁', '重大慢病过早死亡率降至9.3%']));
  });

  it('are not results a plan reports (a background section, a sentence opening with a past year) and end at ASCII commas; a ratio is a quantity', () => {
    const b = extract('东川市“十四五”卫生健康发展规划（2023年印发）\n一、发展背景\n“十三五”时期成效显著。农村卫生户厕普及率达99.9%。\n2020年末,全市居民人均预期寿命提高到82.25岁。\n二、主要目标\n到2025年,每千人床位数达到6.8张,公立医院床人比不低于1:1.6,医护比不低于1:1.2,50%以上县级综合医院达到推荐标准。');
    const t = names(b, 'Target');
    expect(t).toEqual(expect.arrayContaining(['每千人床位数达到6.8张', '公立医院床人比不低于1:1.6', '医护比不低于1:1.2', '50%以上县级综合医院达到推荐标准']));
    expect(t.filter((x) => /99\.9|82\.25/.test(x))).toEqual([]);
  });

  it('a number inside a quoted program name sets nothing; a quoted indicator does', () => {
    const b = extract('东川市教育局2025年工作要点\n统筹推进近视防控、爱国卫生新“7个专项行动”等专项工作提质增效，确保安全防范建设“4个100%”动态达标。州市和县级人民政府履行教育职责。');
    const t = names(b, 'Target');
    expect(t.filter((x) => x.includes('7个'))).toEqual([]);
    expect(t.some((x) => x.includes('4个100%'))).toBe(true);
    const places = toGoldFile('t.txt', [b]).documents[0].entities.filter((e) => e.type === 'Place').map((e) => e.name);
    expect(places).not.toContain('和县');
  });

  it('are set by the program the section heading carries out, not by one named inside the target or after it', () => {
    const b = extract('东川市卫生健康工作要点\n（一）实施全民健康促进行动。\n1.主要目标指标。\n培育健康东川行动样板50个，居民健康素养水平达39%以上。\n（二）深化改革。\n到2025年，建成标杆院系3个，以党建引领推动“双高”建设走在前列。');
    const st = setsTarget(b);
    expect(st).toContainEqual(['program:全民健康促进行动', '培育健康东川行动样板50个']);
    expect(st).toContainEqual(['program:全民健康促进行动', '居民健康素养水平达39%以上']);
    expect(st).toContainEqual(['DOC', '建成标杆院系3个']);
  });
});

describe('issuers a cited title names', () => {
  it('are organisations issuing that title, central ones by their names, local ones split as a signature is', () => {
    const b = extract('西河省2025年学前教育行动计划\n全面落实《中共中央国务院关于学前教育深化改革规范发展的若干意见》和《西河省人民政府办公厅关于印发西河省托育服务方案的通知》，落实《关于加强学校体育工作的意见》。');
    const issued = b.relations.filter((r) => r.type === 'ISSUES' && r.to.startsWith('reg:')).map((r) => [r.from, r.to]);
    expect(issued).toEqual(expect.arrayContaining([
      ['org:全国:中共中央', 'reg:中共中央国务院关于学前教育深化改革规范发展的若干意见'],
      ['org:全国:国务院', 'reg:中共中央国务院关于学前教育深化改革规范发展的若干意见'],
    ]));
    expect(issued.some(([, to]) => to === 'reg:关于加强学校体育工作的意见')).toBe(false);
  });
});

describe('a file\'s extraction', () => {
  it('does not depend on what was extracted before it: alone, after another, in another order', async () => {
    const { readPolicyFile } = await import('../../src/read/index.js');
    const { CORPUS } = await import('../helpers.js');
    const { readdirSync } = await import('node:fs');
    const own = (t: string) => JSON.stringify(toGoldFile('t.txt', readText('t.txt', t).documents.map(extractDocument)));
    const { tag } = await import('../../src/extract/segmenter.js');
    const later = '关于支持高地大学科建设的通知\n支持高地大学、江南大学开展学科建设，实施高峰学科计划。';
    const [alone, cut] = [own(later), JSON.stringify(tag(later))];
    // A document that defines “高地大”: inside it the short name is one word, after it nowhere.
    const definer = '江南省教育厅2025年工作要点\n实施高水平地方大学建设计划（以下简称“高地大”），支持高地大建设一流学科。';
    expect(extractDocument(readText('d.txt', definer).documents[0]).entities.find((e) => e.aliases.includes('高地大'))?.name).toBe('高水平地方大学建设计划');
    expect(JSON.stringify(tag(later))).toBe(cut);
    expect(own(later)).toBe(alone);
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
    const run = async (order: string[]) => Object.fromEntries(await Promise.all(order.map(async (f) => [f, JSON.stringify((await readPolicyFile(CORPUS + f)).documents.map(extractDocument))])));
    expect(await run([...files].reverse())).toEqual(await run(files));
  }, 60_000);
});

describe('bodies and where they are', () => {
  it('a body named for a program the text carries out, by a linking word, is one body (健康江苏行动 + 推进 + 委员会办公室)', () => {
    const b = extract(['健康江苏行动2023年工作要点', '一、健全工作机制', '（一）召开健康江苏行动推进委员会办公室会议，深入推进健康江苏行动。', '健康江苏行动推进委员会办公室', '2023年3月1日'].join('\n'));
    const orgs = names(b, 'Organization');
    expect(orgs).toContain('健康江苏行动推进委员会办公室');
    expect(orgs.filter((o) => o.startsWith('委员会') || o.startsWith('推进'))).toEqual([]);
  });

  const located = (b: GraphBatch) => b.relations.filter((r) => r.type === 'LOCATED_IN').map((r) => [b.entities.find((e) => e.id === r.from)?.name, r.to.replace(/^place:/, '')]);

  it('a district\'s or county\'s body is located in it, not in its city', () => {
    const b = extract('蜀山区教育体育局2025年工作计划\n蜀山区教育体育局会同泰州市海陵区教育局开展交流，扬中市人民政府办公室参加。');
    expect(located(b)).toEqual(expect.arrayContaining([['蜀山区教育体育局', '蜀山区'], ['泰州市海陵区教育局', '海陵区'], ['扬中市人民政府办公室', '扬中市']]));
    expect(located(b).map(([, p]) => p)).not.toContain('合肥市');
  });

  it('a body whose name states no place is placed nowhere; one the text names with its place is', () => {
    const b = extract('上海市教育委员会2025年工作要点\n依托干部培训学院和党建服务中心开展培训，市教委会同上海市卫生健康委员会推进工作。按照教育部“对标争先”建设计划的部署要求推进。');
    expect(located(b)).toEqual(expect.arrayContaining([['上海市教育委员会', '上海市'], ['上海市卫生健康委员会', '上海市']]));
    expect(located(b).filter(([o]) => /学院|中心/.test(o ?? ''))).toEqual([]);
    // 按照X的部署要求 carries X out.
    expect(b.relations).toContainEqual(expect.objectContaining({ type: 'IMPLEMENTS', to: 'program:对标争先建设计划' }));
  });

  it('a bureau\'s divisions and party committee, named without it, are its own', () => {
    const b = extract('芜湖市教育局2025年工作要点\n1.修订局党委理论学习中心组学习制度。（责任科室：组干科、机关党委）\n芜湖市教育局\n2025年2月1日');
    expect(names(b, 'Organization')).toEqual(expect.arrayContaining(['中共芜湖市教育局委员会', '芜湖市教育局组干科', '芜湖市教育局机关党委']));
    expect(located(b)).toContainEqual(['芜湖市教育局组干科', '芜湖市']);
  });

  it('a place\'s body written without the place is a class of bodies where the text has a place of its own; a party branch is one body', () => {
    const central = extract('教育部关于对口支援工作的通知\n有关省、自治区教育厅要加强统筹。');
    expect(names(central, 'Organization')).not.toContain('自治区教育厅');
    const city = extract('西安市教育局2025年工作要点\n各区县、开发区教育局要抓好落实。会同市考核办制定出台深化基础教育综合改革目标责任考核办法。推荐中共雅安市人民医院神内血液联合支部委员会参评。');
    expect(names(city, 'Organization')).not.toContain('开发区教育局');
    expect(names(city, 'Organization')).toContain('中共雅安市人民医院神内血液联合支部委员会');
    expect(names(city, 'Regulation')).toContain('深化基础教育综合改革目标责任考核办法');
  });

  it('a centre named for a person\'s thought keeps the name in front', () => {
    const b = extract('宁波市教育局2025年工作要点\n筹建习近平新时代中国特色社会主义思想研究中心、红色文化研究中心。');
    expect(names(b, 'Organization')).toContain('习近平新时代中国特色社会主义思想研究中心');
  });

  it('plenary sessions, clause words and grades of hospitals are no bodies', () => {
    const b = extract('苏州市教育局2025年工作要点\n深入学习党的二十届二中、三中全会精神。经市人民政府同意，建立健全党委统一领导的工作格局，推动三级医院和县级综合医院帮扶。落实2025年部党组理论学习安排。');
    const orgs = names(b, 'Organization');
    expect(orgs.filter((o) => /中学|^经|建立健全|级|^年/.test(o))).toEqual([]);
    expect(orgs).toEqual(expect.arrayContaining(['苏州市人民政府', '中共教育部党组']));
  });

  it('a ministry\'s list of universities places none of them; a local text places its own', () => {
    const central = extract('教育部关于对口支援西部高校工作的通知\n决定由厦门大学对口支援兰州城市学院。');
    expect(names(central, 'Organization')).toEqual(expect.arrayContaining(['厦门大学', '兰州城市学院']));
    expect(located(central)).toEqual([]);
    const local = extract('兰州市教育局2025年工作要点\n支持兰州城市学院建设。');
    expect(located(local)).toContainEqual(['兰州城市学院', '兰州市']);
  });
});

describe('instruments cited by title', () => {
  it('keep the period their title states; a masked one is the page\'s damage and is left out', () => {
    const b = extract('南京市卫生健康委2025年工作要点\n落实《健康江苏行动(2020—2030年)》和《xx市托育服务三年行动方案(xx-2025年)》。');
    expect(names(b, 'Regulation')).toEqual(expect.arrayContaining(['健康江苏行动(2020—2030年)', '南京市托育服务三年行动方案']));
  });

  it('a citation of the document\'s own title is no reference to another instrument', () => {
    const b = extract('江苏省疾病预防控制行动方案(2025—2026年)\n现将《江苏省疾病预防控制行动方案(2025—2026年)》印发给你们，请认真贯彻执行。');
    expect(b.relations.filter((r) => r.type === 'REFERENCES')).toEqual([]);
  });

  it('a short name an instrument is given in 《》 (以下简称《行动方案》) is that instrument, not another', () => {
    const b = extract('江苏省卫生健康委2025年工作要点\n我们编制了《江苏省托育服务行动方案(2025—2026年)》(以下简称《行动方案》)。各地要按照《行动方案》要求抓好落实。');
    const r = names(b, 'Regulation');
    expect(r).toContain('江苏省托育服务行动方案(2025—2026年)');
    expect(r).not.toContain('行动方案');
  });
});

describe('who issued what', () => {
  const issued = (b: GraphBatch) => b.relations.filter((r) => r.type === 'ISSUES').map((r) => [r.from.replace(/^org:[^:]*:/, ''), r.to.replace(/^(reg|doc):/, '')]);

  it('every body of a list before a cited title, and one written 等九部门印发的', () => {
    const b = extract('苏州市教育局2025年工作要点\n贯彻落实中宣部、中组部《关于加强理论学习的意见》和教育部等九部门印发的《学前教育提升行动计划》。');
    expect(issued(b)).toEqual(expect.arrayContaining([
      ['中共中央宣传部', '关于加强理论学习的意见'], ['中共中央组织部', '关于加强理论学习的意见'], ['教育部', '学前教育提升行动计划'],
    ]));
  });

  it('the instrument a cited notice issues in 〈〉 is cited too, and issued by the notice\'s bodies', () => {
    const b = extract('包头市进一步完善医疗卫生服务体系实施方案\n为深入贯彻《中共中央办公厅国务院办公厅印发〈关于进一步完善医疗卫生服务体系的意见〉的通知》精神，制定本方案。');
    const inner = '关于进一步完善医疗卫生服务体系的意见';
    expect(issued(b)).toEqual(expect.arrayContaining([['中共中央办公厅', inner], ['国务院办公厅', inner]]));
    const to = (type: string) => b.relations.filter((r) => r.type === type).map((r) => r.to);
    expect(to('REFERENCES')).toContain(`reg:${inner}`);
    expect(to('IMPLEMENTS')).not.toContain(`reg:${inner}`);
  });

  it('every instrument a notice hands down, by the notice\'s issuers', () => {
    const b = extract('浙江省教育厅 浙江省财政厅关于印发两个行动计划的通知\n各市教育局：\n现将《浙江省托育服务行动计划》和《浙江省县域高中提升行动计划》印发给你们，请认真贯彻执行。\n浙江省教育厅 浙江省财政厅\n2025年3月1日');
    for (const issuer of ['浙江省教育厅', '浙江省财政厅']) {
      expect(issued(b)).toEqual(expect.arrayContaining([[issuer, '浙江省托育服务行动计划'], [issuer, '浙江省县域高中提升行动计划']]));
    }
  });

  it('a party group named by its province in a city\'s text, next to a body written with an ASCII comma', () => {
    const b = extract('关于拟推荐对象的公示\n根据省委组织部、省卫生健康委党组《关于开展评选推荐工作的通知》精神,市委组织部拟推荐。\n中共雅安市委组织部\n2025年12月10日');
    expect(names(b, 'Organization')).toEqual(expect.arrayContaining(['中共四川省委组织部', '中共四川省卫生健康委员会党组', '中共雅安市委组织部']));
    expect(names(b, 'Organization').filter((o) => /[,，]/.test(o))).toEqual([]);
  });
});

describe('the addressees and the page around a notice', () => {
  it('a notice of many departments: the lead supervises its own counterparts and the rest of the list; no co-issuer its counterpart', () => {
    const b = extract([
      '浙江省教育厅 浙江省发展和改革委员会 浙江省财政厅 浙江省人力资源和社会保障厅关于印发《浙江省学前教育提升行动计划》的通知',
      '各市教育局、发展改革委、财政局、人力资源社会保障局，各高等学校：',
      '现将《浙江省学前教育提升行动计划》印发给你们，请认真贯彻落实。',
      '浙江省教育厅 浙江省发展和改革委员会 浙江省财政厅 浙江省人力资源和社会保障厅',
      '2023年5月6日',
      '浙江省学前教育提升行动计划',
      '一、总体要求',
    ].join('\n'));
    expect(b.documents[0].issuers).toHaveLength(4);
    const name = (id: string) => b.entities.find((e) => e.id === id)?.name;
    expect(b.relations.filter((r) => r.type === 'SUPERVISES').map((r) => `${name(r.from)} → ${name(r.to)}`).sort()).toEqual(['浙江省教育厅 → 各市教育局', '浙江省教育厅 → 各高等学校']);
  });

  it('the issuer\'s own divisions and a city\'s commissions are supervised; a province\'s 市教育局 is no one body; a 文号, a date or a site\'s exit notice is no part of a body', () => {
    // The opening of a notice flattened out of a PDF onto one line, as such pages are.
    const b = extract([
      '您访问的链接即将离开“云浮市教育局”网站是否继续？',
      '中共河南省委高校工委 河 南 省 教 育 厅 教办〔2025〕5 号 中共河南省委高校工委 河南省教育厅 关于印发《中共河南省委高校工委 河南省教育厅 2025 年工作要点》的通知 各市卫生计生委,各地级以上市教育局,厅机关各处室: 现将《中共河南省委高校工委 河南省教育厅 2025 年工作要点》 印发给你们,请认真贯彻落实。 中共河南省委高校工委 河 南 省 教 育 厅 2025 年 3 月 10 日 — 1 — 中共河南省委高校工委 河南省教育厅 2025 年工作要点 一、总体要求 全面加强党的建设。',
    ].join('\n'));
    const supervised = b.relations.filter((r) => r.type === 'SUPERVISES').map((r) => b.entities.find((e) => e.id === r.to)?.name);
    expect(supervised).toEqual(expect.arrayContaining(['各市卫生计生委', '厅机关各处室']));
    const orgs = names(b, 'Organization');
    expect(orgs.filter((o) => /〔|日|—|云浮/.test(o) || o === '市教育局')).toEqual([]);
  });
});
