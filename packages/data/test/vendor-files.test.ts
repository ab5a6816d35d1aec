import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Problems, ValidationError, type EarningsEvent } from '@aftershock/core';
import { barDates, dateReader, loadEvents, loadMarketCalendar, loadPriceFile, parseEvents, parsePrices, parseTiming, readTextFile } from '../src/index';
import { SHARED, tempDir } from './helpers';

const YAHOO = join(SHARED, 'real/earnings/yfinance-investiq/earnings_dates.csv');
const EDGAR = join(SHARED, 'real/earnings/edgar-8k-item202/edgar_8k_item202.csv');

describe('dateReader', () => {
  it('reads vendor layouts and rejects what does not match or is not a real date', () => {
    expect(dateReader('MM/DD/YYYY')('08/12/2025')).toBe('2025-08-12');
    expect(dateReader('DD.MM.YYYY')('12.08.2025 16:30')).toBe('2025-08-12');
    expect(dateReader('YYYYMMDD')('20250812')).toBe('2025-08-12');
    expect(dateReader('D/M/YYYY')('3/7/2025')).toBe('2025-07-03');
    expect(dateReader('MM/DD/YYYY')('2025-08-12')).toBeUndefined();
    expect(dateReader('MM/DD/YYYY')('02/30/2025')).toBeUndefined();
    expect(() => dateReader('MM/YYYY')).toThrow(/dateFormat/);
  });
});

describe('parseTiming: times of day and timing words', () => {
  it('splits at 09:30 and 16:00 exchange time, with seconds or AM/PM', () => {
    expect(parseTiming('09:29')).toBe('before-open');
    expect(parseTiming('09:30')).toBe('during');
    expect(parseTiming('15:59:59')).toBe('during');
    expect(parseTiming('16:00')).toBe('after-close');
    expect(parseTiming('4:05 PM')).toBe('after-close');
    expect(parseTiming('7:00 am')).toBe('before-open');
    expect(parseTiming('12:00 PM')).toBe('during');
    expect(parseTiming('13:00 PM')).toBeUndefined();
    expect(parseTiming('BMO')).toBe('before-open');
    expect(parseTiming('AMC')).toBe('after-close');
    expect(parseTiming('DMH')).toBe('during');
  });
});

describe('vendor price files through a column mapping', () => {
  const t = tempDir();
  const file = t.write('idx.txt', 'Datum;Schluss;Umsatz\n03.07.2025;100;5\n04.07.2025;101;6\n07.07.2025;99.5;7\n');

  it('reads another delimiter, date layout and column names', () => {
    const s = loadPriceFile(file, { symbol: 'IDX', columns: { date: 'Datum', close: 'Schluss', volume: 'Umsatz' }, delimiter: ';', dateFormat: 'DD.MM.YYYY', calendar: loadMarketCalendar(file, { symbol: 'IDX', columns: { date: 'Datum' }, delimiter: ';', dateFormat: 'DD.MM.YYYY' }) });
    expect([...s.dates]).toEqual(['2025-07-03', '2025-07-04', '2025-07-07']);
    expect([...s.close]).toEqual([100, 101, 99.5]);
    expect([...s.session]).toEqual([0, 1, 2]);
  });

  it('reports a date that does not match the layout with file, line and field', () => {
    const p = new Problems();
    parsePrices('Datum;Schluss\n03.07.2025;100\n2025-07-07;99\n', 'bad.txt', { columns: { date: 'Datum', close: 'Schluss' }, delimiter: ';', dateFormat: 'DD.MM.YYYY', problems: p });
    expect(p.list).toMatchObject([{ code: 'PRICE_BAD_DATE', file: 'bad.txt', line: 3, field: 'Datum', message: 'not a DD.MM.YYYY date: "2025-07-07"' }]);
  });

  it('on XNYS, a row on a US holiday is a coded problem naming file and line', () => {
    expect(() => loadPriceFile(file, { symbol: 'IDX', columns: { date: 'Datum', close: 'Schluss' }, delimiter: ';', dateFormat: 'DD.MM.YYYY' })).toThrow(ValidationError);
    const p = new Problems();
    parsePrices(readTextFile(file, 'f'), file, { columns: { date: 'Datum', close: 'Schluss' }, delimiter: ';', dateFormat: 'DD.MM.YYYY', problems: p });
    expect(p.list).toMatchObject([{ code: 'PRICE_NOT_A_SESSION', file, line: 3, message: '2025-07-04 is not an XNYS session (Independence Day)' }]);
  });

  it('barDates reads one symbol of a long file, sorted and unique', () => {
    const text = 'date,symbol,close\n2025-07-07,IDX,1\n2025-07-03,IDX,1\n2025-07-03,AAA,2\n2025-07-04,AAA,2\nnot-a-date,IDX,1\n';
    expect(barDates(text, 'long.csv', { symbol: 'IDX' })).toEqual(['2025-07-03', '2025-07-07']);
    expect(() => loadMarketCalendar(t.write('empty.csv', 'date,close\n'), { symbol: 'E' })).toThrow(/no dated bar for E/);
  });
});

describe('vendor event files read in place through a mapping', () => {
  it('the Yahoo earnings-dates file: time_et (HH:MM) gives the timing', () => {
    const p = new Problems();
    const ev = loadEvents(YAHOO, { columns: { symbol: 'ticker', date: 'date', time: 'time_et' }, symbols: new Set(['JPM', 'MSFT']), problems: p }) as EarningsEvent[];
    expect(p.list).toEqual([]);
    const q2 = ev.filter((e) => e.date >= '2025-07-01' && e.date <= '2025-08-31');
    expect(q2.map((e) => [e.symbol, e.date, e.timing, e.epsActual])).toEqual([
      ['JPM', '2025-07-15', 'before-open', 4.96],
      ['MSFT', '2025-07-30', 'after-close', 3.65],
    ]);
    expect(new Set(ev.map((e) => e.symbol))).toEqual(new Set(['JPM', 'MSFT']));
  });

  it('the SEC 8-K file: kind earnings, acceptance date and session_et; rows of other symbols and dates are not checked', () => {
    const columns = { symbol: 'ticker', date: 'acceptance_date_et', time: 'session_et' } as const;
    // Without a symbol filter the whole file is checked: 3 filers without a ticker and same-day amendments fail.
    expect(() => loadEvents(EDGAR, { kind: 'earnings', columns })).toThrow(ValidationError);
    const p = new Problems();
    // PEP filed twice on 2013-07-24 (a duplicate event); rows before `from` are skipped unchecked.
    expect(() => loadEvents(EDGAR, { kind: 'earnings', columns, symbols: new Set(['PEP']) })).toThrow(/PEP:earnings:2013-07-24 appears twice/);
    const ev = loadEvents(EDGAR, { kind: 'earnings', columns, symbols: new Set(['PG', 'PEP', 'AAPL']), from: '2019-01-01', problems: p });
    expect(ev[0]!.date >= '2019-01-01').toBe(true);
    expect(p.list).toEqual([]);
    const mid25 = ev.filter((e) => e.date >= '2025-07-01' && e.date <= '2025-08-31').map((e) => [e.symbol, e.date, e.timing]);
    expect(mid25).toEqual([
      ['PEP', '2025-07-16', 'after-close'],
      ['PG', '2025-07-29', 'before-open'],
      ['AAPL', '2025-07-31', 'after-close'],
    ]);
  });

  it('without a kind the 8-K file is refused with advice, and a mapping to a missing column is named', () => {
    const p = new Problems();
    parseEvents(readTextFile(EDGAR, 'f'), EDGAR, { problems: p });
    expect(p.list[0]).toMatchObject({ code: 'EVENT_UNKNOWN_FORMAT' });
    const q = new Problems();
    parseEvents('ticker,day\nAAA,2025-08-12\n', 'x.csv', { kind: 'earnings', columns: { symbol: 'ticker', date: 'when' }, problems: q });
    expect(q.list).toMatchObject([{ code: 'EVENT_MISSING_COLUMN', field: 'when', line: 1 }]);
  });

  it('reads a semicolon file with US dates', () => {
    const ev = parseEvents('Ticker;Report Date;Time\nAAA;08/12/2025;4:05 PM\nBBB;08/13/2025;BMO\n', 'v.csv', { kind: 'earnings', columns: { symbol: 'Ticker', date: 'Report Date', time: 'Time' }, delimiter: ';', dateFormat: 'MM/DD/YYYY' });
    expect(ev.map((e) => [e.symbol, e.date, e.timing])).toEqual([
      ['AAA', '2025-08-12', 'after-close'],
      ['BBB', '2025-08-13', 'before-open'],
    ]);
    const p = new Problems();
    parseEvents('Ticker;Report Date\nAAA;2025-08-12\n', 'v.csv', { kind: 'earnings', columns: { symbol: 'Ticker', date: 'Report Date' }, delimiter: ';', dateFormat: 'MM/DD/YYYY', problems: p });
    expect(p.list).toMatchObject([{ code: 'EVENT_BAD_DATE', line: 2, message: 'not a MM/DD/YYYY date: "2025-08-12"' }]);
  });
});
