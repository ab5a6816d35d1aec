import type { IsoDate, TradingCalendar } from '@aftershock/core';
import type { Scenario } from '../load/scenario';

/** The backtest period: the scenario's `period`, else 10 sessions before the first event to 30 after the last. */
export function backtestPeriod(s: Scenario, eventDates: readonly IsoDate[], benchDates: readonly IsoDate[], cal: TradingCalendar): { from: IsoDate; to: IsoDate } {
  const sorted = [...eventDates].sort();
  const lastData = benchDates[benchDates.length - 1] ?? sorted[sorted.length - 1] ?? '';
  const clamp = (d: IsoDate) => (d > lastData ? lastData : d);
  const shift = (d: IsoDate, n: number) => cal.date(Math.max(0, Math.min(cal.size - 1, cal.ordinalOnOrAfter(d) + n)));
  const from = s.period.from ?? (sorted[0] ? shift(sorted[0], -10) : (benchDates[0] ?? ''));
  const to = s.period.to ?? (sorted.length ? shift(sorted[sorted.length - 1]!, 30) : lastData);
  return { from, to: clamp(to) };
}
