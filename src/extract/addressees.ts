// The addressees (主送机关) of a directive: the line that ends in a colon before its body,
// "各区县教育局，各直属学校(含民办)、高校附校，机关各科室：", read into items. Items are
// separated by ，；, and by 、 where the part before ends in an addressee's head
// (学校、厅机关各处室) — not inside a list of places that share one head
// (各省辖市、济源示范区、省直管县(市)教育局), nor inside parentheses.
import { gazetteer } from '../lexicon/gazetteer.js';
import { orgLex } from './organizations.js';

const HEAD = new RegExp(`${orgLex.addresseeHeads.replace(/\$$/, '')}(?:[（(][^）)]*[）)])?$`);
/** The addressee line: short of a sentence, ending in a colon; in text flattened from a PDF, the run before 现将/为/根据 … */
const LINE = /^[^。]{4,300}[：:]$/;
const RUN = /(?:通知|号)\s*([^。：:]{4,300}?)[：:]\s*(?=现将|为|根据|按照|经|《)/;
/** A list of places that the next item shares: 各省、自治区、直辖市党委教育工作部门、教育厅 → 各省、自治区、直辖市教育厅. */
const SHARED_PLACES = /^各(?:[^、]{1,5}、)+[^、]*?(?:直辖市|自治区|省|市|县|区)/;
const ZONE = new RegExp(`(?:${orgLex.zones})$`);
const ZONE_HEAD = new RegExp(`(?:${orgLex.zones})(管委会|管理委员会|党工委)$`);
const OWN_START = /^(各|有关|[省市区县部厅委局]|机关|直属|高校|中共|国家)/;

export interface Addressee { item: string; start: number }

/**
 * Named places sharing one head are that many bodies: 尖扎县、泽库县人民政府 → 尖扎县人民政府,
 * 泽库县人民政府 (unlike 各省、自治区、直辖市教育厅, a class of addressees written as one).
 */
function perPlace(a: Addressee): Addressee[] {
  const parts = a.item.split('、');
  const last = parts.at(-1)!;
  const zones = perZone(a, parts);
  if (zones) return zones;
  const place = gazetteer().leadingForm(last);
  if (parts.length < 2 || !place || !HEAD.test(last) || !parts.slice(0, -1).every((p) => gazetteer().forms.has(p))) return [a];
  const head = last.slice(place.length);
  let at = a.start;
  return parts.map((p, i) => { const item = i === parts.length - 1 ? last : `${p}${head}`; const start = at; at += p.length + 1; return { item, start }; });
}

/**
 * Zones sharing one administration's head: 扬中经开区、高新区管委会 → 扬中经开区管委会, 扬中高新区管委会
 * (the place in front of the first zone is every zone's).
 */
function perZone(a: Addressee, parts: string[]): Addressee[] | null {
  const last = parts.at(-1)!;
  const m = ZONE_HEAD.exec(last);
  if (parts.length < 2 || !m || !parts.slice(0, -1).every((p) => ZONE.test(p))) return null;
  const owner = parts[0].slice(0, ZONE.exec(parts[0])!.index);
  let at = a.start;
  return parts.map((p, i) => {
    const zone = i === parts.length - 1 ? last.slice(0, last.length - m[1].length) : p;
    const start = at;
    at += p.length + 1;
    return { item: `${zone.startsWith(owner) ? '' : owner}${zone}${m[1]}`, start };
  });
}

/** Split at top-level separators: 、 only after an addressee's head. */
function items(line: string, offset: number): Addressee[] {
  const out: Addressee[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= line.length; i++) {
    const c = line[i];
    if (c === '(' || c === '（') depth++;
    else if (c === ')' || c === '）') depth = Math.max(0, depth - 1);
    const end = i === line.length;
    const cut = end || (depth === 0 && (c === '，' || c === '；' || (c === '、' && HEAD.test(line.slice(from, i)))));
    if (!cut) continue;
    let item = line.slice(from, i).trim();
    const prev = out[out.length - 1];
    const shared = prev && line[from - 1] === '、' ? SHARED_PLACES.exec(prev.item)?.[0] : undefined;
    if (shared && !OWN_START.test(item)) item = `${shared}${item}`;
    if (item.length >= 2) out.push(...perPlace({ item, start: offset + from }));
    from = i + 1;
  }
  return out;
}

/** The addressees in the opening of `text`, with their offsets. */
export function findAddressees(text: string): Addressee[] {
  const opening = text.slice(0, 1500);
  let pos = 0;
  for (const line of opening.split('\n').slice(0, 20)) {
    const l = line.trim();
    const at = opening.indexOf(l, pos);
    pos += line.length + 1;
    if (LINE.test(l) && (/[，、]/.test(l) || /^(各|有关)/.test(l)) && !/[《》]/.test(l) && !/^[一二三四五六七八九十]+、/.test(l)) {
      const found = items(l.slice(0, -1), at);
      if (found.some((a) => HEAD.test(a.item))) return found;
    }
  }
  const run = RUN.exec(opening);
  if (!run) return [];
  // The run starts after the last 通知 or 号 before it (文号 and notice title glued together).
  const last = Math.max(run[1].lastIndexOf('通知'), run[1].lastIndexOf('号'));
  const list = last >= 0 ? run[1].slice(last + (run[1].startsWith('通知', last) ? 2 : 1)) : run[1];
  return items(list, run.index + run[0].indexOf(run[1]) + run[1].length - list.length);
}
