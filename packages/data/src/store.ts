import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AftershockError, Problems, entryExists, notARegularFile, type BarSeries, type TradingCalendar } from '@aftershock/core';
import { readFileBytes, readTextFile } from './csv';
import type { DataRoot } from './data-root';
import { parseDividends, parseSplits, throwNewErrors } from './dividends';
import { parsePrices, type PriceOptions } from './prices';

/** Where prices live inside a data root, searched in this order; dividends sit alongside (or in the sibling folder). */
const PRICE_DIRS: readonly { readonly prices: string; readonly dividends: string }[] = [
  { prices: 'focus', dividends: 'focus' },
  { prices: 'universe/prices', dividends: 'universe/dividends' },
  { prices: 'prices', dividends: 'dividends' },
  { prices: '.', dividends: '.' },
];

/** What a symbol may look like (it names files, so no path separators). */
export const SYMBOL_RE = /^[A-Za-z0-9^][A-Za-z0-9.^_=-]{0,31}$/;

export interface StoreOptions {
  readonly calendar?: TradingCalendar;
  /** How to read a vendor's price files: column mapping, delimiter, date layout (see PriceOptions). */
  readonly columns?: PriceOptions['columns'];
  readonly delimiter?: string;
  readonly dateFormat?: string;
  /** Gathers warnings (and, before the throw, errors) of every file. */
  readonly problems?: Problems;
  readonly gapWarnSessions?: number;
}

/** The files of one symbol inside a data root. */
export interface SymbolFiles {
  readonly symbol: string;
  readonly prices: string;
  readonly dividends?: string;
  readonly splits?: string;
}

function rootDir(root: DataRoot | string): string {
  return typeof root === 'string' ? root : root.dir;
}

/** Locates a symbol's price file (focus/ first, then universe/prices/, prices/, the root) and its dividends and splits. */
export function findSymbolFiles(root: DataRoot | string, symbol: string): SymbolFiles | undefined {
  // A broken or looping link counts as present, so reading it names the problem instead of "unknown symbol".
  return searchSymbolFiles(rootDir(root), symbol, (folder, name) => entryExists(join(folder, name)));
}

/** The search of findSymbolFiles, with `exists(folder, name)` telling whether a file is there. */
function searchSymbolFiles(dir: string, symbol: string, exists: (folder: string, name: string) => boolean): SymbolFiles | undefined {
  if (!SYMBOL_RE.test(symbol)) return undefined;
  for (const d of PRICE_DIRS) {
    const pricesDir = join(dir, d.prices);
    if (!exists(pricesDir, `${symbol}.csv`)) continue;
    const divDir = join(dir, d.dividends);
    return {
      symbol,
      prices: join(pricesDir, `${symbol}.csv`),
      ...(exists(divDir, `${symbol}_dividends.csv`) ? { dividends: join(divDir, `${symbol}_dividends.csv`) } : {}),
      ...(exists(divDir, `${symbol}_splits.csv`) ? { splits: join(divDir, `${symbol}_splits.csv`) } : {}),
    };
  }
  return undefined;
}

/**
 * findSymbolFiles for many symbols of one root: each of its price folders is listed once, instead of every candidate
 * file being looked up for every symbol (a study of a 360-file folder made six lookups a symbol, four of them in
 * folders that do not exist). A folder that does not exist holds nothing. A name its listing lacks is still looked
 * up, so a case-insensitive file system finds what findSymbolFiles finds — unless the folder is known to tell case
 * apart (one of its names, its case swapped, is not there): then its listing is the whole answer (a price folder
 * read as the root looked up every symbol's dividends and splits files, 700 lookups a study).
 */
export function symbolFileFinder(root: DataRoot | string): (symbol: string) => SymbolFiles | undefined {
  const dir = rootDir(root);
  /** A folder's names and whether they are all it holds; null when it does not exist; undefined when it cannot be listed. */
  const listings = new Map<string, { readonly names: ReadonlySet<string>; readonly complete: boolean } | null | undefined>();
  const listing = (folder: string) => {
    if (!listings.has(folder)) {
      let l: { names: ReadonlySet<string>; complete: boolean } | null | undefined;
      try {
        const names = new Set(readdirSync(folder));
        l = { names, complete: tellsCase(folder, names) };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        l = code === 'ENOENT' || code === 'ENOTDIR' ? null : undefined;
      }
      listings.set(folder, l);
    }
    return listings.get(folder);
  };
  const exists = (folder: string, name: string): boolean => {
    const l = listing(folder);
    if (l === null) return false;
    if (l?.names.has(name)) return true;
    return l?.complete === true ? false : entryExists(join(folder, name));
  };
  return (symbol) => searchSymbolFiles(dir, symbol, exists);
}

/**
 * Whether a folder's file system tells names apart by case: one of its names with the case of its ASCII letters
 * swapped (a name no entry has) is not there. False when no name has a letter to swap, or when the swapped name is found (then the folder may
 * hold names its listing does not spell as asked).
 */
function tellsCase(folder: string, names: ReadonlySet<string>): boolean {
  for (const n of names) {
    // ASCII letters only (every symbol is ASCII; other scripts fold case differently from file system to file system).
    const swapped = n.replace(/[A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) ^ 32));
    if (swapped === n || names.has(swapped)) continue;
    return !entryExists(join(folder, swapped));
  }
  return false;
}

/**
 * Loads one symbol from a data root with its dividends (and split factors if a `<SYMBOL>_splits.csv` exists).
 * Throws DATA_UNKNOWN_SYMBOL when no file holds it, a ValidationError when its files have errors.
 *
 * @example loadSymbol(resolveDataRoot(), 'CRWV').close // Float64Array of 294 closes from 2025-03-28
 */
export function loadSymbol(root: DataRoot | string, symbol: string, opts: StoreOptions = {}): BarSeries {
  if (!SYMBOL_RE.test(symbol)) {
    throw new AftershockError('DATA_UNKNOWN_SYMBOL', `${JSON.stringify(symbol)} is not a valid symbol (letters, digits, . ^ _ = -)`, { field: 'symbol' });
  }
  const files = findSymbolFiles(root, symbol) ?? findSymbolFiles(root, symbol.toUpperCase());
  if (!files) {
    throw new AftershockError(
      'DATA_UNKNOWN_SYMBOL',
      `no price file for ${JSON.stringify(symbol)} in ${rootDir(root)} (looked for ${PRICE_DIRS.map((d) => join(d.prices, `${symbol}.csv`)).join(', ')}; ${listSymbols(root).length} symbols are available)`,
      { field: 'symbol' },
    );
  }
  return loadSymbolFiles(files, opts);
}

/**
 * Loads one symbol from the files `findSymbolFiles` located (loadSymbol without searching for them again). Throws a
 * ValidationError when its files have errors.
 */
export function loadSymbolFiles(files: SymbolFiles, opts: StoreOptions = {}): BarSeries {
  const problems = opts.problems ?? new Problems();
  const before = problems.list.length;
  const s = loadFiles(files, problems, opts);
  throwNewErrors(problems, before);
  return s!;
}

/** The price-reading options of StoreOptions that parsePrices takes as they are. */
function readOptions(opts: StoreOptions): Partial<PriceOptions> {
  return {
    ...(opts.calendar ? { calendar: opts.calendar } : {}),
    ...(opts.gapWarnSessions !== undefined ? { gapWarnSessions: opts.gapWarnSessions } : {}),
    ...(opts.columns ? { columns: opts.columns } : {}),
    ...(opts.delimiter !== undefined ? { delimiter: opts.delimiter } : {}),
    ...(opts.dateFormat !== undefined ? { dateFormat: opts.dateFormat } : {}),
  };
}

function loadFiles(files: SymbolFiles, problems: Problems, opts: StoreOptions): BarSeries | undefined {
  const dividends = files.dividends !== undefined ? parseDividends(readTextFile(files.dividends, 'dividends file'), files.dividends, problems) : [];
  const splits = files.splits !== undefined ? parseSplits(readTextFile(files.splits, 'splits file'), files.splits, problems) : undefined;
  const popts: PriceOptions = {
    symbol: files.symbol,
    dividends,
    problems,
    ...(splits ? { splits } : {}),
    ...readOptions(opts),
  };
  return parsePrices(readFileBytes(files.prices, 'price file'), files.prices, popts).get(files.symbol);
}

/** The folder holding the universe's price files: universe/prices/, else prices/, else the root itself. */
function universeDir(dir: string): { prices: string; dividends: string } {
  for (const d of PRICE_DIRS.slice(1)) {
    const p = join(dir, d.prices);
    if (existsSync(p) && csvSymbols(p).length > 0) return { prices: p, dividends: join(dir, d.dividends) };
  }
  return { prices: join(dir, 'universe/prices'), dividends: join(dir, 'universe/dividends') };
}

function csvSymbols(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv') && !f.endsWith('_dividends.csv') && !f.endsWith('_splits.csv'))
    .map((f) => f.slice(0, -4))
    .filter((s) => SYMBOL_RE.test(s));
}

/**
 * Loads every price file of the universe (universe/prices/ with universe/dividends/, in the BackTester39 layout:
 * 360 files, 610,589 rows) into a map sorted by symbol. Problems of all files are gathered; one ValidationError
 * lists every error. Pass `symbols` to load a subset.
 */
export function loadUniverse(root: DataRoot | string, opts: StoreOptions & { readonly symbols?: readonly string[] } = {}): Map<string, BarSeries> {
  const dir = rootDir(root);
  const u = universeDir(dir);
  const symbols = (opts.symbols ?? csvSymbols(u.prices)).slice().sort();
  if (symbols.length === 0) throw new AftershockError('DATA_EMPTY_UNIVERSE', `no price files in ${u.prices}`);
  const problems = opts.problems ?? new Problems();
  const before = problems.list.length;
  const out = new Map<string, BarSeries>();
  for (const symbol of symbols) {
    const prices = join(u.prices, `${symbol}.csv`);
    if (!entryExists(prices)) {
      problems.error('DATA_UNKNOWN_SYMBOL', `no price file for ${symbol}`, { file: prices, field: 'symbol' });
      continue;
    }
    const dividends = join(u.dividends, `${symbol}_dividends.csv`);
    const splits = join(u.dividends, `${symbol}_splits.csv`);
    const files: SymbolFiles = { symbol, prices, ...(entryExists(dividends) ? { dividends } : {}), ...(entryExists(splits) ? { splits } : {}) };
    const bad = [files.prices, files.dividends, files.splits].map((f) => (f !== undefined ? notARegularFile(f, 'price data file') : undefined)).find(Boolean);
    if (bad) {
      problems.error(bad.code, bad.message, { file: bad.file! });
      continue;
    }
    const s = loadFiles(files, problems, opts);
    if (s) out.set(symbol, s);
  }
  throwNewErrors(problems, before);
  return out;
}

/** Every symbol with a price file in the root (focus/, universe/prices/, prices/ or the root), sorted, unique. */
export function listSymbols(root: DataRoot | string): string[] {
  const dir = rootDir(root);
  const all = new Set<string>();
  for (const d of PRICE_DIRS) for (const s of csvSymbols(join(dir, d.prices))) all.add(s);
  return [...all].sort();
}

/**
 * Loads prices from a path that is either a folder (every `<SYMBOL>.csv` in it, in universe/prices/, or prices/,
 * with dividends alongside; see `loadUniverse`) or one file (a per-symbol file named `<SYMBOL>.csv`, or a long file
 * with a symbol column). Returns one series per symbol; throws a ValidationError listing every error.
 */
export function loadPricePath(path: string, opts: StoreOptions & { readonly symbols?: readonly string[] } = {}): Map<string, BarSeries> {
  let dir = false;
  try {
    dir = statSync(path).isDirectory();
  } catch {
    throw notARegularFile(path, 'price path') ?? new AftershockError('FILE_NOT_FOUND', `price path ${path} does not exist`, { file: path });
  }
  if (dir) return loadUniverse(path, opts);
  const problems = opts.problems ?? new Problems();
  const before = problems.list.length;
  const symbol = basename(path).replace(/\.[^.]*$/, '');
  const sib = join(path, '..', `${symbol}_dividends.csv`);
  const dividends = entryExists(sib) ? parseDividends(readTextFile(sib, 'dividends file'), sib, problems) : undefined;
  const all = parsePrices(readFileBytes(path, 'price file'), path, {
    symbol,
    problems,
    ...(dividends ? { dividends } : {}),
    ...readOptions(opts),
  });
  throwNewErrors(problems, before);
  if (opts.symbols) for (const k of [...all.keys()]) if (!opts.symbols.includes(k)) all.delete(k);
  return all;
}
