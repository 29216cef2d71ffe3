// policy-kg export: GraphML read back by a real reader (Debian's python3-networkx, which
// .ci/run installs), CSV whose headers follow neo4j-admin database import's header format
// (`id:ID`, typed properties, `:LABEL`; `:START_ID,:END_ID,:TYPE`) read back by Python's csv
// module, and JSON Lines; each with every node and edge of the sample.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/graph/export.js';
import type { GraphStore } from '../../src/graph/store.js';
import { CORPUS, loadedStore, runCli, tmp } from '../helpers.js';

const python = (script: string, ...args: string[]) => spawnSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
const hasNetworkx = python('import networkx').status === 0;

describe('exporting the sample graph', () => {
  let store: GraphStore;
  let nodes: number;
  let edges: number;
  beforeAll(async () => {
    store = await loadedStore();
    const s = await store.stats();
    nodes = Object.values(s.labels).reduce((a, b) => a + b, 0);
    edges = Object.values(s.relations).reduce((a, b) => a + b, 0);
  }, 120_000);
  afterAll(async () => store?.close());

  it.skipIf(!hasNetworkx)('writes GraphML that NetworkX reads with every node, edge and its evidence', async () => {
    const dir = tmp('policy-kg-graphml-');
    const r = await exportGraph(store, 'graphml', dir);
    expect(r).toMatchObject({ nodes, edges });
    const read = python(`
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
e = next(d for _, _, d in g.edges(data=True) if d['type'] == 'IMPLEMENTS' and '攀登' in d.get('sentence', ''))
print(json.dumps({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), 'program': g.nodes['program:攀登计划'], 'edge': e}, ensure_ascii=False))`, r.files[0]);
    expect(read.status, read.stderr).toBe(0);
    const g = JSON.parse(read.stdout);
    expect({ nodes: g.nodes, edges: g.edges }).toEqual({ nodes, edges });
    expect(g.program).toMatchObject({ label: 'Program', name: '攀登计划', kind: '计划' });
    expect(g.edge.docId).toMatch(/^doc:/);
    expect(g.edge.sentStart).toBeGreaterThanOrEqual(0);
  });

  it('writes CSV in the layout neo4j-admin database import reads', async () => {
    const dir = tmp('policy-kg-csv-');
    await exportGraph(store, 'csv', dir);
    const files = readdirSync(dir).sort();
    expect(files).toContain('nodes_Program.csv');
    expect(files).toContain('relationships_IMPLEMENTS.csv');
    const column = /^[A-Za-z]+(:(long|double|boolean|string\[\]))?$/;
    let rows = { nodes: 0, edges: 0 };
    for (const f of files) {
      const read = python('import csv, json, sys; r = list(csv.reader(open(sys.argv[1], encoding="utf-8"))); print(json.dumps({"head": r[0], "rows": len(r) - 1, "widths": sorted(set(len(x) for x in r))}))', join(dir, f));
      expect(read.status, read.stderr).toBe(0);
      const { head, rows: n, widths } = JSON.parse(read.stdout) as { head: string[]; rows: number; widths: number[] };
      expect(widths).toEqual([head.length]); // every row as wide as its header
      if (f.startsWith('nodes_')) {
        expect(head[0]).toBe('id:ID');
        expect(head.at(-1)).toBe(':LABEL');
        for (const c of head.slice(1, -1)) expect(c).toMatch(column);
        rows.nodes += n;
      } else {
        expect(head.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
        for (const c of head.slice(3)) expect(c).toMatch(column);
        rows.edges += n;
      }
    }
    expect(rows).toEqual({ nodes, edges });
    expect(readFileSync(join(dir, 'nodes_Document.csv'), 'utf8').split('\n')[0]).toMatch(/,year:long,issuers:string\[\],/);
  });

  it('writes JSON Lines, and only the relationship types asked for', async () => {
    const dir = tmp('policy-kg-jsonl-');
    const r = await exportGraph(store, 'jsonl', dir, { types: ['IMPLEMENTS'] });
    const lines = readFileSync(r.files[0], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.kind === 'node')).toHaveLength(nodes);
    const e = lines.filter((l) => l.kind === 'edge');
    expect(e.length).toBe((await store.stats()).relations.IMPLEMENTS);
    expect(e.every((x) => x.type === 'IMPLEMENTS' && typeof x.props.sentence === 'string')).toBe(true);
  });
});

describe('exporting a part of the graph (policy-kg export --program / --place)', () => {
  const data = join(tmp('policy-kg-export-cli-'), 'graph');
  beforeAll(() => expect(runCli(['ingest', CORPUS, '--data', data]).status).toBe(0), 120_000);
  const exported = (...args: string[]) => {
    const out = tmp('policy-kg-export-part-');
    const r = runCli(['export', '--format', 'jsonl', '--out', out, '--data', data, ...args]);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(join(out, 'graph.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    return { nodes: lines.filter((l) => l.kind === 'node'), edges: lines.filter((l) => l.kind === 'edge') };
  };

  it('keeps a program, the documents that mention it and, at depth 1, what those documents say', () => {
    // 攀登计划 is named by the two Shanghai documents of the sample (the 2018 plan and its 2021 successor).
    const core = exported('--program', '攀登计划', '--depth', '0');
    expect(core.nodes.map((n) => n.id).filter((id) => id.startsWith('doc:'))).toHaveLength(2);
    expect(core.nodes.filter((n) => n.label === 'Document').every((n) => n.props.place === '上海市')).toBe(true);
    expect(core.nodes.filter((n) => n.label !== 'Document').map((n) => n.id)).toEqual(['program:攀登计划']);
    const ids = new Set(core.nodes.map((n) => n.id));
    expect(core.edges.every((e) => ids.has(e.from) && ids.has(e.to) && e.props.sentence.includes('攀登'))).toBe(true);

    const around = exported('--program', '攀登计划');
    expect(around.nodes.map((n) => n.id)).toContain('org:上海市:中共上海市教育卫生工作委员会');
    expect(around.edges.length).toBeGreaterThan(core.edges.length);
  });

  it('narrows a program to a place, and a place takes its short form', () => {
    const yunnan = exported('--program', '对标争先', '--place', '云南', '--depth', '0');
    expect(yunnan.nodes.filter((n) => n.label === 'Document').map((n) => n.props.place)).toEqual(['云南省']);
    const place = exported('--place', '云南', '--depth', '0');
    expect(place.nodes.every((n) => n.label === 'Document' && n.props.place === '云南省')).toBe(true);
    expect(runCli(['export', '--format', 'jsonl', '--out', tmp('x'), '--data', data, '--place', '北京']).stderr).toMatch(/no documents of 北京/);
  });
});
