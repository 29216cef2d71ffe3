// Regulations: instruments cited by title in 《》, or unquoted as the object of
// a drafting or carrying-out verb (研究制定xx高校分类评价办法), or by a short
// name the lexicon knows (中央八项规定). A book or reader in 《》 is kept apart
// as kind "publication" (the spec scores it separately).
import { loadLexicon } from '../lexicon/load.js';
import { MASK } from '../read/metadata.js';
import { fillMask } from './masked.js';
import { bareName, type Mention } from './mention.js';

const types = loadLexicon<{ kinds: string[]; publication: string[] }>('doc-types.json');
const lex = loadLexicon<{ draftVerbs: string; applyVerbs: string; heads: string[]; draftHeads: string[]; known: { pattern: string; name: string }[] }>('regulations.json');
const MASKED_PERIOD = new RegExp(`[（(][^（）()]*${MASK.source}[^（）()]*年?[）)]$`);
const KIND = new RegExp(`(${types.kinds.join('|')})(（[^）]*）)?$`);
const PUBLICATION = new RegExp(`(${types.publication.join('|')})$`);
const alternation = (words: string[]) => `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`;
const HEAD = alternation(lex.heads);
const DRAFT_HEAD = alternation([...lex.heads, ...lex.draftHeads]);
// An unquoted title: no clause punctuation or quotes, 4–40 characters, ending in a head noun;
// a list of them (A清单、B清单和C清单) splits only after a head noun.
const unquoted = (verbs: string, head: string) => {
  const name = `[^，。；：、“”《》\\n]{4,40}?${head}`;
  return new RegExp(`(?:${verbs})((?:${name})(?:(?:、|和|及)(?:${name}))*)(?=[，。；、和及\\n]|$)`, 'g');
};
const UNQUOTED = [{ re: unquoted(lex.draftVerbs, DRAFT_HEAD), head: DRAFT_HEAD }, { re: unquoted(lex.applyVerbs, HEAD), head: HEAD }];
const KNOWN = lex.known.map((k) => ({ re: new RegExp(k.pattern, 'g'), name: k.name }));

export function regulationKind(title: string): string | null {
  if (PUBLICATION.test(title)) return 'publication';
  return KIND.exec(title)?.[1] ?? null;
}

/** `place`: the document's jurisdiction, which fills a masked name (xx市…办法 in a Nanning text). */
export function findRegulations(text: string, place: string | null = null): Mention[] {
  const out: Mention[] = [];
  const add = (form: string, start: number, end: number, rule: string, confidence: number) => {
    if (out.some((o) => start < o.end && o.start < end)) return;
    // A period in brackets ((2019-2030年)) is part of the title, as the instrument writes it; a masked
    // one ((xx-2025年)) is the page's damage, not a period: it is left out.
    const name = fillMask(form.replace(MASKED_PERIOD, ''), place);
    const kind = regulationKind(name);
    out.push({ label: 'Regulation', name, form, start, end, rule, confidence: kind ? confidence : confidence - 0.25, fields: { kind: kind ?? 'other' } });
  };
  // 《…》 may nest 〈〉 or <> inside; it never spans a line.
  for (const m of text.matchAll(/《([^《》\n]{2,80})》/g)) {
    add(bareName(m[1]), m.index!, m.index! + m[0].length, 'regulation.book-title', 0.95);
    // A notice's title cites the instrument it issues in 〈〉: 《…办公厅印发〈关于…的意见〉的通知》 cites that opinion too.
    for (const inner of m[1].matchAll(/[〈<]([^〈〉<>]{4,60})[〉>]/g)) {
      const start = m.index! + 1 + inner.index!;
      const name = bareName(inner[1]);
      out.push({ label: 'Regulation', name, form: name, start, end: start + inner[0].length, rule: 'regulation.nested-title', confidence: 0.9, fields: { kind: regulationKind(name) ?? 'other' } });
    }
  }
  for (const k of KNOWN) for (const m of text.matchAll(k.re)) add(k.name, m.index!, m.index! + m[0].length, 'regulation.known', 0.9);
  for (const { re, head } of UNQUOTED) {
    for (const m of text.matchAll(re)) {
      let pos = m.index! + m[0].length - m[1].length;
      for (const part of m[1].split(new RegExp(`(?<=${head})(?:、|和|及)`))) {
        const start = pos;
        pos += part.length + 1;
        // Verbs chained in front (制定出台…, 出台落实…, 落实好…) and "this city" are not part of the title.
        const name = part.replace(new RegExp(`^(?:${lex.applyVerbs}|${lex.draftVerbs}|好)+`), '').replace(/^(?:本市|本省|新一轮|第[一二三四五六七八九十]+轮)/, '');
        // A head noun alone or behind one word (工作方案, 实施意见) names nothing.
        if (name.length - (new RegExp(`${head}$`).exec(name)?.[0].length ?? 0) < 3) continue;
        add(name, start + part.length - name.length, start + part.length, 'regulation.unquoted', 0.6);
      }
    }
  }
  return out;
}
