import type { Problems} from '@aftershock/core';
import { resolveDay0, xnysCalendar, type BarSeries, type Day0Options, type MarketEvent, type Problem, type TradingCalendar } from '@aftershock/core';

export interface EventCheckOptions {
  readonly calendar?: TradingCalendar;
  /** The day-0 rule's options, used to place each event against the data. */
  readonly day0?: Day0Options;
  /** Severity of EVENT_OUTSIDE_DATA (default `error`); `warning` lets runs keep the events that do fit. */
  readonly outsideData?: Problem['severity'];
}

/**
 * Checks events against loaded prices, gathering into `problems`: EVENT_UNKNOWN_SYMBOL (no prices for the
 * event's symbol; an error) and EVENT_OUTSIDE_DATA (its day 0 is before the symbol's first bar or after its last).
 * Each problem names the event's file and line. Returns the events that passed.
 */
export function checkEvents(
  events: readonly MarketEvent[],
  series: ReadonlyMap<string, BarSeries>,
  problems: Problems,
  opts: EventCheckOptions = {},
): MarketEvent[] {
  const cal = opts.calendar ?? xnysCalendar();
  const ok: MarketEvent[] = [];
  for (const e of events) {
    const where = e.origin ? { file: e.origin.file, line: e.origin.line } : {};
    const bars = series.get(e.symbol);
    if (!bars) {
      problems.error('EVENT_UNKNOWN_SYMBOL', `${e.id}: no price data for ${e.symbol}`, { ...where, field: 'symbol' });
      continue;
    }
    const d0 = resolveDay0(cal, e.date, e.timing, opts.day0 ?? {}, e.kind);
    const first = bars.dates[0];
    const last = bars.dates[bars.length - 1];
    if (d0.day0 === null || first === undefined || last === undefined || d0.day0 < first || d0.day0 > last) {
      const msg = `${e.id}: day 0 ${d0.day0 ?? '(skipped)'} is outside ${e.symbol}'s data ${first ?? '?'}..${last ?? '?'}`;
      if (opts.outsideData === 'warning') problems.warn('EVENT_OUTSIDE_DATA', msg, { ...where, field: 'date' });
      else problems.error('EVENT_OUTSIDE_DATA', msg, { ...where, field: 'date' });
      continue;
    }
    ok.push(e);
  }
  return ok;
}
