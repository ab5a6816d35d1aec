import type { Timing } from '@aftershock/core';

const WORDS: Readonly<Record<string, Timing>> = {
  beforeopen: 'before-open',
  bmo: 'before-open',
  premarket: 'before-open',
  beforemarketopen: 'before-open',
  beforethemarketopen: 'before-open',
  beforemarket: 'before-open',
  beforethebell: 'before-open',
  preopen: 'before-open',
  during: 'during',
  dmh: 'during',
  duringmarkethours: 'during',
  duringmarket: 'during',
  duringtrading: 'during',
  intraday: 'during',
  firsttradingday: 'during',
  afterclose: 'after-close',
  amc: 'after-close',
  postmarket: 'after-close',
  aftermarketclose: 'after-close',
  afterthemarketclose: 'after-close',
  aftermarket: 'after-close',
  afterhours: 'after-close',
  atclose: 'after-close',
  atcloseoftrading: 'after-close',
  atthecloseoftrading: 'after-close',
  atclosing: 'after-close',
  unknown: 'unknown',
  tns: 'unknown',
  tbd: 'unknown',
  na: 'unknown',
};

/**
 * Reads a release timing: `before-open | during | after-close | unknown` and the usual aliases (BMO, AMC, DMH,
 * pre-market, post-market, "after market close", "before market open", "at close of trading", …), or a clock time
 * in exchange time (`HH:MM`, `HH:MM:SS` or `h:MM AM/PM`: before 09:30 → before-open, from 16:00 → after-close,
 * otherwise during). Empty → unknown.
 * Returns undefined for anything else.
 *
 * @example parseTiming('AMC') // → 'after-close'
 */
export function parseTiming(s: string): Timing | undefined {
  const t = s.trim();
  if (t === '') return 'unknown';
  const clock = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?$/i.exec(t);
  if (clock) {
    const h = Number(clock[1]);
    const half = clock[3]?.toLowerCase()[0];
    if (half !== undefined && (h < 1 || h > 12)) return undefined;
    const hour = half === undefined ? h : (h % 12) + (half === 'p' ? 12 : 0);
    const minutes = hour * 60 + Number(clock[2]);
    if (minutes >= 24 * 60 || Number(clock[2]) >= 60) return undefined;
    return minutes < 9 * 60 + 30 ? 'before-open' : minutes >= 16 * 60 ? 'after-close' : 'during';
  }
  return WORDS[t.toLowerCase().replace(/[^a-z]/g, '')];
}
