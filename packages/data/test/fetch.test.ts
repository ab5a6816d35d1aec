import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AftershockError, resolveDay0, xnysCalendar } from '@aftershock/core';
import { fetchToCache, loadEvents, loadSymbol, replayFetch, resolveDataRoot } from '../src/index';
import { reportTiming, symbolRows } from '../src/fetch/yahoo-rows';
import type { YahooSymbolData } from '../src/fetch/yahoo-client';
import { SHARED, tempDir } from './helpers';

// `fetchToCache` runs yahoo-finance2 for real; only its fetch is replaced, by recorded responses (fixtures/yahoo/*).
const FIX = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'yahoo');
const FOCUS = join(SHARED, 'real', 'backtester39', 'focus');
const replay = (set: string) => replayFetch(join(FIX, set));
const NOW = new Date('2026-06-01T12:00:00Z');

/** The focus file's rows dated from..to, as text lines (header first). */
function focusLines(file: string, from: string, to: string): string[] {
  const [head, ...rows] = readFileSync(join(FOCUS, file), 'utf8').trim().split('\n');
  return [head!, ...rows.filter((r) => r.slice(0, 10) >= from && r.slice(0, 10) <= to)];
}

/** A CSV's lines as the values a reader gets: dates as text, every other field as the number it parses to. */
const values = (lines: readonly string[]) => lines.map((l, i) => (i === 0 ? l : l.split(',').map((f, j) => (j === 0 ? f : Number(f)))));
const cacheLines = (out: string, file: string) => readFileSync(join(out, 'prices', file), 'utf8').trim().split('\n');

/** Every file under dir with its bytes, to show a failed fetch changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

async function fetchOk(out: string): Promise<void> {
  const fetch = replay('ok');
  await fetchToCache(['CRWV'], { from: '2025-08-01', to: '2025-11-14', out, fetch, now: NOW });
  await fetchToCache(['SPY'], { from: '2025-06-16', to: '2025-06-27', out, fetch, now: NOW });
  await fetchToCache(['NVDA'], { from: '2024-06-03', to: '2024-06-14', out, fetch, now: NOW });
}

async function codeOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AftershockError);
    return { code: (e as AftershockError).code, message: (e as Error).message };
  }
  throw new Error('expected the fetch to fail');
}

describe('data fetch from recorded Yahoo responses', () => {
  it('writes split-adjusted bars equal to the BackTester39 files (same chart API), dividends, splits and a manifest', async () => {
    const out = join(tempDir().dir, 'cache');
    await fetchOk(out);
    // Number for number (the focus files write 98.0 where we write 98).
    expect(values(cacheLines(out, 'CRWV.csv'))).toEqual(values(focusLines('CRWV.csv', '2025-08-01', '2025-11-14')));
    expect(values(cacheLines(out, 'SPY.csv'))).toEqual(values(focusLines('SPY.csv', '2025-06-16', '2025-06-27')));
    // NVDA across its 10:1 split of 2024-06-10: no break, the same split-adjusted rows as our files.
    expect(values(cacheLines(out, 'NVDA.csv'))).toEqual(values(focusLines('NVDA.csv', '2024-06-03', '2024-06-14')));
    expect(readFileSync(join(out, 'dividends', 'SPY_dividends.csv'), 'utf8')).toBe('Date,Dividend\n2025-06-20,1.761\n');
    expect(readFileSync(join(out, 'dividends', 'NVDA_dividends.csv'), 'utf8')).toBe('Date,Dividend\n2024-06-11,0.01\n');
    expect(existsSync(join(out, 'dividends', 'CRWV_dividends.csv'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(out, 'fetch.json'), 'utf8')) as { symbols: Record<string, { bars: number; first: string; fetchedAt: string }> };
    expect(Object.keys(manifest.symbols)).toEqual(['CRWV', 'NVDA', 'SPY']);
    expect(manifest.symbols['CRWV']).toMatchObject({ bars: 75, first: '2025-08-01', fetchedAt: NOW.toISOString() });

    // The cache is a data root: the loader reads it in place, dividends and all.
    const spy = loadSymbol(out, 'SPY');
    expect(spy.dates.length).toBe(9);
    expect([...spy.dividend].filter((d) => d > 0)).toEqual([1.761]);
    const splits = loadEvents(join(out, 'events', 'splits.csv'));
    expect(splits).toMatchObject([{ symbol: 'NVDA', kind: 'custom', date: '2024-06-10', timing: 'before-open', label: 'split', tags: { ratio: '10:1' } }]);
  });

  it('writes earnings dates with their timing from Yahoo\'s time of day; day 0 is the next session after the close', async () => {
    const out = join(tempDir().dir, 'cache');
    await fetchOk(out);
    const events = loadEvents(join(out, 'events', 'earnings.csv'));
    expect(events.map((e) => [e.symbol, e.date, e.timing])).toEqual([
      ['CRWV', '2025-08-12', 'after-close'],
      ['CRWV', '2025-11-10', 'after-close'],
    ]);
    const q2 = events[0]!;
    expect(q2).toMatchObject({ kind: 'earnings', fiscalPeriod: 'Q2 FY2025', epsActual: -0.6, epsEstimate: -0.23, revenueActual: 1_212_800_000 });
    expect(resolveDay0(xnysCalendar(), q2.date, q2.timing, {}, q2.kind).day0).toBe('2025-08-13');
    expect(readFileSync(join(out, 'events', 'earnings.csv'), 'utf8')).toContain('reported 16:05 exchange time');
  });

  it('keeps the symbols already in the cache and replaces those fetched again', async () => {
    const out = join(tempDir().dir, 'cache');
    await fetchOk(out);
    const before = snapshot(out);
    await fetchToCache(['SPY'], { from: '2025-06-16', to: '2025-06-27', out, fetch: replay('ok'), now: NOW });
    expect(snapshot(out)).toEqual(before);
  });

  it('a symbol Yahoo does not have: a coded error naming it, and nothing written, even for the symbols that did come', async () => {
    const out = join(tempDir().dir, 'cache');
    await fetchOk(out);
    const before = snapshot(out);
    const e = await codeOf(fetchToCache(['CRWV', 'NOSUCHXYZ'], { from: '2025-08-01', to: '2025-11-14', out, fetch: replay('nosuch'), now: NOW }));
    expect(e.code).toBe('FETCH_UNKNOWN_SYMBOL');
    expect(e.message).toMatch(/^NOSUCHXYZ: Yahoo Finance has no such symbol \(chart: No data found, symbol may be delisted\)/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(dirname(out))).toEqual(['cache']);
  });

  it('a response cut short: FETCH_BAD_RESPONSE naming the symbol, nothing written', async () => {
    const out = join(tempDir().dir, 'cache');
    const e = await codeOf(fetchToCache(['CRWV'], { from: '2025-08-01', to: '2025-11-14', out, fetch: replay('partial') }));
    expect(e.code).toBe('FETCH_BAD_RESPONSE');
    expect(e.message).toMatch(/^CRWV: Yahoo Finance sent an incomplete or unexpected chart response/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dirname(out))).toEqual([]);
  });

  it('a bar Yahoo sends without prices is left out with a warning naming the day; the rest is written', async () => {
    const out = join(tempDir().dir, 'cache');
    const res = await fetchToCache(['SPY'], { from: '2025-06-16', to: '2025-06-27', out, fetch: replay('partial') });
    expect(res.symbols[0]!.warnings).toEqual(['SPY 2025-06-23: Yahoo gave no open/high/low/close price; the bar is left out']);
    expect(values(cacheLines(out, 'SPY.csv'))).toEqual(values(focusLines('SPY.csv', '2025-06-16', '2025-06-27').filter((l) => !l.startsWith('2025-06-23'))));
  });

  it('no network at all: FETCH_NO_NETWORK naming the symbol, nothing written', async () => {
    const box = tempDir().dir;
    const out = join(box, 'cache');
    const e = await codeOf(fetchToCache(['CRWV'], { from: '2025-08-01', to: '2025-11-14', out, fetch: replay('offline') }));
    expect(e.code).toBe('FETCH_NO_NETWORK');
    expect(e.message).toMatch(/^CRWV: cannot reach Yahoo Finance \(chart: fetch failed, ENOTFOUND\)/);
    expect(readdirSync(box)).toEqual([]);
  });

  it('bad arguments are refused before anything is fetched', async () => {
    const t = tempDir();
    const fetch = replay('offline');
    const args = { from: '2025-08-01', to: '2025-11-14', out: join(t.dir, 'c'), fetch };
    expect((await codeOf(fetchToCache([], args))).code).toBe('FETCH_BAD_ARGUMENT');
    expect((await codeOf(fetchToCache(['../x'], args))).message).toMatch(/not a valid symbol/);
    expect((await codeOf(fetchToCache(['CRWV'], { ...args, from: '2025-13-01' }))).message).toMatch(/--from: expected a date YYYY-MM-DD/);
    expect((await codeOf(fetchToCache(['CRWV'], { ...args, from: '2025-12-01' }))).message).toMatch(/is after --to/);
    mkdirSync(join(t.dir, 'mine'));
    writeFileSync(join(t.dir, 'mine', 'notes.txt'), 'mine');
    expect((await codeOf(fetchToCache(['CRWV'], { ...args, out: join(t.dir, 'mine') }))).message).toMatch(/is not a fetch cache/);
    expect(readFileSync(join(t.dir, 'mine', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('the replay never reaches the network: a request with no recording is an error naming its URL', async () => {
    const e = await codeOf(replay('ok')('https://query2.finance.yahoo.com/v8/finance/chart/ZZZ'));
    expect(e).toMatchObject({ code: 'REPLAY_NO_RECORDING' });
    expect(e.message).toContain('chart/ZZZ');
  });

  it('the cache can be the data root of a checkout through its config file', async () => {
    const box = tempDir();
    await fetchToCache(['SPY'], { from: '2025-06-16', to: '2025-06-27', out: join(box.dir, 'cache'), fetch: replay('ok') });
    box.write('aftershock.config.json', '{"dataRoot": "cache"}');
    expect(resolveDataRoot({ env: {}, cwd: box.dir })).toMatchObject({ dir: join(box.dir, 'cache'), via: 'config' });
  });
});

describe('reportTiming: Yahoo instants to date and timing in exchange time', () => {
  const NY = 'America/New_York';
  it('reads the time of day in the exchange zone (summer and winter time)', () => {
    expect(reportTiming(new Date('2025-08-12T20:05:00Z'), NY)).toEqual({ date: '2025-08-12', timing: 'after-close', time: '16:05' });
    expect(reportTiming(new Date('2025-01-29T21:05:00Z'), NY)).toEqual({ date: '2025-01-29', timing: 'after-close', time: '16:05' });
    expect(reportTiming(new Date('2025-01-30T11:30:00Z'), NY)).toEqual({ date: '2025-01-30', timing: 'before-open', time: '06:30' });
    expect(reportTiming(new Date('2025-07-24T13:30:00Z'), NY)).toEqual({ date: '2025-07-24', timing: 'during', time: '09:30' });
    // 21:00 ET is after the close of that day, not the next day's (which a UTC reading, 01:00, would give).
    expect(reportTiming(new Date('2025-08-13T01:00:00Z'), NY)).toEqual({ date: '2025-08-12', timing: 'after-close', time: '21:00' });
  });
  it('a date Yahoo has without a time (midnight UTC or midnight exchange time) has timing unknown', () => {
    expect(reportTiming(new Date('2025-08-12T00:00:00Z'), NY)).toEqual({ date: '2025-08-12', timing: 'unknown' });
    expect(reportTiming(new Date('2025-08-12T04:00:00Z'), NY)).toEqual({ date: '2025-08-12', timing: 'unknown' });
  });
});

describe('symbolRows', () => {
  const base: YahooSymbolData = {
    symbol: 'ABC',
    timezone: 'America/New_York',
    instrumentType: 'EQUITY',
    currency: 'USD',
    bars: [
      { date: new Date('2025-08-11T13:30:00Z'), open: 10, high: 11, low: 9, close: 10.5, volume: 100 },
      { date: new Date('2025-08-12T13:30:00Z'), open: 10.5, high: 12, low: 10, close: 11.25, volume: 200 },
    ],
    dividends: [],
    splits: [],
  };
  it('leaves out the bar of a session that has not closed yet', () => {
    const r = symbolRows({ ...base, marketTime: new Date('2025-08-12T17:00:00Z'), regularEnd: new Date('2025-08-12T20:00:00Z') }, '2025-08-01', '2025-08-31');
    expect(r.prices).toBe('Date,Open,High,Low,Close,Volume\n2025-08-11,10,11,9,10.5,100\n');
    expect(r.warnings).toEqual(['ABC 2025-08-12: the session has not closed yet; its bar is left out']);
  });
  it('keeps only the span asked for, and says when prices are not in USD', () => {
    const r = symbolRows({ ...base, currency: 'EUR' }, '2025-08-12', '2025-08-12');
    expect(r).toMatchObject({ bars: 1, first: '2025-08-12', last: '2025-08-12', warnings: ['ABC: prices are in EUR'] });
  });
});
