import { describe, expect, it } from 'vitest';
import { Problems } from '@aftershock/core';
import { parsePrices } from '../src/prices';

const HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume\n';
const GOOD = '2025-08-12,10,11,9,10.5,10.4,1000\n';

/** The errors of a one-symbol file whose second row is `row`. */
function errorsOf(row: string): { line?: number; field?: string; code: string }[] {
  const problems = new Problems();
  parsePrices(HEADER + GOOD + row + '\n', 'AAA.csv', { symbol: 'AAA', problems });
  return problems.list.filter((p) => p.severity === 'error').map((p) => ({ code: p.code, ...(p.line !== undefined ? { line: p.line } : {}), ...(p.field !== undefined ? { field: p.field } : {}) }));
}

describe('non-finite numbers in a price file are errors at their line and column', () => {
  const columns = ['Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'];
  for (const [i, col] of columns.entries()) {
    for (const bad of ['1e400', '-1e400', 'NaN', 'Infinity', 'abc']) {
      it(`${col} = ${bad}`, () => {
        const cells = ['2025-08-13', '10', '11', '9', '10.5', '10.4', '1000'];
        cells[i + 1] = bad;
        expect(errorsOf(cells.join(','))).toContainEqual(expect.objectContaining({ line: 3, field: col, code: expect.stringMatching(/^PRICE_(BAD_NUMBER|NON_POSITIVE|NEGATIVE_VOLUME)$/) }));
      });
    }
  }

  it('Adj Close must be a positive price, like the others', () => {
    expect(errorsOf('2025-08-13,10,11,9,10.5,-5,1000')).toEqual([{ code: 'PRICE_NON_POSITIVE', line: 3, field: 'Adj Close' }]);
    expect(errorsOf('2025-08-13,10,11,9,10.5,0,1000')).toEqual([{ code: 'PRICE_NON_POSITIVE', line: 3, field: 'Adj Close' }]);
    expect(errorsOf('2025-08-13,10,11,9,10.5,10.4,1000')).toEqual([]);
  });

  it('1e400 says it overflows, rather than "not a number"', () => {
    const problems = new Problems();
    parsePrices(HEADER + GOOD + '2025-08-13,1e400,11,9,10.5,10.4,1000\n', 'AAA.csv', { symbol: 'AAA', problems });
    expect(problems.list[0]!.message).toContain('overflows');
  });
});
