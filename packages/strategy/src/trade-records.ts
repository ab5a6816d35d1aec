import type { BacktestResult, Trade } from '@aftershock/engine';
import type { TradeRecord } from './trade';

/**
 * The engine's round trips as the strategy package's records. The engine signs costs as effects on equity
 * (negative = paid); records state them positive when paid, by kind.
 */
/** An equity effect (negative = paid) as a cost paid (positive), without a −0. */
const paid = (x: number) => (x === 0 ? 0 : -x);

export function toTradeRecord(t: Trade): TradeRecord {
  const notional = t.quantity * t.entryPrice;
  return {
    eventId: t.eventId ?? null,
    symbol: t.symbol,
    side: t.direction,
    qty: t.quantity,
    entryDate: t.entryDate,
    entryPrice: t.entryPrice,
    exitDate: t.exitDate ?? null,
    exitPrice: t.exitPrice ?? null,
    sessionsHeld: t.sessionsHeld,
    grossPnl: t.grossPnl,
    costs: { commission: paid(t.costs.commission), slippage: paid(t.costs.slippage), borrow: paid(t.costs.borrow), dividends: paid(t.costs.dividend) },
    netPnl: t.pnl,
    notional,
    ret: t.returnPct,
    exitReason: t.open ? 'open' : (t.exitReason ?? 'exit'),
  };
}

/** Σ |price × quantity| over every fill of a run. */
export function tradedNotional(result: BacktestResult): number {
  let s = 0;
  for (const f of result.fills) s += Math.abs(f.price * f.quantity);
  return s;
}

/**
 * 1 at each session close where the run held a position, else 0 (from the trades: a trade entered at session a and
 * closed at session b is held at the closes a … b − 1; an open one until the end).
 */
export function exposureFlags(result: BacktestResult): Float64Array {
  const eq = result.equity;
  const out = new Float64Array(eq.length);
  if (eq.length === 0) return out;
  const sessions = Int32Array.from(eq, (p) => p.session);
  const at = (s: number) => {
    let lo = 0;
    let hi = sessions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sessions[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const t of result.trades) {
    const a = at(t.entrySession);
    const b = t.open || t.exitSession === undefined ? eq.length : at(t.exitSession);
    for (let k = a; k < b; k++) out[k] = 1;
  }
  return out;
}
