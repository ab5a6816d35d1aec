import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSymbolFiles, resolveDataRoot, symbolFileFinder } from '../src/index';
import { tempDir } from './helpers';

/** symbolFileFinder lists each price folder once; it must find exactly what findSymbolFiles finds, symbol by symbol. */
describe('symbolFileFinder', () => {
  it('finds what findSymbolFiles finds in every layout: focus/, universe/prices/, prices/, the root, dividends and splits beside them, links, folders named like files', () => {
    const t = tempDir();
    try {
      const file = (p: string): void => {
        mkdirSync(join(t.dir, p, '..'), { recursive: true });
        writeFileSync(join(t.dir, p), 'Date,Close\n2025-08-12,1\n');
      };
      file('focus/AAA.csv');
      file('universe/prices/AAA.csv'); // shadowed by focus/
      file('universe/prices/BBB.csv');
      file('universe/dividends/BBB_dividends.csv');
      file('universe/dividends/BBB_splits.csv');
      file('prices/CCC.csv');
      file('dividends/CCC_splits.csv');
      file('DDD.csv');
      file('DDD_dividends.csv');
      file('focus/EEE_dividends.csv'); // dividends without prices
      symlinkSync(join(t.dir, 'nowhere.csv'), join(t.dir, 'prices', 'FFF.csv')); // a dangling link counts as present
      mkdirSync(join(t.dir, 'GGG.csv')); // a folder named like a price file is present too (reading it says why not)
      writeFileSync(join(t.dir, 'universe', 'notes'), 'x'); // a file where a folder might be
      const symbols = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF', 'GGG', 'HHH', 'aaa', 'bbb', '', '../AAA', 'A/B', 'X'.repeat(40)];
      for (const root of [t.dir, join(t.dir, 'universe'), join(t.dir, 'universe', 'prices'), join(t.dir, 'universe', 'notes'), join(t.dir, 'missing')]) {
        const find = symbolFileFinder(root);
        for (const s of symbols) expect(find(s), `${root} ${s}`).toEqual(findSymbolFiles(root, s));
      }
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });

  it('the same on the real universe folder, for each of its files and a few that are not there', () => {
    const root = resolveDataRoot({ env: {} });
    for (const dir of [root.dir, join(root.dir, 'universe', 'prices')]) {
      const find = symbolFileFinder(dir);
      const symbols = [...readdirSync(join(root.dir, 'universe', 'prices')).map((f) => f.replace(/\.csv$/, '')), 'NOPE', 'spy'];
      for (const s of symbols) expect(find(s), s).toEqual(findSymbolFiles(dir, s));
    }
  });
});
