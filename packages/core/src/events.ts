import type { IsoDate } from './dates';

/** When, relative to the session, information was released. */
export type Timing = 'before-open' | 'during' | 'after-close' | 'unknown';
export const TIMINGS: readonly Timing[] = ['before-open', 'during', 'after-close', 'unknown'];

export type EventKind = 'earnings' | 'lockup-expiry' | 'ipo' | 'custom';
export const EVENT_KINDS: readonly EventKind[] = ['earnings', 'lockup-expiry', 'ipo', 'custom'];

/** A symbol related to an event's company (a customer, supplier, competitor, sector ETF …). */
export interface Related {
  readonly symbol: string;
  readonly relation?: string;
  readonly source?: string;
}

/**
 * What every event carries. `date` + `timing` say when it happened; `tsEvent` is that instant (epoch ms) and
 * `tsKnown` the instant its *date* became public (a lock-up from the IPO on, an earnings date some sessions ahead).
 * The numbers of an event (EPS, revenue) are visible only from `tsEvent` on.
 */
export interface EventBase {
  readonly id: string;
  readonly symbol: string;
  readonly kind: EventKind;
  readonly date: IsoDate;
  readonly timing: Timing;
  readonly tsEvent: number;
  readonly tsKnown: number;
  /** Free tags (e.g. `confirmed: "yes"`, `sector: "ai"`) usable for grouping and filters. */
  readonly tags: Readonly<Record<string, string>>;
  readonly related?: readonly Related[];
  readonly source?: string;
  /** File and line the event was read from, for error messages. */
  readonly origin?: { readonly file: string; readonly line: number };
}

export interface EarningsEvent extends EventBase {
  readonly kind: 'earnings';
  readonly fiscalPeriod?: string;
  readonly epsActual?: number;
  readonly epsEstimate?: number;
  readonly revenueActual?: number;
  readonly revenueEstimate?: number;
  /** epsActual − epsEstimate, when both exist. */
  readonly surprise?: number;
  /** surprise / |epsEstimate| × 100, when the estimate is non-zero. */
  readonly surprisePct?: number;
}

export interface LockupEvent extends EventBase {
  readonly kind: 'lockup-expiry';
  readonly ipoDate: IsoDate;
  readonly lockupDays?: number;
  readonly offerPrice?: number;
  /** Share of outstanding shares unlocked, in percent. */
  readonly sharesUnlockedPct?: number;
  /** True when the expiry date is confirmed from a public source; false when estimated by the 180-day rule. */
  readonly confirmed: boolean;
}

export interface IpoEvent extends EventBase {
  readonly kind: 'ipo';
  readonly offerPrice?: number;
}

export interface CustomEvent extends EventBase {
  readonly kind: 'custom';
  readonly label?: string;
}

export type MarketEvent = EarningsEvent | LockupEvent | IpoEvent | CustomEvent;

/** Surprise sign for grouping: beat / miss / inline / unknown. */
export function surpriseSign(e: MarketEvent): 'beat' | 'miss' | 'inline' | 'unknown' {
  if (e.kind !== 'earnings' || e.surprise === undefined) return 'unknown';
  if (e.surprise > 0) return 'beat';
  if (e.surprise < 0) return 'miss';
  return 'inline';
}

/** Reads a grouping field of an event: `kind`, `timing`, `symbol`, `surprise` (sign), `confirmed`, or any tag. */
export function eventField(e: MarketEvent, field: string): string {
  switch (field) {
    case 'kind':
      return e.kind;
    case 'timing':
      return e.timing;
    case 'symbol':
      return e.symbol;
    case 'surprise':
    case 'surpriseSign':
      return surpriseSign(e);
    case 'confirmed':
      return e.kind === 'lockup-expiry' ? (e.confirmed ? 'confirmed' : 'estimated') : 'n/a';
    default:
      return e.tags[field] ?? 'n/a';
  }
}
