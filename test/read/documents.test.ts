import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPolicyFile } from '../../src/read/index.js';
import { CORPUS, GOLD } from '../helpers.js';

const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();

describe('reading the sample corpus', () => {
  it.each(files)('%s splits into the documents the gold annotates', async (f) => {
    const gold = JSON.parse(readFileSync(`${GOLD}${f.replace('.txt', '.json')}`, 'utf8'));
    const r = await readPolicyFile(`${CORPUS}${f}`);
    expect(r.documents.map((d) => d.meta.title)).toEqual(gold.documents.map((d: { title: string | null }) => d.title));
    expect(r.documents.map((d) => d.meta.year)).toEqual(gold.documents.map((d: { year: number | null }) => d.year));
  });

  it('drops chrome: the sermon, page header and tag cloud of 004 belong to no document', async () => {
    const r = await readPolicyFile(`${CORPUS}004_a8e79c8611a3ee23.txt`);
    for (const d of r.documents) {
      expect(d.text.text).not.toContain('党课讲稿');
      expect(d.text.text).not.toContain('推荐访问');
      expect(d.text.text).not.toContain('来源：网友投稿');
    }
  });

  it('infers masked cities from clues and says so', async () => {
    const r = await readPolicyFile(`${CORPUS}004_a8e79c8611a3ee23.txt`);
    expect(r.documents.map((d) => d.meta.place)).toEqual(['青岛市', '南宁市', '上海市']);
    expect(r.documents.every((d) => d.meta.placeInferred)).toBe(true);
    expect(r.documents[1].meta.placeEvidence).toContain('邕宁区');
  });

  it('reads place from a 文号 prefix', async () => {
    const r = await readPolicyFile(`${CORPUS}000_453e495865320bc6.txt`);
    expect(r.documents[0].meta).toMatchObject({ docNumber: '沪教卫党〔2023〕1号', place: '上海市', level: 'municipal', placeInferred: false });
  });

  it('maps a document span back to the original file', async () => {
    const r = await readPolicyFile(`${CORPUS}002_00d98f4437100b45.txt`);
    const d = r.documents[0];
    const i = d.text.text.indexOf('大学习领航计划');
    const [s, e] = d.text.toSource(i, i + 7);
    expect(r.source.slice(s, e)).toBe('大學習領航計劃');
  });
});
