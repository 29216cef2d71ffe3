// Places: administrative divisions named in the text (gazetteer) and named
// regions (place-clues.json). Canonical names carry their level suffix.
import { gazetteer } from '../lexicon/gazetteer.js';
import { namedPlaces } from '../read/metadata.js';
import type { Mention } from './mention.js';
import { tag } from './segmenter.js';

/** A short form inside an idiom is no place: 长治 of 长治久安 (jieba tags idioms i and set phrases l). */
function insideIdiom(text: string, at: number, length: number): boolean {
  const from = Math.max(0, at - 3);
  const token = tag(text.slice(from, at + length + 3)).find((t) => t.start + from <= at && t.end + from > at);
  return !!token && /^(i|l)$/.test(token.tag) && token.word.length > length;
}

/** `place`: the document's jurisdiction, whose own districts win over a same-named place elsewhere (朝阳 in Beijing). */
export function findPlaces(text: string, place: string | null = null): Mention[] {
  const g = gazetteer();
  const out: Mention[] = namedPlaces(text, place).filter((p) => p.form === p.name || !insideIdiom(text, p.index, p.form.length)).map((p) => ({
    label: 'Place' as const, name: p.name, form: p.form, start: p.index, end: p.index + p.form.length,
    rule: 'place.gazetteer', confidence: p.form === p.name ? 0.95 : 0.85, fields: { level: p.level },
  }));
  for (const r of g.clues.regions) {
    if (!r.name) continue;
    for (const m of text.matchAll(new RegExp(r.pattern, 'g'))) {
      out.push({ label: 'Place', name: r.name, form: m[0], start: m.index!, end: m.index! + m[0].length, rule: 'place.region', confidence: 0.8 });
    }
  }
  return out;
}
