import { describe, expect, it } from 'vitest';
import { runBacktest, type Strategy } from '../src/index';
import { series } from './bars';

const X = series('X', [
  ['2025-08-04', 100, 105, 95, 102],
  ['2025-08-05', 101, 103, 97, 98],
  ['2025-08-06', 95, 99, 90, 96],
  ['2025-08-07', 97, 110, 96, 108],
]);

/** Buys at the first close (with a reason and an event id), sells at the third (neither). */
const strategy: Strategy = {
  name: 'kept',
  onSessionClose(msg, ctx) {
    const k = msg.session - ctx.calendar.ordinal('2025-08-04');
    if (k === 0) ctx.submit({ symbol: 'X', side: 'buy', quantity: 10, type: 'market-on-close', reason: 'in', eventId: 'e1' });
    if (k === 2) ctx.submit({ symbol: 'X', side: 'sell', quantity: 10, type: 'market-on-close' });
  },
};

describe('fills and equity points a run keeps (built by constructors)', () => {
  it('have the fields of the result types in their order, optional ones only when given', () => {
    const r = runBacktest({ source: [X], initialCash: 10_000, strategy, benchmark: X });
    expect(r.fills.map((f) => Object.keys(f))).toEqual([
      ['orderId', 'symbol', 'side', 'quantity', 'price', 'referencePrice', 'commission', 'slippage', 'ts', 'session', 'date', 'at', 'type', 'reason', 'eventId'],
      ['orderId', 'symbol', 'side', 'quantity', 'price', 'referencePrice', 'commission', 'slippage', 'ts', 'session', 'date', 'at', 'type'],
    ]);
    expect(JSON.parse(JSON.stringify(r.fills[1]))).toEqual({ ...r.fills[1] });
    expect(r.fills[1]).toMatchObject({ side: 'sell', quantity: 10, price: 96, date: '2025-08-06', at: 'close', type: 'market-on-close' });
    expect(Object.keys(r.equity[0]!)).toEqual(['session', 'date', 'cash', 'positionsValue', 'equity', 'benchmark']);
    expect(r.equity.map((p) => p.equity)).toEqual([10_000, 10_000 - 40, 10_000 - 60, 10_000 - 60]);
    const alone = runBacktest({ source: [X], initialCash: 10_000, strategy });
    expect(Object.keys(alone.equity[0]!)).toEqual(['session', 'date', 'cash', 'positionsValue', 'equity']);
    expect('benchmark' in alone.equity[0]!).toBe(false);
  });
});
