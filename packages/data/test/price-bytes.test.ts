import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Problems, xnysCalendar, type BarSeries } from '@aftershock/core';
import { COL_DATE, COL_NUMBER, COL_SKIP, scanPlainRow, scanPlainRowBytes } from '../src/fast-row';
import { loadUniverse, parsePrices, resolveDataRoot } from '../src/index';
import { applyEdits } from './helpers';

/*
 * Price files are scanned as bytes (scanPlainRowBytes) and decoded to text only when a row needs the general
 * reader. These checks hold the byte path to the text path it replaced: the same series, the same problems (code,
 * file, line, field, message) on any input, and the same bytes on the whole real universe.
 */
const enc = new TextEncoder();
const padded = (s: string): { b: Uint8Array; n: number } => {
  const e = enc.encode(s);
  const b = new Uint8Array(e.length + 1);
  b.set(e);
  return { b, n: e.length };
};

/** What a parse gives: each series and every problem, comparable with toEqual. */
function parsed(input: string | Uint8Array): { series: Record<string, BarSeries>; problems: unknown[] } {
  const p = new Problems();
  const out = parsePrices(input, 'P.csv', { problems: p });
  return { series: Object.fromEntries(out), problems: p.list.map((x) => ({ ...x })) };
}

describe('scanPlainRowBytes', () => {
  const roles = Uint8Array.from([COL_DATE, COL_NUMBER, COL_SKIP, COL_NUMBER]);
  // Rows near the plain form: digits, separators, line ends, quotes, blanks, signs, exponents, NUL, non-ASCII.
  const piece = fc.constantFrom('2025-08-12', '2024-02-29', '2023-02-29', '2025-13-01', '0', '7', '12.5', '.', '-', ',', '\n', '\r', '\r\n', '"', ' ', 'e3', '\0', 'é', '€', '1234567890123456', '00000000000000001', 'x');
  const row = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));

  it('accepts exactly the rows scanPlainRow accepts, with the same values and the same end (in bytes)', () => {
    fc.assert(
      fc.property(row, fc.constantFrom('', 'next\n'), (r, tail) => {
        const text = r + tail;
        const outT = new Float64Array(4).fill(-7);
        const outB = new Float64Array(4).fill(-7);
        const nt = scanPlainRow(text, 0, roles, outT);
        const { b, n } = padded(text);
        const nb = scanPlainRowBytes(b, 0, n, roles, outB);
        expect(nb >= 0, JSON.stringify(text)).toBe(nt >= 0);
        if (nt < 0) return;
        expect(nb).toBe(enc.encode(text.slice(0, nt)).length);
        expect([...outB]).toEqual([...outT]);
      }),
      { numRuns: 5000 },
    );
    // And on well-formed rows (at most 15 digits), where most of the work is.
    const num = fc.tuple(fc.stringMatching(/^[0-9]{1,7}$/), fc.option(fc.stringMatching(/^[0-9]{1,8}$/))).map(([i, f]) => (f !== null ? `${i}.${f}` : i));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7000 }), num, fc.string(), num, fc.constantFrom('\n', '\r\n', ''), (d, a, skip, c, nl) => {
        const text = `${xnysCalendar().date(d)},${a},${skip.replace(/[,"\r\n\0]/g, '')},${c}${nl}`;
        const outT = new Float64Array(4);
        const outB = new Float64Array(4);
        const nt = scanPlainRow(text, 0, roles, outT);
        const { b, n } = padded(text);
        expect(nt).toBe(text.length);
        expect(scanPlainRowBytes(b, 0, n, roles, outB)).toBe(n);
        expect([...outB]).toEqual([...outT]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parsePrices on bytes', () => {
  const cal = xnysCalendar();
  const price = fc.double({ min: 0.0001, max: 1e6, noNaN: true });
  const bar = fc.tuple(price, price, price, price, fc.integer({ min: 0, max: 2 ** 40 })).map(([a, b, c, d, v]) => {
    const [low, x, y, high] = [a, b, c, d].sort((p, q) => p - q) as [number, number, number, number];
    return `${x},${high},${low},${y},${v}`;
  });
  const header = fc.constantFrom('Date,Open,High,Low,Close,Volume', 'Date,Open,High,Low,Close,Adj Close,Volume', 'Datum,Open,High,Low,Close,Volume', '\uFEFFDate,Open,High,Low,Close,Volume', '"Date",Open,High,Low,Close,Volume', 'Date,Close', 'Date;Close', 'date,symbol,close', '');
  /** A valid file, then a few edits anywhere: bytes changed, inserted or removed, lines swapped. */
  const file = fc
    .tuple(header, fc.array(bar, { minLength: 0, maxLength: 25 }), fc.integer({ min: 0, max: 7000 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
    .map(([h, bars, start, nl, end]) => {
      const cols = h.split(',').length;
      const lines = bars.map((b, i) => {
        const v = b.split(',');
        const row = cols === 7 ? [...v.slice(0, 4), v[3]!, v[4]!] : cols === 2 ? [v[3]!] : cols === 3 ? ['P', v[3]!] : v;
        return [cal.date(start + i), ...row].join(',');
      });
      return [h, ...lines].join(nl) + (end ? nl : '');
    });
  const edit = fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 3 }), ins: fc.constantFrom('', '-', '"', ',', '\n', '\r', ' ', 'x', '1e400', '0', '9', 'é', '\0', '2025-08-12', '\uFFFD') });

  it('gives the same series and the same problems (code, line, field, message) as the text, on valid and broken files', () => {
    fc.assert(
      fc.property(file, fc.array(edit, { maxLength: 3 }), (text, edits) => {
        const t = applyEdits(text, edits);
        expect(parsed(enc.encode(t))).toEqual(parsed(t));
      }),
      { numRuns: 1500 },
    );
  });

  it('bytes that are a view into larger memory read the same whatever follows them (0 sentinel used in place, or a copy)', () => {
    fc.assert(
      fc.property(file, fc.constantFrom(0, 48, 44, 10, 0xff), (text, after) => {
        const e = enc.encode(text);
        const big = new Uint8Array(e.length + 9).fill(55);
        big.set(e, 4);
        big[4 + e.length] = after;
        const view = big.subarray(4, 4 + e.length);
        const before = big.slice();
        expect(parsed(view)).toEqual(parsed(text));
        // Nothing outside the view was written.
        expect(big).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('invalid UTF-8 in a skipped column reads as the text does (U+FFFD)', () => {
    const bytes = Uint8Array.from([...enc.encode('Date,Note,Close\n2025-08-11,a'), 0xff, 0xc3, ...enc.encode(',10\n2025-08-12,b,11\n2025-08-13,-,x\n')]);
    const text = Buffer.from(bytes).toString('utf8');
    const got = parsed(bytes);
    expect(got).toEqual(parsed(text));
    expect(got.problems.filter((p) => (p as { severity: string }).severity === 'error')).toEqual([expect.objectContaining({ code: 'PRICE_BAD_NUMBER', file: 'P.csv', line: 4, field: 'Close' })]);
    expect(got.series['P']!.close[0]).toBe(10);
  });

  it('the whole real universe: every series identical to the text reader\'s, array for array', () => {
    const root = resolveDataRoot({ env: {} });
    const dir = join(root.dir, 'universe', 'prices');
    const cal = xnysCalendar();
    const fromBytes = loadUniverse(root, { calendar: cal });
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
    expect(files).toHaveLength(360);
    let rows = 0;
    for (const f of files) {
      const sym = f.slice(0, -4);
      const path = join(dir, f);
      const b = fromBytes.get(sym)!;
      // The same file through the text path, with the dividends the byte path booked.
      const divs = b.dates.flatMap((d, i) => (b.dividend[i]! !== 0 ? [{ date: d, amount: b.dividend[i]! }] : []));
      const t = parsePrices(readFileSync(path, 'utf8'), path, { calendar: cal, symbol: sym, dividends: divs }).get(sym)!;
      const bytesOf = (a: Float64Array | Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
      for (const k of ['session', 'open', 'high', 'low', 'close', 'volume', 'adjClose', 'dividend'] as const) {
        expect(bytesOf(b[k]).equals(bytesOf(t[k])), `${sym} ${k}`).toBe(true);
      }
      expect(isDeepStrictEqual(b.dates, t.dates), sym).toBe(true);
      rows += b.length;
    }
    expect(rows).toBe(610_589);
  });
});
