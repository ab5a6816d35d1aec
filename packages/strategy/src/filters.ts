import type { BarSeries } from '@aftershock/core';
import { Problems } from '@aftershock/core';
import { atrSeries, bollingerSeries, emaSeries, rsiSeries, smaSeries } from './indicators';

/**
 * Indicators a filter can read. Values are at the close of a bar:
 * - `rsi` RSI(period) (rounded to 2 decimals by technicalindicators), `sma` / `ema` the average itself,
 * - `close-vs-sma` / `close-vs-ema`: (close / average − 1) × 100, the trend in percent (> 0 = above the average),
 * - `atr` ATR(period) in price units, `atr-pct` ATR / close × 100,
 * - `bb-pctb` Bollinger %B, `bb-upper` / `bb-middle` / `bb-lower` the bands (period, `k` sds, default 2),
 * - `close` the close itself.
 */
export type IndicatorName =
  | 'rsi'
  | 'sma'
  | 'ema'
  | 'close-vs-sma'
  | 'close-vs-ema'
  | 'atr'
  | 'atr-pct'
  | 'bb-pctb'
  | 'bb-upper'
  | 'bb-middle'
  | 'bb-lower'
  | 'close';

export const INDICATOR_NAMES: readonly IndicatorName[] = [
  'rsi', 'sma', 'ema', 'close-vs-sma', 'close-vs-ema', 'atr', 'atr-pct', 'bb-pctb', 'bb-upper', 'bb-middle', 'bb-lower', 'close',
];

export type FilterOp = '<' | '<=' | '>' | '>=';
const OPS: readonly FilterOp[] = ['<', '<=', '>', '>='];

/**
 * One entry condition, e.g. `{ indicator: 'rsi', period: 14, op: '<', value: 30 }` = "enter only if RSI(14) < 30",
 * or `{ indicator: 'sma', period: 50, op: '<', value: 'close' }` = "only if the close is above its SMA(50)".
 */
export interface IndicatorFilter {
  readonly indicator: IndicatorName;
  /** Look-back in bars (default 14; ignored by `close`). */
  readonly period?: number;
  /** Bollinger width in standard deviations (default 2). */
  readonly k?: number;
  readonly op: FilterOp;
  readonly value: number | 'close';
}

const cache = new WeakMap<BarSeries, Map<string, Float64Array>>();

/** The indicator series for `bars`, aligned to the bars (NaN during warm-up), memoised per series object. */
export function indicatorSeries(bars: BarSeries, indicator: IndicatorName, period = 14, k = 2): Float64Array {
  let m = cache.get(bars);
  if (!m) {
    m = new Map();
    cache.set(bars, m);
  }
  const key = `${indicator}:${period}:${k}`;
  let s = m.get(key);
  if (s) return s;
  const c = bars.close;
  switch (indicator) {
    case 'rsi':
      s = rsiSeries(c, period);
      break;
    case 'sma':
      s = smaSeries(c, period);
      break;
    case 'ema':
      s = emaSeries(c, period);
      break;
    case 'close-vs-sma':
    case 'close-vs-ema': {
      const a = indicator === 'close-vs-sma' ? smaSeries(c, period) : emaSeries(c, period);
      s = a.map((v, i) => (c[i]! / v - 1) * 100);
      break;
    }
    case 'atr':
      s = atrSeries(bars.high, bars.low, c, period);
      break;
    case 'atr-pct':
      s = atrSeries(bars.high, bars.low, c, period).map((v, i) => (v / c[i]!) * 100);
      break;
    case 'bb-pctb':
      s = bollingerSeries(c, period, k).pctB;
      break;
    case 'bb-upper':
      s = bollingerSeries(c, period, k).upper;
      break;
    case 'bb-middle':
      s = bollingerSeries(c, period, k).middle;
      break;
    case 'bb-lower':
      s = bollingerSeries(c, period, k).lower;
      break;
    case 'close':
      s = Float64Array.from(c);
      break;
  }
  m.set(key, s);
  return s;
}

function compare(a: number, op: FilterOp, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/**
 * True when every filter holds at bar `i`. The caller passes the **last bar complete at decision time** (for an
 * entry at the open or the close of session s, the bar before s), so a filter never reads the future. A filter
 * whose indicator is still warming up (NaN) or whose bar does not exist fails: no entry without the data.
 */
export function filtersPass(bars: BarSeries, filters: readonly IndicatorFilter[], i: number): boolean {
  for (const f of filters) {
    if (i < 0 || i >= bars.length) return false;
    const v = indicatorSeries(bars, f.indicator, f.period, f.k)[i]!;
    const rhs = f.value === 'close' ? bars.close[i]! : f.value;
    if (Number.isNaN(v) || Number.isNaN(rhs) || !compare(v, f.op, rhs)) return false;
  }
  return true;
}

const TEXT_RE = /^\s*([a-z-]+)\s*(?:\(\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\))?\s*(<=|>=|<|>)\s*(close|-?[\d.]+(?:e-?\d+)?)\s*$/;

/**
 * Reads the one-line form a scenario can hold in a scalar parameter: conditions separated by `;`, each
 * `indicator(period[, k]) op value`.
 * @example
 * filtersFromText('rsi(14) < 30; close-vs-sma(50) > 0') // [{ indicator: 'rsi', period: 14, op: '<', value: 30 }, …]
 */
function filtersFromText(s: string, field: string, p: Problems, where: (f: string) => { field: string }): unknown[] {
  const out: unknown[] = [];
  s.split(';')
    .map((x) => x.trim())
    .filter((x) => x.length > 0)
    .forEach((part, idx) => {
      const m = TEXT_RE.exec(part);
      if (!m) {
        p.error('STRATEGY_FILTER_SYNTAX', `cannot read filter "${part}"; expected e.g. "rsi(14) < 30"`, where(`${field}[${idx}]`));
        out.push({ indicator: 'close', op: '<', value: 0 });
        return;
      }
      out.push({
        indicator: m[1],
        op: m[4],
        value: m[5] === 'close' ? 'close' : Number(m[5]),
        ...(m[2] !== undefined ? { period: Number(m[2]) } : {}),
        ...(m[3] !== undefined ? { k: Number(m[3]) } : {}),
      });
    });
  return out;
}

/**
 * Validates a `filters` list read from a scenario (a list of objects, or the one-line text form
 * `"rsi(14) < 30; close-vs-sma(50) > 0"`): every problem is gathered, then thrown as one ValidationError.
 */
export function parseFilters(raw: unknown, field = 'filters', file?: string): IndicatorFilter[] {
  const p = new Problems();
  const where = (f: string) => (file !== undefined ? { field: f, file } : { field: f });
  if (raw === undefined || raw === '') return [];
  if (typeof raw === 'string') raw = filtersFromText(raw, field, p, where);
  if (!Array.isArray(raw)) {
    p.error('STRATEGY_FILTERS_NOT_LIST', 'filters must be a list', where(field));
    p.throwIfErrors();
  }
  const out: IndicatorFilter[] = [];
  (raw as unknown[]).forEach((x, idx) => {
    const f = `${field}[${idx}]`;
    if (typeof x !== 'object' || x === null) {
      p.error('STRATEGY_FILTER_INVALID', 'a filter must be an object', where(f));
      return;
    }
    const o = x as Record<string, unknown>;
    const ind = o['indicator'];
    if (typeof ind !== 'string' || !INDICATOR_NAMES.includes(ind as IndicatorName)) {
      p.error('STRATEGY_FILTER_INDICATOR', `unknown indicator ${JSON.stringify(ind)}; expected one of ${INDICATOR_NAMES.join(', ')}`, where(`${f}.indicator`));
    }
    const op = o['op'];
    if (typeof op !== 'string' || !OPS.includes(op as FilterOp)) {
      p.error('STRATEGY_FILTER_OP', `unknown op ${JSON.stringify(op)}; expected one of ${OPS.join(' ')}`, where(`${f}.op`));
    }
    const value = o['value'];
    if (!(value === 'close' || (typeof value === 'number' && Number.isFinite(value)))) {
      p.error('STRATEGY_FILTER_VALUE', 'value must be a finite number or "close"', where(`${f}.value`));
    }
    for (const key of ['period', 'k'] as const) {
      const v = o[key];
      if (v !== undefined && !(typeof v === 'number' && v > 0 && (key === 'k' || Number.isInteger(v)))) {
        p.error('STRATEGY_FILTER_PERIOD', `${key} must be a positive ${key === 'k' ? 'number' : 'integer'}`, where(`${f}.${key}`));
      }
    }
    out.push({
      indicator: ind as IndicatorName,
      op: op as FilterOp,
      value: value as number | 'close',
      ...(typeof o['period'] === 'number' ? { period: o['period'] } : {}),
      ...(typeof o['k'] === 'number' ? { k: o['k'] } : {}),
    });
  });
  p.throwIfErrors();
  return out;
}
