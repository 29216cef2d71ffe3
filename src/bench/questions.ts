// Questions as analysts ask them, all different: drawn from the graph with a seeded PRNG, so
// that a run is repeatable and no answer can come from a cache of an earlier one.
import { allNodes, type GraphStore } from '../graph/store.js';
import { rng } from './corpus.js';

const gql = JSON.stringify;

export async function distinctQuestions(store: GraphStore, n = 2000, seed = 20261202): Promise<Record<string, string[]>> {
  const random = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const programs = await allNodes(store, 'Program');
  const entities = [...programs, ...await allNodes(store, 'Organization')];
  const names = entities.map((e) => e.name).filter((s) => s.length >= 2);
  const twoChars = () => { const s = pick(names); const i = Math.floor(random() * (s.length - 1)); return s.slice(i, i + 2); };
  const many = (f: () => string) => Array.from({ length: n }, f);
  return {
    search: many(() => `{ search(query: ${gql(twoChars())}, first: 10) { totalCount edges { score node { id name } } } }`),
    'neighbors (2 hops)': many(() => `{ neighbors(id: ${gql(pick(entities).id)}, depth: 2) { nodes { id name } edges { type from to } } }`),
    'program adoptions': many(() => `{ program(name: ${gql(pick(programs).name)}) { adoptions { place date how document { id title } } } }`),
    'path (≤ 4 hops)': many(() => `{ path(from: ${gql(pick(entities).id)}, to: ${gql(pick(entities).id)}) { length } }`),
  };
}
