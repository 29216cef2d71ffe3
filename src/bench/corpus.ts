// A reproducible benchmark corpus: policy documents recombined from the
// sample's paragraphs, for other places and years, with programs renamed and
// the sample's own kinds of damage (Traditional script with pinyin debris, PDF
// spacing, site chrome, masked names). Seeded: the same --docs and --seed give
// the same files. Nothing is downloaded.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { gazetteer } from '../lexicon/gazetteer.js';
import { listInputs } from '../pipeline.js';
import { readPolicyFile } from '../read/index.js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** mulberry32: a small seeded PRNG, enough for sampling. */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BRANDS = ['启航', '领雁', '春晖', '铸魂', '育苗', '红烛', '筑梦', '扬帆', '登峰', '强基', '润心', '星火', '固本', '聚力', '匠心', '远航'];
const HEADS = ['计划', '工程', '行动', '项目'];
const CHROME_TOP = ['首页 > 通知公告', '发布时间：{y}-03-15 来源：市教育局 浏览次数：1024'];
const CHROME_BOTTOM = ['上一篇：关于做好寒假安全工作的通知', '下一篇：{y}年工作要点解读', '推荐访问：工作要点 教育工委 党建工作'];

export interface CorpusOptions { docs: number; out: string; seed?: number; sample?: string }

export async function generateCorpus({ docs, out, seed = 20261121, sample = new URL('../../corpus/', import.meta.url).pathname }: CorpusOptions): Promise<{ files: number; bytes: number }> {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const paragraphs: string[] = [];
  for (const f of await listInputs([sample])) {
    for (const d of (await readPolicyFile(f)).documents) {
      for (const p of d.text.text.split('\n')) if (p.length >= 30 && /。/.test(p)) paragraphs.push(p);
    }
  }
  const g = gazetteer();
  const cities = [...g.byName.values()].filter((p) => p.level === 'municipal' && !p.name.endsWith('州'));
  const samplePlaces = /上海市|上海|云南省|云南|南宁市|南宁|青岛市|青岛|沪|滇/g;
  await mkdir(out, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < docs; i++) {
    const city = pick(cities);
    const year = 2015 + Math.floor(random() * 10);
    const abbr = city.short.slice(0, 1);
    const brand = `${pick(BRANDS)}${pick(BRANDS)}`.slice(0, 2 + Math.floor(random() * 3));
    const head = pick(HEADS);
    const body: string[] = [];
    const n = 8 + Math.floor(random() * 22);
    for (let k = 0; k < n; k++) {
      let p = pick(paragraphs).replace(samplePlaces, city.short).replace(/20\d\d年/g, `${year}年`);
      // Programs are renamed, so a program spreads to some places and not others.
      if (random() < 0.3) p = p.replace(/“[^“”]{2,6}”(计划|工程|行动)/, `“${brand}”${head}`);
      body.push(`${k + 1}. ${p}`);
    }
    if (random() < 0.5) body.splice(1, 0, `${Math.ceil(n / 3)}. 深入实施“${brand}”${head}，到${year + 2}年培育${10 + Math.floor(random() * 40)}个示范项目。`);
    const masked = random() < 0.1;
    const place = masked ? 'xx市' : city.name;
    let text = [
      `中共${place}委教育工作委员会${year}年工作要点`,
      `${abbr}教委〔${year}〕${1 + Math.floor(random() * 30)}号`,
      ...body,
      `中共${place}委教育工作委员会`,
      `${year}年${1 + Math.floor(random() * 12)}月${1 + Math.floor(random() * 28)}日`,
    ].join('\n\n');
    const noise = random();
    if (noise < 0.1) text = toTraditional(text).replace(/續/g, '續(xù)');
    else if (noise < 0.2) text = text.replace(/([\u4e00-\u9fff]{6,12})(?=[\u4e00-\u9fff])/g, (m) => (random() < 0.15 ? `${m} ` : m));
    else if (noise < 0.3) text = [...CHROME_TOP.map((c) => c.replace('{y}', String(year))), text, ...CHROME_BOTTOM.map((c) => c.replace('{y}', String(year)))].join('\n');
    const file = join(out, `bench_${String(i).padStart(6, '0')}.txt`);
    await writeFile(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: docs, bytes };
}
