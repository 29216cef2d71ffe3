// Regulations: instruments cited by title in 《》. A book or reader in 《》 is
// kept apart as kind "publication" (the spec scores it separately).
import { loadLexicon } from '../lexicon/load.js';
import { bareName, type Mention } from './mention.js';

const types = loadLexicon<{ kinds: string[]; publication: string[] }>('doc-types.json');
const KIND = new RegExp(`(${types.kinds.join('|')})(（[^）]*）)?$`);
const PUBLICATION = new RegExp(`(${types.publication.join('|')})$`);

export function regulationKind(title: string): string | null {
  if (PUBLICATION.test(title)) return 'publication';
  return KIND.exec(title)?.[1] ?? null;
}

export function findRegulations(text: string): Mention[] {
  const out: Mention[] = [];
  // 《…》 may nest 〈〉 or <> inside; it never spans a line.
  for (const m of text.matchAll(/《([^《》\n]{2,80})》/g)) {
    const name = bareName(m[1]);
    const kind = regulationKind(name);
    out.push({
      label: 'Regulation', name, form: name, start: m.index!, end: m.index! + m[0].length,
      rule: 'regulation.book-title', confidence: kind ? 0.95 : 0.7, fields: { kind: kind ?? 'other' },
    });
  }
  return out;
}
