import { describe, expect, it } from 'vitest';
import { AftershockError, Problems, ValidationError } from '@aftershock/core';
import { loadPriceFile, loadUniverse, parseRelations, parseSplits, readDividends } from '../src/index';
import { tempDir } from './helpers';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AftershockError) return e instanceof ValidationError ? e.problems.find((p) => p.severity === 'error')!.code : e.code;
    throw e;
  }
  return 'none';
}

describe('the remaining codes, one tiny file each', () => {
  it('SPLIT_MISSING_COLUMN and SPLIT_BAD_DATE', () => {
    const p = new Problems();
    parseSplits('Date,Shares\n', 'a.csv', p);
    parseSplits('Date,Split\n2024-06-31,10\n', 'b.csv', p);
    expect(p.list.map((x) => [x.code, x.file, x.line, x.field])).toEqual([
      ['SPLIT_MISSING_COLUMN', 'a.csv', 1, 'ratio'],
      ['SPLIT_BAD_DATE', 'b.csv', 2, 'Date'],
    ]);
  });

  it('RELATION_BAD_FIELD, RELATION_DUPLICATE (warning), RELATION_UNKNOWN_COLUMN (warning)', () => {
    const p = new Problems();
    const m = parseRelations('symbol,related,relation,weight\nCRWV,NVDA,supplier,1\nCRWV,NVDA,supplier,1\n,MSFT,customer,1\n', 'r.csv', p);
    expect(m.get('CRWV')).toHaveLength(1);
    expect(p.list.map((x) => [x.code, x.line, x.severity])).toEqual([
      ['RELATION_UNKNOWN_COLUMN', 1, 'warning'],
      ['RELATION_DUPLICATE', 3, 'warning'],
      ['RELATION_BAD_FIELD', 4, 'error'],
    ]);
  });

  it('PRICE_UNKNOWN_SYMBOL: a long file without the symbol asked for', () => {
    const t = tempDir();
    expect(codeOf(() => loadPriceFile(t.write('l.csv', 'date,symbol,close\n2025-08-12,A,1\n'), { symbol: 'B' }))).toBe('PRICE_UNKNOWN_SYMBOL');
  });

  it('FILE_NOT_FOUND names the file; DATA_EMPTY_UNIVERSE for a root without price files', () => {
    const t = tempDir();
    const missing = `${t.dir}/nope_dividends.csv`;
    try {
      readDividends(missing);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'FILE_NOT_FOUND', file: missing });
    }
    expect(codeOf(() => loadUniverse(t.dir))).toBe('DATA_EMPTY_UNIVERSE');
  });

  it('loadUniverse gathers the errors of every file into one ValidationError', () => {
    const t = tempDir();
    t.write('A.csv', 'Date,Close\n2025-08-12,x\n');
    t.write('B.csv', 'Date,Close\n2025-08-16,1\n');
    t.write('C.csv', 'Date,Close\n2025-08-12,1\n');
    try {
      loadUniverse(t.dir);
      expect.unreachable();
    } catch (e) {
      const errs = (e as ValidationError).problems.filter((p) => p.severity === 'error');
      expect(errs.map((p) => [p.code, p.file!.slice(t.dir.length + 1)])).toEqual([
        ['PRICE_BAD_NUMBER', 'A.csv'],
        ['PRICE_EMPTY', 'A.csv'],
        ['PRICE_NOT_A_SESSION', 'B.csv'],
        ['PRICE_EMPTY', 'B.csv'],
      ]);
    }
  });
});
