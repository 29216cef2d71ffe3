// GraphiQL as an analyst meets it: Debian's Chromium opens the server's page with every
// request off the machine blocked (no CDN, as on many office networks), the examples are
// there, one runs, its result shows data, and the server is still up afterwards.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../src/api/server.js';
import type { GraphStore } from '../../src/graph/store.js';
import { loadedStore } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('GraphiQL in Chromium, offline', () => {
  let store: GraphStore;
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => { store = await loadedStore(); server = await serve(store, 0); }, 60_000);
  afterAll(async () => { await server?.close(); await store?.close(); });

  it('opens with the examples, runs one and shows its data', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage();
      const offMachine: string[] = [];
      await page.route('**/*', (route) => {
        const u = new URL(route.request().url());
        if (u.protocol === 'blob:' || u.protocol === 'data:' || u.hostname === 'localhost' || u.hostname === '127.0.0.1') return route.continue();
        offMachine.push(u.href);
        return route.abort();
      });
      await page.goto(server.url);
      // Monaco renders spaces as no-break spaces.
      const text = async (l: ReturnType<typeof page.locator>) => (await l.innerText().catch(() => '')).replace(/\s+/g, ' ');
      const editor = page.locator('.graphiql-query-editor .view-lines');
      await expect.poll(() => text(editor), { timeout: 30_000 }).toContain('query Overview');
      expect(await text(editor)).toContain('query ProgramMentions');
      await page.locator('.graphiql-execute-button').click();
      // Several operations: the run button offers them; pick the first.
      const menuItem = page.getByRole('menuitem', { name: 'Overview' }).or(page.locator('[role="menuitem"]').first());
      if (await menuItem.isVisible({ timeout: 2000 }).catch(() => false)) await menuItem.click();
      const result = page.locator('.graphiql-response .view-lines');
      await expect.poll(() => text(result), { timeout: 30_000 }).toContain('"key": "Document"');
      expect(offMachine).toEqual([]);
    } finally {
      await browser.close();
    }
    const alive = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ stats { labels { key } } }"}' });
    expect(alive.status).toBe(200);
  }, 120_000);
});
