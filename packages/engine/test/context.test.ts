import { describe, expect, it } from 'vitest';
import { isAftershockError, type BarSeries } from '@aftershock/core';
import {
  averageTrueRange,
  inMemorySource,
  returnStdDev,
  runBacktest,
  sizeFixedNotional,
  sizeFixedShares,
  sizeFractionOfEquity,
  sizeVolatilityTarget,
  type BarSource,
  type SeriesView,
  type StrategyContext,
} from '../src/index';
import { flat, series } from './bars';

const X = series('X', [
  ['2025-08-04', 100, 105, 95, 102],
  ['2025-08-05', 101, 103, 97, 98],
  ['2025-08-06', 95, 99, 90, 96],
  ['2025-08-07', 97, 110, 96, 108],
]);

function code(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return isAftershockError(e) ? e.code : 'other';
  }
}

describe('the history view ends at the current time', () => {
  it('reading beyond it throws LOOK_AHEAD in every phase; at the open only the open is known', () => {
    const seen: string[] = [];
    runBacktest({
      source: [X],
      start: '2025-08-05',
      end: '2025-08-06',
      initialCash: 0,
      strategy: {
        name: 'peek',
        init(ctx) {
          const v = ctx.series('X');
          seen.push(`init len=${v.length} close0=${v.close(0)} next=${code(() => v.close(1))}`);
        },
        onSession(m, ctx) {
          const v = ctx.series('X');
          const n = v.length;
          const today = m.phase === 'pre-open' ? 'n/a' : `open=${v.open(n - 1)} close=${code(() => v.close(n - 1)) ?? v.close(n - 1)} high=${code(() => v.high(n - 1)) ?? 'ok'}`;
          seen.push(`${m.date} ${m.phase} len=${n} closed=${v.closedLength} ${today} beyond=${code(() => v.open(n))}/${code(() => v.close(n + 1))}/${code(() => v.date(n))}`);
        },
      },
    });
    expect(seen).toEqual([
      'init len=1 close0=102 next=LOOK_AHEAD',
      '2025-08-05 pre-open len=1 closed=1 n/a beyond=LOOK_AHEAD/LOOK_AHEAD/LOOK_AHEAD',
      '2025-08-05 open len=2 closed=1 open=101 close=LOOK_AHEAD high=LOOK_AHEAD beyond=LOOK_AHEAD/LOOK_AHEAD/LOOK_AHEAD',
      '2025-08-05 close len=2 closed=2 open=101 close=98 high=ok beyond=LOOK_AHEAD/LOOK_AHEAD/LOOK_AHEAD',
      '2025-08-05 post-close len=2 closed=2 open=101 close=98 high=ok beyond=LOOK_AHEAD/LOOK_AHEAD/LOOK_AHEAD',
      '2025-08-06 pre-open len=2 closed=2 n/a beyond=LOOK_AHEAD/LOOK_AHEAD/LOOK_AHEAD',
      '2025-08-06 open len=3 closed=2 open=95 close=LOOK_AHEAD high=LOOK_AHEAD beyond=LOOK_AHEAD/LOOK_AHEAD/LOOK_AHEAD',
      '2025-08-06 close len=3 closed=3 open=95 close=96 high=ok beyond=LOOK_AHEAD/LOOK_AHEAD/LOOK_AHEAD',
      '2025-08-06 post-close len=3 closed=3 open=95 close=96 high=ok beyond=LOOK_AHEAD/LOOK_AHEAD/LOOK_AHEAD',
    ]);
  });

  it('copies of history hold only the past; a view kept from an earlier message still ends at the current time', () => {
    let kept: SeriesView | undefined;
    const lens: number[] = [];
    runBacktest({
      source: [X],
      initialCash: 0,
      strategy: {
        name: 'keep',
        onBar(_m, ctx) {
          kept ??= ctx.series('X');
          lens.push(kept.length);
          expect(Array.from(kept.closes(10))).toEqual(Array.from(X.close.subarray(0, kept.length)));
        },
      },
    });
    expect(lens).toEqual([1, 2, 3, 4]);
    expect(code(() => kept!.close(4))).toBe('LOOK_AHEAD');
  });

  it('unknown symbols are coded errors', () => {
    expect(code(() => runBacktest({ source: [X], initialCash: 0, strategy: { name: 'u', init: (ctx) => ctx.series('NOPE') } }))).toBe('UNKNOWN_SYMBOL');
    expect(code(() => runBacktest({ source: [X], initialCash: 0, benchmark: 'SPY', strategy: { name: 'b' } }))).toBe('UNKNOWN_SYMBOL');
  });
});

describe('streaming source', () => {
  it('loads a symbol only when the clock reaches its listing', () => {
    const a = flat('A', '2025-08-04', '2025-08-15');
    const ipo = flat('IPO', '2025-08-12', '2025-08-15', 40);
    const base = inMemorySource([a, ipo]);
    const loads: string[] = [];
    let clockDate = '';
    const source: BarSource = {
      symbols: base.symbols,
      listing: (s) => base.listing!(s),
      lastDate: (s) => base.lastDate!(s),
      load: (s): BarSeries => {
        loads.push(`${s}@${clockDate || 'start'}`);
        return base.load(s);
      },
    };
    runBacktest({ source, initialCash: 0, strategy: { name: 'clock', onPostClose: (m) => void (clockDate = m.date) } });
    expect(loads).toEqual(['A@start', 'IPO@2025-08-11']);
  });
});

describe('sizing helpers', () => {
  it('fixed shares, fixed notional, fraction of equity', () => {
    expect(sizeFixedShares(12.7)).toBe(12);
    expect(sizeFixedShares(-1)).toBe(0);
    expect(sizeFixedNotional(10_000, 148.75)).toBe(67);
    expect(sizeFixedNotional(10_000, 0)).toBe(0);
    expect(sizeFractionOfEquity(0.1, 100_000, 50)).toBe(200);
  });

  it('volatility-targeted by ATR or by return sd, on visible history only', () => {
    let out: number[] = [];
    runBacktest({
      source: [X],
      initialCash: 0,
      strategy: {
        name: 'size',
        onSessionClose(m, ctx) {
          if (m.date !== '2025-08-07') return;
          const v = ctx.series('X');
          // TR: 08-05 max(6, 1, 5) = 6; 08-06 max(9, 1, 8) = 9; 08-07 max(14, 14, 0) = 14 → ATR(3) = 29/3.
          out = [averageTrueRange(v, 3), averageTrueRange(v, 4), sizeVolatilityTarget(v, 100_000, 108, { method: 'atr', target: 0.01, lookback: 3 })];
          const sd = returnStdDev(v, 3);
          out.push(sd, sizeVolatilityTarget(v, 100_000, 108, { method: 'sd', target: 0.2, lookback: 3 }));
        },
      },
    });
    const r = [98 / 102 - 1, 96 / 98 - 1, 108 / 96 - 1];
    const mean = (r[0]! + r[1]! + r[2]!) / 3;
    const sd = Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
    expect(out[0]).toBeCloseTo(29 / 3, 12);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBe(Math.floor(1000 / (29 / 3))); // 103
    expect(out[3]).toBeCloseTo(sd, 12);
    expect(out[4]).toBe(Math.floor((0.2 * 100_000) / (sd * Math.sqrt(252)) / 108));
  });
});

describe('configuration', () => {
  it('bad numbers are gathered into one coded error naming each field', () => {
    let problems: readonly { field?: string; code: string }[] = [];
    try {
      runBacktest({
        source: [X],
        initialCash: -5,
        start: '2025-13-01',
        earningsLead: 1.5,
        margin: { maxGrossLeverage: 0.5 },
        costs: { slippage: { type: 'range-fraction', fraction: 2 }, commission: { type: 'bps', bps: -1 }, borrow: { annualRate: Number.NaN } },
        strategy: { name: 'x' },
      });
    } catch (e) {
      problems = (e as { problems: typeof problems }).problems;
    }
    expect(problems.map((p) => p.field)).toEqual(['initialCash', 'start', 'earningsLead', 'costs.commission.bps', 'costs.slippage.fraction', 'costs.borrow.annualRate', 'margin.maxGrossLeverage']);
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['ENGINE_BAD_CONFIG']));
  });
});

describe('strategies as classes, and a benchmark series', () => {
  it('a class instance keeps its state across callbacks; a separate benchmark series is recorded per session', () => {
    class Counter {
      readonly name = 'counter';
      sessions = 0;
      closes: number[] = [];
      onPostClose(): void {
        this.sessions++;
      }
      onBar(_m: unknown, ctx: StrategyContext): void {
        const b = ctx.benchmark!;
        this.closes.push(b.close(b.closedLength - 1));
      }
    }
    const bench = flat('BENCH', '2025-08-04', '2025-08-07', 400);
    const s = new Counter();
    const r = runBacktest({ source: [X], benchmark: bench, initialCash: 0, strategy: s });
    expect(s.sessions).toBe(4);
    expect(s.closes).toEqual([400, 400, 400, 400]);
    expect(r.benchmark).toBe('BENCH');
    expect(r.equity.map((p) => p.benchmark)).toEqual([400, 400, 400, 400]);
  });
});
