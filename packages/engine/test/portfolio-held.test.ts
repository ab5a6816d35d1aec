import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillRecord, type FillRecord } from '../src/fill-log';
import { Portfolio } from '../src/portfolio';

const SYMBOLS = ['A', 'B', 'C', 'D', 'E', 'F'];
const dates = { date: (s: number): string => `2025-08-${String(s + 1).padStart(2, '0')}` };

/** A fill record for `sym` of `q` shares (negative: sell) at `price`. */
function fill(sym: number, q: number, price: number, session = 1): FillRecord {
  const f = fillRecord();
  f.orderId = 1;
  f.sym = sym;
  f.symbol = SYMBOLS[sym]!;
  f.side = q > 0 ? 'buy' : 'sell';
  f.quantity = Math.abs(q);
  f.price = price;
  f.referencePrice = price;
  f.commission = 0;
  f.slippage = 0;
  f.ts = session * 1000;
  f.session = session;
  f.date = dates.date(session);
  f.at = 'close';
  f.type = 'market-on-close';
  return f;
}

describe('the held positions (closed slots compacted when read, in opening order)', () => {
  it('keeps the opening order through closes and re-openings between reads', () => {
    const pf = new Portfolio(1e6, SYMBOLS, dates);
    for (const k of [0, 1, 2, 3]) pf.applyFill(k, fill(k, 10, 10 + k));
    expect(pf.held).toEqual([0, 1, 2, 3]);
    pf.applyFill(1, fill(1, -10, 12)); // B closes
    pf.applyFill(1, fill(1, 5, 13)); // and opens again before anyone reads: it goes to the end
    pf.applyFill(0, fill(0, -10, 9)); // A closes
    expect(pf.held).toEqual([2, 3, 1]);
    expect(pf.snapshots().map((s) => s.symbol)).toEqual(['C', 'D', 'B']);
    pf.applyFill(3, fill(3, -4, 20)); // a partial exit keeps D where it is
    expect(pf.held).toEqual([2, 3, 1]);
    // Equity sums the positions in that order (the same floating-point sum as before).
    let e = pf.cash;
    for (const k of [2, 3, 1]) e += pf.qty[k]! * pf.last[k]!;
    expect(pf.equityNow()).toBe(e);
  });

  it('matches a list kept by search-and-remove on random fills (fixed seed)', () => {
    const step = fc.record({ sym: fc.integer({ min: 0, max: SYMBOLS.length - 1 }), q: fc.integer({ min: -30, max: 30 }).filter((q) => q !== 0), read: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), (steps) => {
        const pf = new Portfolio(1e9, SYMBOLS, dates);
        const qty = new Array<number>(SYMBOLS.length).fill(0);
        const ref: number[] = [];
        for (const { sym, q, read } of steps) {
          pf.applyFill(sym, fill(sym, q, 50));
          if (qty[sym] === 0) ref.push(sym);
          qty[sym] = qty[sym]! + q;
          if (qty[sym] === 0) ref.splice(ref.indexOf(sym), 1);
          if (read) expect(pf.held).toEqual(ref);
        }
        expect(pf.held).toEqual(ref);
        expect(pf.snapshots().map((s) => s.quantity)).toEqual(ref.map((k) => qty[k]));
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });
});
