import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AftershockError } from '@aftershock/core';
import { formatCsv, parseCsv } from '../csv';
import { SYMBOL_RE } from '../store';
import type { FetchFunction } from './replay';
import { fetchYahooSymbol } from './yahoo-client';
import { EARNINGS_HEADER, SPLITS_HEADER, symbolRows, type SymbolRows } from './yahoo-rows';

/** The file that marks a folder as a fetch cache and records what was fetched. */
export const CACHE_MANIFEST = 'fetch.json';
/** Where `aftershock data fetch` writes when no `--out` is given (relative to the working directory). */
export const DEFAULT_CACHE_DIR = 'aftershock-data';

export interface FetchToCacheOptions {
  readonly from: string;
  readonly to: string;
  readonly out: string;
  /** The fetch yahoo-finance2 uses (default: the network). */
  readonly fetch?: FetchFunction;
  /** When the fetch happened, for the manifest (default: now). */
  readonly now?: Date;
  /** Called after each symbol is fetched (for progress). */
  readonly onSymbol?: (rows: SymbolRows) => void;
}

export interface FetchSummary {
  readonly dir: string;
  readonly symbols: readonly SymbolRows[];
}

interface Manifest {
  source: string;
  symbols: Record<string, { from: string; to: string; first?: string; last?: string; bars: number; dividends: number; earnings: number; splits: number; fetchedAt: string }>;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => {
  const t = Date.parse(`${s}T00:00:00Z`);
  return ISO.test(s) && Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s;
};

/** Checks the arguments before anything is fetched: FETCH_BAD_ARGUMENT (exit 2) names what is wrong. */
export function checkFetchArgs(symbols: readonly string[], from: string, to: string, out: string): void {
  const bad = (msg: string, field: string) => new AftershockError('FETCH_BAD_ARGUMENT', msg, { field });
  if (symbols.length === 0) throw bad('name at least one symbol, e.g. `aftershock data fetch AAPL MSFT`', 'SYMBOL');
  for (const s of symbols) if (!SYMBOL_RE.test(s)) throw bad(`"${s}" is not a valid symbol (letters, digits and . ^ _ = -)`, 'SYMBOL');
  for (const [k, v] of [['--from', from], ['--to', to]] as const) if (!validDate(v)) throw bad(`${k}: expected a date YYYY-MM-DD, got "${v}"`, k);
  if (from > to) throw bad(`--from ${from} is after --to ${to}`, '--from');
  if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(join(out, CACHE_MANIFEST))) {
    throw bad(`${out} exists and is not a fetch cache (it has no ${CACHE_MANIFEST}): give --out an empty or new folder`, '--out');
  }
}

/**
 * Fetches every symbol from Yahoo Finance (through yahoo-finance2) and writes them, in the project's own formats, into
 * the cache folder `out`, which any scenario can use as a data root:
 *
 *     prices/SYM.csv  dividends/SYM_dividends.csv  events/earnings.csv  events/splits.csv  fetch.json  README.md
 *
 * All or nothing: every symbol is fetched before anything is written, the new folder is built beside `out` and
 * renamed into place, and a failure (a coded error naming the symbol) leaves `out` as it was. Symbols already in
 * the cache and not fetched now are kept.
 */
export async function fetchToCache(symbols: readonly string[], opts: FetchToCacheOptions): Promise<FetchSummary> {
  const out = resolve(opts.out);
  const unique = [...new Set(symbols)];
  checkFetchArgs(unique, opts.from, opts.to, out);
  const fetched: SymbolRows[] = [];
  for (const s of unique) {
    const rows = symbolRows(await fetchYahooSymbol(s, opts.from, opts.to, opts.fetch ? { fetch: opts.fetch } : {}), opts.from, opts.to);
    if (rows.bars === 0) throw new AftershockError('FETCH_NO_BARS', `${s}: Yahoo Finance has no daily bars from ${opts.from} to ${opts.to}`, { field: s });
    opts.onSymbol?.(rows);
    fetched.push(rows);
  }
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}-${randomUUID().slice(0, 8)}`);
  try {
    if (existsSync(out)) cpSync(out, tmp, { recursive: true });
    writeCache(tmp, fetched, opts);
    swapInto(tmp, out);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw new AftershockError('IO_FAILED', `could not write the cache ${out}: ${(e as Error).message}`, { file: out });
  }
  return { dir: out, symbols: fetched };
}

function writeCache(dir: string, fetched: readonly SymbolRows[], opts: FetchToCacheOptions): void {
  for (const sub of ['prices', 'dividends', 'events']) mkdirSync(join(dir, sub), { recursive: true });
  const names = new Set(fetched.map((r) => r.symbol));
  for (const r of fetched) {
    writeFileSync(join(dir, 'prices', `${r.symbol}.csv`), r.prices);
    const div = join(dir, 'dividends', `${r.symbol}_dividends.csv`);
    if (r.dividends !== undefined) writeFileSync(div, r.dividends);
    else rmSync(div, { force: true });
  }
  mergeCalendar(join(dir, 'events', 'earnings.csv'), EARNINGS_HEADER, names, fetched.flatMap((r) => r.earnings));
  mergeCalendar(join(dir, 'events', 'splits.csv'), SPLITS_HEADER, names, fetched.flatMap((r) => r.splits));
  const mf = join(dir, CACHE_MANIFEST);
  const manifest: Manifest = existsSync(mf) ? (JSON.parse(readFileSync(mf, 'utf8')) as Manifest) : { source: '', symbols: {} };
  manifest.source = 'Yahoo Finance, through the npm package yahoo-finance2 (chart and quoteSummary)';
  const at = (opts.now ?? new Date()).toISOString();
  for (const r of fetched) {
    manifest.symbols[r.symbol] = {
      from: opts.from,
      to: opts.to,
      ...(r.first !== undefined ? { first: r.first, last: r.last! } : {}),
      bars: r.bars,
      dividends: r.dividends === undefined ? 0 : r.dividends.trimEnd().split('\n').length - 1,
      earnings: r.earnings.length,
      splits: r.splits.length,
      fetchedAt: at,
    };
  }
  manifest.symbols = Object.fromEntries(Object.entries(manifest.symbols).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(mf, JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(dir, 'README.md'), CACHE_README);
}

/** Rewrites a calendar: its rows of symbols not fetched now are kept, those of fetched symbols replaced. */
function mergeCalendar(file: string, header: readonly string[], fetched: ReadonlySet<string>, rows: readonly (readonly string[])[]): void {
  const kept = existsSync(file) ? parseCsv(readFileSync(file, 'utf8')).slice(1).map((r) => r.fields).filter((f) => !fetched.has(f[0] ?? '')) : [];
  const all = [...kept, ...rows].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
  writeFileSync(file, formatCsv([header, ...all]));
}

/** Puts the finished folder in place of `out`: rename the old one aside, rename the new one in, drop the old. */
function swapInto(tmp: string, out: string): void {
  if (!existsSync(out)) {
    mkdirSync(dirname(out), { recursive: true });
    renameSync(tmp, out);
    return;
  }
  const old = `${tmp}.old`;
  renameSync(out, old);
  try {
    renameSync(tmp, out);
  } catch (e) {
    renameSync(old, out);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}

const CACHE_README = `# A data cache written by \`aftershock data fetch\`

Daily bars, dividends, splits and earnings dates from **Yahoo Finance**, fetched through the npm package
yahoo-finance2 (unofficial; not endorsed by Yahoo). Yahoo's terms of use may restrict redistribution of its data:
keep this folder for your own research. \`fetch.json\` says what was fetched, over which span and when.

| file | format |
|---|---|
| \`prices/SYM.csv\` | \`Date,Open,High,Low,Close,Volume\`: exchange-local sessions; OHLC and volume split-adjusted, \`Close\` the raw (not dividend-adjusted) close |
| \`dividends/SYM_dividends.csv\` | \`Date,Dividend\`: ex-date and cash amount per share (split-adjusted) |
| \`events/earnings.csv\` | the project's earnings calendar: reported quarters (Yahoo's last four) with EPS, and the next report when Yahoo has its date; \`timing\` from Yahoo's time of day where it has one, else \`unknown\` |
| \`events/splits.csv\` | custom events \`kind=split\` with \`tags\` \`ratio=N:D\` (for studying splits; the prices are already adjusted) |

Use it as a data root: \`AFTERSHOCK_DATA=<this folder>\`, \`--root <this folder>\`, or \`data.root\` in a scenario; its
calendars go in \`events.files\`.
`;
