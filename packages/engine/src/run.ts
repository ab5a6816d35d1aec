import { AftershockError, daysBetween, xnysCalendar, type BarSeries, type IsoDate, type TradingCalendar } from '@aftershock/core';
import { Broker, type OutcomeSink } from './broker';
import { FillLog } from './fill-log';
import type { BacktestConfig } from './config';
import { buildNotices } from './event-notices';
import { PRIORITY, type EngineMessage, type EventNotice, type Phase, type SessionMessage } from './messages';
import type { Fill, FillPoint, Order, OrderRequest, Rejection } from './orders';
import { phaseOf, POST_CLOSE_OFFSET, PRE_OPEN_OFFSET, sessionInstants, type SessionInstants } from './phase-times';
import { Marks } from './marks';
import { Portfolio, type When } from './portfolio';
import type { BacktestResult, CostItem, Trade } from './results';
import type { HistoryView, MutableClock } from './series-view';
import { inMemorySource, isStreamingSource, type BarSource, type StreamingSource } from './source';
import type { Strategy, StrategyContext } from './strategy';
import { BorrowRates } from './borrow-rates';
import { createContext } from './context';
import { dispatch } from './dispatch';
import { EMPTY_SLICE, Universe } from './universe';
import { validateBacktestConfig } from './validate-config';

const NOOP: Strategy = { name: 'none' };
const NO_COSTS: NonNullable<BacktestConfig['costs']> = {};
/** The default stop test: one function for every run, so the session loop's call site sees one target. */
const NEVER = (): boolean => false;

/** A benchmark series that is not in the universe joins it as its last symbol. */
function withBenchmark(source: BarSource | StreamingSource, bench: BarSeries | string | undefined): BarSource | StreamingSource {
  if (bench === undefined || typeof bench === 'string' || source.symbols.includes(bench.symbol)) return source;
  if (isStreamingSource(source)) {
    throw new AftershockError('BENCHMARK_NOT_IN_STREAM', `with a streaming source the benchmark must be one of its symbols (got a separate series ${bench.symbol})`, { field: 'benchmark' });
  }
  return {
    symbols: [...source.symbols, bench.symbol],
    listing: (s) => (s === bench.symbol ? bench.dates[0] : source.listing?.(s)),
    lastDate: (s) => (s === bench.symbol ? bench.dates[bench.length - 1] : source.lastDate?.(s)),
    load: (s) => (s === bench.symbol ? bench : source.load(s)),
  };
}

/**
 * One run of the engine: the simulated clock walks the sessions of the calendar from start to end; at each phase
 * the broker matches, then the phase message (with its slice and event notices) goes to the observer and to the
 * strategy. Everything is synchronous and allocation-light: one slice per session, shared by its phases.
 */
export class Run implements OutcomeSink {
  readonly cal: TradingCalendar;
  readonly universe: Universe;
  readonly portfolio: Portfolio;
  readonly broker: Broker;
  readonly clock: MutableClock;
  readonly ctx: StrategyContext;
  private readonly strategy: Strategy;
  private readonly notices: EventNotice[];
  private noticeAt = 0;
  /** Scheduled notices public before the start whose release is still ahead: delivered at the first pre-open. */
  private carried: EventNotice[] = [];
  private readonly known = new Map<string, EventNotice>();
  private readonly pendingRejects: Rejection[] = [];
  private readonly rejections: Rejection[] = [];
  private readonly fills: FillLog;
  private seq = 0;
  private messages = 0;
  private ended = false;
  private readonly start: number;
  private end: number;
  /** A streaming source without an end date: the run ends when every stream is exhausted. */
  private readonly openEnded: boolean;
  private readonly benchSym: number;
  private readonly borrowRates: BorrowRates;
  /** Prices positions must be marked at before anyone reads the portfolio. */
  private readonly marks: Marks;
  /** The calendar's open and close instants, computed for the run's sessions once per calendar. */
  private readonly instants: SessionInstants;
  /** Where the outcome of the match in progress is stamped (see matchAt). */
  private matchWhen: When = { ts: Number.NaN, session: 0, date: '' };
  private now: When = { ts: Number.NaN, session: -1, date: '' };
  private matchPriority = 0;
  constructor(
    private readonly config: BacktestConfig,
    /** Who sees every message (the stream's subscriber); none for runBacktest. */
    private readonly emit: ((m: EngineMessage) => void) | undefined,
  ) {
    validateBacktestConfig(config);
    this.cal = config.calendar ?? xnysCalendar();
    this.strategy = config.strategy ?? NOOP;
    const base = Array.isArray(config.source) ? inMemorySource(config.source as readonly BarSeries[]) : (config.source as BarSource | StreamingSource);
    const source = withBenchmark(base, config.benchmark);
    this.universe = new Universe(source, this.cal);
    const startGuess = config.start !== undefined ? this.cal.ordinalOnOrAfter(config.start) : Infinity;
    this.universe.open(Number.isFinite(startGuess) ? startGuess : this.firstListing(source));
    const range = this.universe.loadedRange();
    this.start = Number.isFinite(startGuess) ? startGuess : range.first;
    this.openEnded = config.end === undefined && this.universe.streaming;
    this.end = config.end !== undefined ? this.cal.ordinalOnOrBefore(config.end) : this.openEnded ? this.cal.size - 1 : range.last;
    if (!Number.isFinite(this.start) || !Number.isFinite(this.end)) {
      throw new AftershockError('EMPTY_RUN', 'the run has no bars: give a non-empty universe or start and end dates', { field: 'source' });
    }
    if (this.end < this.start) throw new AftershockError('BAD_RANGE', `end ${config.end ?? '(last bar)'} is before start ${this.cal.date(this.start)}`, { field: 'end' });
    this.benchSym = config.benchmark === undefined ? -1 : this.universe.symbolIndex(typeof config.benchmark === 'string' ? config.benchmark : config.benchmark.symbol);
    if (config.benchmark !== undefined && this.benchSym < 0) {
      throw new AftershockError('UNKNOWN_SYMBOL', `benchmark ${String(config.benchmark)} is not in the universe`, { field: 'benchmark' });
    }
    this.portfolio = new Portfolio(config.initialCash, this.universe.symbols, this.cal);
    this.marks = new Marks(this.portfolio, this.universe);
    this.broker = new Broker(this.portfolio, { costs: config.costs ?? {}, margin: config.margin, allowShort: config.allowShort ?? true }, this.universe.symbols);
    this.fills = new FillLog(this.universe.symbols, this.cal, this.broker.log);
    this.notices = buildNotices(config.events ?? [], this.cal, config.earningsLead ?? 'tsKnown', config.day0 ?? {});
    const startDate = this.cal.date(this.start);
    this.instants = sessionInstants(this.cal, this.start - 1, this.openEnded ? this.start : this.end);
    this.clock = { ts: phaseOf(this.instants.open[this.start]!, this.instants.close[this.start]!, 'pre-open') - 1, session: this.start, date: startDate, phase: 'init' };
    // What was released before the first pre-open window is history: known, not delivered. An event whose date
    // was public before the start but whose release is still ahead is delivered with the first pre-open message.
    const before = this.start > 0 ? phaseOf(this.instants.open[this.start - 1]!, this.instants.close[this.start - 1]!, 'post-close') : -Infinity;
    while (this.noticeAt < this.notices.length && this.notices[this.noticeAt]!.ts <= before) {
      const n = this.notices[this.noticeAt++]!;
      this.remember(n);
      if (n.stage === 'scheduled' && n.event.tsEvent > before) this.carried.push(n);
    }
    this.borrowRates = new BorrowRates(config.costs?.borrow, this.universe, config.listingDates ?? {}, config.events ?? []);
    this.ctx = createContext({
      clock: this.clock,
      calendar: this.cal,
      universe: this.universe,
      portfolio: this.portfolio,
      broker: this.broker,
      view: (k) => this.view(k),
      benchmark: this.benchSym,
      submit: (o) => this.submit(o),
      known: this.known,
      ensureMarks: () => this.ensureMarks(),
    });
  }

  private firstListing(source: BarSource | StreamingSource): number {
    if (isStreamingSource(source)) return -1;
    let first = Infinity;
    for (const s of source.symbols) {
      const l = source.listing?.(s);
      if (l === undefined) return -1;
      first = Math.min(first, this.cal.ordinalOnOrAfter(l));
    }
    return first;
  }

  // The broker reports a match's outcomes to the run itself: methods, so its call sites see the same targets in
  // every run (a per-run closure is a new target, and code optimised in an earlier run is thrown away).

  /** A fill of the match in progress (OutcomeSink): logged, marked, and sent to whoever reads fills. */
  filled(sym: number): void {
    const when = this.matchWhen;
    const i = this.fills.record(this.broker.last);
    this.marks.filled(sym);
    if (this.wants('fill')) this.next({ type: 'fill', ts: when.ts, priority: this.matchPriority, seq: this.seq++, session: when.session, date: when.date, fill: this.fills.fill(i) });
    else this.skip();
  }

  /** A rejection of the match in progress (OutcomeSink). */
  rejected(rejection: Rejection): void {
    const when = this.matchWhen;
    this.rejections.push(rejection);
    if (this.wants('reject')) this.next({ type: 'reject', ts: when.ts, priority: this.matchPriority, seq: this.seq++, session: when.session, date: when.date, rejection });
    else this.skip();
  }

  private remember(n: EventNotice): void {
    this.known.set(n.event.id, n);
  }

  private view(sym: number): HistoryView {
    return this.universe.view(sym, this.clock);
  }

  /** The clock's instant as a `When` (one object per phase: fills, costs and rejections copy its fields). */
  private when(): When {
    const c = this.clock;
    const w = this.now;
    if (w.ts !== c.ts || w.session !== c.session || w.date !== c.date) this.now = { ts: c.ts, session: c.session, date: c.date };
    return this.now;
  }

  private submit(req: OrderRequest): number {
    const sym = this.universe.symbolIndex(req.symbol);
    const when = this.when();
    const id = this.broker.submit(req, sym, when, this.clock.phase);
    const invalid = this.broker.invalid;
    if (this.ended) {
      this.broker.cancel(id);
      this.broker.reject(id);
      this.pendingRejects.push(this.broker.rejection(id, 'RUN_ENDED', `the run ended at ${this.cal.date(this.end)}; no order can fill`, when));
    } else if (invalid !== undefined) {
      this.pendingRejects.push(this.broker.rejection(id, invalid.code, invalid.message, when));
    }
    return id;
  }

  private next(m: EngineMessage): void {
    this.messages++;
    this.emit?.(m);
    dispatch(this.strategy, m, this.ctx);
  }

  /**
   * Whether anyone reads a message of this kind: the stream's subscriber, or a strategy callback it would reach.
   * A message nobody reads is not built; it still takes its place in the order (`seq`) and the count.
   */
  private wants(kind: 'fill' | 'reject' | 'dividend' | Phase): boolean {
    const st = this.strategy;
    if (this.emit !== undefined || st.onMessage !== undefined) return true;
    switch (kind) {
      case 'fill':
        return st.onFill !== undefined;
      case 'reject':
        return st.onReject !== undefined;
      case 'dividend':
        return false;
      case 'pre-open':
        return st.onEvent !== undefined || st.onSession !== undefined || st.onPreOpen !== undefined;
      case 'open':
        return st.onEvent !== undefined || st.onSession !== undefined || st.onOpen !== undefined;
      case 'close':
        return st.onEvent !== undefined || st.onSession !== undefined || st.onBar !== undefined || st.onSessionClose !== undefined;
      case 'post-close':
        return st.onEvent !== undefined || st.onSession !== undefined || st.onPostClose !== undefined;
    }
  }

  /** A message nobody reads: counted and given its seq, not built. */
  private skip(): void {
    this.messages++;
    this.seq++;
  }

  private flushRejects(): void {
    // Handling a rejection may submit (and reject) more orders: drain until empty.
    while (this.pendingRejects.length > 0) {
      const r = this.pendingRejects.shift()!;
      this.rejections.push(r);
      if (this.wants('reject')) this.next({ type: 'reject', ts: r.ts, priority: PRIORITY.reject, seq: this.seq++, session: r.session, date: r.date, rejection: r });
      else this.skip();
    }
  }

  private setPhase(s: number, date: IsoDate, phase: Phase, ts: number): void {
    this.clock.phase = phase;
    this.clock.session = s;
    this.clock.date = date;
    this.clock.ts = ts;
  }

  private takeNotices(ts: number): EventNotice[] {
    const out: EventNotice[] = this.carried.length > 0 ? this.carried : [];
    if (out.length > 0) this.carried = [];
    while (this.noticeAt < this.notices.length && this.notices[this.noticeAt]!.ts <= ts) {
      const n = this.notices[this.noticeAt++]!;
      this.remember(n);
      out.push(n);
    }
    return out;
  }

  /** The phase message, sent to whoever reads it (the notices it carries become known either way). */
  private phaseMessage(s: number, date: IsoDate, phase: Phase, slice: SessionMessage['slice'], last: boolean): void {
    const events = this.notices.length === 0 ? NO_EVENTS : this.takeNotices(this.clock.ts);
    if (!this.wants(phase)) {
      this.skip();
      return;
    }
    this.next({ type: 'session', ts: this.clock.ts, priority: PRIORITY.session, seq: this.seq++, session: s, date, phase, slice, events: events.length === 0 ? NO_EVENTS : events, last });
  }

  private matchAt(point: FillPoint, s: number, priority: number): void {
    if (!this.broker.hasWorking) return;
    this.ensureMarks();
    this.matchWhen = this.when();
    this.matchPriority = priority;
    this.broker.match(point, s, this.matchWhen, this.universe.today, this.universe.series, this);
  }

  /** Borrow accrued on shorts, then dividends of today's ex-dates on held positions (before the pre-open message). */
  private preOpenCash(s: number, date: IsoDate, slice: SessionMessage['slice']): void {
    const pf = this.portfolio;
    if (pf.held.length === 0) return;
    const costs = this.config.costs ?? NO_COSTS;
    const borrow = costs.borrow;
    const due = this.universe.dividendEntries;
    if (borrow === undefined && (due.length === 0 || costs.dividends === false)) return;
    const when = this.when();
    if (borrow !== undefined) {
      const days = s > 0 ? daysBetween(this.cal.date(s - 1), date) : 0;
      const basis = borrow.dayCount ?? 365;
      for (const sym of pf.held.slice()) {
        const q = pf.qty[sym]!;
        if (!(q < 0) || days <= 0) continue;
        const rate = this.borrowRates.rate(sym, date);
        const value = -q * pf.last[sym]!;
        const fee = (value * rate * days) / basis;
        if (fee !== 0) pf.charge('borrow', sym, -fee, when, days, rate, basis, value);
      }
    }
    if (costs.dividends === false) return;
    // Today's ex-dates (found while slicing), in universe order.
    for (let j = 0; j < due.length; j++) {
      const k = due[j]!;
      const sym = slice.symbols[k]!;
      const q = pf.qty[sym]!;
      if (q === 0) continue;
      const d = this.universe.series[sym]!.dividend[slice.bars[k]!]!;
      const amount = q * d;
      const symbol = this.universe.symbols[sym]!;
      pf.charge('dividend', sym, amount, when, q, d);
      if (!this.wants('dividend')) this.skip();
      else this.next({ type: 'dividend', ts: when.ts, priority: PRIORITY.dividend, seq: this.seq++, session: s, date, symbol, perShare: d, quantity: q, amount });
    }
  }

  /** Marks positions at today's open or close if the phase changed them and nobody has looked yet (lazy). */
  private ensureMarks(): void {
    this.marks.ensure(this.clock.session);
  }

  /** Runs every session and returns the result. */
  execute(shouldStop: () => boolean = NEVER): BacktestResult {
    this.strategy.init?.(this.ctx);
    this.flushRejects();
    const u = this.universe;
    const inst = this.instants;
    for (let s = this.start; s <= this.end && !shouldStop(); s++) {
      const date = this.cal.date(s);
      if (inst.open[s] !== inst.open[s]) sessionInstants(this.cal, s, s);
      const open = inst.open[s]!;
      const close = inst.close[s]!;
      const slice = u.slice(s);
      const last = s === this.end || (this.openEnded && !u.hasPendingBars);

      this.setPhase(s, date, 'pre-open', open - PRE_OPEN_OFFSET);
      this.preOpenCash(s, date, slice);
      this.phaseMessage(s, date, 'pre-open', EMPTY_SLICE, false);
      this.flushRejects();

      this.setPhase(s, date, 'open', open);
      u.reveal();
      this.marks.request('open');
      this.matchAt('open', s, PRIORITY.fill);
      this.phaseMessage(s, date, 'open', slice, false);
      this.flushRejects();

      this.setPhase(s, date, 'close', close);
      u.complete();
      this.matchAt('intraday', s, PRIORITY.fill);
      this.marks.request('close');
      this.phaseMessage(s, date, 'close', slice, false);
      const filled = this.fills.length;
      this.matchAt('close', s, PRIORITY.auctionFill);
      if (this.fills.length !== filled) this.marks.request('close');
      this.flushRejects();

      this.setPhase(s, date, 'post-close', close + POST_CLOSE_OFFSET);
      this.broker.expireDay(s);
      this.ensureMarks();
      const bb = this.benchSym >= 0 ? u.barToday(this.benchSym) : -1;
      this.portfolio.recordEquity(s, date, this.benchSym < 0 ? undefined : bb >= 0 ? u.series[this.benchSym]!.close[bb]! : NaN);
      this.phaseMessage(s, date, 'post-close', slice, last);
      this.flushRejects();

      if (last) {
        this.end = s;
        break;
      }
    }
    this.ended = true;
    this.strategy.onEnd?.(this.ctx);
    this.flushRejects();
    return this.result();
  }

  /**
   * The run's result. The fills, the orders, the cost lines and the round trips are made into objects when first
   * read (a caller that reads only the equity or the stats does not pay for them: a sweep of thousands of runs);
   * each is built once, from the state at the end of the run.
   */
  private result(): BacktestResult {
    const pf = this.portfolio;
    const last = pf.equity[pf.equity.length - 1];
    const broker = this.broker;
    const orderCount = broker.log.length;
    const lastSession = this.end;
    const costCount = pf.costLog.length;
    const fillLog = this.fills;
    let fills: Fill[] | undefined;
    let orders: Order[] | undefined;
    let trades: Trade[] | undefined;
    let costs: CostItem[] | undefined;
    return {
      strategy: this.strategy.name,
      start: this.cal.date(this.start),
      end: this.cal.date(this.end),
      initialCash: pf.initialCash,
      finalEquity: last?.equity ?? pf.equityNow(),
      finalCash: pf.cash,
      equity: pf.equity,
      ...(this.benchSym >= 0 ? { benchmark: this.universe.symbols[this.benchSym]! } : {}),
      get fills(): Fill[] {
        return (fills ??= fillLog.all());
      },
      get orders(): Order[] {
        return (orders ??= broker.orders(orderCount));
      },
      rejections: this.rejections,
      get costs(): CostItem[] {
        return (costs ??= pf.costLog.all(costCount));
      },
      costTotals: pf.costLog.totals(costCount),
      get trades(): Trade[] {
        return (trades ??= pf.trades(lastSession));
      },
      positions: pf.snapshots(),
      stats: { bars: this.universe.barsSliced, messages: this.messages, sessions: this.end - this.start + 1 },
    };
  }
}

const NO_EVENTS: readonly EventNotice[] = [];
