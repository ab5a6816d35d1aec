import { formatCsv } from '../csv';
import { parseTiming } from '../timing';
import type { YahooSymbolData } from './yahoo-client';

/** The files of one symbol in the project's own formats, plus what was left out and why. */
export interface SymbolRows {
  readonly symbol: string;
  /** `Date,Open,High,Low,Close,Volume` (split-adjusted, raw close: the BackTester39 layout). */
  readonly prices: string;
  /** `Date,Dividend` (ex-date, cash per share), or undefined when there is none in the span. */
  readonly dividends?: string;
  /** Rows of the earnings calendar (`EARNINGS_HEADER`). */
  readonly earnings: readonly (readonly string[])[];
  /** Rows of the custom-event calendar of splits (`SPLITS_HEADER`). */
  readonly splits: readonly (readonly string[])[];
  readonly first?: string;
  readonly last?: string;
  readonly bars: number;
  readonly warnings: readonly string[];
}

export const EARNINGS_HEADER = ['symbol', 'date', 'timing', 'fiscal_period', 'eps_actual', 'eps_estimate', 'revenue_actual', 'revenue_estimate', 'known_at', 'source'] as const;
export const SPLITS_HEADER = ['symbol', 'date', 'timing', 'kind', 'tags', 'source'] as const;

/** Date and `HH:MM` of an instant in a time zone. */
function local(d: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const p = (t: string) => parts.find((x) => x.type === t)!.value;
  return { date: `${p('year')}-${p('month')}-${p('day')}`, time: `${p('hour')}:${p('minute')}` };
}

/**
 * The report's date and timing. Yahoo stores a date it knows only as midnight (UTC, or exchange time): that is the
 * date with timing unknown. Any other instant is read in exchange time: before 09:30 before-open, from 16:00
 * after-close, else during (`parseTiming` of `HH:MM`).
 */
export function reportTiming(d: Date, timeZone: string): { date: string; timing: string; time?: string } {
  const utc = d.toISOString();
  if (utc.endsWith('T00:00:00.000Z')) return { date: utc.slice(0, 10), timing: 'unknown' };
  const l = local(d, timeZone);
  if (l.time === '00:00') return { date: l.date, timing: 'unknown' };
  return { date: l.date, timing: parseTiming(l.time)!, time: l.time };
}

/** `2Q2025` → `Q2 FY2025` (the fiscal quarter as data/earnings.csv writes it). */
function fiscalPeriod(q: string | undefined): string {
  const m = q ? /^(\d)Q(\d{4})$/.exec(q) : null;
  return m ? `Q${m[1]} FY${m[2]}` : (q ?? '');
}

const num = (x: number | null | undefined): string => (typeof x === 'number' && Number.isFinite(x) ? String(x) : '');

/**
 * Turns what Yahoo returned for a symbol into the project's formats over [from, to]: bars with every price (a bar
 * Yahoo gives without one, or of a session still open, is left out with a warning), dividends, splits (as custom
 * events `kind=split`; the prices are already adjusted for them) and earnings (reported quarters, and the next
 * report when Yahoo gives one date for it rather than an estimated range).
 */
export function symbolRows(y: YahooSymbolData, from: string, to: string): SymbolRows {
  const tz = y.timezone;
  const warnings: string[] = [];
  const rows: string[][] = [['Date', 'Open', 'High', 'Low', 'Close', 'Volume']];
  const seen = new Set<string>();
  const open = y.regularEnd && y.marketTime && y.marketTime < y.regularEnd ? local(y.regularEnd, tz).date : undefined;
  for (const b of y.bars) {
    const date = local(b.date, tz).date;
    if (date < from || date > to) continue;
    if (date === open) {
      warnings.push(`${y.symbol} ${date}: the session has not closed yet; its bar is left out`);
      continue;
    }
    if (seen.has(date)) {
      warnings.push(`${y.symbol} ${date}: a second bar for the same session is left out`);
      continue;
    }
    const px = [b.open, b.high, b.low, b.close];
    if (px.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      warnings.push(`${y.symbol} ${date}: Yahoo gave no ${['open', 'high', 'low', 'close'].filter((_, i) => typeof px[i] !== 'number').join('/')} price; the bar is left out`);
      continue;
    }
    seen.add(date);
    rows.push([date, num(b.open), num(b.high), num(b.low), num(b.close), typeof b.volume === 'number' ? String(b.volume) : '0']);
  }
  rows.splice(1, rows.length - 1, ...rows.slice(1).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
  const divs = y.dividends
    .map((d) => [local(d.date, tz).date, num(d.amount)] as [string, string])
    .filter(([d, a]) => d >= from && d <= to && a !== '')
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const src = 'Yahoo Finance (yahoo-finance2';
  const splits = y.splits
    .map((s) => [y.symbol, local(s.date, tz).date, 'before-open', 'split', `ratio=${s.numerator}:${s.denominator}`, `${src} chart events; prices are already adjusted)`])
    .filter((r) => r[1]! >= from && r[1]! <= to)
    .sort((a, b) => (a[1]! < b[1]! ? -1 : 1));
  const earnings: string[][] = [];
  const e = y.earnings;
  if (e) {
    for (const q of e.quarters) {
      if (!q.reportedDate) continue;
      const t = reportTiming(q.reportedDate, tz);
      if (t.date < from || t.date > to) continue;
      const rev = e.revenue.get(q.date);
      earnings.push([y.symbol, t.date, t.timing, fiscalPeriod(q.fiscalQuarter ?? q.date), num(q.actual), num(q.estimate), num(rev), '', '', `${src} quoteSummary earnings${t.time ? `, reported ${t.time} exchange time` : ''})`]);
    }
    if (e.next.length === 1 && !e.nextIsEstimate) {
      const t = reportTiming(e.next[0]!, tz);
      if (t.date >= from && t.date <= to && !earnings.some((r) => r[1] === t.date)) {
        earnings.push([y.symbol, t.date, t.timing, '', '', '', '', '', '', `${src} quoteSummary calendarEvents, scheduled${t.time ? ` ${t.time} exchange time` : ''})`]);
      }
    } else if (e.next.length > 0) {
      warnings.push(`${y.symbol}: the next earnings date is Yahoo's estimate (${e.next.map((d) => d.toISOString().slice(0, 10)).join(' .. ')}); not written`);
    }
    earnings.sort((a, b) => (a[1]! < b[1]! ? -1 : 1));
  }
  if (y.currency && y.currency !== 'USD') warnings.push(`${y.symbol}: prices are in ${y.currency}`);
  const bars = rows.length - 1;
  return {
    symbol: y.symbol,
    prices: formatCsv(rows),
    ...(divs.length > 0 ? { dividends: formatCsv([['Date', 'Dividend'], ...divs]) } : {}),
    earnings,
    splits,
    ...(bars > 0 ? { first: rows[1]![0]!, last: rows[bars]![0]! } : {}),
    bars,
    warnings,
  };
}
