// Names as an analyst writes them, matched against the names the graph keeps: a place
// written in front of a body's short name (上海市教委: 上海市's 市教委), and near misses
// (one wrong character: 攀豋计划, 对标争鲜) when nothing matches as written.
import { distance } from 'fastest-levenshtein';
import type { NodeLabel } from '../graph/model.js';
import type { GraphNode, GraphStore } from '../graph/store.js';
import { gazetteer } from '../lexicon/gazetteer.js';
import { normaliseName } from '../read/normalise.js';

/**
 * The places a name's leading place form may denote, and what follows it, both ways a body's
 * short name may be read after it: 上海市教委 is 上海市 + 市教委 (the 市 shared) or + 教委. Null when
 * no place leads, or nothing of two characters follows it.
 */
export function placeInFront(q: string): { places: Set<string>; rests: string[] } | null {
  const g = gazetteer();
  const form = g.leadingForm(q);
  if (!form) return null;
  const n = form.length;
  // What follows names a body only with two characters or more (a place alone, 上海市, names none:
  // read as 上海 + 市 it made every search for a place scan every organisation).
  const rests = (/[省市区县州]$/.test(form) ? [q.slice(n - 1), q.slice(n)] : [q.slice(n)]).filter((r) => r.length >= 2);
  return rests.length ? { places: new Set(g.forms.get(form)!.map((p) => p.name)), rests } : null;
}

/** Organisations of the place written in front whose name or alias is (or, with `partial`, contains) what follows. */
export async function placeScopedOrganizations(store: GraphStore, q: string, partial: boolean): Promise<GraphNode[]> {
  const scoped = placeInFront(q);
  if (!scoped) return [];
  const found = new Map<string, GraphNode>();
  for (const rest of scoped.rests) {
    const nodes = partial ? await store.searchCandidates(rest, ['Organization'], 500) : await store.findByName('Organization', rest);
    // The rest alone (市教委) may name bodies of many places: only those of the place written count.
    for (const n of nodes) if (scoped.places.has(String(n.props.place ?? '')) && !found.has(n.id)) found.set(n.id, n);
  }
  return [...found.values()];
}

/**
 * Edits that make `q` appear in `name` (substitutions, insertions, deletions), roughly: the
 * edit distance less the characters the longer name has beyond the query.
 */
const editsWithin = (q: string, name: string) => distance(q, name) - Math.max(0, name.length - q.length);

/** How many wrong characters a query of this length may have: one per four, at least one. */
const allowedEdits = (q: string) => Math.max(1, Math.floor(q.length / 4));

/**
 * Near misses of a query of three characters or more: candidates sharing one of its character
 * pairs, kept when their name or an alias is within `allowedEdits`; the closest first.
 */
export async function nearMisses(store: GraphStore, q: string, labels: readonly NodeLabel[], limit = 50): Promise<{ node: GraphNode; edits: number }[]> {
  if (q.length < 3) return [];
  const pairs = [...new Set([...q].slice(1).map((c, i) => q[i] + c))];
  const seen = new Map<string, GraphNode>();
  for (const p of pairs) for (const n of await store.searchCandidates(p, labels, 200)) seen.set(n.id, n);
  const max = allowedEdits(q);
  return [...seen.values()]
    .map((node) => ({ node, edits: Math.min(...[node.name, ...((node.props.aliases as string[] | null) ?? [])].map((s) => editsWithin(q, s))) }))
    .filter((m) => m.edits <= max)
    .sort((a, b) => a.edits - b.edits || a.node.name.length - b.node.name.length)
    .slice(0, limit);
}

/**
 * The jurisdictions a place filter means: the place however it is written (上海, 广西壮族自治区,
 * 广西) and every place within it (a province's cities and districts, a city's districts).
 * 全国 and names the gazetteer does not know stand for themselves.
 */
export function placesWithin(written: string): string[] {
  const g = gazetteer();
  const named = new Set((g.forms.get(written) ?? []).map((p) => p.name));
  if (!named.size) return [written];
  const out = new Set(named);
  for (const p of g.byName.values()) if (named.has(p.province) || (p.city && named.has(p.city))) out.add(p.name);
  return [...out];
}

/** An issuer filter's name as documents keep it: the canonical name of the body an alias names. */
export async function issuerName(store: GraphStore, written: string): Promise<string> {
  const q = normaliseName(written);
  const org = (await store.findByName('Organization', q))[0] ?? (await placeScopedOrganizations(store, q, false))[0];
  return org?.name ?? q;
}
