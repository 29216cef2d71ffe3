// The texts of test/trace/instruments.test.ts, written for it (see there), as a corpus the
// test run ingests once (test/global-setup.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmp } from '../helpers.js';

const TEXTS: Record<string, string> = {
  // “启航”计划: the Ministry's opinion is cited with its 文号 (2019).
  zhejiang: '浙江省教育厅关于深入实施“启航”计划的通知\n各市、县（市、区）教育局：\n为贯彻落实《教育部关于实施“启航”计划的意见》（教师〔2019〕5号），深入实施“启航”计划，每年培训乡村青年教师一千人。\n浙江省教育厅\n2020年3月1日\n',
  jiangsu: '江苏省教育厅2021年工作要点\n一、继续实施“启航”计划，落实《教育部关于实施“启航”计划的意见》要求。\n二、贯彻《国务院办公厅关于加强乡村教师队伍建设的意见》（国办发〔2022〕3号），提升乡村教师待遇。\n',
  // “青蓝”计划: the opinion is cited without a 文号, first in a 2021 plan.
  fujian: '福建省教育厅2022年工作要点\n一、落实《教育部关于实施“青蓝”计划的意见》，推进“青蓝”计划。\n',
  jiangxi: '江西省教育厅2021年工作要点\n一、贯彻《教育部关于实施“青蓝”计划的意见》，实施“青蓝”计划。\n',
  // “远帆”计划: 宁波's notice has no date; 温州 cites it with its 文号 (2020).
  ningbo: '宁波市教育局关于实施“远帆”计划的通知\n各区（县、市）教育局：\n为培养青年骨干教师，市教育局决定实施“远帆”计划，每年遴选一百名青年教师跟岗研修。\n宁波市教育局\n',
  wenzhou: '温州市教育局2022年工作要点\n一、学习借鉴《宁波市教育局关于实施“远帆”计划的通知》（甬教〔2020〕8号），启动“远帆”计划。\n',
  hangzhou: '杭州市教育局2021年工作要点\n一、推进“远帆”计划，落实《宁波市教育局关于实施“远帆”计划的通知》。\n',
};

/** The texts in a new folder, one file each. */
export function instrumentsCorpus(): string {
  const dir = tmp('policy-kg-instruments-');
  for (const [name, text] of Object.entries(TEXTS)) writeFileSync(join(dir, `${name}.txt`), text);
  return dir;
}
