import { describe, expect, it } from 'vitest';
import { isAftershockError } from '@aftershock/core';
import { runBacktest, streamingSource, type BacktestConfig, type BarRow, type SeriesView, type StreamingSource, type Strategy } from '../src/index';
import { cal, flat, series, type Row } from './bars';

const A = series('A', [
  ['2025-08-04', 100, 105, 95, 102],
  ['2025-08-05', 101, 103, 97, 98],
  ['2025-08-06', 95, 99, 90, 96],
  ['2025-08-07', 97, 110, 96, 108],
  ['2025-08-08', 108, 109, 100, 101, 0.5],
  ['2025-08-11', 100, 102, 99, 100],
]);
const B = series('B', [
  ['2025-08-06', 20, 21, 19, 20],
  ['2025-08-08', 21, 22, 20, 22],
  ['2025-08-11', 22, 23, 21, 21],
]);

/** Buys on down closes, sells on up closes, at the next open; shorts allowed. */
const swing = (): Strategy => ({
  name: 'swing',
  onSessionClose(m, ctx) {
    for (let k = m.slice.start; k < m.slice.end; k++) {
      const v = ctx.series(m.slice.symbols[k]!);
      const i = m.slice.bars[k]!;
      if (i < 1) continue;
      const side = v.close(i) < v.close(i - 1) ? 'buy' : 'sell';
      ctx.submit({ symbol: v.symbol, side, quantity: 10, type: 'market-on-open', reason: side });
    }
  },
});

describe('streaming source', () => {
  it('gives the same fills, costs and equity as the same bars in memory', () => {
    const cfg = (source: BacktestConfig['source']): BacktestConfig => ({
      source,
      start: '2025-08-05',
      end: '2025-08-11',
      initialCash: 10_000,
      costs: { commission: { type: 'per-share', perShare: 0.01, minimum: 1 }, slippage: { type: 'bps', bps: 10 }, borrow: { annualRate: 0.2 } },
      strategy: swing(),
    });
    const mem = runBacktest(cfg([A, B]));
    const str = runBacktest(cfg(streamingSource([A, B])));
    expect(mem.fills.length).toBeGreaterThan(4);
    expect(JSON.stringify(str.fills)).toBe(JSON.stringify(mem.fills));
    expect(JSON.stringify(str.costs)).toBe(JSON.stringify(mem.costs));
    expect(JSON.stringify(str.equity)).toBe(JSON.stringify(mem.equity));
  });

  it('reads a bar only when the clock reaches it (one row of lookahead inside the engine)', () => {
    const read: string[] = [];
    const base = streamingSource([A]);
    const source: StreamingSource = {
      symbols: base.symbols,
      stream: function* (symbol) {
        const it = base.stream(symbol);
        for (let r = it.next(); r.done !== true; r = it.next()) {
          read.push(r.value.date);
          yield r.value;
        }
      },
    };
    const aheadAt: number[] = [];
    runBacktest({
      source,
      initialCash: 0,
      strategy: {
        name: 'watch',
        onSession(m) {
          const furthest = cal.ordinal(read[read.length - 1]!);
          aheadAt.push(furthest - m.session);
        },
      },
    });
    expect(read).toEqual(A.dates);
    // Never more than one session beyond the clock, and that row is not visible (see the look-ahead tests).
    expect(Math.max(...aheadAt)).toBe(1);
  });

  it('without an end date the run ends with the streams; a later listing and warm-up history work', () => {
    const late = flat('L', '2025-08-07', '2025-08-12', 5);
    const closes: string[] = [];
    let lastFlag = '';
    const r = runBacktest({
      source: streamingSource([A, late]),
      start: '2025-08-05',
      initialCash: 0,
      strategy: {
        name: 'w',
        init: (ctx) => closes.push(`init:A=${ctx.series('A').length},L=${ctx.series('L').length}`),
        onBar: (m) => closes.push(`${m.date}:${m.slice.end}`),
        onPostClose: (m) => void (m.last && (lastFlag = m.date)),
      },
    });
    expect(closes).toEqual(['init:A=1,L=0', '2025-08-05:1', '2025-08-06:1', '2025-08-07:2', '2025-08-08:2', '2025-08-11:2', '2025-08-12:1']);
    expect([r.start, r.end, lastFlag]).toEqual(['2025-08-05', '2025-08-12', '2025-08-12']);
    expect(r.stats.bars).toBe(5 + 4);
  });

  it('an endless stream works with an end date: nothing past the clock is ever read', () => {
    let read = 0;
    const endless: StreamingSource = {
      symbols: ['INF'],
      stream: function* (): Generator<BarRow> {
        for (let o = cal.ordinal('2025-01-02'); ; o++) {
          read++;
          yield { date: cal.date(o), open: 10, high: 11, low: 9, close: 10 };
        }
      },
    };
    const r = runBacktest({ source: endless, start: '2025-01-02', end: '2025-01-31', initialCash: 0, strategy: { name: 'x' } });
    expect(r.stats.bars).toBe(20); // January 2025 had 20 sessions (Jan 1 and Jan 9 closed, MLK day Jan 20)
    expect(read).toBe(21); // the 20 bars plus one row of lookahead
  });

  it('bad rows are coded errors naming the symbol and date', () => {
    const rows = (dates: string[]): StreamingSource => ({
      symbols: ['Z'],
      stream: function* (): Generator<BarRow> {
        for (const date of dates) yield { date, open: 1, high: 1, low: 1, close: 1 };
      },
    });
    const code = (s: StreamingSource): string | undefined => {
      try {
        runBacktest({ source: s, initialCash: 0, strategy: { name: 'x' } });
        return undefined;
      } catch (e) {
        return isAftershockError(e) ? `${e.code}: ${e.message}` : 'other';
      }
    };
    expect(code(rows(['2025-08-05', '2025-08-04']))).toBe('STREAM_OUT_OF_ORDER: Z: bar 2025-08-04 does not come after 2025-08-05');
    expect(code(rows(['2025-08-04', '2025-08-09']))).toBe('NOT_A_SESSION: Z: bar dated 2025-08-09 is not a XNYS session');
  });
  it('a view kept from the start follows its series as the stream outgrows its first columns (16 bars)', () => {
    const dates = cal.sessionsBetween('2025-06-02', '2025-07-31');
    const rows = dates.map((d, i): Row => [d, 100 + i, 101 + i, 99 + i, 100.5 + i]);
    const s = series('G', rows);
    const seen: number[][] = [];
    let view: SeriesView | undefined;
    const strategy: Strategy = {
      name: 'reader',
      init: (ctx) => {
        view = ctx.series('G');
      },
      onSessionClose(m, ctx) {
        expect(ctx.series('G')).toBe(view);
        const i = view!.closedLength - 1;
        seen.push([view!.open(i), view!.high(i), view!.low(i), view!.close(i), i > 0 ? view!.close(i - 1) : NaN]);
      },
    };
    runBacktest({ source: streamingSource([s]), initialCash: 1_000, strategy });
    expect(seen).toHaveLength(dates.length);
    expect(dates.length).toBeGreaterThan(32);
    seen.forEach((r, i) => expect(r).toEqual([100 + i, 101 + i, 99 + i, 100.5 + i, i > 0 ? 99.5 + i : NaN]));
  });
});
