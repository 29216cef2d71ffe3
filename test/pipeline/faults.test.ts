// Ingest loses nothing: files of one name in two folders, files that are not files, a process
// killed at any point, a full disk. Each re-run ends with the graph a clean run makes.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/bench/corpus.js';
import { extractFile } from '../../src/pipeline.js';
import { mergeBatches } from '../../src/extract/index.js';
import { EmbeddedStore } from '../../src/graph/embedded-store.js';
import { ingest } from '../../src/pipeline.js';
import { CLI, CORPUS, runCli, tmp } from '../helpers.js';

const open = async (dir = tmp('policy-kg-faults-')) => { const s = new EmbeddedStore(join(dir, 'g')); await s.init(); return s; };

describe('sources are paths', () => {
  it('a file of the same name in another folder is another source: both documents stay', async () => {
    const [a, b] = [tmp('policy-kg-a-'), tmp('policy-kg-b-')];
    copyFileSync(join(CORPUS, '001_6dbe7884512159fa.txt'), join(a, '工作要点.txt'));
    copyFileSync(join(CORPUS, '000_453e495865320bc6.txt'), join(b, '工作要点.txt'));
    const store = await open();
    await ingest(store, [join(a, '工作要点.txt')], { workers: 0 });
    const second = await ingest(store, [join(b, '工作要点.txt')], { workers: 0 });
    expect(second.load).toMatchObject({ documentsAdded: 1, documentsReplaced: 0 });
    expect((await store.stats()).labels.Document).toBe(2);
    // Editing one of them replaces only it.
    writeFileSync(join(a, '工作要点.txt'), `${readFileSync(join(a, '工作要点.txt'), 'utf8')}\n附：新增一段。`);
    const edited = await ingest(store, [join(a, '工作要点.txt')], { workers: 0 });
    expect(edited.load).toMatchObject({ documentsAdded: 1, documentsReplaced: 1 });
    expect((await store.stats()).labels.Document).toBe(2);
    await store.close();
  }, 60_000);
});

describe('things in a folder that are not files', () => {
  it('a FIFO, a symlink loop and a dangling link each get an error; the rest loads', async () => {
    const dir = tmp('policy-kg-special-');
    copyFileSync(join(CORPUS, '001_6dbe7884512159fa.txt'), join(dir, 'good.txt'));
    expect(spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status).toBe(0);
    symlinkSync(join(dir, 'loop-b.txt'), join(dir, 'loop-a.txt'));
    symlinkSync(join(dir, 'loop-a.txt'), join(dir, 'loop-b.txt'));
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
    const store = await open();
    const r = await ingest(store, [dir], { workers: 0 });
    const byName = Object.fromEntries(r.files.map((f) => [f.file.split('/').pop(), f]));
    expect(byName['good.txt']).toEqual({ file: join(dir, 'good.txt'), documents: 1 });
    expect(byName['pipe.txt'].error).toMatch(/not a regular file \(a FIFO\)/);
    expect(byName['loop-a.txt'].error).toMatch(/loop of symbolic links/);
    expect(byName['dangling.txt'].error).toMatch(/no such file/);
    await store.close();
  }, 60_000);
});

describe('a stop between loading and text reuse', () => {
  it('has reuse computed by the next ingest', async () => {
    const dir = tmp('policy-kg-reuse-');
    for (const f of ['000_453e495865320bc6.txt', '004_a8e79c8611a3ee23.txt']) copyFileSync(join(CORPUS, f), join(dir, f));
    const store = await open();
    // What ingest does up to the moment it is killed: documents loaded, reuse not yet computed.
    const extracted = await Promise.all(['000_453e495865320bc6.txt', '004_a8e79c8611a3ee23.txt'].map((f) => extractFile(join(dir, f))));
    await store.load(mergeBatches(extracted.flatMap((e) => ('batches' in e ? e.batches : []))));
    expect((await store.stats()).relations.REUSES).toBe(0);
    const again = await ingest(store, [dir], { workers: 0 });
    expect(again.load.documentsAdded).toBe(0);
    expect(again.reuses).toBeGreaterThan(0);
    expect(await store.reusePending()).toEqual([]);
    await store.close();
  }, 60_000);
});

describe('kill -9 at random points of an ingest', () => {
  let corpus: string;
  let clean: unknown;
  beforeAll(async () => {
    corpus = tmp('policy-kg-kill-corpus-');
    await generateCorpus({ docs: 30, out: corpus, seed: 7 });
    const store = await open();
    await ingest(store, [corpus]);
    clean = await store.stats();
    await store.close();
  }, 120_000);

  it('each re-run ends with the graph of a clean run', async () => {
    // 20 kills, two at a time: at the (i mod 5)-th load step, a random few ms in.
    const killOnce = async (i: number): Promise<boolean> => {
      const dir = tmp('policy-kg-kill-');
      const child = spawn(CLI, ['ingest', corpus, '--data', join(dir, 'g'), '--workers', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let loads = 0;
      await new Promise<void>((resolve) => {
        child.stderr.on('data', (d: Buffer) => {
          loads += (String(d).match(/load \w+:/g) ?? []).length;
          if (loads > i % 5 && !child.killed) setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 40));
        });
        child.on('exit', () => resolve());
      });
      const store = await open(dir);
      await ingest(store, [corpus], { workers: 0 });
      expect(await store.stats(), `kill ${i} after ${loads} load steps`).toEqual(clean);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
      return child.signalCode === 'SIGKILL';
    };
    let killed = 0;
    for (let i = 0; i < 20; i += 2) killed += (await Promise.all([killOnce(i), killOnce(i + 1)])).filter(Boolean).length;
    expect(killed).toBeGreaterThan(15);
  }, 600_000);
});

// A full disk, made with a small tmpfs: needs root (CI runs as root); reported as skipped elsewhere.
const mount = (args: string[]) => spawnSync('mount', args, { encoding: 'utf8' }).status === 0;
const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync('/tmp/policy-kg-probe-');
  const ok = mount(['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
  if (ok) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return ok;
})();

describe.skipIf(!canMount)('a full disk', () => {
  const disk = mkdtempSync('/tmp/policy-kg-disk-');
  let corpus: string;
  let clean: unknown;
  beforeAll(async () => {
    corpus = tmp('policy-kg-disk-corpus-');
    await generateCorpus({ docs: 300, out: corpus, seed: 11 });
    const store = await open();
    await ingest(store, [corpus]);
    clean = await store.stats();
    await store.close();
  }, 120_000);
  afterAll(() => { spawnSync('umount', [disk]); rmSync(disk, { recursive: true, force: true }); });
  const ingestInto = (dir: string) => runCli(['ingest', corpus, '--data', join(dir, 'g'), '--workers', '0']);
  const graphOf = async (dir: string) => { const s = await open(dir); const st = await s.stats(); await s.close(); return st; };

  it('fails the ingest saying so, and a re-run with space completes it', async () => {
    expect(mount(['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', disk])).toBe(true);
    const full = ingestInto(disk);
    expect(full.status).not.toBe(0);
    expect(full.stderr).toMatch(/the disk is full/);
    expect(full.stdout).not.toMatch(/added \d+/);
    expect(mount(['-o', 'remount,size=256m', disk])).toBe(true);
    const again = ingestInto(disk);
    expect(again.status, again.stderr).toBe(0);
    expect(await graphOf(disk)).toEqual(clean);
    spawnSync('umount', [disk]);
  }, 300_000);

  it('a checkpoint the full disk interrupted leaves a WAL that cannot be replayed: it is set aside and the next ingest completes the graph', async () => {
    expect(mount(['-t', 'tmpfs', '-o', 'size=10m', 'tmpfs', disk])).toBe(true);
    expect(ingestInto(disk).stderr).toMatch(/the disk is full/);
    // The same files with room to spare: LadybugDB alone opens nothing here ("Cannot open file …shadow").
    const copy = tmp('policy-kg-disk-copy-');
    spawnSync('cp', ['-a', `${disk}/.`, copy]);
    const r = ingestInto(copy);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/write-ahead log could not be replayed/);
    expect(await graphOf(copy)).toEqual(clean);
    spawnSync('umount', [disk]);
  }, 300_000);
});
