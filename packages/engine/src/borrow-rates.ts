import { isoToDayNumber, type IsoDate, type MarketEvent } from '@aftershock/core';
import type { BorrowConfig } from './costs';
import type { Universe } from './universe';

/**
 * The annual borrow rate of a short on a date: a per-symbol override, else the hard-to-borrow rate while the
 * symbol is a recent listing, else the general rate. The listing date is taken from `listingDates`, else an IPO
 * event, else a first bar later than the universe's earliest first bar (a series that starts with the data is
 * not a new listing).
 * @example
 * new BorrowRates({ annualRate: 0.05, hardToBorrow: { rate: 0.4, listedWithinDays: 90 } }, u, {}, ipos).rate(k, '2025-04-15') // 0.4 for CRWV
 */
export class BorrowRates {
  private readonly ipoDay = new Map<number, number>();
  private earliestFirst: number | undefined;

  constructor(
    private readonly cfg: BorrowConfig | undefined,
    private readonly universe: Universe,
    private readonly listingDates: Readonly<Record<string, IsoDate>>,
    events: readonly MarketEvent[],
  ) {
    for (const e of events) {
      if (e.kind !== 'ipo') continue;
      const k = universe.symbolIndex(e.symbol);
      if (k >= 0) this.ipoDay.set(k, isoToDayNumber(e.date));
    }
  }

  rate(sym: number, date: IsoDate): number {
    const b = this.cfg;
    if (b === undefined) return 0;
    const own = b.perSymbol?.[this.universe.symbols[sym]!];
    if (own !== undefined) return own;
    const htb = b.hardToBorrow;
    if (htb !== undefined) {
      const listed = this.listingDay(sym);
      if (listed !== undefined && isoToDayNumber(date) - listed < htb.listedWithinDays) return htb.rate;
    }
    return b.annualRate;
  }

  /** Listing day number (days since 1970-01-01), or undefined when the symbol is not a new listing. */
  listingDay(sym: number): number | undefined {
    const cfg = this.listingDates[this.universe.symbols[sym]!];
    if (cfg !== undefined) return isoToDayNumber(cfg);
    const ipo = this.ipoDay.get(sym);
    if (ipo !== undefined) return ipo;
    const ser = this.universe.series[sym];
    if (ser === undefined || ser.length === 0) return undefined;
    if (this.earliestFirst === undefined) {
      let earliest = Infinity;
      for (const s of this.universe.series) if (s !== undefined && s.length > 0) earliest = Math.min(earliest, s.session[0]!);
      this.earliestFirst = earliest;
    }
    return ser.session[0]! > this.earliestFirst ? isoToDayNumber(ser.dates[0]!) : undefined;
  }
}
