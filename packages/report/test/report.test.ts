import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lttbIndices } from '../src/downsample';
import { escapeHtml, money, pct } from '../src/format';
import { parseResultJson, renderJson } from '../src/json';
import { renderHtml } from '../src/html';
import { renderMarkdown } from '../src/markdown';
import { eventsCsv, tradesCsv } from '../src/csv';
import { renderReports, writeReports } from '../src/write';
import { sampleResult } from './fixture';

describe('report.json', () => {
  it('has sorted keys, stable numbers, null for NaN, and round-trips', () => {
    const r = sampleResult();
    const a = renderJson(r);
    expect(renderJson(r)).toBe(a);
    const parsed = JSON.parse(a) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    expect(a).toContain('"day0Return": -0.2083');
    expect(a).not.toContain('NaN');
    const back = parseResultJson(a);
    expect(back.events[0]!.reaction.day0Return).toBe(-0.2083);
    expect(renderJson(back)).toBe(a);
  });

  it('refuses a file that is not a result', () => {
    expect(() => parseResultJson('{"x":1}')).toThrow(/schemaVersion/);
    expect(() => parseResultJson('{', 'r.json')).toThrow(/not valid JSON/);
    expect(() => parseResultJson(JSON.stringify({ ...sampleResult(), schemaVersion: 99 }))).toThrow(/not supported/);
  });
});

describe('report.html', () => {
  it('escapes every input text: a <script> in the scenario name and a symbol stays inert', () => {
    const evil = '<script>alert(1)</script>';
    const html = renderHtml(sampleResult({ name: evil, symbol: `X${evil}` }), renderJson(sampleResult({ name: evil, symbol: `X${evil}` })));
    expect(html).not.toContain(evil);
    expect(html).toContain(escapeHtml(evil));
    // Scripts: the inline data and one spec per chart (type application/json), the sorting script, the locale
    // guard, uPlot and the chart script; nothing else.
    const charts = (html.match(/<figure class="ts" role/g) ?? []).length;
    expect(charts).toBeGreaterThan(5);
    expect(html.match(/<script type="application\/json"/g)).toHaveLength(1 + charts);
    expect(html.match(/<script>/g)).toHaveLength(4);
    expect(html.match(/<script/g)).toHaveLength(5 + charts);
    expect(html).toContain('\\u003cscript\\u003e');
  });

  it('is self-contained and draws every chart kind', () => {
    const html = renderHtml(sampleResult());
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(/);
    for (const title of ['CAAR · all', 'equity vs benchmark', 'drawdown', 'CAR [0, 0] across events', 'CAR around', 'Monthly returns', 'day 0 2025-08-13', 'Parameter sweeps', '★ best', 'Return per event']) expect(html).toContain(title);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(9);
    expect(html).toContain('−20.83%');
    expect(html).toContain('yes (contaminated)');
  });

  it('embeds uPlot and the chart script from node_modules, and one parsable spec per chart', () => {
    const html = renderHtml(sampleResult());
    const uplot = readFileSync(createRequire(import.meta.url).resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
    expect(html).toContain(`<script>${uplot}</script>`);
    const specs = [...html.matchAll(/<script type="application\/json" class="ts-spec">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as { t: string; x: unknown[]; s: { n: string; v: unknown[]; r?: unknown[] }[] });
    expect(specs.length).toBe((html.match(/<figure class="ts" role/g) ?? []).length);
    for (const sp of specs) {
      expect(sp.x.length, sp.t).toBeGreaterThan(1);
      for (const s of sp.s) {
        expect(s.v.length, `${sp.t} / ${s.n}`).toBe(sp.x.length);
        if (s.r) expect(s.r.length).toBe(sp.x.length);
      }
    }
    // Each SVG stays in the figure as the fallback for a page with scripts off.
    expect((html.match(/<div class="fallback"><svg class="chart"/g) ?? []).length).toBe(specs.length);
  });

  it('writes a sentence instead of a histogram of fewer than five CARs', () => {
    const two = renderHtml(sampleResult());
    expect(two).toContain('2 events, too few for a distribution: −20.83%, 3.10%.');
    expect(two).not.toContain('aria-label="CAR [0, 0] across events');
    const r = sampleResult();
    const g = r.study.groups[0]!;
    const five = { ...r, study: { groups: [{ ...g, carDistribution: { window: g.carDistribution.window, values: [-0.2, -0.1, 0, 0.05, 0.1] } }] } };
    expect(renderHtml(five)).toContain('aria-label="CAR [0, 0] across events · all"');
  });

  it('links the summary cards to their sections, the spillover one included', () => {
    const html = renderHtml(sampleResult());
    for (const id of ['events', 'study', 'strategies', 'spillovers']) expect(html).toContain(`<a class="g" href="#${id}">`);
  });

  it('downsamples long series so a report stays small', () => {
    const big = sampleResult({ sessions: 40_000 });
    const html = renderHtml(big);
    expect(html.length).toBeLessThan(5_000_000);
    const small = renderHtml(sampleResult({ sessions: 600 }));
    // 40k sessions draw no more path points than 600 do, give or take the tick labels (the monthly returns
    // tables grow with the years, ~160 of them, and are left out of the comparison).
    const charts = (h: string) => h.replace(/<table class="sortable monthly">[\s\S]*?<\/table>/g, '');
    expect(Math.abs(charts(html).length - charts(small).length)).toBeLessThan(60_000);
  });
});

describe('report.md and CSV', () => {
  it('renders the headline tables', () => {
    const md = renderMarkdown(sampleResult());
    expect(md).toContain('# sample');
    expect(md).toContain('| e1 | CRWV | earnings | 2025-08-12 | after-close | 2025-08-13 | −20.83% |');
    expect(md).toContain('## Comparison');
    expect(md).toContain('| e1 | MSFT | customer |');
    expect(md).toContain('## Sweep: lockup-short (4 points, objective event.meanReturn)');
    expect(md).toContain('| 2 | 2 | 4.00% | 8 | 4.00% | 0.00 | 8 | 50% | ★ best |');
    expect(md).toMatch(/\| 0 \| 2 \| −9\.00% \|/);
  });

  it('escapes pipes in Markdown and quotes CSV cells', () => {
    const r = sampleResult({ symbol: 'A|B,"C"' });
    expect(renderMarkdown(r)).toContain('A\\|B');
    const csv = eventsCsv(r);
    expect(csv.split('\n')[0]).toBe('id,symbol,kind,event_date,timing,day0,day0_return,day0_abnormal,car_0_0,car_-1_1,excluded,confounded_by');
    expect(csv).toContain('"A|B,""C"""');
    expect(tradesCsv(r).split('\n')).toHaveLength(4);
  });
});

describe('writing reports', () => {
  it('writes every format byte-identically and leaves no temporary file', async () => {
    const d1 = mkdtempSync(join(tmpdir(), 'aftershock-report-'));
    const d2 = mkdtempSync(join(tmpdir(), 'aftershock-report-'));
    const f1 = await writeReports(sampleResult(), d1);
    await writeReports(sampleResult(), d2);
    expect(readdirSync(d1).sort()).toEqual(['events.csv', 'report.html', 'report.json', 'report.md', 'spillovers.csv', 'trades.csv']);
    for (const f of f1) expect(readFileSync(f)).toEqual(readFileSync(join(d2, f.slice(d1.length + 1))));
  });

  it('fails with a coded error and writes nothing when the folder cannot be written', async () => {
    const d = mkdtempSync(join(tmpdir(), 'aftershock-report-'));
    const blocker = join(d, 'file');
    writeFileSync(blocker, 'x');
    await expect(writeReports(sampleResult(), join(blocker, 'sub'))).rejects.toThrow(expect.objectContaining({ code: 'OUTPUT_NOT_A_FOLDER' }));
    expect(existsSync(join(blocker, 'sub'))).toBe(false);
  });

  it('renders only the requested formats', () => {
    expect([...renderReports(sampleResult(), ['md']).keys()]).toEqual(['report.md']);
  });
});

describe('formatting and downsampling', () => {
  it('formats units', () => {
    expect(pct(-0.2083)).toBe('−20.83%');
    expect(pct(NaN)).toBe('–');
    expect(money(1234567.891)).toBe('$1,234,567.89');
    expect(money(-5)).toBe('−$5.00');
  });

  it('LTTB keeps the ends, stays sorted and within the budget', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 0, maxLength: 400 }), fc.integer({ min: 3, max: 100 }), (ys, max) => {
        const idx = lttbIndices(ys, max);
        expect(idx.length).toBeLessThanOrEqual(Math.max(max, ys.length <= max ? ys.length : max));
        if (ys.length > 0) {
          expect(idx[0]).toBe(0);
          expect(idx[idx.length - 1]).toBe(ys.length - 1);
        }
        for (let i = 1; i < idx.length; i++) expect(idx[i]!).toBeGreaterThan(idx[i - 1]!);
      }),
    );
  });

  it('LTTB keeps a spike', () => {
    const ys = Array.from({ length: 1000 }, (_, i) => (i === 537 ? 100 : 0));
    expect(lttbIndices(ys, 50)).toContain(537);
  });
});
