import { xnysCalendar, type BarSeries, type IsoDate, type MarketEvent } from '@aftershock/core';

/** Test-only: a BarSeries from dates and closes (open/high/low = close, no dividends). */
export function barsFromCloses(symbol: string, dates: readonly IsoDate[], closes: readonly number[]): BarSeries {
  const cal = xnysCalendar();
  const close = Float64Array.from(closes);
  return {
    symbol,
    length: dates.length,
    dates,
    session: Int32Array.from(dates, (d) => cal.ordinal(d)),
    open: close,
    high: close,
    low: close,
    close,
    volume: new Float64Array(dates.length),
    adjClose: close,
    dividend: new Float64Array(dates.length),
  };
}

/** Test-only: a plain custom event. */
export function customEvent(symbol: string, date: IsoDate, timing: MarketEvent['timing'] = 'before-open', tags: Record<string, string> = {}): MarketEvent {
  return { id: `${symbol}-${date}`, symbol, kind: 'custom', date, timing, tsEvent: 0, tsKnown: 0, tags };
}

/** Test-only: reads a long `date,symbol,close` CSV into BarSeries per symbol. */
export function longCsvToBars(text: string): Map<string, BarSeries> {
  const by = new Map<string, { d: IsoDate[]; c: number[] }>();
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const [d, s, c] = line.split(',') as [string, string, string];
    const e = by.get(s) ?? { d: [], c: [] };
    e.d.push(d);
    e.c.push(c === 'NA' || c === '' ? NaN : Number(c));
    by.set(s, e);
  }
  return new Map([...by].map(([s, e]) => [s, barsFromCloses(s, e.d, e.c)]));
}
