import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Problems, isoToDayNumber } from '@aftershock/core';
import { CsvCursor, formatCsv, parseCsv, parseIsoDayAt, parseNumberAt } from '../src/index';

/** Any field content, including the characters that force quoting. */
const field = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '1', ' ', ',', '"', '\n', '\r', 'é', '€', '\t') });
const record = fc.array(field, { minLength: 1, maxLength: 6 });
const eol = fc.constantFrom('\n', '\r\n', '\r');

describe('CSV reader (RFC 4180)', () => {
  it('round-trips arbitrary field contents with any line ending, with and without a BOM', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), eol, fc.boolean(), (rows, nl, bom) => {
        const text = (bom ? '\uFEFF' : '') + formatCsv(rows, nl);
        const back = parseCsv(text);
        expect(back.map((r) => r.fields)).toEqual(rows);
      }),
      { numRuns: 400 },
    );
  });

  it('reports the 1-based line each record starts on, counting newlines inside quoted fields', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), eol, (rows, nl) => {
        const back = parseCsv(formatCsv(rows, nl));
        let line = 1;
        rows.forEach((r, i) => {
          expect(back[i]!.line).toBe(line);
          // A record spans one line plus every line break inside its fields (CRLF counts once).
          line += 1 + r.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('reads quoted fields, escaped quotes, mixed line endings, a BOM and a missing final newline', () => {
    const text = '\uFEFFDate,Note\r\n2025-08-12,"fell ""hard"", then\nrecovered"\n2025-08-13,plain\r2025-08-14,"last"';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['Date', 'Note'] },
      { line: 2, fields: ['2025-08-12', 'fell "hard", then\nrecovered'] },
      { line: 4, fields: ['2025-08-13', 'plain'] },
      { line: 5, fields: ['2025-08-14', 'last'] },
    ]);
  });

  it('skips blank lines but keeps a quoted empty record and trailing empty fields', () => {
    expect(parseCsv('a,b\n\n\n1,\n""\n').map((r) => r.fields)).toEqual([['a', 'b'], ['1', ''], ['']]);
  });

  it('reports an unterminated quote and text after a closing quote, with the line', () => {
    const p = new Problems();
    parseCsv('a,b\n1,"x"y\n2,"open\n', { file: 'f.csv', problems: p });
    expect(p.list.map((x) => [x.code, x.line])).toEqual([
      ['CSV_BAD_QUOTE', 2],
      ['CSV_UNTERMINATED_QUOTE', 3],
    ]);
    expect(p.list.every((x) => x.file === 'f.csv')).toBe(true);
  });

  it('gives field offsets so numbers parse without materialising strings', () => {
    const c = new CsvCursor('Date,Close\n2025-08-13,117.76\n');
    c.next();
    c.next();
    expect(c.number(1)).toBe(117.76);
    expect(c.isEmpty(2)).toBe(true);
    expect(Number.isNaN(c.number(0))).toBe(true);
  });
});

describe('parseNumberAt', () => {
  it('equals Number() on any decimal a price file may hold', () => {
    const decimal = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^[0-9]{1,19}$/), fc.option(fc.stringMatching(/^[0-9]{0,19}$/)), fc.option(fc.integer({ min: -30, max: 30 })))
      .map(([s, i, f, e]) => `${s}${i}${f !== null ? '.' + f : ''}${e !== null ? 'e' + e : ''}`);
    fc.assert(
      fc.property(decimal, fc.string({ maxLength: 3 }), (num, junk) => {
        const text = `x,${num},${junk}`;
        expect(Object.is(parseNumberAt(text, 2, 2 + num.length), Number(num))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips every double through its shortest decimal', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = String(x);
        if (!/^-?[0-9.]+(e[-+]?[0-9]+)?$/.test(s)) return;
        expect(Object.is(parseNumberAt(s, 0, s.length), x === 0 ? Number(s) : x)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects what is not a number, trims spaces', () => {
    for (const bad of ['', ' ', '-', '.', 'e5', '1e', '1.2.3', '12abc', 'null', 'NaN', '0x10', '1,5']) {
      expect(Number.isNaN(parseNumberAt(bad, 0, bad.length)), bad).toBe(true);
    }
    expect(parseNumberAt('  1.13 ', 0, 7)).toBe(1.13);
    expect(parseNumberAt('41.939998626708984', 0, 18)).toBe(41.939998626708984);
  });
});

describe('parseIsoDayAt', () => {
  it('agrees with core isoToDayNumber on every date 1990–2035, and rejects impossible ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2035 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const want = isoToDayNumber(s);
        const got = parseIsoDayAt(s, 0, s.length);
        expect(Number.isNaN(want) ? Number.isNaN(got) : got === want).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts a trailing time and rejects other formats', () => {
    const s = '2025-08-12 00:00:00-04:00';
    expect(parseIsoDayAt(s, 0, s.length)).toBe(isoToDayNumber('2025-08-12'));
    for (const bad of ['2025/08/12', '20250812', '2025-8-12', '2025-08-12x', '2023-02-29']) expect(Number.isNaN(parseIsoDayAt(bad, 0, bad.length)), bad).toBe(true);
  });
});
