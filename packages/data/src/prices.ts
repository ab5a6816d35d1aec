import { basename } from 'node:path';
import { Problems, dayNumberToIso, isoToDayNumber, xnysCalendar, type BarSeries, type TradingCalendar } from '@aftershock/core';
import { BarBuilder, finishSeries } from './bar-builder';
import { resolveColumns } from './columns';
import { readFileBytes, readTextFile } from './csv';
import { CsvCursor } from './csv-cursor';
import { dateReader } from './date-format';
import { parseDividends, parseSplits, throwNewErrors, type Dividend, type Split } from './dividends';
import { DEFAULT_MAX_PROBLEMS_PER_FILE, FileProblems } from './file-problems';
import { COL_DATE, COL_NUMBER, COL_SKIP, scanPlainRow, scanPlainRowBytes } from './fast-row';
import { isOhlcvLayout, scanOhlcvBars } from './ohlcv-bars';
import { barRoles, scanPlainBars } from './plain-bars';
import { parseIsoDayAt, sessionIndex } from './session-index';

/** Header names accepted for each price field (compared case- and punctuation-insensitively). */
export const PRICE_COLUMN_ALIASES = {
  date: ['Date', 'date', 'timestamp', 'day', 'datetime', 'time'],
  symbol: ['symbol', 'ticker', 'code'],
  open: ['Open', 'o'],
  high: ['High', 'h'],
  low: ['Low', 'l'],
  close: ['Close', 'c', 'price', 'last'],
  adjClose: ['Adj Close', 'adj_close', 'adjusted_close', 'adjclose'],
  volume: ['Volume', 'vol', 'v'],
} as const;

export type PriceField = keyof typeof PRICE_COLUMN_ALIASES;
/** Maps a price field to the file's column name, for files whose headers are not recognised. */
export type PriceColumnMapping = Partial<Record<PriceField, string>>;

/** A stale gap of this many missing sessions or more between two bars is reported (PRICE_GAP, a warning). */
export const DEFAULT_GAP_WARN_SESSIONS = 3;

export interface PriceOptions {
  /** Symbol of a per-symbol file; defaults to the file name without extension. Ignored for long files. */
  readonly symbol?: string;
  /** Column mapping for headers that are not recognised. */
  readonly columns?: PriceColumnMapping;
  /** Field delimiter of a vendor file (one character, or "tab"; default a comma). */
  readonly delimiter?: string;
  /** Date layout of a vendor file, e.g. `MM/DD/YYYY` (see dateReader; default `YYYY-MM-DD`). */
  readonly dateFormat?: string;
  /** Dividends of a per-symbol file: a `Date,Dividend` file path or parsed records. */
  readonly dividends?: string | readonly Dividend[];
  /** Dividends of the symbols of a long file. */
  readonly dividendsBySymbol?: ReadonlyMap<string, readonly Dividend[]>;
  /** Split factors, for files whose prices are not split-adjusted: a `Date,Split` file path or records. */
  readonly splits?: string | readonly Split[];
  readonly calendar?: TradingCalendar;
  /** Problems are gathered here (warnings stay in it after a successful load). */
  readonly problems?: Problems;
  readonly gapWarnSessions?: number;
  readonly maxProblemsPerFile?: number;
}

/**
 * Parses price CSV text into one `BarSeries` per symbol, gathering every problem into `problems` instead of throwing:
 * - per-symbol (Yahoo-style) files: `Date,Open,High,Low,Close,[Adj Close,]Volume`, the symbol from `opts.symbol`
 *   or the file name;
 * - long files with a symbol column: `date,symbol,close` or full OHLCV, rows of each symbol in date order;
 * - anything else through `opts.columns`.
 * Close-only files get open = high = low = close and a NaN volume. Each row's `session` is its calendar ordinal.
 *
 * Errors: PRICE_MISSING_COLUMN, PRICE_FIELD_COUNT, PRICE_BAD_DATE, PRICE_NOT_A_SESSION, PRICE_UNSORTED,
 * PRICE_DUPLICATE_DATE, PRICE_BAD_NUMBER, PRICE_NON_POSITIVE, PRICE_HIGH_BELOW_LOW, PRICE_NEGATIVE_VOLUME,
 * PRICE_MISSING_SYMBOL, PRICE_EMPTY, CSV_UNTERMINATED_QUOTE, CSV_BAD_QUOTE.
 * Warnings: PRICE_UNKNOWN_COLUMN (not with a mapping), PRICE_OUTSIDE_CALENDAR (rows outside the calendar's range are dropped),
 * PRICE_OHLC_INCONSISTENT (open or close outside [low, high], e.g. BK 2021-05-05), PRICE_GAP, DIVIDEND_NOT_A_BAR.
 */
export function parsePrices(input: string | Uint8Array, file: string, opts: PriceOptions = {}): Map<string, BarSeries> {
  const problems = opts.problems ?? new Problems();
  const fp = new FileProblems(problems, file, opts.maxProblemsPerFile ?? DEFAULT_MAX_PROBLEMS_PER_FILE);
  const idx = sessionIndex(opts.calendar ?? xnysCalendar());
  const gapWarn = opts.gapWarnSessions ?? DEFAULT_GAP_WARN_SESSIONS;
  const out = new Map<string, BarSeries>();
  const cursorOpts = { file, problems: fp.csvSink(), ...(opts.delimiter !== undefined ? { delimiter: opts.delimiter } : {}) };
  // Bytes (a file as read): with a plain header line, only that line is decoded and the rows are scanned as bytes;
  // the text is decoded (exactly as readTextFile does) only when a row needs the general reader.
  const bytes = typeof input === 'string' ? undefined : input;
  const headerEnd = bytes ? plainHeaderEnd(bytes) : -1;
  let text = typeof input === 'string' ? input : headerEnd > 0 ? latin1(input.subarray(0, headerEnd)) : utf8(input);
  let c = new CsvCursor(text, cursorOpts);
  const vendorDate = opts.dateFormat !== undefined ? dateReader(opts.dateFormat) : undefined;
  if (!c.next()) {
    fp.error('PRICE_EMPTY', 'the file is empty (no header row)');
    fp.close();
    return out;
  }
  const header = c.fields();
  const ncols = c.count;
  const headerLine = c.line;
  const { index, unknown } = priceColumns(header, opts.columns);
  // A file read through a mapping names the columns it uses; the rest are the vendor's and pass silently.
  for (const u of opts.columns ? [] : unknown) fp.warn('PRICE_UNKNOWN_COLUMN', `column ${JSON.stringify(header[u])} is not a price field and is ignored`, headerLine, header[u]);
  const missing = (['date', 'close'] as const).filter((k) => index[k] < 0);
  for (const k of missing) {
    const want = opts.columns?.[k] ?? PRICE_COLUMN_ALIASES[k][0];
    fp.error('PRICE_MISSING_COLUMN', `no ${k} column (looked for ${JSON.stringify(want)}); header is ${header.join(',')}`, headerLine, k);
  }
  if (missing.length > 0) {
    fp.close();
    return out;
  }
  const iDate = index.date;
  const iSym = index.symbol;
  const iClose = index.close;
  const iOpen = index.open;
  const iHigh = index.high;
  const iLow = index.low;
  const iVol = index.volume;
  const iAdj = index.adjClose;
  const long = iSym >= 0;
  const name = (i: number): string => header[i]!;
  const builders = new Map<string, BarBuilder>();
  let b: BarBuilder | undefined;
  if (!long) {
    const symbol = opts.symbol ?? basename(file).replace(/\.[^.]*$/, '');
    // Bytes are read into the scratch columns (no line count to size them); text into columns sized by its lines.
    b = headerEnd > 0 ? BarBuilder.scratch(symbol, iAdj >= 0) : new BarBuilder(symbol, countLines(text), iAdj >= 0);
    builders.set(symbol, b);
  }
  let outside = 0;
  let outsideLine = 0;
  let lastSym = '';
  let t = c.text;

  /** Appends a validated bar, with the warnings a good row can still carry. */
  const push = (bb: BarBuilder, ord: number, open: number, high: number, low: number, close: number, volume: number, adj: number, line: number): void => {
    const prev = bb.lastOrdinal;
    if (prev >= 0 && ord - prev - 1 >= gapWarn) {
      fp.warn('PRICE_GAP', `${bb.symbol} has no bar for ${ord - prev - 1} session(s) between ${idx.dateOf(prev)} and ${idx.dateOf(ord)}`, line, name(iDate));
    }
    if (open < low || open > high || close < low || close > high) {
      fp.warn('PRICE_OHLC_INCONSISTENT', `${bb.symbol} ${idx.dateOf(ord)}: open ${open} or close ${close} is outside low ${low}..high ${high}`, line);
    }
    bb.reserve();
    bb.append(ord, open, high, low, close, volume, adj);
  };

  /** Reads the cursor's current row the general way, reporting everything wrong with it. */
  const cursorRow = (): void => {
    const line = c.line;
    if (c.count !== ncols) {
      fp.error('PRICE_FIELD_COUNT', `${c.count} field(s) where the header has ${ncols}`, line);
      return;
    }
    const day = vendorDate ? isoToDayNumber(vendorDate(c.field(iDate)) ?? '') : parseIsoDayAt(t, c.start(iDate), c.end(iDate));
    if (day !== day) {
      fp.error('PRICE_BAD_DATE', `not a ${opts.dateFormat ?? 'YYYY-MM-DD'} date: ${JSON.stringify(c.field(iDate))}`, line, name(iDate));
      return;
    }
    const ord = idx.ordinalOfDay(day);
    if (ord < 0) {
      if (ord === -2) {
        if (outside++ === 0) outsideLine = line;
      } else {
        const d = dayNumberToIso(day);
        const why = idx.calendar.closureReason(d) ?? 'a weekend';
        fp.error('PRICE_NOT_A_SESSION', `${d} is not an ${idx.calendar.name} session (${why})`, line, name(iDate));
      }
      return;
    }
    if (long) {
      const sym = c.field(iSym).trim();
      if (sym === '') {
        fp.error('PRICE_MISSING_SYMBOL', 'empty symbol', line, name(iSym));
        return;
      }
      if (sym !== lastSym || b === undefined) {
        b = builders.get(sym);
        if (b === undefined) {
          b = new BarBuilder(sym, 256, iAdj >= 0);
          builders.set(sym, b);
        }
        lastSym = sym;
      }
    }
    const bb = b!;
    const prev = bb.lastOrdinal;
    if (ord <= prev) {
      const d = idx.dateOf(ord);
      if (ord === prev) fp.error('PRICE_DUPLICATE_DATE', `${bb.symbol} has a second row for ${d}`, line, name(iDate));
      else fp.error('PRICE_UNSORTED', `${bb.symbol} ${d} comes after ${idx.dateOf(prev)}; rows must be in date order`, line, name(iDate));
      return;
    }
    const close = c.number(iClose);
    const open = iOpen >= 0 ? c.number(iOpen) : close;
    const high = iHigh >= 0 ? c.number(iHigh) : close;
    const low = iLow >= 0 ? c.number(iLow) : close;
    const volume = iVol >= 0 ? c.number(iVol) : NaN;
    const adj = iAdj >= 0 ? c.number(iAdj) : close;
    // One combined test keeps the common path short; the details are worked out only for a bad row. `< Infinity`
    // refuses values that overflow (`1e400`): a price or volume must be finite, Adj Close included.
    if (
      !(open > 0 && high > 0 && low > 0 && close > 0 && high >= low && adj > 0) ||
      !(open < Infinity && high < Infinity && low < Infinity && close < Infinity && adj < Infinity) ||
      !(iVol < 0 || (volume >= 0 && volume < Infinity))
    ) {
      if (!checkRow(c, fp, line, header, [iOpen, iHigh, iLow, iClose, iAdj], iVol, high, low)) return;
    }
    push(bb, ord, open, high, low, close, volume, adj, line);
  };

  // Per-symbol files: plain rows go through one fused pass (scanPlainRow, or scanPlainRowBytes on bytes); a row it
  // declines, or one whose values fail validation, is re-read by the cursor, which reports exactly what is wrong.
  // Long files use the cursor.
  const plain = !long && !vendorDate && c.delimiter === 44;
  const roles = plain ? plainRoles(ncols, iDate, [iOpen, iHigh, iLow, iClose, iVol, iAdj]) : undefined;
  const vals = new Float64Array(ncols);
  let pos = c.offset;
  let line = c.nextLineNumber;
  /** Appends the row the scanner read into `vals` when its values pass; false when the cursor must re-read it. */
  const scanned = (): boolean => {
    const bb = b!;
    const ord = idx.ordinalOfDay(vals[iDate]!);
    const close = vals[iClose]!;
    const open = iOpen >= 0 ? vals[iOpen]! : close;
    const high = iHigh >= 0 ? vals[iHigh]! : close;
    const low = iLow >= 0 ? vals[iLow]! : close;
    // The scanner reads at most 15 digits, so nothing here overflows; Adj Close must be positive like the rest.
    if (!(ord > bb.lastOrdinal && open > 0 && high > 0 && low > 0 && close > 0 && high >= low && (iAdj < 0 || vals[iAdj]! > 0))) return false;
    push(bb, ord, open, high, low, close, iVol >= 0 ? vals[iVol]! : NaN, iAdj >= 0 ? vals[iAdj]! : close, line);
    return true;
  };
  let done = false;
  if (bytes) {
    if (roles && headerEnd > 0 && pos === text.length) {
      // The header line was plain ASCII, so its length in chars is its length in bytes.
      const nb = bytes.length;
      const padded = withZeroAfter(bytes);
      const bars = barRoles(ncols, { date: iDate, open: iOpen, high: iHigh, low: iLow, close: iClose, volume: iVol, adjClose: iAdj });
      const bb = b!;
      const ohlcv = isOhlcvLayout(bars);
      for (;;) {
        // Runs of plain, valid rows without a warning in one loop; the row it leaves goes through the row scanner
        // and the checks above (a warning, a full builder), or to the general reader.
        const k0 = bb.length;
        pos = ohlcv ? scanOhlcvBars(padded, pos, nb, bars.length === 7, idx, gapWarn, bb) : scanPlainBars(padded, pos, nb, bars, idx, gapWarn, bb);
        line += bb.length - k0;
        if (pos >= nb) break;
        const next = scanPlainRowBytes(padded, pos, nb, roles, vals);
        if (next < 0 || !scanned()) break;
        pos = next;
        line++;
      }
      done = pos >= nb;
    }
    if (!done && headerEnd > 0) {
      // The rest needs the general reader: the whole text, the position mapped from bytes to chars.
      pos = utf8(bytes.subarray(0, pos)).length;
      text = utf8(bytes);
      t = text;
      c = new CsvCursor(text, cursorOpts);
      c.seek(pos, line);
    }
  }
  const n = t.length;
  while (!done) {
    if (roles) {
      if (pos >= n) break;
      const next = scanPlainRow(t, pos, roles, vals);
      if (next >= 0 && scanned()) {
        pos = next;
        line++;
        continue;
      }
      c.seek(pos, line);
    }
    if (!c.next()) break;
    cursorRow();
    pos = c.offset;
    line = c.nextLineNumber;
  }
  if (outside > 0) {
    fp.warn('PRICE_OUTSIDE_CALENDAR', `${outside} row(s) outside the calendar's range ${idx.calendar.first}..${idx.calendar.last} were dropped (first at line ${outsideLine})`, outsideLine, name(iDate));
  }
  const splits = typeof opts.splits === 'string' ? parseSplits(readTextFile(opts.splits, 'splits file'), opts.splits, problems) : opts.splits;
  const ownDividends = typeof opts.dividends === 'string' ? parseDividends(readTextFile(opts.dividends, 'dividends file'), opts.dividends, problems) : opts.dividends;
  for (const [sym, bb] of builders) {
    if (bb.length === 0) {
      fp.error('PRICE_EMPTY', `${sym}: no usable rows`);
      continue;
    }
    const dividends = long ? opts.dividendsBySymbol?.get(sym) : ownDividends;
    out.set(sym, finishSeries(bb, idx, fp, { dividends, splits, source: file }));
  }
  fp.close();
  return out;
}

/** The price columns of a header: resolveColumns, remembered for the last few headers (a folder's files share one). */
function priceColumns(header: readonly string[], mapping: PriceColumnMapping | undefined): ReturnType<typeof resolveColumns<PriceField>> {
  const key = `${header.join('\u0000')}\u0001${mapping ? JSON.stringify(mapping) : ''}`;
  let hit = COLUMNS_SEEN.get(key);
  if (!hit) {
    hit = resolveColumns(header, PRICE_COLUMN_ALIASES, mapping ?? {});
    if (COLUMNS_SEEN.size >= 64) COLUMNS_SEEN.clear();
    COLUMNS_SEEN.set(key, hit);
  }
  return hit;
}

const COLUMNS_SEEN = new Map<string, ReturnType<typeof resolveColumns<PriceField>>>();

/** Reports why a row failed the combined check; returns true when the row is still usable (it never is). */
function checkRow(c: CsvCursor, fp: FileProblems, line: number, header: readonly string[], cols: readonly number[], iVol: number, high: number, low: number): boolean {
  let bad = false;
  for (const i of cols) {
    if (i < 0) continue;
    const v = c.number(i);
    if (Number.isNaN(v) || !Number.isFinite(v)) {
      fp.error('PRICE_BAD_NUMBER', `${notFinite(v)}: ${JSON.stringify(c.field(i))}`, line, header[i]);
      bad = true;
    } else if (v <= 0) {
      fp.error('PRICE_NON_POSITIVE', `price must be positive, got ${c.field(i)}`, line, header[i]);
      bad = true;
    }
  }
  if (!bad && high < low) {
    fp.error('PRICE_HIGH_BELOW_LOW', `high ${high} is below low ${low}`, line, header[cols[1]!] ?? 'High');
    bad = true;
  }
  if (iVol >= 0) {
    const v = c.number(iVol);
    if (Number.isNaN(v) || !Number.isFinite(v)) {
      fp.error('PRICE_BAD_NUMBER', `${notFinite(v)}: ${JSON.stringify(c.field(iVol))}`, line, header[iVol]);
      bad = true;
    } else if (v < 0) {
      fp.error('PRICE_NEGATIVE_VOLUME', `volume must not be negative, got ${c.field(iVol)}`, line, header[iVol]);
      bad = true;
    }
  }
  return !bad;
}

function notFinite(v: number): string {
  return Number.isNaN(v) ? 'not a number' : 'not a finite number (it overflows)';
}

/** Column roles for scanPlainRow: the date column, the numeric columns in use, everything else skipped. */
function plainRoles(ncols: number, iDate: number, numeric: readonly number[]): Uint8Array {
  const roles = new Uint8Array(ncols).fill(COL_SKIP);
  for (const i of numeric) if (i >= 0) roles[i] = COL_NUMBER;
  roles[iDate] = COL_DATE;
  return roles;
}

/**
 * Where the header line of price bytes ends (after its LF) when it is plain — printable ASCII without quotes, with a
 * comma (so not blank) — else -1 (then the whole text is decoded first).
 */
function plainHeaderEnd(b: Uint8Array): number {
  const lf = b.indexOf(10);
  if (lf <= 0) return -1;
  let comma = false;
  for (let i = 0; i < lf; i++) {
    const c = b[i]!;
    if (c >= 128 || c === 34 || (c < 32 && c !== 9 && c !== 13)) return -1;
    if (c === 44) comma = true;
  }
  return comma ? lf + 1 : -1;
}

function utf8(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
}

function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}

/**
 * The bytes with a 0 sentinel at index `length` (scanPlainRowBytes needs one): a view of the same memory when a 0
 * already follows them there (readFileBytes leaves one), else a copy. Nothing past the bytes is ever written.
 */
function withZeroAfter(b: Uint8Array): Uint8Array {
  const n = b.length;
  if (b.byteOffset + n < b.buffer.byteLength) {
    const view = new Uint8Array(b.buffer, b.byteOffset, n + 1);
    if (view[n] === 0) return view;
  }
  const padded = new Uint8Array(n + 1);
  padded.set(b);
  return padded;
}

/** Number of line feeds + 1: an upper bound on the records of a file with LF or CRLF endings. */
function countLines(text: string): number {
  let n = 1;
  let i = text.indexOf('\n');
  while (i >= 0) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}

/**
 * Loads one symbol's price file (any layout parsePrices reads; a long file must hold exactly that symbol or name it in
 * `opts.symbol`). Throws a ValidationError listing every error; warnings stay in `opts.problems`.
 */
export function loadPriceFile(path: string, opts: PriceOptions = {}): BarSeries {
  const problems = opts.problems ?? new Problems();
  const before = problems.list.length;
  const all = parsePrices(readFileBytes(path, 'price file'), path, { ...opts, problems });
  throwNewErrors(problems, before);
  const want = opts.symbol;
  const s = want !== undefined ? all.get(want) : all.size === 1 ? all.values().next().value : undefined;
  if (!s) {
    problems.error('PRICE_UNKNOWN_SYMBOL', want !== undefined ? `${want} is not in the file (it has ${[...all.keys()].join(', ')})` : `the file holds ${all.size} symbols; name one`, { file: path });
    throwNewErrors(problems, before);
  }
  return s!;
}

/** Loads a long price file (`date,symbol,close` or OHLCV with a symbol column) into one series per symbol. */
export function loadLongPrices(path: string, opts: PriceOptions = {}): Map<string, BarSeries> {
  const problems = opts.problems ?? new Problems();
  const before = problems.list.length;
  const all = parsePrices(readFileBytes(path, 'price file'), path, { ...opts, problems });
  throwNewErrors(problems, before);
  return all;
}
