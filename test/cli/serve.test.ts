// The process a user starts is the one that serves: SIGTERM closes it and its store. While it
// serves, trace and ingest on the same store go through it, and what ingest adds is answered
// at once (the response cache included).
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../src/graph/embedded-store.js';
import { CLI, CORPUS, runCli, tmp } from '../helpers.js';

let server: ChildProcess;
let url: string;
const data = join(tmp('policy-kg-served-'), 'graph');
const gql = async (query: string) => (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as { data: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
const documents = async () => (await gql('{ stats { labels { key count } } }')).data.stats.labels.find((l: { key: string }) => l.key === 'Document').count as number;

beforeAll(async () => {
  const corpus = tmp('policy-kg-served-corpus-');
  copyFileSync(join(CORPUS, '001_6dbe7884512159fa.txt'), join(corpus, '001.txt'));
  server = spawn(CLI, ['start', '--data', data, '--port', '0', '--corpus', corpus], { stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => { out += d; const m = out.match(/at (http:\/\/\S+)/); if (m) resolve(m[1]); });
    server.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}, 90_000);
afterAll(() => { if (server.exitCode === null) server.kill('SIGKILL'); });

describe('commands on a served store', () => {
  it('trace goes through the server', () => {
    const r = runCli(['trace', '攀登计划', '--data', data]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^攀登计划/);
    expect(r.stdout).toMatch(/上海市/);
  }, 60_000);

  it('ingest goes through the server, and the new document is answered at once', async () => {
    expect(await documents()).toBe(1); // now in the response cache
    const more = tmp('policy-kg-served-more-');
    copyFileSync(join(CORPUS, '000_453e495865320bc6.txt'), join(more, '000.txt'));
    const r = runCli(['ingest', more, '--data', data]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/documents 1 added, 0 updated,/);
    expect(await documents()).toBe(2);
  }, 60_000);

  it('a second server on the store is told who serves it', () => {
    const r = runCli(['serve', '--data', data, '--port', '0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`is served by process ${server.pid}`));
  }, 60_000);
});

describe('SIGTERM', () => {
  it('stops the server it was sent to, which closes its store and says it no longer serves it', async () => {
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(`${data}.server.json`)).toBe(false);
    const store = new EmbeddedStore(data); // the lock is free
    await store.init();
    expect((await store.stats()).labels.Document).toBe(2);
    await store.close();
  }, 60_000);
});
