// `policy-kg trace --html` writes a page that a real browser renders: Debian's
// Chromium driven by playwright-core (.ci/run installs chromium).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/store.js';
import { resolveProgram, traceProgram } from '../../src/trace/adoption.js';
import { diffusionPage } from '../../src/trace/html.js';
import { diffusionNetwork } from '../../src/trace/network.js';
import { loadedStore } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('the trace page in Chromium', () => {
  let store: GraphStore;
  beforeAll(async () => { store = await loadedStore(); });
  afterAll(async () => store?.close());
const one = async (name: string) => { const m = await resolveProgram(store, name); if (m.kind !== 'one') throw new Error(`${name}: ${m.kind}`); return m.program; };

  it('draws the timeline, the adoption graph of 对标争先建设计划 and the diffusion network, offline', async () => {
    const d = await traceProgram(store, await one('对标争先建设计划'));
    // The sample has one program adopted in several places: every edge, however few programs are behind it.
    const network = await diffusionNetwork(store, { minPrograms: 1 });
    const file = join(mkdtempSync(join(tmpdir(), 'policy-kg-html-')), 'trace.html');
    writeFileSync(file, diffusionPage(d, network));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // Self-contained: any request leaving the file is a failure.
      await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
      await page.goto(`file://${file}`);
      await page.waitForFunction(() => (window as unknown as { traceReady?: boolean }).traceReady === true);
      const drawn = await page.evaluate(() => {
        const ec = (window as unknown as { echarts: { getInstanceByDom(el: Element): { getOption(): { series: { data?: unknown[]; links?: unknown[] }[] } } } }).echarts;
        const t = ec.getInstanceByDom(document.getElementById('timeline')!).getOption();
        const g = ec.getInstanceByDom(document.getElementById('graph')!).getOption();
        const n = ec.getInstanceByDom(document.getElementById('network')!).getOption();
        return {
          points: t.series[0].data!.length, places: g.series[0].data!.length, links: g.series[0].links!.length,
          networkPlaces: n.series[0].data!.length, networkLinks: n.series[0].links!.length, canvases: document.querySelectorAll('canvas').length,
        };
      });
      expect(errors).toEqual([]);
      expect(network.edges).toEqual([expect.objectContaining({ from: '全国', to: '上海市', direction: 'top-down' })]);
      expect(drawn).toEqual({ points: d.adoptions.length, places: 3, links: 2, networkPlaces: 2, networkLinks: 1, canvases: 3 });
      expect(await page.locator('#explanation li').count()).toBe(3);
      // A legend for the markers and lines, a table of every adoption, an axis that starts at the first.
      expect(await page.locator('#legend li').count()).toBe(9);
      expect(await page.locator('#adoptions tbody tr').count()).toBe(d.adoptions.length);
      expect(await page.locator('#adoptions tbody tr').first().locator('td').nth(1).textContent()).toBe(d.adoptions[0].place);
      const axis = await page.evaluate(() => {
        const ec = (window as unknown as { echarts: { getInstanceByDom(el: Element): { getOption(): { xAxis: { min?: unknown }[]; series: { label?: { show?: boolean } }[] } } } }).echarts;
        const o = ec.getInstanceByDom(document.getElementById('timeline')!).getOption();
        return { min: o.xAxis[0].min, labels: o.series[0].label?.show };
      });
      expect(axis).toEqual({ min: 'dataMin', labels: true });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
