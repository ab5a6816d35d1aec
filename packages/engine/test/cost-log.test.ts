import { describe, expect, it } from 'vitest';
import { CostLog, KIND, NOTE } from '../src/cost-log';

const dates = { date: (s: number): string => `2025-08-${String(s).padStart(2, '0')}` };

describe('the cost log (cost lines as columns, items and notes written when read)', () => {
  it('writes each line as the item the engine always built: fields, key order, notes', () => {
    const log = new CostLog(['AAA', 'BBB'], dates);
    log.append(KIND.commission, 0, -1.25, 1000, 4, 7, 'e1', NOTE.none);
    log.append(KIND.slippage, 1, -0.4900000000000091, 1001, 5, 8, undefined, NOTE.slippage, 100, 100.0049, 100);
    log.append(KIND.borrow, 1, -3.2876712328767126, 1002, 6, 0, 'e2', NOTE.borrow, 3, 0.3, 365, 4000.005);
    log.append(KIND.dividend, 0, 5, 1003, 8, 0, undefined, NOTE.dividend, 10, 0.5);
    log.append(KIND.dividend, 0, -0.75, 1004, 11, 0, undefined, NOTE.dividend, -3, 0.25);
    const want = [
      { kind: 'commission', symbol: 'AAA', amount: -1.25, ts: 1000, session: 4, date: '2025-08-04', orderId: 7, eventId: 'e1' },
      { kind: 'slippage', symbol: 'BBB', amount: -0.4900000000000091, ts: 1001, session: 5, date: '2025-08-05', orderId: 8, note: `${100} × |${100.0049} − ${100}|` },
      { kind: 'borrow', symbol: 'BBB', amount: -3.2876712328767126, ts: 1002, session: 6, date: '2025-08-06', eventId: 'e2', note: `${3} day(s) × ${(0.3 * 100).toFixed(2)}% / ${365} on ${(4000.005).toFixed(2)}` },
      { kind: 'dividend', symbol: 'AAA', amount: 5, ts: 1003, session: 8, date: '2025-08-08', note: '10 × 0.5 ex 2025-08-08' },
      { kind: 'dividend', symbol: 'AAA', amount: -0.75, ts: 1004, session: 11, date: '2025-08-11', note: '-3 × 0.25 ex 2025-08-11' },
    ];
    expect(log.all()).toStrictEqual(want);
    expect(JSON.stringify(log.all())).toBe(JSON.stringify(want));
    expect(log.item(2)).toBe(log.all()[2]);
    expect(log.all(2)).toHaveLength(2);
  });

  it('sums the totals in line order, per kind, from the stored amounts', () => {
    const log = new CostLog(['A'], dates);
    const amounts = [-0.1, -0.2, 0.3, -1e-17, 2.5, -0.7];
    const kinds = [KIND.commission, KIND.slippage, KIND.dividend, KIND.commission, KIND.dividend, KIND.borrow];
    for (let i = 0; i < 200; i++) log.append(kinds[i % 6]!, 0, amounts[i % 6]! * (1 + i / 7), i, i, 0, undefined, NOTE.none);
    const t = { commission: 0, slippage: 0, borrow: 0, dividend: 0 };
    for (const c of log.all()) t[c.kind] += c.amount;
    expect(log.totals()).toStrictEqual({ ...t, total: t.commission + t.slippage + t.borrow + t.dividend });
  });
});
