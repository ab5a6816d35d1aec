import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../packages/cli/src/program';
import { launchChromium, type LaunchedChromium } from './support/chromium';

// The flagship report in headless Chromium at 1,400 px (a system Chromium if it works, else @sparticuz/chromium's):
// every chart answers the mouse, zoom and pan change the range, tables fit, and the page works with scripts off.
// Screenshots go to test/.out/e2e-html (git-ignored).
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = join(ROOT, 'test', '.out', 'e2e-html');
const OUT = mkdtempSync(join(tmpdir(), 'aftershock-e2e-html-'));
const FILE = join(OUT, 'a', 'report.html');

interface ChartHandle {
  readonly aftershockCharts: { el: unknown; title: string; chart: { scales: { x: { min: number; max: number } } } }[];
}

async function run(out: string): Promise<void> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    expect(await runCli(['run', join(ROOT, 'scenarios', 'coreweave-2025.yaml'), '--out', out])).toBe(0);
  } finally {
    process.stdout.write = write;
  }
}

/** Opens the report, recording console errors and every request that is not the file itself. */
async function open(ctx: BrowserContext): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (r.url() !== pathToFileURL(FILE).href) requests.push(r.url());
  });
  await page.goto(pathToFileURL(FILE).href);
  await page.waitForLoadState('load');
  return { page, errors, requests };
}

const xRange = (page: Page, i: number) => page.evaluate((k) => {
  const s = (globalThis as unknown as ChartHandle).aftershockCharts[k]!.chart.scales.x;
  return [s.min, s.max] as [number, number];
}, i);

describe('report.html of coreweave-2025 in headless Chromium', () => {
  let chromium: LaunchedChromium | undefined;
  let ctx: BrowserContext;
  beforeAll(async () => {
    await run(join(OUT, 'a'));
    await run(join(OUT, 'b'));
    chromium = await launchChromium();
    ctx = await chromium.browser.newContext({ viewport: { width: 1400, height: 900 } });
    mkdirSync(SHOTS, { recursive: true });
  });
  // A failed check leaves its page open; close it so the next test starts clean.
  afterEach(async () => {
    for (const p of ctx?.pages() ?? []) await p.close();
  });
  afterAll(async () => {
    await ctx?.close();
    await chromium?.close();
    rmSync(OUT, { recursive: true, force: true });
  });

  it('is byte-identical across runs and under 5 MB', () => {
    expect(readFileSync(FILE).equals(readFileSync(join(OUT, 'b', 'report.html')))).toBe(true);
    expect(statSync(FILE).size).toBeLessThan(5_000_000);
  });

  it('draws every chart interactively, with no console errors and no network requests', async () => {
    const { page, errors, requests } = await open(ctx);
    for (const id of ['run', 'events', 'study', 'spillovers', 'strategies', 'comparison']) expect(await page.locator(`section#${id}`).count(), id).toBe(1);
    const figures = await page.locator('figure.ts').count();
    // 5 events, 1 CAAR, 4 + 3 × 4 spillover charts, 5 strategies × (equity, drawdown, Sharpe, beta).
    expect(figures).toBeGreaterThanOrEqual(5 + 1 + 4 + 12 + 5 * 4);
    expect(await page.locator('figure.ts.live').count()).toBe(figures);
    expect(await page.locator('figure.ts .fallback svg.chart').first().isVisible()).toBe(false);
    const titles = await page.$$eval('figure.ts .u-title', (els) => els.map((e) => e.textContent));
    expect(titles).toContain('CAAR · all (N = 4)');
    expect(titles).toContain('NVDA · supplier/investor');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'coreweave-2025.png'), fullPage: true });
    expect(readFileSync(join(SHOTS, 'coreweave-2025.png')).subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });

  it('hovering each chart shows a readout of the session and numbers for its series', async () => {
    const { page, errors } = await open(ctx);
    const n = await page.locator('figure.ts').count();
    for (let i = 0; i < n; i++) {
      const fig = page.locator('figure.ts').nth(i);
      const title = await fig.locator('.u-title').textContent();
      const over = fig.locator('.u-over');
      await over.scrollIntoViewIfNeeded();
      const box = (await over.boundingBox())!;
      expect(box.width, title!).toBeGreaterThan(150);
      await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
      const values = await fig.locator('.u-legend .u-series .u-value').allTextContents();
      // First the session (a date, or a day offset with its date), then at least one series with a number.
      expect(values[0], `${title}: ${values.join(' | ')}`).toMatch(/\d/);
      expect(values.slice(1).some((v) => /\d/.test(v)), `${title}: ${values.join(' | ')}`).toBe(true);
      if (i === 0) await fig.screenshot({ path: join(SHOTS, 'hover-event.png') });
    }
    // The Q2 earnings chart: the readout at day 0 gives CRWV's close and SPY's own close.
    const q2 = page.locator('figure.ts', { has: page.locator('.u-title', { hasText: 'CRWV · earnings 2025-08-12' }) });
    const over = q2.locator('.u-over');
    await over.scrollIntoViewIfNeeded();
    const b = (await over.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    const legend = await q2.locator('.u-legend').textContent();
    expect(legend).toContain('0 (2025-08-13)');
    expect(legend).toMatch(/CRWV close\s*\$\d+\.\d\d/);
    expect(legend).toMatch(/SPY \(rebased to CRWV on day −1\)\s*\$\d{3}\.\d\d/);
    await q2.screenshot({ path: join(SHOTS, 'hover-q2.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a drag zooms the time axis, shift-drag pans it, a double-click resets it', async () => {
    const { page, errors } = await open(ctx);
    const i = await page.evaluate(() => (globalThis as unknown as ChartHandle).aftershockCharts.findIndex((c) => c.title.endsWith('· equity vs benchmark')));
    expect(i).toBeGreaterThanOrEqual(0);
    const fig = page.locator('figure.ts').nth(i);
    const over = fig.locator('.u-over');
    await over.scrollIntoViewIfNeeded();
    const b = (await over.boundingBox())!;
    const full = await xRange(page, i);
    const y = b.y + b.height / 2;
    await page.mouse.move(b.x + b.width * 0.4, y);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width * 0.6, y, { steps: 8 });
    await page.mouse.up();
    const zoomed = await xRange(page, i);
    expect(zoomed[0]).toBeGreaterThan(full[0]);
    expect(zoomed[1]).toBeLessThan(full[1]);
    expect(zoomed[1] - zoomed[0]).toBeLessThan((full[1] - full[0]) * 0.3);
    // The drawdown chart below shares the zoom.
    expect(await xRange(page, i + 1)).toEqual(zoomed);
    await fig.screenshot({ path: join(SHOTS, 'zoomed-equity.png') });
    await page.keyboard.down('Shift');
    await page.mouse.move(b.x + b.width * 0.5, y);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width * 0.3, y, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const panned = await xRange(page, i);
    expect(panned[0]).toBeGreaterThan(zoomed[0]);
    expect(panned[1] - panned[0]).toBeCloseTo(zoomed[1] - zoomed[0], 0);
    await over.dblclick({ position: { x: b.width / 2, y: b.height / 2 } });
    expect(await xRange(page, i)).toEqual(full);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tables fit 1,400 px with no hidden columns, and still sort', async () => {
    const { page } = await open(ctx);
    await page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
    const wide = await page.$$eval('main table', (ts) =>
      ts
        .filter((t) => t.getBoundingClientRect().width > 0)
        .map((t) => {
          const box = (t.closest('section') ?? t.ownerDocument.body).getBoundingClientRect();
          const cells = [...t.querySelectorAll('th')].map((th) => th.getBoundingClientRect());
          return { head: t.querySelector('th')?.textContent ?? '', over: t.scrollWidth - (t.parentElement?.clientWidth ?? 0), outside: cells.some((c) => c.right > box.right + 0.5) };
        })
        .filter((t) => t.over > 1 || t.outside),
    );
    expect(wide).toEqual([]);
    const first = () => page.locator('#events table tbody tr td:first-child').first().textContent();
    await page.locator('#events table th', { hasText: 'day-0 return' }).click();
    expect(await first()).toBe('CRWV:earnings:2025-08-12');
    expect(await page.evaluate(() => typeof (globalThis as { aftershockResult?: unknown }).aftershockResult)).toBe('object');
    await page.close();
  });

  it('the spillover card of the summary leads to the spillover section', async () => {
    const { page } = await open(ctx);
    const card = page.locator('.glance a.g[href="#spillovers"]');
    expect(await card.textContent()).toMatch(/largest spillover: (NVDA|MSFT|QQQ) on CRWV/);
    await card.click();
    await page.waitForFunction("location.hash === '#spillovers'");
    const top = await page.locator('section#spillovers').evaluate((s) => s.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(5);
    await page.screenshot({ path: join(SHOTS, 'spillovers.png') });
    await page.close();
  });

  it('with scripts off, the SVG charts and the tables are there', async () => {
    const off = await chromium!.browser.newContext({ viewport: { width: 1400, height: 900 }, javaScriptEnabled: false });
    try {
      const { page, requests } = await open(off);
      expect(await page.locator('figure.ts.live').count()).toBe(0);
      const svgs = await page.$$eval('figure.ts .fallback svg.chart', (s) => s.map((x) => ({ w: x.getBoundingClientRect().width, paths: x.querySelectorAll('path').length })));
      expect(svgs.length).toBe(await page.locator('figure.ts').count());
      for (const s of svgs) {
        expect(s.w).toBeGreaterThan(200);
        expect(s.paths).toBeGreaterThan(0);
      }
      // The Q2 event chart marks day 0 with its reaction, readable without hovering.
      expect(await page.locator('svg.chart text.mk', { hasText: 'day 0 2025-08-13: −20.8%' }).count()).toBe(1);
      expect(requests).toEqual([]);
      await page.locator('section#spillovers').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'scripts-off-spillovers.png') });
    } finally {
      await off.close();
    }
  });
});
