// Who leads and who follows, across every program in the graph: for each
// ordered pair of places, how often one adopted a program before the other
// within a window. In the spirit of network inference over adoption cascades
// (Gomez-Rodriguez et al.'s NetInf; Desmarais, Harden and Boehmke for the
// American states), simplified to credit assignment: each place's first
// adoption of a program is credited to the places that plausibly led it (those
// the dates put before it, within the window, and a containing jurisdiction the
// dates do not put after it), one share each; a peer that a
// shared parent also led (the centre, or a jurisdiction containing both, adopted
// before both) gets half a share, the parent the rest. Summed over programs,
// the shares weigh the edges; the programs behind each edge are kept.
import type { Level } from '../graph/model.js';
import { allNodes, paged, type GraphStore } from '../graph/store.js';
import { gazetteer } from '../lexicon/gazetteer.js';
import { contains, decidedBefore, levelOf, tracePrograms, type Adoption } from './adoption.js';

export interface NetworkPlace { name: string; level: Level | null; programs: number }
export interface NetworkEdge {
  from: string;
  to: string;
  /** Sum over programs of the share of `to`'s adoption credited to `from`. */
  weight: number;
  /** The programs (families, by their root's name) in which `from` adopted before `to`. */
  programs: string[];
  direction: 'top-down' | 'horizontal' | 'bottom-up';
}
export interface DiffusionNetwork { programs: number; places: NetworkPlace[]; edges: NetworkEdge[] }
export interface NetworkOptions { level?: Level | null; minPrograms?: number; windowYears?: number }

type First = Pick<Adoption, 'place' | 'earliest' | 'latest'>;
/** Each program family (by its root's name) adopted in two places or more: the first adoption per place. */
export type Cascades = Map<string, First[]>;

/** The jurisdictions containing a place: its city, its province, the centre. */
function containersOf(place: string): string[] {
  if (place === '全国') return [];
  const p = gazetteer().get(place);
  return [p?.city, p?.province, '全国'].filter((c): c is string => !!c && c !== place);
}

/**
 * Each program family's first adoption per place, as its trace finds them (dates from
 * citations, places inferred, variants included): every family root traced, reads shared.
 */
export async function programCascades(store: GraphStore): Promise<Cascades> {
  const programs = await allNodes(store, 'Program');
  const variants = new Set((await paged(programs.map((p) => p.id), (page) => store.edges(page, 'OUT', ['VARIANT_OF']))).map((e) => e.from));
  const families: Cascades = new Map();
  for (const d of await tracePrograms(store, programs.filter((p) => !variants.has(p.id)))) if (d.first.length >= 2) families.set(d.program.name, d.first);
  return families;
}

export async function diffusionNetwork(store: GraphStore, o: NetworkOptions = {}): Promise<DiffusionNetwork> {
  return networkOf(await programCascades(store), o);
}

/** The network of cascades already read (reading them is the costly part; this takes milliseconds). */
export function networkOf(families: Cascades, o: NetworkOptions = {}): DiffusionNetwork {
  const minPrograms = o.minPrograms ?? 2;
  const window = (o.windowYears ?? 3) * 366 * 86_400_000;
  const edges = new Map<string, NetworkEdge>();
  const adopted = new Map<string, Set<string>>();
  for (const [program, firsts] of families) {
    for (const f of firsts) adopted.set(f.place, (adopted.get(f.place) ?? new Set()).add(program));
    // By the last day each date allows: the places before a date and within the window are a slice.
    const dated = firsts.filter((f) => f.latest !== null).sort((a, b) => a.latest! - b.latest!);
    const firstAtOrAfter = (t: number) => { let lo = 0; let hi = dated.length; while (lo < hi) { const m = (lo + hi) >> 1; if (dated[m].latest! < t) lo = m + 1; else hi = m; } return lo; };
    const at = new Map(firsts.map((f) => [f.place, f]));
    for (const to of firsts) {
      // Places the dates put before `to` within the window, and (as the trace does) a
      // containing jurisdiction the dates do not put after it.
      const before = to.earliest === null ? [] : dated.slice(firstAtOrAfter(to.earliest - window), firstAtOrAfter(to.earliest));
      const undecided = containersOf(to.place).map((p) => at.get(p)).filter((a): a is First => !!a && !decidedBefore(a, to) && !decidedBefore(to, a));
      const leaders = [...before, ...undecided];
      if (!leaders.length) continue;
      const parents = new Set(leaders.filter((a) => contains(a.place, to.place)));
      // A peer both of whose adoptions a common parent preceded shares its credit with that parent.
      const explained = (a: First) => [...parents].some((p) => contains(p.place, a.place) && decidedBefore(p, a));
      const raw = leaders.map((a) => (parents.has(a) || !explained(a) ? 1 : 0.5));
      const total = raw.reduce((x, y) => x + y, 0);
      leaders.forEach((a, i) => {
        const k = `${a.place}→${to.place}`;
        const edge = edges.get(k) ?? {
          from: a.place, to: to.place, weight: 0, programs: [],
          direction: contains(a.place, to.place) ? 'top-down' : contains(to.place, a.place) ? 'bottom-up' : 'horizontal',
        } satisfies NetworkEdge;
        edge.weight += raw[i] / total;
        edge.programs.push(program);
        edges.set(k, edge);
      });
    }
  }
  const kept = [...edges.values()]
    .filter((e) => e.programs.length >= minPrograms && (!o.level || (levelOf(e.from) === o.level && levelOf(e.to) === o.level)))
    .map((e) => ({ ...e, weight: Math.round(e.weight * 1000) / 1000, programs: e.programs.sort() }))
    .sort((a, b) => b.weight - a.weight || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const names = [...new Set(kept.flatMap((e) => [e.from, e.to]))].sort();
  return { programs: families.size, places: names.map((n) => ({ name: n, level: levelOf(n), programs: adopted.get(n)?.size ?? 0 })), edges: kept };
}
