import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Problems, resolveDay0, xnysCalendar, type EarningsEvent, type LockupEvent } from '@aftershock/core';
import {
  checkEvents,
  loadEstudy2Prices,
  loadEvents,
  loadRelations,
  loadSymbol,
  loadUniverse,
  listSymbols,
  parseEvents,
  projectCalendars,
  resolveDataRoot,
  summarizeSeries,
} from '../src/index';
import { SHARED } from './helpers';

const root = resolveDataRoot({ env: {} });
const cal = xnysCalendar();

describe('real prices (../shared/data/real/backtester39, read in place)', () => {
  it('CRWV: the motivating case closes, no dividends, no gaps', () => {
    const s = loadSymbol(root, 'CRWV');
    const at = (d: string): number => s.close[s.dates.indexOf(d)]!;
    expect(s.dates[0]).toBe('2025-03-28');
    expect(s.length).toBe(294);
    expect(s.open[0]).toBe(39);
    expect(at('2025-08-13') / at('2025-08-12') - 1).toBeCloseTo(-0.208, 3);
    expect(at('2025-08-14') / at('2025-08-13') - 1).toBeCloseTo(-0.155, 3);
    expect(summarizeSeries(s).gaps).toEqual([]);
    expect(s.dividend.every((d) => d === 0)).toBe(true);
    expect(s.session[s.dates.indexOf('2025-08-13')]).toBe(cal.ordinal('2025-08-13'));
  });

  it('SPY: raw and dividend-adjusted closes both available; 2025-08-12 close 642.69', () => {
    const p = new Problems();
    const s = loadSymbol(root, 'SPY', { problems: p });
    expect(s.close[s.dates.indexOf('2025-08-12')]).toBeCloseTo(642.69, 2);
    expect(p.list.map((x) => x.code)).toEqual([]);
    expect(s.dates[0]).toBe('1999-12-31'); // inside the XNYS calendar since it covers 1990–2040
    const sum = summarizeSeries(s);
    expect(sum.dividends.count).toBeGreaterThan(100);
    expect(sum.dividends.last).toEqual({ date: '2026-03-20', amount: 1.797 });
    expect(s.adjClose[s.length - 1]).toBe(s.close[s.length - 1]);
    expect(s.adjClose[0]! / s.close[0]!).toBeLessThan(0.7); // 26 years of dividends
    // adjClose growth over 2024 is the product of the Yahoo/CRSP daily factors C_t / (C_{t−1} − D_t).
    const a = s.dates.indexOf('2023-12-29');
    const b = s.dates.indexOf('2024-12-31');
    let tr = 1;
    for (let i = a + 1; i <= b; i++) tr *= s.close[i]! / (s.close[i - 1]! - s.dividend[i]!);
    expect(s.adjClose[b]! / s.adjClose[a]!).toBeCloseTo(tr, 12);
    expect(s.dividend.slice(a + 1, b + 1).filter((d) => d > 0)).toHaveLength(4);
  });

  it('the whole universe: 360 files, 610,589 rows, one warning (BK 2021-05-05 low above open)', () => {
    const p = new Problems();
    const u = loadUniverse(root, { problems: p });
    let rows = 0;
    for (const s of u.values()) rows += s.length;
    expect(u.size).toBe(360);
    expect(rows).toBe(610_589);
    expect(p.list.map((x) => [x.code, x.file?.endsWith('/BK.csv'), x.line])).toEqual([['PRICE_OHLC_INCONSISTENT', true, 591]]);
    expect(listSymbols(root)).toHaveLength(360);
    expect([...u.keys()]).toEqual([...u.keys()].sort());
    // Every value equals what split + parseFloat reads from the same text (the char-code parser is exact).
    let mismatches = 0;
    for (const [sym, s] of u) {
      const lines = readFileSync(join(root.dir, 'universe', 'prices', `${sym}.csv`), 'utf8').trim().split('\n').slice(1);
      lines.forEach((line, i) => {
        const f = line.split(',');
        if (f[0] !== s.dates[i] || +f[1]! !== s.open[i] || +f[2]! !== s.high[i] || +f[3]! !== s.low[i] || +f[4]! !== s.close[i] || +f[5]! !== s.volume[i]) mismatches++;
      });
    }
    expect(mismatches).toBe(0);
  });

  it('estudy2 example long file: 7 stocks and ^GSPC, close-only', () => {
    const m = loadEstudy2Prices(join(SHARED, 'estudy2', 'prices.csv'));
    expect([...m.keys()].sort()).toEqual(['AMZN', 'FB', 'NFLX', 'SHOP', 'UBER', 'UPWK', 'ZM', '^GSPC']);
    const g = m.get('^GSPC')!;
    expect(g.length).toBe(253);
    expect(g.dates[0]).toBe('2019-04-01');
    expect(g.open).toEqual(g.close);
    expect(Number.isNaN(g.volume[0])).toBe(true);
    expect(m.get('ZM')!.length).toBe(240);
  });
});

describe("the project's own calendars (data/) against the shared sources", () => {
  const project = projectCalendars();

  it('load without errors; every event has a symbol with prices; the flagship events lie inside their data', () => {
    expect(project?.events.length).toBeGreaterThan(0);
    const events = loadEvents(project!.events);
    const symbols = [...new Set(events.map((e) => e.symbol))];
    const known = listSymbols(root);
    expect(symbols.filter((s) => !known.includes(s))).toEqual([]);
    const p = new Problems();
    const u = loadUniverse(root, { symbols, problems: p });
    const inside = checkEvents(events, u, p);
    expect(p.list.filter((x) => x.code === 'EVENT_UNKNOWN_SYMBOL')).toEqual([]);
    // The flagship symbols' events all fall inside their price data (others may not, e.g. a lock-up after 2026-05-29).
    const flagship = events.filter((e) => ['CRWV', 'NVDA', 'MSFT'].includes(e.symbol));
    expect(flagship.length).toBeGreaterThanOrEqual(29);
    expect(flagship.filter((e) => !inside.includes(e)).map((e) => e.id)).toEqual([]);
    expect(loadRelations(project!.relations!).get('CRWV')?.map((r) => r.symbol)).toContain('NVDA');
  });

  it('CoreWeave: data/ agrees with curated/crwv_events.csv on dates, timing, day 0 and EPS', () => {
    const ours = loadEvents(project!.events).filter((e) => e.symbol === 'CRWV');
    const curated = loadEvents(join(SHARED, 'real', 'curated', 'crwv_events.csv'));
    expect(curated.map((e) => e.id)).toEqual(['CRWV:ipo:2025-03-28', 'CRWV:earnings:2025-05-14', 'CRWV:earnings:2025-08-12', 'CRWV:lockup-expiry:2025-08-14', 'CRWV:earnings:2025-11-10']);
    for (const c of curated) {
      const o = ours.find((e) => e.id === c.id);
      expect(o, c.id).toBeDefined();
      if (c.kind !== 'ipo') expect(o!.timing, c.id).toBe(c.timing);
      expect(resolveDay0(cal, o!.date, o!.timing, {}, o!.kind).day0, c.id).toBe(resolveDay0(cal, c.date, c.timing, {}, c.kind).day0);
      if (c.kind === 'earnings') expect((o as EarningsEvent).epsActual, c.id).toBe((c as EarningsEvent).epsActual);
    }
    const lock = ours.find((e) => e.kind === 'lockup-expiry') as LockupEvent;
    expect(resolveDay0(cal, lock.date, lock.timing, {}, 'lockup-expiry').day0).toBe('2025-08-15');
    expect(lock.confirmed).toBe(true);
  });

  it('NVDA and MSFT 2023–2025 earnings dates agree with the macropilot date lists and carry EPS', () => {
    const ours = loadEvents(project!.events).filter((e): e is EarningsEvent => e.kind === 'earnings');
    for (const sym of ['NVDA', 'MSFT']) {
      const dates = loadEvents(join(SHARED, 'real', 'earnings', 'macropilot-dates', `${sym}.csv`), { kind: 'earnings' })
        .map((e) => e.date)
        .filter((d) => d >= '2023-01-01' && d <= '2025-12-31');
      const mine = ours.filter((e) => e.symbol === sym && e.date >= '2023-01-01' && e.date <= '2025-12-31');
      expect(mine.map((e) => e.date).filter((d) => d >= dates[0]!)).toEqual(dates);
      expect(mine.every((e) => e.epsActual !== undefined && e.epsEstimate !== undefined)).toBe(true);
    }
  });

  it('NVDA and MSFT dates and timing agree with SEC 8-K Item 2.02 acceptance times (read through a column mapping)', () => {
    const edgar = join(SHARED, 'real', 'earnings', 'edgar-8k-item202', 'edgar_8k_item202.csv');
    const p = new Problems(); // the file has blank tickers and 8-K/A amendments: gather, do not throw
    const filings = parseEvents(readFileSync(edgar, 'utf8'), edgar, { problems: p, kind: 'earnings', columns: { date: 'acceptance_date_et', timing: 'session_et' } });
    const byId = new Map(filings.map((e) => [e.id, e]));
    const ours = loadEvents(project!.events).filter((e) => (e.symbol === 'NVDA' || e.symbol === 'MSFT') && e.kind === 'earnings');
    expect(ours.length).toBeGreaterThanOrEqual(24);
    for (const e of ours) expect(byId.get(e.id)?.timing, e.id).toBe(e.timing);
  });

  it('reads the other shared earnings sources as cross-checks (Alpha Vantage CSV/JSON, Yahoo dates)', () => {
    const p = new Problems();
    const av = loadEvents(join(SHARED, 'real', 'earnings', 'hankimmy-alphavantage', 'NVDA.csv'), { problems: p });
    expect(av.find((e) => e.date === '2023-08-23')).toMatchObject({ symbol: 'NVDA', epsActual: 0.27 });
    const avj = loadEvents(join(SHARED, 'real', 'earnings', 'alphavantage-m1keh0uk', 'MSFT_earnings.json'), { problems: p });
    expect(avj.find((e) => e.date === '2024-10-30')).toMatchObject({ symbol: 'MSFT', timing: 'after-close', epsActual: 3.3 });
    const yf = loadEvents(join(SHARED, 'real', 'earnings', 'yfinance-investiq', 'earnings_dates.csv'), { problems: p });
    expect(yf.find((e) => e.id === 'NVDA:earnings:2025-08-27')).toMatchObject({ timing: 'after-close', epsActual: 1.05, epsEstimate: 1.01 });
    expect(p.hasErrors).toBe(false);
  });
});
