// Places: administrative divisions named in the text (gazetteer) and named
// regions (place-clues.json). Canonical names carry their level suffix.
import { gazetteer } from '../lexicon/gazetteer.js';
import { namedPlaces } from '../read/metadata.js';
import type { Mention } from './mention.js';

/** `place`: the document's jurisdiction, whose own districts win over a same-named place elsewhere (朝阳 in Beijing). */
export function findPlaces(text: string, place: string | null = null): Mention[] {
  const g = gazetteer();
  const out: Mention[] = namedPlaces(text, place).map((p) => ({
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
