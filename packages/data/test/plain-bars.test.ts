import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Problems, xnysCalendar, type BarSeries } from '@aftershock/core';
import { BarBuilder } from '../src/bar-builder';
import { BAR_CLOSE, BAR_DATE, BAR_HIGH, BAR_LOW, BAR_OPEN, BAR_VOLUME, barRoles, scanPlainBars } from '../src/plain-bars';
import { isOhlcvLayout, scanOhlcvBars } from '../src/ohlcv-bars';
import { parsePrices } from '../src/index';
import { sessionIndex } from '../src/session-index';
import { applyEdits } from './helpers';

/*
 * scanPlainBars reads runs of plain, valid, warning-free rows of a per-symbol price file in one loop and leaves every
 * other row to the row-at-a-time path. A file must read to the same series and problems either way: here the byte
 * path (the loop) is held to the text path (scanPlainRow row by row, which never uses it) on files built to sit on
 * the loop's edges — gaps of sessions around the warning threshold, open or close outside [low, high], numbers of
 * 1 to 18 digits, leading zeros, `.5` and `5.`, dates across month, year and leap-day boundaries, CRLF, Adj Close,
 * close-only files — and on the same files edited at random.
 */
const cal = xnysCalendar();
const enc = new TextEncoder();

function parsed(input: string | Uint8Array): { series: Record<string, BarSeries>; problems: unknown[] } {
  const p = new Problems();
  const out = parsePrices(input, 'P.csv', { problems: p, calendar: cal });
  return { series: Object.fromEntries(out), problems: p.list.map((x) => ({ ...x })) };
}

/** A number written in one of the ways a price file may hold it (value and digits vary, always ≥ 0). */
const written = fc.oneof(
  fc.double({ min: 0.0001, max: 5000, noNaN: true }).map((v) => String(Number(v.toFixed(4)))),
  fc.tuple(fc.stringMatching(/^[0-9]{0,10}$/), fc.stringMatching(/^[0-9]{0,9}$/), fc.boolean()).map(([i, f, dot]) => (dot || i === '' ? `${i}.${f}` : i)),
  fc.constantFrom('0', '00012.5', '.5', '5.', '123456789', '1234567890', '999999999999999', '1000000000000000', '0.000000000000000000001', '0.0000000000000000000001', '0.00000000000000000000001', '1.0000000000000000000001', '12345678901234567'),
);

const HEADERS = ['Date,Open,High,Low,Close,Volume', 'Date,Open,High,Low,Close,Adj Close,Volume', 'Date,Close', 'Date,Close,Volume', 'Volume,Close,Date,Low,High,Open', 'Date,Note,Open,High,Low,Close,Volume'];

/** A file of rows on sessions with gaps of 0–4 sessions, mostly consistent bars, sometimes not. */
const file = fc
  .tuple(
    fc.constantFrom(...HEADERS),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.array(written, { minLength: 7, maxLength: 7 }), fc.integer({ min: 0, max: 9 })), { maxLength: 40 }),
    fc.integer({ min: 0, max: 9000 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([header, rows, start, nl, end]) => {
    const cols = header.split(',');
    let s = start;
    const lines = rows.map(([gap, nums, shape]) => {
      s += gap === 4 ? 1 : gap === 3 ? 4 : gap; // mostly adjacent sessions, sometimes a gap at or past the warning
      const sorted = nums.slice(0, 4).sort((a, b) => Number(a) - Number(b));
      // shape 0–6: a consistent bar; 7–9: the fields as drawn (open or close outside the range, high < low, zeros).
      const [low, open, close, high] = shape < 7 ? [sorted[0]!, sorted[1]!, sorted[2]!, sorted[3]!] : [nums[0]!, nums[1]!, nums[2]!, nums[3]!];
      const value: Record<string, string> = { Date: cal.date(Math.min(s, 9999)), Open: open, High: high, Low: low, Close: close, 'Adj Close': nums[4]!, Volume: nums[5]!, Note: 'n' };
      return cols.map((c) => value[c]!).join(',');
    });
    return [header, ...lines].join(nl) + (end ? nl : '');
  });

describe('scanPlainBars', () => {
  it('a file reads the same through the loop (bytes) as row by row (text): series and problems', () => {
    fc.assert(
      fc.property(file, (text) => {
        expect(parsed(enc.encode(text))).toEqual(parsed(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('the same after random edits', () => {
    const edit = fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 3 }), ins: fc.constantFrom('', '-', '"', ',', '\n', '\r', '.', 'x', '0', '9', '99999999', '\0', '2024-02-29', '2023-02-29', '-12-31') });
    fc.assert(
      fc.property(file, fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
        const t = applyEdits(text, edits);
        expect(parsed(enc.encode(t))).toEqual(parsed(t));
      }),
      { numRuns: 1500 },
    );
  });

  it('every value is exactly Number() of its text', () => {
    // Prices above 0 and volumes of at most 15 significant digits: every row is valid, so every one is read.
    const digits = (x: string): number => x.replace('.', '').replace(/^0+/, '').length;
    const ok = written.filter((x) => /[0-9]/.test(x) && digits(x) <= 15);
    fc.assert(
      fc.property(fc.array(fc.tuple(ok.filter((x) => Number(x) > 0), ok), { minLength: 1, maxLength: 20 }), (pairs) => {
        const rows = pairs.map(([c, v], i) => `${cal.date(5000 + i)},${c},${v}`);
        const text = ['Date,Close,Volume', ...rows].join('\n') + '\n';
        const got = parsed(enc.encode(text));
        expect(got.problems).toEqual([]);
        const s = got.series['P']!;
        expect(s.length).toBe(pairs.length);
        pairs.forEach(([c, v], i) => {
          expect(Object.is(s.close[i], Number(c))).toBe(true);
          expect(Object.is(s.volume[i], Number(v))).toBe(true);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('the Yahoo-layout loop (scanOhlcvBars) takes the same rows, values and stop as scanPlainBars', () => {
    const idx = sessionIndex(cal);
    const edit = fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 3 }), ins: fc.constantFrom('', '-', ',', '\n', '\r', '.', 'x', '0', '99999999', '\0', '2024-02-29') });
    const ohlcv = file.filter((t) => t.startsWith('Date,Open,High,Low,Close,'));
    fc.assert(
      fc.property(ohlcv, fc.array(edit, { maxLength: 2 }), fc.constantFrom(4, 64), (text, edits, capacity) => {
        const t = applyEdits(text, edits);
        const nl = t.indexOf('\n');
        const header = t.slice(0, nl < 0 ? t.length : nl).replace(/\r$/, '').split(',');
        const roles = barRoles(header.length, { date: 0, open: 1, high: 2, low: 3, close: 4, adjClose: header.length === 7 ? 5 : -1, volume: header.length - 1 });
        // An edit that changed the header's column count leaves a layout this loop does not read.
        expect(isOhlcvLayout(roles)).toBe(header.length === 6 || header.length === 7);
        if (nl < 0 || !isOhlcvLayout(roles)) return;
        const body = enc.encode(t);
        const b = new Uint8Array(body.length + 1);
        b.set(body);
        const withAdj = header.length === 7;
        const read = (scan: (bb: BarBuilder, pos: number) => number) => {
          const bb = new BarBuilder('P', capacity, withAdj);
          const stops: number[] = [];
          let pos = nl + 1;
          // Read on after each stop at a full builder, as parsePrices does.
          for (;;) {
            pos = scan(bb, pos);
            stops.push(pos, bb.length);
            if (pos >= body.length || bb.length < bb.session.length) break;
            bb.reserve();
          }
          const cols = (['session', 'open', 'high', 'low', 'close', 'volume'] as const).map((k) => [...bb[k].subarray(0, bb.length)]);
          return { stops, lastOrdinal: bb.lastOrdinal, cols, adj: bb.adjClose ? [...bb.adjClose.subarray(0, bb.length)] : undefined };
        };
        const plain = read((bb, pos) => scanPlainBars(b, pos, body.length, roles, idx, 3, bb));
        expect(read((bb, pos) => scanOhlcvBars(b, pos, body.length, withAdj, idx, 3, bb))).toEqual(plain);
      }),
      { numRuns: 1500 },
    );
    // A date with any other character in any place is left to the row path, in a new month or the row before's.
    // (2024-01-26 is a Friday: a day 2: read as 30 would be the session after the next one, no gap warning.)
    for (const [prevDate, next] of [['2024-01-26', '2024-01-29'], ['2024-01-25', '2024-01-29'], [cal.date(5000), cal.date(5001)]] as const) {
      const good = `${prevDate},1,2,1,1.5,7\n`;
      for (let at = 0; at < 10; at++) {
        for (const ch of ['x', ',', '/', ' ', '\0', ':', at === 4 || at === 7 ? '5' : '-']) {
          const bad = `${next.slice(0, at)}${ch}${next.slice(at + 1)},1,2,1,1.5,7\n`;
          const rows = enc.encode(good + bad);
          const buf = new Uint8Array(rows.length + 1);
          buf.set(rows);
          for (const scan of [(bb: BarBuilder) => scanOhlcvBars(buf, 0, rows.length, false, idx, 3, bb), (bb: BarBuilder) => scanPlainBars(buf, 0, rows.length, barRoles(6, { date: 0, open: 1, high: 2, low: 3, close: 4, volume: 5, adjClose: -1 }), idx, 3, bb)]) {
            const bb = new BarBuilder('P', 8, false);
            expect([scan(bb), bb.length]).toEqual([good.length, 1]);
          }
        }
      }
    }
    // A builder that lacks the layout's Adj Close column (or has one it lacks) is left to the other paths.
    const body = enc.encode(`${cal.date(5000)},1,2,1,1.5,7\n`);
    const b = new Uint8Array(body.length + 1);
    b.set(body);
    expect(scanOhlcvBars(b, 0, body.length, false, idx, 3, new BarBuilder('P', 8, true))).toBe(0);
    expect(scanOhlcvBars(b, 0, body.length, false, idx, 3, new BarBuilder('P', 8, false))).toBe(body.length);
  });

  it('stops where the builder is full, at a row boundary, and goes on from there to the same bars', () => {
    const idx = sessionIndex(cal);
    const rows = Array.from({ length: 30 }, (_, i) => `${cal.date(6000 + i)},${10 + i}.5,${12 + i},${9 + i},${11 + i}.25,${1000 * i}`);
    const body = enc.encode(rows.join('\n') + '\n');
    const b = new Uint8Array(body.length + 1);
    b.set(body);
    const roles = barRoles(6, { date: 0, open: 1, high: 2, low: 3, close: 4, volume: 5, adjClose: -1 });
    expect([...roles]).toEqual([BAR_DATE, BAR_OPEN, BAR_HIGH, BAR_LOW, BAR_CLOSE, BAR_VOLUME]);
    const whole = new BarBuilder('P', 64, false);
    expect(scanPlainBars(b, 0, body.length, roles, idx, 3, whole)).toBe(body.length);
    const small = new BarBuilder('P', 4, false);
    let pos = 0;
    let stops = 0;
    while (pos < body.length) {
      const next = scanPlainBars(b, pos, body.length, roles, idx, 3, small);
      // Each stop is at the end of the rows or at a full builder, after a whole row.
      expect(next === body.length || small.length === small.session.length).toBe(true);
      expect(b[next - 1]).toBe(10);
      pos = next;
      small.reserve();
      stops++;
    }
    expect(stops).toBeGreaterThan(1);
    expect(small.length).toBe(30);
    for (const k of ['session', 'open', 'high', 'low', 'close', 'volume'] as const) expect([...small[k].subarray(0, 30)]).toEqual([...whole[k].subarray(0, 30)]);
  });

  it('leaves a row with a warning, a repeated date or a non-session to the row-at-a-time path', () => {
    const idx = sessionIndex(cal);
    const roles = barRoles(3, { date: 0, open: -1, high: -1, low: 2, close: 1, volume: -1, adjClose: -1 });
    const at = (rows: string[]): { pos: number; length: number } => {
      const body = enc.encode(rows.join('\n') + '\n');
      const b = new Uint8Array(body.length + 1);
      b.set(body);
      const bb = new BarBuilder('P', 16, false);
      return { pos: scanPlainBars(b, 0, body.length, roles, idx, 3, bb), length: bb.length };
    };
    const d = (i: number): string => cal.date(7000 + i);
    expect(at([`${d(0)},10,9`, `${d(1)},10,9`]).length).toBe(2);
    // A gap of 3 missing sessions warns (PRICE_GAP): the loop stops before that row.
    expect(at([`${d(0)},10,9`, `${d(4)},10,9`]).length).toBe(1);
    expect(at([`${d(0)},10,9`, `${d(3)},10,9`]).length).toBe(2);
    expect(at([`${d(0)},10,9`, `${d(0)},10,9`]).length).toBe(1);
    expect(at(['2025-08-16,10,9']).length).toBe(0); // a Saturday
    expect(at([`${d(0)},9,10`]).length).toBe(0); // high below low
  });
});

describe('scratch columns (files read one after another)', () => {
  it('each series is its own copy: reading more files, longer or shorter, with or without Adj Close, never changes one read before', () => {
    const texts = fc.array(file, { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(texts, (ts) => {
        // Read in turn (reusing the scratch columns), each snapshotted right away …
        const inTurn = ts.map((t) => parsed(enc.encode(t)));
        const snapshots = inTurn.map((p) => structuredClone(p));
        // … equal to the same files read on their own, and unchanged after the later reads.
        ts.forEach((t, i) => {
          expect(inTurn[i]).toEqual(snapshots[i]);
          expect(inTurn[i]).toEqual(parsed(t));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a file longer than any before grows the columns and reads whole', () => {
    const rows = (n: number, start: number): string => ['Date,Open,High,Low,Close,Adj Close,Volume', ...Array.from({ length: n }, (_, i) => `${cal.date(start + i)},2,3,1,2.5,2.4,${i}`)].join('\n') + '\n';
    for (const n of [3, 5000, 10, 9000, 1]) {
      const s = parsed(enc.encode(rows(n, 100))).series['P']!;
      expect(s.length).toBe(n);
      expect(s.volume[n - 1]).toBe(n - 1);
      expect(s.adjClose[n - 1]).toBe(2.4);
      expect(s.dates[n - 1]).toBe(cal.date(100 + n - 1));
    }
  });
});
