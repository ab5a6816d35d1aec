import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AftershockError } from '@aftershock/core';
import { CHECKOUT_DATA_DIR, SAMPLE_DATA_DIR, findRepoRoot, findSymbolFiles, listSymbols, loadEvents, loadPricePath, loadSymbol, loadSymbolFiles, resolveDataRoot } from '../src/index';
import { SHARED, tempDir } from './helpers';

const BT39 = join(SHARED, 'real', 'backtester39');

function rootWithOneSymbol(): string {
  const t = tempDir();
  t.write('ABC.csv', 'Date,Open,High,Low,Close,Volume\n2025-08-12,1,2,1,1.5,10\n2025-08-13,1,2,1,1.6,10\n');
  t.write('ABC_dividends.csv', 'Date,Dividend\n2025-08-13,0.1\n');
  return t.dir;
}

describe('data root', () => {
  it('in this checkout resolves to ../shared/data/real/backtester39 with no setting', () => {
    const r = resolveDataRoot({ env: {}, cwd: findRepoRoot()! });
    expect(r).toEqual({ dir: join(findRepoRoot()!, CHECKOUT_DATA_DIR), via: 'checkout' });
    expect(r.dir).toBe(BT39.replace(/\/$/, ''));
  });

  it('an explicit root wins over AFTERSHOCK_DATA, which wins over the config file', () => {
    const a = rootWithOneSymbol();
    const b = rootWithOneSymbol();
    const proj = tempDir();
    proj.write('aftershock.config.json', JSON.stringify({ dataRoot: b }));
    expect(resolveDataRoot({ root: a, env: { AFTERSHOCK_DATA: b }, cwd: proj.dir })).toEqual({ dir: a, via: 'option' });
    expect(resolveDataRoot({ env: { AFTERSHOCK_DATA: a }, cwd: proj.dir })).toEqual({ dir: a, via: 'env' });
    expect(resolveDataRoot({ env: {}, cwd: proj.dir })).toMatchObject({ dir: b, via: 'config' });
  });

  it('the config file is found from a subfolder, and a relative dataRoot is relative to it', () => {
    const proj = tempDir();
    mkdirSync(join(proj.dir, 'prices'));
    mkdirSync(join(proj.dir, 'a', 'b'), { recursive: true });
    proj.write('aftershock.config.json', '{"dataRoot": "prices"}');
    expect(resolveDataRoot({ env: {}, cwd: join(proj.dir, 'a', 'b') })).toMatchObject({ dir: join(proj.dir, 'prices'), via: 'config' });
  });

  it('when nothing is found the error says exactly how to provide data', () => {
    const t = tempDir();
    try {
      resolveDataRoot({ env: { AFTERSHOCK_DATA: join(t.dir, 'missing') }, cwd: t.dir });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AftershockError);
      expect((e as AftershockError).code).toBe('DATA_ROOT_NOT_FOUND');
      expect((e as AftershockError).message).toMatch(/--root DIR.*AFTERSHOCK_DATA=DIR.*aftershock\.config\.json/);
    }
    t.write('aftershock.config.json', '{"dataRoot": 5}');
    expect(() => resolveDataRoot({ env: {}, cwd: t.dir })).toThrow(/dataRoot must be a non-empty string/);
  });

  it('a flat root: <SYMBOL>.csv with <SYMBOL>_dividends.csv alongside', () => {
    const dir = rootWithOneSymbol();
    expect(listSymbols(dir)).toEqual(['ABC']);
    const s = loadSymbol(dir, 'ABC');
    expect([...s.dividend]).toEqual([0, 0.1]);
    // The files located once load the same series (the study command's path).
    expect(loadSymbolFiles(findSymbolFiles(dir, 'ABC')!)).toEqual(s);
    expect(() => loadSymbol(dir, 'XYZ')).toThrow(/no price file for "XYZ"/);
    expect(() => loadSymbol(dir, '../etc/passwd')).toThrow(/not a valid symbol/);
  });
});

/** A checkout of this repository in a temp folder (`<box>/main`): the two marks findRepoRoot looks for and a data/sample. */
function bareCheckout(): { box: string; repo: string } {
  const box = tempDir().dir;
  const repo = join(box, 'main');
  mkdirSync(join(repo, 'packages', 'data'), { recursive: true });
  mkdirSync(join(repo, SAMPLE_DATA_DIR), { recursive: true });
  writeFileSync(join(repo, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n');
  writeFileSync(join(repo, SAMPLE_DATA_DIR, 'ABC.csv'), 'Date,Open,High,Low,Close,Volume\n2025-08-12,1,2,1,1.5,10\n');
  return { box, repo };
}

describe('the embedded sample', () => {
  it('serves last, in a checkout with no ../shared beside it, from any folder inside it, with a note', () => {
    const { repo } = bareCheckout();
    for (const cwd of [repo, join(repo, 'packages', 'data')]) {
      const r = resolveDataRoot({ env: {}, cwd });
      expect(r).toMatchObject({ dir: join(repo, SAMPLE_DATA_DIR), via: 'sample' });
      expect(r.note).toMatch(/embedded sample data\/sample\/ .*aftershock data fetch/);
    }
  });

  it('every other way wins over it: option, AFTERSHOCK_DATA, the config file, ../shared beside the checkout', () => {
    const { box, repo } = bareCheckout();
    const other = rootWithOneSymbol();
    expect(resolveDataRoot({ root: other, env: {}, cwd: repo })).toEqual({ dir: other, via: 'option' });
    expect(resolveDataRoot({ env: { AFTERSHOCK_DATA: other }, cwd: repo })).toEqual({ dir: other, via: 'env' });
    writeFileSync(join(repo, 'aftershock.config.json'), JSON.stringify({ dataRoot: other }));
    expect(resolveDataRoot({ env: {}, cwd: repo })).toMatchObject({ dir: other, via: 'config' });
    rmSync(join(repo, 'aftershock.config.json'));
    mkdirSync(join(box, CHECKOUT_DATA_DIR.replace(/^\.\.\//, '')), { recursive: true });
    expect(resolveDataRoot({ env: {}, cwd: repo })).toEqual({ dir: join(repo, CHECKOUT_DATA_DIR), via: 'checkout' });
  });

  it('a checkout without its sample (and no ../shared) still says how to provide data', () => {
    const { repo } = bareCheckout();
    rmSync(join(repo, SAMPLE_DATA_DIR), { recursive: true });
    expect(() => resolveDataRoot({ env: {}, cwd: repo })).toThrow(/no price data folder found.*--root DIR/);
  });
});

describe('loadPricePath', () => {
  it('reads a folder, a per-symbol file (dividends alongside) or a long file', () => {
    const dir = rootWithOneSymbol();
    expect([...loadPricePath(dir).keys()]).toEqual(['ABC']);
    expect([...loadPricePath(join(dir, 'ABC.csv')).get('ABC')!.dividend]).toEqual([0, 0.1]);
    const t = tempDir();
    const long = t.write('prices.csv', 'date,symbol,close\n2025-08-12,A,1\n2025-08-12,B,2\n');
    expect([...loadPricePath(long).keys()]).toEqual(['A', 'B']);
    expect(() => loadPricePath(join(t.dir, 'nope.csv'))).toThrow(/does not exist/);
  });

  it('an event file named after its kind names no symbol', () => {
    const t = tempDir();
    expect(() => loadEvents(t.write('earnings.csv', 'date,eps_actual\n2025-08-12,1\n'))).toThrow(/no symbol column/);
    expect(loadEvents(t.write('NVDA.csv', 'date,eps_actual\n2025-08-12,1\n'))[0]!.symbol).toBe('NVDA');
  });
});

describe('the repository itself', () => {
  it('ships no config file: the checkout default is used', () => {
    expect(existsSync(join(findRepoRoot()!, 'aftershock.config.json'))).toBe(false);
  });
});
