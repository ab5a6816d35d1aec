import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Problems, ValidationError, adjustForDividends, xnysCalendar, type Problem } from '@aftershock/core';
import { loadLongPrices, loadPriceFile, parseDividends, parsePrices, parseSplitRatio, parseSplits, readDividends } from '../src/index';
import { tempDir } from './helpers';

const HEAD = 'Date,Open,High,Low,Close,Volume\n';
const ROW = (d: string, o = 10, h = 11, l = 9, c = 10.5, v = 1000): string => `${d},${o},${h},${l},${c},${v}\n`;
const GOOD = HEAD + ROW('2025-08-11') + ROW('2025-08-12') + ROW('2025-08-13');

/** Loads a file the test writes; returns the ValidationError's problems (or [] and the warnings when it loads). */
function problemsOf(text: string, name = 'ABC.csv', opts: Parameters<typeof loadPriceFile>[1] = {}): { errors: Problem[]; warnings: Problem[]; file: string } {
  const t = tempDir();
  const file = t.write(name, text);
  const problems = new Problems();
  try {
    loadPriceFile(file, { ...opts, problems });
    return { errors: [], warnings: problems.warnings, file };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { errors: e.problems.filter((p) => p.severity === 'error'), warnings: problems.warnings, file };
  }
}

function expectOne(r: { errors: Problem[]; file: string }, code: string, line: number | undefined, field: string | undefined): void {
  const hit = r.errors.filter((p) => p.code === code);
  expect(hit, JSON.stringify(r.errors)).toHaveLength(1);
  expect(hit[0]).toMatchObject({ file: r.file, ...(line !== undefined ? { line } : {}), ...(field !== undefined ? { field } : {}) });
}

describe('price validation: one tiny malformed file per code', () => {
  it('PRICE_MISSING_COLUMN names the missing field and the header line', () => {
    expectOne(problemsOf('Date,Open,High,Low,Volume\n2025-08-12,1,2,1,5\n'), 'PRICE_MISSING_COLUMN', 1, 'close');
  });
  it('PRICE_UNKNOWN_COLUMN is a warning; the column is ignored', () => {
    const r = problemsOf('Date,Close,Mood\n2025-08-12,10,happy\n');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toMatchObject([{ code: 'PRICE_UNKNOWN_COLUMN', line: 1, field: 'Mood' }]);
  });
  it('PRICE_BAD_NUMBER', () => expectOne(problemsOf(HEAD + '2025-08-12,10,11,9,ten,100\n'), 'PRICE_BAD_NUMBER', 2, 'Close'));
  it('PRICE_BAD_NUMBER for an empty volume', () => expectOne(problemsOf(HEAD + '2025-08-12,10,11,9,10,\n'), 'PRICE_BAD_NUMBER', 2, 'Volume'));
  it('PRICE_BAD_DATE', () => expectOne(problemsOf(HEAD + ROW('2025-08-12') + ROW('12/08/2025')), 'PRICE_BAD_DATE', 3, 'Date'));
  it('PRICE_UNSORTED', () => expectOne(problemsOf(HEAD + ROW('2025-08-13') + ROW('2025-08-12')), 'PRICE_UNSORTED', 3, 'Date'));
  it('PRICE_DUPLICATE_DATE', () => expectOne(problemsOf(HEAD + ROW('2025-08-12') + ROW('2025-08-12')), 'PRICE_DUPLICATE_DATE', 3, 'Date'));
  it('PRICE_NON_POSITIVE', () => expectOne(problemsOf(HEAD + ROW('2025-08-12', 0)), 'PRICE_NON_POSITIVE', 2, 'Open'));
  it('PRICE_HIGH_BELOW_LOW', () => expectOne(problemsOf(HEAD + ROW('2025-08-12', 10, 9, 11, 10)), 'PRICE_HIGH_BELOW_LOW', 2, 'High'));
  it('PRICE_NOT_A_SESSION: a Saturday and the 2025-01-09 closure', () => {
    const r = problemsOf(HEAD + ROW('2025-01-08') + ROW('2025-01-09') + ROW('2025-01-11'));
    expect(r.errors.map((p) => [p.code, p.line])).toEqual([
      ['PRICE_NOT_A_SESSION', 3],
      ['PRICE_NOT_A_SESSION', 4],
    ]);
    expect(r.errors[0]!.message).toContain('Carter');
  });
  it('PRICE_NEGATIVE_VOLUME', () => expectOne(problemsOf(HEAD + ROW('2025-08-12', 10, 11, 9, 10, -5)), 'PRICE_NEGATIVE_VOLUME', 2, 'Volume'));
  it('PRICE_FIELD_COUNT', () => expectOne(problemsOf(HEAD + '2025-08-12,10,11,9\n'), 'PRICE_FIELD_COUNT', 2, undefined));
  it('PRICE_EMPTY: a header-only file', () => expectOne(problemsOf(HEAD), 'PRICE_EMPTY', undefined, undefined));
  it('PRICE_MISSING_SYMBOL in a long file', () => expectOne(problemsOf('date,symbol,close\n2025-08-12,,10\n2025-08-12,X,10\n', 'long.csv', { symbol: 'X' }), 'PRICE_MISSING_SYMBOL', 2, 'symbol'));
  it('CSV_UNTERMINATED_QUOTE', () => expectOne(problemsOf(HEAD + ROW('2025-08-12') + '2025-08-13,"10,11,9,10,5\n'), 'CSV_UNTERMINATED_QUOTE', 3, undefined));

  it('PRICE_GAP is a warning: a stale run of missing sessions does not stop the load', () => {
    const r = problemsOf(HEAD + ROW('2025-08-04') + ROW('2025-08-12'));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toMatchObject([{ code: 'PRICE_GAP', line: 3, field: 'Date' }]);
    expect(r.warnings[0]!.message).toContain('5 session(s)');
    expect(problemsOf(HEAD + ROW('2025-08-08') + ROW('2025-08-12')).warnings).toEqual([]); // 1 missing session: below the threshold
  });
  it('PRICE_OHLC_INCONSISTENT is a warning (low above open, like BK 2021-05-05)', () => {
    const r = problemsOf(HEAD + '2021-05-05,50.61,51.59,50.995,51.45,3064799\n');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toMatchObject([{ code: 'PRICE_OHLC_INCONSISTENT', line: 2 }]);
  });
  it('PRICE_OUTSIDE_CALENDAR is a warning and drops the rows (before 1990)', () => {
    const r = problemsOf(HEAD + ROW('1989-12-29') + ROW('1990-01-02'));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toMatchObject([{ code: 'PRICE_OUTSIDE_CALENDAR', line: 2 }]);
  });

  it('gathers every problem of a file before throwing, each with file, line and field', () => {
    const text = HEAD + ROW('2025-08-12') + '2025-08-13,x,11,9,10,5\n' + ROW('2025-08-13', -1) + ROW('2025-08-16') + ROW('2025-08-14', 10, 8, 9, 10);
    const r = problemsOf(text);
    expect(r.errors.map((p) => [p.code, p.line, p.field])).toEqual([
      ['PRICE_BAD_NUMBER', 3, 'Open'],
      ['PRICE_NON_POSITIVE', 4, 'Open'],
      ['PRICE_NOT_A_SESSION', 5, 'Date'],
      ['PRICE_HIGH_BELOW_LOW', 6, 'High'],
    ]);
  });

  it('caps the listing per file and counts the rest (TOO_MANY_PROBLEMS)', () => {
    const t = tempDir();
    let text = HEAD;
    for (let i = 0; i < 30; i++) text += '2025-08-12,a,b,c,d,e\n';
    const file = t.write('X.csv', text);
    const p = new Problems();
    parsePrices(text, file, { problems: p, maxProblemsPerFile: 10 });
    expect(p.list).toHaveLength(11);
    expect(p.list[10]).toMatchObject({ code: 'TOO_MANY_PROBLEMS', severity: 'error' });
    // 30 rows × 5 bad numbers, plus PRICE_EMPTY (no usable row): 151 problems, 10 listed.
    expect(p.list[10]!.message).toContain('141 more');
  });
});

describe('price formats', () => {
  it('Yahoo-style per-symbol file: columns, sessions, dates shared with the calendar', () => {
    const t = tempDir();
    const s = loadPriceFile(t.write('ABC.csv', GOOD));
    expect(s.symbol).toBe('ABC');
    expect(s.dates).toEqual(['2025-08-11', '2025-08-12', '2025-08-13']);
    expect([...s.session].map((o, i) => o - s.session[0]! - i)).toEqual([0, 0, 0]);
    expect([...s.close]).toEqual([10.5, 10.5, 10.5]);
    expect([...s.volume]).toEqual([1000, 1000, 1000]);
    expect([...s.adjClose]).toEqual([...s.close]);
  });

  it('an Adj Close column is kept as the adjusted close when no dividends are given', () => {
    const t = tempDir();
    const s = loadPriceFile(t.write('A.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2025-08-12,10,11,9,10,9.5,7\r\n2025-08-13,10,11,9,10,9.6,7\r\n'));
    expect([...s.adjClose]).toEqual([9.5, 9.6]);
  });

  it('long close-only file: open = high = low = close, volume NaN, one series per symbol', () => {
    const t = tempDir();
    const m = loadLongPrices(t.write('long.csv', 'date,symbol,close\n2025-08-12,AAA,1\n2025-08-12,BBB,2\n2025-08-13,AAA,1.5\n2025-08-13,BBB,2.5\n'));
    expect([...m.keys()]).toEqual(['AAA', 'BBB']);
    const b = m.get('BBB')!;
    expect([...b.open]).toEqual([2, 2.5]);
    expect([...b.high]).toEqual([2, 2.5]);
    expect(b.volume.every(Number.isNaN)).toBe(true);
  });

  it('long OHLCV file detects unsorted rows per symbol', () => {
    const t = tempDir();
    const file = t.write('long.csv', 'date,symbol,open,high,low,close,volume\n2025-08-13,AAA,1,1,1,1,1\n2025-08-12,BBB,1,1,1,1,1\n2025-08-12,AAA,1,1,1,1,1\n');
    expect(() => loadLongPrices(file)).toThrow(/AAA 2025-08-12 comes after 2025-08-13/);
  });

  it('a column mapping reads anything else', () => {
    const t = tempDir();
    const s = loadPriceFile(t.write('z.csv', 'when;px\n'.replace(';', ',') + '2025-08-12,3.25\n'), { symbol: 'Z', columns: { date: 'when', close: 'px' } });
    expect(s.symbol).toBe('Z');
    expect([...s.close]).toEqual([3.25]);
  });

  it('dividends: booked on their ex-date bar; adjClose scales earlier closes by (1 − D/C_prev)', () => {
    const t = tempDir();
    const prices = t.write('D.csv', HEAD + ROW('2025-08-11', 10, 11, 9, 100) + ROW('2025-08-12', 10, 11, 9, 98) + ROW('2025-08-13', 10, 11, 9, 99));
    const divs = t.write('D_dividends.csv', 'Date,Dividend\n2019-01-02,5\n2025-08-12,2\n');
    const s = loadPriceFile(prices, { dividends: divs });
    expect([...s.dividend]).toEqual([0, 2, 0]);
    expect([...s.adjClose]).toEqual([...adjustForDividends(s.close, s.dividend)]);
    expect(s.adjClose[0]).toBeCloseTo(100 * (1 - 2 / 100), 12);
    expect(s.adjClose[2]).toBe(99);
  });

  it('a dividend whose ex-date has no bar moves to the next bar (warning DIVIDEND_NOT_A_BAR)', () => {
    const p = new Problems();
    const text = HEAD + ROW('2025-08-08') + ROW('2025-08-12');
    const s = parsePrices(text, 'E.csv', { problems: p, dividends: [{ date: '2025-08-09', amount: 0.5 }] }).get('E')!;
    expect([...s.dividend]).toEqual([0, 0.5]);
    expect(p.list.map((x) => x.code)).toEqual(['DIVIDEND_NOT_A_BAR']);
  });

  it('split factors scale prices, volumes and dividends before the ex-date', () => {
    const p = new Problems();
    const text = HEAD + ROW('2024-06-06', 1200, 1210, 1190, 1200, 10) + ROW('2024-06-07', 1200, 1210, 1190, 1200, 10) + ROW('2024-06-10', 120, 121, 119, 121, 100);
    const s = parsePrices(text, 'N.csv', { problems: p, splits: [{ date: '2024-06-10', ratio: 10 }], dividends: [{ date: '2024-06-07', amount: 0.1 }] }).get('N')!;
    expect([...s.close]).toEqual([120, 120, 121]);
    expect([...s.volume]).toEqual([100, 100, 100]);
    expect(s.dividend[1]).toBeCloseTo(0.01, 15);
  });
});

describe('dividend and split files', () => {
  it('reads Date,Dividend; a header-only file means none', () => {
    const t = tempDir();
    expect(readDividends(t.write('a.csv', 'Date,Dividend\n'))).toEqual([]);
    expect(readDividends(t.write('b.csv', 'Date,Dividend\n2025-03-20,1.797\n2024-12-20,1.966\n')).map((d) => d.date)).toEqual(['2024-12-20', '2025-03-20']);
  });

  it('DIVIDEND_MISSING_COLUMN, DIVIDEND_BAD_DATE, DIVIDEND_BAD_NUMBER, DIVIDEND_NEGATIVE, DIVIDEND_DUPLICATE_DATE', () => {
    const p = new Problems();
    parseDividends('Date,Cash?\n', 'x.csv', p);
    parseDividends('Date,Dividend\n2025-13-01,1\n2025-01-02,abc\n2025-01-03,-1\n2025-01-06,1\n2025-01-06,2\n', 'y.csv', p);
    expect(p.list.map((x) => [x.code, x.line, x.severity])).toEqual([
      ['DIVIDEND_MISSING_COLUMN', 1, 'error'],
      ['DIVIDEND_BAD_DATE', 2, 'error'],
      ['DIVIDEND_BAD_NUMBER', 3, 'error'],
      ['DIVIDEND_NEGATIVE', 4, 'error'],
      ['DIVIDEND_DUPLICATE_DATE', 6, 'warning'],
    ]);
  });

  it('split ratios: 10, 10:1, 10/1, 1:10; SPLIT_BAD_NUMBER otherwise', () => {
    expect([parseSplitRatio('10'), parseSplitRatio('10:1'), parseSplitRatio('10/1'), parseSplitRatio('1:10')]).toEqual([10, 10, 10, 0.1]);
    const p = new Problems();
    expect(parseSplits('Date,Split\n2024-06-10,10:1\n2024-06-11,0\n2024-06-12,x\n', 's.csv', p).map((s) => s.ratio)).toEqual([10]);
    expect(p.list.map((x) => [x.code, x.line]).sort()).toEqual([
      ['SPLIT_BAD_NUMBER', 3],
      ['SPLIT_BAD_NUMBER', 4],
    ]);
  });
});

describe('price reader properties', () => {
  it('any valid OHLCV series written with any line ending (and BOM) reads back exactly', () => {
    const cal = xnysCalendar();
    const price = fc.double({ min: 0.0001, max: 1e6, noNaN: true });
    const bar = fc.tuple(price, price, price, price, fc.integer({ min: 0, max: 2 ** 40 })).map(([a, b, c, d, v]) => {
      const [low, x, y, high] = [a, b, c, d].sort((p, q) => p - q) as [number, number, number, number];
      return { open: x, high, low, close: y, volume: v };
    });
    fc.assert(
      fc.property(fc.array(bar, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 7000 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (bars, start, nl, bom) => {
        const dates = bars.map((_, i) => cal.date(start + i));
        const text = (bom ? '\uFEFF' : '') + ['Date,Open,High,Low,Close,Volume', ...bars.map((b, i) => `${dates[i]},${b.open},${b.high},${b.low},${b.close},${b.volume}`)].join(nl) + nl;
        const p = new Problems();
        const s = parsePrices(text, 'P.csv', { problems: p }).get('P')!;
        expect(p.hasErrors).toBe(false);
        expect(s.dates).toEqual(dates);
        expect([...s.session]).toEqual(dates.map((d) => cal.ordinal(d)));
        expect([...s.open]).toEqual(bars.map((b) => b.open));
        expect([...s.high]).toEqual(bars.map((b) => b.high));
        expect([...s.low]).toEqual(bars.map((b) => b.low));
        expect([...s.close]).toEqual(bars.map((b) => b.close));
        expect([...s.volume]).toEqual(bars.map((b) => b.volume));
      }),
      { numRuns: 200 },
    );
  });
});
