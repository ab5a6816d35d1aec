import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../packages/cli/src/program';
import { launchChromium, type LaunchedChromium } from './support/chromium';

// Renders report.html of coreweave-2025 in headless Chromium (a system one if it works, else @sparticuz/chromium's build).
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = join(ROOT, 'test', '.out', 'e2e-html');
const OUT = mkdtempSync(join(tmpdir(), 'aftershock-e2e-html-'));

describe('report.html of coreweave-2025 in headless Chromium', () => {
  let chromium: LaunchedChromium | undefined;
  let ctx: BrowserContext;
  beforeAll(async () => {
    const out = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await runCli(['run', join(ROOT, 'scenarios', 'coreweave-2025.yaml'), '--out', OUT])).toBe(0);
    } finally {
      process.stdout.write = out;
    }
    chromium = await launchChromium();
    ctx = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await ctx?.close();
    await chromium?.close();
    rmSync(OUT, { recursive: true, force: true });
  });

  it('opens without console errors or network requests, draws its charts, and is screenshotted', async () => {
    const file = join(OUT, 'report.html');
    expect(statSync(file).size).toBeLessThan(5_000_000);
    const page = await ctx.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForLoadState('load');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);

    // Every section is there, and each chart is an SVG with drawn paths.
    for (const id of ['run', 'events', 'study', 'strategies', 'comparison', 'spillovers']) expect(await page.locator(`section#${id}`).count(), id).toBe(1);
    const charts = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => ({ title: s.getAttribute('aria-label') ?? '', paths: s.querySelectorAll('path').length, w: s.getBoundingClientRect().width })));
    expect(charts.length).toBeGreaterThanOrEqual(5 + 3 * 2 + 4 * 2 + 5);
    for (const c of charts) {
      expect(c.paths, c.title).toBeGreaterThan(0);
      expect(c.w, c.title).toBeGreaterThan(200);
    }
    expect(charts.map((c) => c.title)).toContain('CAAR · all (N = 4)');
    // The Q2 event chart marks day 0 with its reaction, readable without hovering.
    expect(await page.locator('svg.chart text.mk', { hasText: 'day 0 2025-08-13: −20.8%' }).count()).toBe(1);
    // Tables sort on a click (the only script of the page).
    const first = () => page.locator('#events table tbody tr td:first-child').first().textContent();
    await page.locator('#events table th', { hasText: 'day-0 return' }).click();
    expect(await first()).toBe('CRWV:earnings:2025-08-12');
    expect(await page.evaluate(() => typeof (globalThis as { aftershockResult?: unknown }).aftershockResult)).toBe('object');

    mkdirSync(SHOTS, { recursive: true });
    const shot = join(SHOTS, 'coreweave-2025.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
  });
});
