// The issuing body's own parts, named without it: the divisions a work plan makes responsible for an
// item ((责任科室：组干科、机关党委) in 芜湖市教育局's plan is 芜湖市教育局组干科 and its 机关党委) and
// the bureau's party committee (局党委 = 中共芜湖市教育局委员会).
import { loadLexicon } from '../lexicon/load.js';
import type { Mention } from './mention.js';
import { isWordBoundary } from './segmenter.js';

const lex = loadLexicon<{ divisions: { labels: string; heads: string } }>('organizations.json').divisions;
const RESPONSIBLE = new RegExp(`[（(](?:${lex.labels})[:：]([^（）()\\n]{2,60})[）)]`, 'g');
const DIVISION = new RegExp(`^(?=.{2,})[\\u4e00-\\u9fff]{0,8}(?:${lex.heads})$`);

/** Mentions of the parts of the issuing bureau (the first issuer named …局) in `text`; none without one. */
export function findDivisions(text: string, issuers: { name: string; scope?: string | null }[]): Mention[] {
  const issuer = issuers.find((i) => /局$/.test(i.name));
  if (!issuer) return [];
  const out: Mention[] = [];
  const mk = (name: string, form: string, start: number, rule: string): Mention => ({ label: 'Organization', name, form, start, end: start + form.length, rule, confidence: 0.7, scope: issuer.scope, fields: { level: null } });
  for (const m of text.matchAll(RESPONSIBLE)) {
    let at = m.index! + m[0].indexOf(m[1]);
    for (const item of m[1].split(/[、，,；;]/)) {
      const form = item.trim();
      if (DIVISION.test(form) && !form.startsWith(issuer.name)) out.push(mk(form === '局党委' ? `中共${issuer.name}委员会` : issuer.name + form, form, at + item.indexOf(form), 'org.division'));
      at += item.length + 1;
    }
  }
  for (const m of text.matchAll(/局党委/g)) {
    if (isWordBoundary(text, m.index!) && !out.some((o) => o.start === m.index)) out.push(mk(`中共${issuer.name}委员会`, m[0], m.index!, 'org.bureau-party-committee'));
  }
  return out;
}
