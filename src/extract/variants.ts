// Program families: a place's own version of a program is named by the program's
// name with the place written in (湖北省新时代基础教育强师计划, xx区…), the country's
// name replaced by its own (健康中国行动 → 健康湖南行动, 平安中国建设 → 平安江苏建设),
// or a plan period in front (“十四五”学前教育发展提升行动计划). The variant stays its
// own program (it has its own targets); it is linked to the program it adapts.
import { gazetteer } from '../lexicon/gazetteer.js';
import { loadLexicon } from '../lexicon/load.js';
import { headOf } from './programs.js';

const lex = loadLexicon<{ placeCampaigns: string[]; periods: string[] }>('programs.json');
const MASKED_PLACE = /^(?:xx|XX|××|__|＿＿|某)[省市区县州]/;
const PERIOD = new RegExp(`^(?:${lex.periods.join('|')})`);
const CAMPAIGN = new RegExp(`^(${lex.placeCampaigns.join('|')})`);

export interface Parent { name: string; /** The place form the variant's name writes (湖北省, 湖南, xx区). */ place: string; rule: 'variant.place-prefix' | 'variant.place-for-country' | 'variant.period' }

/**
 * The longest place form a name starts with (full or short name, or a masked xx市). With
 * `bareCounties`, a county or county-level city without its 县/市 counts too (健康瓦房店行动):
 * only where a campaign word stands in front, as 中国 would.
 */
function leadingPlace(name: string, bareCounties = false): string | null {
  const masked = MASKED_PLACE.exec(name);
  if (masked) return masked[0];
  const g = gazetteer();
  // 中国 is the country the central program names, not a place's version of it.
  return g.leadingForm(name, (f) => f !== '中国' && (g.forms.has(f) || (bareCounties && ['县', '市', '区'].some((x) => g.forms.has(f + x)))));
}

/** The places a form written in a program's name may denote (瓦房店 → 瓦房店市). */
export function placesNamed(form: string): string[] {
  const g = gazetteer();
  return [...new Set(['', '县', '市', '区'].flatMap((x) => g.forms.get(form + x) ?? []).map((p) => p.name))];
}

const isProgramName = (s: string) => s.length >= 4 && headOf(s) !== null;

/** The program a name adapts, and how the name shows it; null for a program of its own. */
export function parentProgram(name: string): Parent | null {
  const place = leadingPlace(name);
  if (place) {
    const rest = name.slice(place.length);
    if (isProgramName(rest) && !/^(级|内|外|属|直)/.test(rest)) return { name: rest, place, rule: 'variant.place-prefix' };
  }
  const c = CAMPAIGN.exec(name);
  if (c) {
    const inner = leadingPlace(name.slice(c[0].length), true);
    if (inner) {
      const rest = name.slice(c[0].length + inner.length);
      if (rest.length >= 2) return { name: `${c[0]}中国${rest}`, place: inner, rule: 'variant.place-for-country' };
    }
  }
  const p = PERIOD.exec(name);
  if (p && isProgramName(name.slice(p[0].length))) return { name: name.slice(p[0].length), place: '', rule: 'variant.period' };
  return null;
}

/** The chain of programs a name adapts, nearest first (广东省十四五X → 十四五X → X). */
export function parentChain(name: string): (Parent & { child: string })[] {
  const out: (Parent & { child: string })[] = [];
  for (let child = name, p = parentProgram(child); p && out.length < 4; child = p.name, p = parentProgram(child)) out.push({ ...p, child });
  return out;
}
