// Masked place names (xx市, xx大学): the text hides its own place, which the
// reader inferred. A mask is filled with the name at the level its suffix asks
// for: the province before 省/自治区 and in a university's name, else the
// document's own place.
import { gazetteer } from '../lexicon/gazetteer.js';
import { MASK } from '../read/metadata.js';

const MASKS = new RegExp(MASK.source, 'g');

export function fillMask(name: string, place: string | null): string {
  if (!place || place === '全国' || !MASK.test(name)) return name;
  const g = gazetteer();
  const own = g.get(place);
  const province = own ? (g.get(own.province) ?? own) : undefined;
  const university = /(大学|学院)$/.test(name);
  return name.replace(MASKS, (_m, offset: number) => {
    const after = name.slice(offset + 2);
    const provincial = university || /^(省|自治区|壮族自治区|回族自治区|维吾尔自治区)/.test(after);
    return (provincial ? province : own)?.short ?? place;
  });
}
