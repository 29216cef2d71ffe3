// Bad input never stops a batch or loses data; a killed load is finished by the next; a store
// that cannot be reached is one clear line.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../src/graph/embedded-store.js';
import { ingest } from '../../src/pipeline.js';
import { CORPUS, runCli, tmp } from '../helpers.js';

const run = runCli;

describe('a batch with bad files', () => {
  it('loads the good files, reports each bad one, and says so in the exit code', () => {
    const dir = tmp('policy-kg-bad-');
    copyFileSync(join(CORPUS, '001_6dbe7884512159fa.txt'), join(dir, 'good.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 0, 0, 0, 7]));
    writeFileSync(join(dir, 'truncated.docx'), Buffer.from('PK\u0003\u0004\u0014\u0000 broken zip'));
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> trailer');
    writeFileSync(join(dir, 'shift-jis.txt'), Buffer.from([0x82, 0xa0, 0x82, 0xa2, 0x82, 0xa4, 0x83, 0x41, 0x83, 0x43, 0xff, 0xfe, 0x81]));
    writeFileSync(join(dir, 'huge.txt'), '实施“攀登”计划。'.repeat(100_000)); // 2.6 MB, over the 1 MB limit below
    writeFileSync(join(dir, 'notes.csv'), 'a,b\n1,2\n');
    const report = join(dir, 'report.json');
    const r = run(['ingest', dir, '--data', join(tmp('policy-kg-bad-store-'), 'g'), '--report', report, '--max-file-size', '1', '--workers', '0']);
    expect(r.status).toBe(2);
    const files = JSON.parse(readFileSync(report, 'utf8')).files as { file: string; documents: number; error?: string }[];
    const byName = Object.fromEntries(files.map((f) => [f.file.split('/').pop(), f]));
    expect(byName['good.txt']).toMatchObject({ documents: 1 });
    expect(byName['good.txt'].error).toBeUndefined();
    expect(byName['empty.txt'].error).toMatch(/empty file/);
    expect(byName['binary.txt'].error).toMatch(/binary file/);
    expect(byName['truncated.docx'].error).toMatch(/not a readable \.docx/);
    expect(byName['broken.pdf'].error).toMatch(/PDF/);
    expect(byName['shift-jis.txt'].error).toBeDefined();
    expect(byName['huge.txt'].error).toMatch(/over the 1048576-byte limit/);
    expect(r.stdout).toMatch(/documents 1 added, 0 updated,/);
    expect(r.stdout).toMatch(/skipped 1 file of no supported format: .*notes\.csv/);
    expect(JSON.parse(readFileSync(report, 'utf8')).skipped).toEqual([join(dir, 'notes.csv')]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack traces
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/); // no raw bytes
  }, 90_000);
});

describe('an edited file ingested again', () => {
  it('is reported as one document updated, not one added and one replaced', () => {
    const dir = tmp('policy-kg-edited-');
    const data = join(tmp('policy-kg-edited-store-'), 'g');
    const file = join(dir, 'plan.txt');
    copyFileSync(join(CORPUS, '001_6dbe7884512159fa.txt'), file);
    expect(run(['ingest', dir, '--data', data, '--workers', '0']).stdout).toMatch(/documents 1 added, 0 updated, 0 unchanged;/);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n附：联系人 张三\n`);
    const again = run(['ingest', dir, '--data', data, '--workers', '0']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/documents 0 added, 1 updated, 0 unchanged;/);
  }, 90_000);
});

describe('a load killed halfway', () => {
  it('is finished by the next ingest, with nothing twice', async () => {
    const dir = tmp('policy-kg-crash-');
    for (const f of ['001_6dbe7884512159fa.txt', '000_453e495865320bc6.txt']) copyFileSync(join(CORPUS, f), join(dir, f));
    const crashed = new EmbeddedStore(join(tmp('policy-kg-crash-store-'), 'g'));
    await crashed.init();
    // The process dies while relationships are being written: documents and entities are in, edges partly.
    await expect(ingest(crashed, [dir], { onLoad: (_d, _t, what) => { if (what === 'MENTIONS') throw new Error('killed'); } })).rejects.toThrow('killed');
    const r = await ingest(crashed, [dir]);
    expect(r.load.documentsAdded).toBe(2);
    const clean = new EmbeddedStore(join(tmp('policy-kg-clean-store-'), 'g'));
    await clean.init();
    await ingest(clean, [dir]);
    expect(await crashed.stats()).toEqual(await clean.stats());
    await crashed.close();
    await clean.close();
  }, 90_000);
});

describe('Neo4j that cannot be reached', () => {
  it('is one line naming the URI and the cause, exit code 1, no stack trace', () => {
    const r = run(['ingest', CORPUS], { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^policy-kg: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1: /);
  }, 60_000);
});
