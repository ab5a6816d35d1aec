import { AftershockError, type TradingCalendar } from '@aftershock/core';
import type { Broker } from './broker';
import type { EventNotice } from './messages';
import type { OrderRequest } from './orders';
import type { Portfolio } from './portfolio';
import type { MutableClock } from './series-view';
import type { PortfolioView, SeriesView, StrategyContext } from './strategy';
import type { Universe } from './universe';

export interface ContextParts {
  readonly clock: MutableClock;
  readonly calendar: TradingCalendar;
  readonly universe: Universe;
  readonly portfolio: Portfolio;
  readonly broker: Broker;
  /** The (cached) history view of a universe index. */
  readonly view: (k: number) => SeriesView;
  /** Universe index of the benchmark, or −1. */
  readonly benchmark: number;
  readonly submit: (o: OrderRequest) => number;
  /** Latest notice per event id, in the order events became known. */
  readonly known: ReadonlyMap<string, EventNotice>;
  /** Brings position marks up to the current phase before the portfolio is read. */
  readonly ensureMarks: () => void;
}

/** The strategy's window on a run: the clock, history views that end now, the portfolio, and order entry. */
export function createContext(p: ContextParts): StrategyContext {
  const pf = p.portfolio;
  const u = p.universe;
  const portfolio: PortfolioView = {
    get cash() {
      return pf.cash;
    },
    get equity() {
      p.ensureMarks();
      return pf.equityNow();
    },
    position: (symbol) => {
      p.ensureMarks();
      const k = u.symbolIndex(symbol);
      return k < 0 ? undefined : pf.snapshot(k);
    },
    positions: () => {
      p.ensureMarks();
      return pf.snapshots();
    },
  };
  return {
    clock: p.clock,
    calendar: p.calendar,
    symbols: u.symbols,
    symbolIndex: (s) => u.symbolIndex(s),
    series: (s) => {
      const k = typeof s === 'number' ? s : u.symbolIndex(s);
      if (!(k >= 0 && k < u.symbols.length) || !Number.isInteger(k)) {
        throw new AftershockError('UNKNOWN_SYMBOL', `${String(s)} is not in this run's universe`, { field: 'symbol' });
      }
      return p.view(k);
    },
    get benchmark() {
      return p.benchmark >= 0 ? p.view(p.benchmark) : undefined;
    },
    portfolio,
    submit: p.submit,
    cancel: (id) => p.broker.cancel(id),
    openOrders: (symbol) => p.broker.openOrders(symbol),
    knownEvents: (symbol) => [...p.known.values()].filter((n) => symbol === undefined || n.event.symbol === symbol),
  };
}
