import { describe, expect, it } from 'vitest';
import { runBacktest, type Order, type OrderRequest, type Strategy } from '../src/index';
import { OrderLog, STATUS } from '../src/order-log';
import { series } from './bars';

const X = series('X', [
  ['2025-08-04', 100, 105, 95, 102],
  ['2025-08-05', 101, 103, 97, 98],
  ['2025-08-06', 95, 99, 90, 96],
  ['2025-08-07', 97, 110, 96, 108],
]);

/** The Order a request becomes, written out field by field in the order the engine has always built them. */
function expected(req: OrderRequest, id: number, ts: number, session: number, status: Order['status']): Order {
  const o: Record<string, unknown> = { id, symbol: req.symbol, side: req.side, quantity: req.quantity, type: req.type, tif: req.tif ?? 'day', submittedTs: ts, submittedSession: session, status };
  if (req.limitPrice !== undefined) o.limitPrice = req.limitPrice;
  if (req.stopPrice !== undefined) o.stopPrice = req.stopPrice;
  if (req.reason !== undefined) o.reason = req.reason;
  if (req.eventId !== undefined) o.eventId = req.eventId;
  return o as unknown as Order;
}

const requests: { req: OrderRequest; valid: boolean }[] = [
  { req: { symbol: 'X', side: 'buy', quantity: 10, type: 'market-on-open' }, valid: true },
  { req: { symbol: 'X', side: 'sell', quantity: 2.5, type: 'limit', limitPrice: 101.25, tif: 'gtc', reason: 'take profit', eventId: 'e1' }, valid: true },
  { req: { symbol: 'X', side: 'sell', quantity: 3, type: 'stop', stopPrice: 90, tif: 'day' }, valid: true },
  { req: { symbol: 'X', side: 'buy', quantity: 1, type: 'market-on-close', eventId: 'e2' }, valid: true },
  // Invalid requests keep every field as given, even ones the columns cannot hold.
  { req: { symbol: 'Y', side: 'hold', quantity: Number.NaN, type: 'twap', tif: 'ioc' } as unknown as OrderRequest, valid: false },
  // A field the order type does not use is kept as given, whatever its type.
  { req: { symbol: 'X', side: 'buy', quantity: 4, type: 'market-on-open', limitPrice: '12' } as unknown as OrderRequest, valid: true },
];

describe('the order log (orders as columns, made into Order objects when read)', () => {
  it('gives back every order exactly as submitted: same fields, same order of keys, same values', () => {
    const log = new OrderLog(['X']);
    requests.forEach(({ req, valid }, k) => log.append(req, k === 4 ? -1 : 0, 1_000 + k, 7 + k, 7, valid));
    const want = requests.map(({ req, valid }, k) => expected(req, k + 1, 1_000 + k, 7 + k, valid ? 'working' : 'rejected'));
    expect(log.all()).toStrictEqual(want);
    expect(JSON.stringify(log.all())).toBe(JSON.stringify(want));
    expect(log.length).toBe(requests.length);
  });

  it('each order is built once, and a status set after it was read reaches the object already handed out', () => {
    const log = new OrderLog(['X']);
    for (const { req, valid } of requests) log.append(req, 0, 0, 0, 0, valid);
    const first = log.order(1);
    expect(log.order(1)).toBe(first);
    log.setStatus(1, STATUS.cancelled);
    expect(first.status).toBe('cancelled');
    log.setStatus(4, STATUS.expired);
    expect(log.all()[4]!.status).toBe('expired');
    log.setStatus(0, STATUS.filled);
    expect(log.all().map((o) => o.status)).toEqual(['filled', 'cancelled', 'working', 'working', 'expired', 'working']);
  });

  it('grows past its first capacity without losing a column', () => {
    const syms = ['A', 'B', 'C', 'D', 'E'];
    const req = (k: number): OrderRequest => ({ symbol: syms[k % 5]!, side: k % 2 === 0 ? 'buy' : 'sell', quantity: k + 1, type: 'limit', limitPrice: 50 + k / 4, reason: `r${k}` });
    const log = new OrderLog(syms);
    for (let k = 0; k < 300; k++) log.append(req(k), k % 5, k * 60_000, k, k + 1, true);
    const all = log.all();
    expect(all).toHaveLength(300);
    all.forEach((o, k) => {
      expect(o).toStrictEqual(expected(req(k), k + 1, k * 60_000, k, 'working'));
      expect([log.sym(k), log.activeFrom(k), log.symbolOf(k)]).toEqual([k % 5, k + 1, syms[k % 5]]);
    });
  });

  it('through a run: the result lists every order as submitted with its final status, openOrders the same objects', () => {
    let open: readonly Order[] = [];
    const strategy: Strategy = {
      name: 'orders',
      onPreOpen(m, ctx) {
        if (m.date !== '2025-08-05') return;
        ctx.submit({ symbol: 'X', side: 'buy', quantity: 10, type: 'market-on-open', reason: 'in' });
        ctx.submit({ symbol: 'X', side: 'sell', quantity: 10, type: 'limit', limitPrice: 109, tif: 'gtc', eventId: 'e' });
        ctx.submit({ symbol: 'X', side: 'buy', quantity: 1, type: 'limit', limitPrice: 1 });
        ctx.submit({ symbol: 'X', side: 'sideways', quantity: 1, type: 'market-on-open' } as unknown as OrderRequest);
        ctx.submit({ symbol: 'X', side: 'buy', quantity: 1, type: 'limit', limitPrice: '99' } as unknown as OrderRequest);
      },
      onPostClose(m, ctx) {
        if (m.date === '2025-08-05') open = ctx.openOrders();
      },
    };
    const r = runBacktest({ source: [X], initialCash: 100_000, strategy });
    expect(r.orders.map((o) => [o.id, o.side, o.type, o.status, o.reason, o.eventId])).toEqual([
      [1, 'buy', 'market-on-open', 'filled', 'in', undefined],
      [2, 'sell', 'limit', 'filled', undefined, 'e'],
      [3, 'buy', 'limit', 'expired', undefined, undefined],
      [4, 'sideways', 'market-on-open', 'rejected', undefined, undefined],
      [5, 'buy', 'limit', 'rejected', undefined, undefined],
    ]);
    expect(r.orders[4]!.limitPrice).toBe('99');
    expect(r.rejections.map((x) => [x.orderId, x.code, x.request])).toEqual([
      [4, 'INVALID_ORDER', { symbol: 'X', side: 'sideways', quantity: 1, type: 'market-on-open', tif: 'day' }],
      [5, 'INVALID_ORDER', { symbol: 'X', side: 'buy', quantity: 1, type: 'limit', tif: 'day', limitPrice: '99' }],
    ]);
    // The order still working after the 5th's close is the GTC limit, and it is the object the result holds.
    expect(open.map((o) => o.id)).toEqual([2]);
    expect(open[0]).toBe(r.orders[1]);
    expect(r.fills.map((f) => [f.orderId, f.date, f.price])).toEqual([[1, '2025-08-05', 101], [2, '2025-08-07', 109]]);
  });

  it('the result builds its orders and trades when first read, once, and lists them where it always did', () => {
    const strategy: Strategy = {
      name: 'round-trip',
      onPreOpen(m, ctx) {
        if (m.date === '2025-08-05') ctx.submit({ symbol: 'X', side: 'buy', quantity: 10, type: 'market-on-open' });
        if (m.date === '2025-08-07') ctx.submit({ symbol: 'X', side: 'sell', quantity: 10, type: 'market-on-open' });
      },
    };
    const r = runBacktest({ source: [X], initialCash: 100_000, strategy });
    expect(Object.keys(r)).toEqual(['strategy', 'start', 'end', 'initialCash', 'finalEquity', 'finalCash', 'equity', 'fills', 'orders', 'rejections', 'costs', 'costTotals', 'trades', 'positions', 'stats']);
    expect(r.orders).toBe(r.orders);
    expect(r.trades).toBe(r.trades);
    expect(r.trades.map((t) => [t.entryDate, t.exitDate, t.entryPrice, t.exitPrice, t.grossPnl])).toEqual([['2025-08-05', '2025-08-07', 101, 97, -40]]);
    // A copy (spread, JSON) carries the values.
    const copy = { ...r };
    expect(Object.getOwnPropertyDescriptor(copy, 'trades')?.value).toBe(r.trades);
    expect(JSON.parse(JSON.stringify(r)).orders).toEqual(JSON.parse(JSON.stringify(r.orders)));
  });
});
