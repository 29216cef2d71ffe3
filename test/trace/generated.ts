// A generated corpus whose leader–follower structure is known: for each program the
// Ministry launches it in year Y, then 江苏 adopts it in Y+1, 浙江 in Y+2, 安徽 in Y+3
// (one work plan per place and year). One program 安徽 adopts before 浙江 (noise). The
// 平安中国建设 family is adopted under local names (平安江苏建设, …).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmp } from '../helpers.js';

const PROVINCES = [['江苏省', '江苏'], ['浙江省', '浙江'], ['安徽省', '安徽']] as const;

function plan(issuer: string, year: number, clause: string): string {
  return `${issuer}${year}年工作要点\n为推进教育高质量发展，结合实际，现提出如下工作要点。\n一、${clause}，完善工作机制，加强督促检查。\n二、做好年度各项工作。\n${issuer}\n${year}年3月1日\n`;
}

/** Writes the corpus into a fresh folder and returns its path. */
export function leaderFollowerCorpus(): string {
  const dir = tmp('policy-kg-cascade-');
  const write = (name: string, text: string) => writeFileSync(join(dir, `${name}.txt`), text);
  const brands = ['春晖', '启明', '青松', '远航'];
  brands.forEach((b, i) => {
    const y = 2015 + i;
    write(`${b}-0-central`, plan('教育部', y, `启动实施“${b}”计划`));
    PROVINCES.forEach(([p], k) => write(`${b}-${k + 1}-${p}`, plan(`${p}教育厅`, y + k + 1, `深入实施“${b}”计划`)));
  });
  // Local names of one national campaign.
  write('pingan-0-central', plan('教育部', 2019, '深入推进平安中国建设'));
  PROVINCES.forEach(([p, short], k) => write(`pingan-${k + 1}-${p}`, plan(`${p}教育厅`, 2020 + k, `深入推进平安${short}建设`)));
  // Noise: 安徽 before 浙江 once.
  write('noise-1', plan('安徽省教育厅', 2024, '实施“晨光”计划'));
  write('noise-2', plan('浙江省教育厅', 2025, '实施“晨光”计划'));
  return dir;
}
