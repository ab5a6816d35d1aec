import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32, resolveDay0, xnysCalendar } from '@aftershock/core';
import { loadEvents, parquetColumns, parquetProvenance, readParquetPrices } from '@aftershock/data';
import { captureCli } from './support/run-cli';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'aftershock-synth-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const at = (f: string) => join(work, f);

const ARGS = ['--tickers', '7', '--years', '2', '--seed', '7', '--from', '2010-01-01', '--events-per-ticker', '6'];

beforeAll(async () => {
  for (const k of ['a', 'b']) {
    const r = await captureCli(['data', 'synth', ...ARGS, '--out', at(`${k}.parquet`), '--events', at(`${k}.csv`)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }
});

/**
 * The generator's model written again from its description (synth-model.ts), for one stock: each symbol's own
 * mulberry32 stream, Box–Muller normals, the draw order params → releases → per session (ε, open, high, low, volume).
 */
function mix(seed: number, k: number): number {
  let z = (Math.imul(seed, 0x9e3779b9) + Math.imul(k + 1, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
  return (z ^ (z >>> 15)) >>> 0;
}
function gauss(r: () => number): number {
  const u = 1 - r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}
function expected(seed: number, i: number, n: number, perTicker: number) {
  const mr = mulberry32(mix(seed, 0));
  const m = [0];
  for (let t = 1; t < n; t++) m.push(0.0003 + 0.011 * gauss(mr));
  const r = mulberry32(mix(seed, i + 1));
  const beta = 0.5 + r();
  const sigma = 0.01 + 0.02 * r();
  const p0 = 10 + 90 * r();
  const volBase = Math.round(1e5 * Math.exp(1.5 * gauss(r)));
  const first = r() < 0.2 ? Math.floor(r() * (n / 2)) : 0;
  const jumps = new Map<number, { s: number; amc: boolean; est: number }>();
  const sp = (n - first) / perTicker;
  for (let k = 0; k < perTicker; k++) {
    const pos = Math.floor(first + sp * (k + 0.5) + (r() - 0.5) * 0.2 * sp);
    const amc = r() < 0.5;
    const est = Math.round((0.2 + 2 * r()) * 100) / 100;
    const s = gauss(r);
    const t = Math.min(n - 1, Math.max(first + 1, pos));
    if (!jumps.has(t)) jumps.set(t, { s, amc, est });
  }
  const close: number[] = [];
  const rows: number[][] = [];
  let prev = p0;
  for (let t = first; t < n; t++) {
    const c = t === first ? p0 : prev * Math.exp(beta * m[t]! + sigma * gauss(r) + 0.02 * (jumps.get(t)?.s ?? 0));
    const o = t === first ? p0 : prev * Math.exp(0.3 * sigma * gauss(r));
    const h = Math.max(o, c) * (1 + 0.5 * sigma * Math.abs(gauss(r)));
    const l = Math.min(o, c) * (1 - 0.5 * sigma * Math.abs(gauss(r)));
    const v = Math.round(volBase * Math.exp(0.4 * gauss(r)) * (jumps.has(t) ? 3 : 1));
    const q = (x: number) => Math.round(x * 1e4) / 1e4;
    rows.push([q(o), q(h), q(l), q(c), v]);
    close.push(c);
    prev = c;
  }
  return { first, rows, jumps };
}

describe('aftershock data synth', () => {
  it('gives byte-identical files for the same options, and other files for another seed', async () => {
    expect(readFileSync(at('a.parquet')).equals(readFileSync(at('b.parquet')))).toBe(true);
    expect(readFileSync(at('a.csv'), 'utf8')).toBe(readFileSync(at('b.csv'), 'utf8'));
    const r = await captureCli(['data', 'synth', ...ARGS.slice(0, 4), '--seed', '8', '--from', '2010-01-01', '--events-per-ticker', '6', '--out', at('c.parquet')]);
    expect(r.code).toBe(0);
    expect(readFileSync(at('c.parquet')).equals(readFileSync(at('a.parquet')))).toBe(false);
  });

  it("has data ingest's schema, column for column, and the generator's parameters as provenance", async () => {
    const ingested = at('sample.parquet');
    const r = await captureCli(['data', 'ingest', '--root', join(REPO, 'data/sample'), '--out', ingested]);
    expect(r.code).toBe(0);
    expect(await parquetColumns(at('a.parquet'))).toEqual(await parquetColumns(ingested));
    const meta = await parquetProvenance(at('a.parquet'));
    expect(meta?.synth).toEqual({ tickers: 7, years: 2, seed: 7, from: '2010-01-01', market: 'MKT', eventsPerTicker: 6, model: 1 });
  });

  it('is read by the Parquet reader, and every bar equals an independent recomputation from the seed', async () => {
    const cal = xnysCalendar();
    const sessions = cal.sessionsBetween('2010-01-04', '2011-12-30');
    const all = await readParquetPrices(at('a.parquet'));
    expect([...all.keys()]).toEqual(['AAAA', 'AAAB', 'AAAC', 'AAAD', 'AAAE', 'AAAF', 'AAAG', 'MKT']);
    expect(all.get('MKT')!.dates).toEqual(sessions);
    const events = loadEvents(at('a.csv'));
    for (let i = 0; i < 7; i++) {
      const sym = all.get(`AAA${String.fromCharCode(65 + i)}`)!;
      const want = expected(7, i, sessions.length, 6);
      expect(sym.dates).toEqual(sessions.slice(want.first));
      const got = Array.from({ length: sym.length }, (_, j) => [sym.open[j]!, sym.high[j]!, sym.low[j]!, sym.close[j]!, sym.volume[j]!]);
      expect(got).toEqual(want.rows);
      expect(Array.from(sym.adjClose)).toEqual(Array.from(sym.close));
      // Each release's day 0 (the project's day-0 rule) is the session of its jump, with its EPS numbers.
      const mine = events.filter((e) => e.symbol === sym.symbol);
      expect(mine.length).toBe(want.jumps.size);
      for (const e of mine) {
        const d0 = resolveDay0(cal, e.date, e.timing, {}, e.kind).day0!;
        const j = want.jumps.get(sessions.indexOf(d0))!;
        expect(j).toBeDefined();
        expect(e.timing).toBe(j.amc ? 'after-close' : 'before-open');
        expect(e.kind === 'earnings' && e.epsEstimate).toBe(j.est);
      }
    }
  });

  it('refuses a bad option with a coded error and writes nothing', async () => {
    const r = await captureCli(['data', 'synth', '--tickers', '0', '--years', '2', '--out', at('z.parquet')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('[SYNTH_BAD_OPTION]');
    const y = await captureCli(['data', 'synth', '--tickers', '3', '--years', '40', '--from', '2010-01-01', '--out', at('z.parquet')]);
    expect(y.code).toBe(2);
    expect(y.err).toMatch(/inside the XNYS calendar/);
  });
});
