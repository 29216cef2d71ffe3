// Organisations: known forms from the lexicon (abbreviations expanded with the
// document's place), and names ending in an organisational head noun (党委,
// 委员会, 教育厅, …) whose left edge is found with nodejieba's tags.
import { gazetteer } from '../lexicon/gazetteer.js';
import { loadLexicon } from '../lexicon/load.js';
import { MASK, namedPlaces } from '../read/metadata.js';
import type { Level } from '../graph/model.js';
import type { Mention } from './mention.js';
import { tag } from './segmenter.js';

interface OrgLexicon {
  central: string[];
  abbreviations: { form: string; name: string }[];
  suffixes: string[];
  generic: string[];
  stopBefore: string;
  genericPrefix: string;
}
export const orgLex = loadLexicon<OrgLexicon>('organizations.json');
// 党组 must not be the start of 党组织 (a party organisation is not a party group).
const SUFFIX = new RegExp(`(${[...orgLex.suffixes].sort((a, b) => b.length - a.length).join('|')})(?!织)`, 'g');
const STOP = new RegExp(`^(${orgLex.stopBefore})$`);
const GENERIC_PREFIX = new RegExp(orgLex.genericPrefix);
const GENERIC = new Set(orgLex.generic);
const CENTRAL = new Set(orgLex.central);
const NAME_TAGS = /^(n|nt|ns|nz|nr|j|vn|an|l|eng|x|m)$/;
/** Forms the lexicon knows, longest first so that 教育部党组 wins over 教育部. */
const KNOWN = [...orgLex.central, ...orgLex.abbreviations.map((a) => a.form)].sort((a, b) => b.length - a.length);

export interface OrgContext { place: string | null }

export interface CanonicalOrg { name: string; scope: string | null; level: Level | null }

/** The canonical name of an organisation written as `form` in a document of `place`. */
export function canonicalOrg(form: string, place: string | null): CanonicalOrg {
  const g = gazetteer();
  const central = CENTRAL.has(form) || CENTRAL.has(form.replace(/^中共/, ''));
  const abbr = orgLex.abbreviations.find((a) => a.form === form);
  if (abbr) {
    const needsPlace = abbr.name.includes('{place}');
    if (!needsPlace) return { name: abbr.name, scope: null, level: 'central' };
    if (place && place !== '全国') return { name: abbr.name.replace('{place}', place), scope: place, level: g.get(place)?.level ?? null };
    return { name: form, scope: place, level: null };
  }
  if (central) return { name: form, scope: null, level: 'central' };
  let name = form;
  if (place && place !== '全国' && MASK.test(name)) name = name.replace(MASK, g.get(place)?.short ?? place);
  // A relative name (市卫生计生委党委) belongs to the document's place.
  if (place && place !== '全国' && /^[市省区县]/.test(name) && !namedPlaces(name).some((p) => p.index === 0)) {
    const level = name[0] === '省' ? 'provincial' : name[0] === '市' ? 'municipal' : 'district';
    const pl = g.get(place);
    if (pl && (pl.level === level || (level === 'municipal' && pl.level === 'municipal'))) name = place + name.slice(1);
  }
  const named = namedPlaces(name).find((p) => p.index === 0 || (name.startsWith('中共') && p.index === 2));
  const scope = named ? named.jurisdiction : place && place !== '全国' ? place : null;
  const level = named ? named.level : scope ? (g.get(scope)?.level ?? null) : null;
  return { name, scope, level };
}

export function isGenericOrg(form: string): boolean {
  return GENERIC.has(form) || GENERIC_PREFIX.test(form);
}

/** Every organisation named in `text`; generic collectives are returned with rule org.generic. */
export function findOrganizations(text: string, ctx: OrgContext): Mention[] {
  const found: Mention[] = [];
  const mk = (form: string, start: number, rule: string, confidence: number): Mention => {
    const c = canonicalOrg(form, ctx.place);
    return { label: 'Organization', name: c.name, form, start, end: start + form.length, rule, confidence, scope: c.scope, fields: { level: c.level } };
  };
  // 1. Forms the lexicon knows, longest first.
  for (const form of KNOWN) {
    for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + form.length)) found.push(mk(form, i, 'org.lexicon', 0.9));
  }
  // 2. Names ending in a head noun; the left edge is where the tokens stop being nominal.
  for (const m of text.matchAll(SUFFIX)) {
    const end = m.index! + m[0].length;
    const windowStart = Math.max(0, m.index! - 24);
    const left = text.slice(windowStart, m.index!);
    const cut = Math.max(left.lastIndexOf('，'), left.lastIndexOf('、'), left.lastIndexOf('。'), left.lastIndexOf('\n'),
      left.lastIndexOf('；'), left.lastIndexOf('：'), left.lastIndexOf('“'), left.lastIndexOf('”'), left.lastIndexOf('《'), left.lastIndexOf('》'));
    const from = windowStart + cut + 1;
    const toks = tag(text.slice(from, m.index!));
    let k = toks.length;
    while (k > 0 && NAME_TAGS.test(toks[k - 1].tag) && !STOP.test(toks[k - 1].word)) k--;
    // A name never starts with a verb or adverb (充分发挥…, 积极争取…): skip past them.
    while (k < toks.length && /^(v|d|ad|vd|p|c|u)/.test(toks[k].tag) && !/^(vn|an)$/.test(toks[k].tag)) k++;
    const start = from + (k < toks.length ? toks[k].start : m.index! - from);
    const form = text.slice(start, end);
    // A bare head noun (委员会, 领导小组) names nothing.
    if (form.length < 3 || form.length > 30 || form.length <= m[0].length + 1) continue;
    if (/[（(][^）)]*$|^[^（(]*[）)]/.test(form) || /^[\d.、]/.test(form)) continue;
    found.push(mk(form, start, isGenericOrg(form) ? 'org.generic' : 'org.suffix', 0.7));
  }
  return dropOverlaps(found);
}

/** Keep the longest mention at each place; lexicon hits win ties. */
function dropOverlaps(ms: Mention[]): Mention[] {
  ms.sort((a, b) => b.end - b.start - (a.end - a.start) || (a.rule === 'org.lexicon' ? -1 : 1));
  const kept: Mention[] = [];
  for (const m of ms) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}
