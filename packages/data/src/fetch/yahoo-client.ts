import { AftershockError } from '@aftershock/core';
import type { FetchFunction } from './replay';

/** One daily bar as Yahoo's chart API gives it (split-adjusted OHLCV; a value is null where Yahoo has none). */
export interface YahooBar {
  readonly date: Date;
  readonly open: number | null;
  readonly high: number | null;
  readonly low: number | null;
  readonly close: number | null;
  readonly volume: number | null;
}

/** One quarter of quoteSummary's `earnings.earningsChart.quarterly`. */
export interface YahooQuarter {
  readonly fiscalQuarter?: string;
  readonly reportedDate?: Date;
  readonly actual?: number;
  readonly estimate?: number;
  readonly date: string;
}

/** What Yahoo returned for one symbol: the chart (bars, dividends, splits) and, for equities, the earnings. */
export interface YahooSymbolData {
  readonly symbol: string;
  readonly timezone: string;
  readonly instrumentType: string;
  readonly currency: string | undefined;
  readonly bars: readonly YahooBar[];
  readonly dividends: readonly { readonly date: Date; readonly amount: number }[];
  readonly splits: readonly { readonly date: Date; readonly numerator: number; readonly denominator: number }[];
  /** The end of the current regular session and the time of the last price: a bar of a session still open is left out. */
  readonly regularEnd?: Date;
  readonly marketTime?: Date;
  readonly earnings?: {
    readonly quarters: readonly YahooQuarter[];
    /** Quarterly revenue by the same `date` key (`2Q2025`). */
    readonly revenue: ReadonlyMap<string, number>;
    /** The next report's date(s): one date when Yahoo knows it, two bounding a range when it estimates. */
    readonly next: readonly Date[];
    readonly nextIsEstimate: boolean;
  };
}

export interface YahooOptions {
  /** The fetch yahoo-finance2 uses (default: the global fetch, i.e. the network). */
  readonly fetch?: FetchFunction;
}

type Client = {
  chart(symbol: string, q: object): Promise<unknown>;
  quoteSummary(symbol: string, q: object): Promise<unknown>;
};

/** A fresh yahoo-finance2 client per call (own cookie jar; no version check, survey notice or console logging). */
async function client(opts: YahooOptions): Promise<Client> {
  // Loaded on first use: the library is large and only `data fetch` needs it.
  const [{ default: YahooFinance }, { ExtendedCookieJar }] = await Promise.all([import('yahoo-finance2'), import('yahoo-finance2/lib/cookieJar')]);
  const quiet = () => {};
  const logger = { info: quiet, warn: quiet, error: quiet, debug: quiet, dir: quiet };
  const Ctor = YahooFinance as unknown as new (o: object) => Client;
  return new Ctor({
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    cookieJar: new ExtendedCookieJar(),
    versionCheck: false,
    suppressNotices: ['yahooSurvey', 'ripHistorical'],
    validation: { logErrors: false, logOptionsErrors: false },
    logger,
  });
}

/**
 * Fetches one symbol's daily chart from `from` to `to` (inclusive, ISO dates) with dividends and splits, and for an
 * equity its earnings (quoteSummary `earnings`, `calendarEvents`). Throws a coded AftershockError naming the symbol:
 * FETCH_NO_NETWORK, FETCH_UNKNOWN_SYMBOL, FETCH_BAD_RESPONSE or FETCH_FAILED.
 */
export async function fetchYahooSymbol(symbol: string, from: string, to: string, opts: YahooOptions = {}): Promise<YahooSymbolData> {
  const yf = await client(opts);
  const period1 = `${from}T00:00:00Z`;
  const period2 = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) + 'T00:00:00Z';
  const chart = (await guarded(symbol, 'chart', () => yf.chart(symbol, { period1, period2, interval: '1d', events: 'div|split' }))) as ChartArray;
  const meta = chart.meta;
  const data: YahooSymbolData = {
    symbol,
    timezone: meta.exchangeTimezoneName ?? 'America/New_York',
    instrumentType: meta.instrumentType ?? '',
    currency: meta.currency ?? undefined,
    bars: chart.quotes,
    dividends: chart.events?.dividends ?? [],
    splits: chart.events?.splits ?? [],
    ...(meta.currentTradingPeriod?.regular?.end ? { regularEnd: asDate(meta.currentTradingPeriod.regular.end) } : {}),
    ...(meta.regularMarketTime ? { marketTime: asDate(meta.regularMarketTime) } : {}),
  };
  if (data.instrumentType !== 'EQUITY') return data;
  const qs = (await guarded(symbol, 'quoteSummary', () => yf.quoteSummary(symbol, { modules: ['earnings', 'calendarEvents'] }))) as QuoteSummary;
  const chartQ = qs.earnings?.earningsChart;
  const revenue = new Map<string, number>();
  for (const r of qs.earnings?.financialsChart?.quarterly ?? []) if (typeof r.revenue === 'number') revenue.set(r.date, r.revenue);
  return {
    ...data,
    earnings: {
      quarters: chartQ?.quarterly ?? [],
      revenue,
      next: qs.calendarEvents?.earnings?.earningsDate ?? chartQ?.earningsDate ?? [],
      nextIsEstimate: qs.calendarEvents?.earnings?.isEarningsDateEstimate ?? chartQ?.isEarningsDateEstimate ?? true,
    },
  };
}

interface ChartArray {
  meta: {
    exchangeTimezoneName?: string;
    instrumentType?: string;
    currency?: string | null;
    regularMarketTime?: Date | number;
    currentTradingPeriod?: { regular?: { end?: Date | number } };
  };
  quotes: YahooBar[];
  events?: { dividends?: { date: Date; amount: number }[]; splits?: { date: Date; numerator: number; denominator: number }[] };
}

interface QuoteSummary {
  earnings?: {
    earningsChart?: { quarterly?: YahooQuarter[]; earningsDate?: Date[]; isEarningsDateEstimate?: boolean };
    financialsChart?: { quarterly?: { date: string; revenue?: number }[] };
  };
  calendarEvents?: { earnings?: { earningsDate?: Date[]; isEarningsDateEstimate?: boolean } };
}

const asDate = (v: Date | number): Date => (v instanceof Date ? v : new Date(v * 1000));

const NO_NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT/;

/** Runs one yahoo-finance2 call and turns its failures into coded errors that name the symbol and say what to do. */
async function guarded<T>(symbol: string, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof AftershockError) throw e;
    const err = e as Error & { cause?: { code?: string; message?: string }; code?: number; name: string };
    const cause = err.cause?.code ?? err.cause?.message ?? '';
    if (err instanceof TypeError && (err.message === 'fetch failed' || NO_NETWORK.test(cause))) {
      throw new AftershockError('FETCH_NO_NETWORK', `${symbol}: cannot reach Yahoo Finance (${what}: ${err.message}${cause ? `, ${cause}` : ''}). Check the network connection and try again.`);
    }
    if (err.code === 404 || /no data found|symbol may be delisted|quote not found|not found/i.test(err.message)) {
      throw new AftershockError('FETCH_UNKNOWN_SYMBOL', `${symbol}: Yahoo Finance has no such symbol (${what}: ${err.message})`);
    }
    if (err.name === 'FailedYahooValidationError' || /not parsable|Unexpected result|Timestamp count mismatch|please report/i.test(err.message)) {
      throw new AftershockError('FETCH_BAD_RESPONSE', `${symbol}: Yahoo Finance sent an incomplete or unexpected ${what} response (${err.message.slice(0, 200)})`);
    }
    throw new AftershockError('FETCH_FAILED', `${symbol}: ${what} failed: ${err.message}`);
  }
}
