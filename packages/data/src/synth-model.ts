import { mulberry32 } from '@aftershock/core';

/**
 * The synthetic universe's price model, one symbol at a time, from a seed alone (no state shared between symbols,
 * so the universe can be generated in any chunking and always gives the same numbers):
 *
 * - market: log return m_t = 0.0003 + 0.011·z_t, close from 1000;
 * - stock i: β ~ U(0.5, 1.5), σ ~ U(0.01, 0.03), first close ~ U(10, 100), 1 in 5 lists later (in the first half of
 *   the span); log return r_t = β·m_t + σ·ε_t, plus 0.02·s on the reaction session of an earnings release whose
 *   standardized surprise is s (EPS actual = estimate + 0.05·s);
 * - open = previous close·exp(0.3·σ·g), high/low beyond max/min(open, close) by 0.5·σ·|h|, volume lognormal
 *   around the stock's base (×3 on reaction sessions); prices are stored to 4 decimals, the path kept unrounded.
 *
 * Every symbol draws from its own mulberry32 stream (seed mixed with the symbol's number), normals by Box–Muller.
 */
export interface SynthBars {
  /** Index of the first session (0 unless the stock lists later). */
  readonly first: number;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

export interface SynthEarnings {
  /** Session index of the market's reaction (day 0). */
  readonly session: number;
  /** before-open: released on the morning of `session`; after-close: the evening before. */
  readonly timing: 'before-open' | 'after-close';
  readonly epsEstimate: number;
  readonly epsActual: number;
}

/** A 32-bit seed for stream `k` of `seed` (splitmix32's finalizer: nearby inputs give unrelated streams). */
export function streamSeed(seed: number, k: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b9) + Math.imul(k + 1, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
  return (z ^ (z >>> 15)) >>> 0;
}

/** A standard normal from two uniforms (Box–Muller, cosine branch). */
export function normal(rnd: () => number): number {
  const u = 1 - rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

/** The i-th ticker name: four letters, AAAA, AAAB, … (sorted like the index). */
export function tickerName(i: number): string {
  let s = '';
  for (let k = 0, v = i; k < 4; k++, v = Math.floor(v / 26)) s = String.fromCharCode(65 + (v % 26)) + s;
  return s;
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The market's log returns over `n` sessions (entry 0 is 0: the first close has no return). Stream 0. */
export function marketReturns(seed: number, n: number): Float64Array {
  const rnd = mulberry32(streamSeed(seed, 0));
  const m = new Float64Array(n);
  for (let t = 1; t < n; t++) m[t] = 0.0003 + 0.011 * normal(rnd);
  return m;
}

/** The market's bars (first close 1000, β 1, no idiosyncratic part); its OHLCV noise comes from stream 0's sequel. */
export function marketBars(seed: number, m: Float64Array): SynthBars {
  const rnd = mulberry32(streamSeed(seed, 0) ^ 0x5bd1e995);
  return bars(rnd, 0, m.length, 1000, 0.011, 2e8, (t) => m[t]!, new Set());
}

/**
 * Stock `i` (stream i + 1): its bars over the market's sessions and `events` earnings releases spread evenly over
 * its listed span, each shifted by up to ±10% of the spacing.
 */
export function stockSeries(seed: number, i: number, m: Float64Array, events: number): { bars: SynthBars; earnings: SynthEarnings[] } {
  const n = m.length;
  const rnd = mulberry32(streamSeed(seed, i + 1));
  const beta = 0.5 + rnd();
  const sigma = 0.01 + 0.02 * rnd();
  const p0 = 10 + 90 * rnd();
  const volBase = Math.round(1e5 * Math.exp(1.5 * normal(rnd)));
  const first = rnd() < 0.2 ? Math.floor(rnd() * (n / 2)) : 0;
  const earnings: SynthEarnings[] = [];
  const jump = new Map<number, number>();
  const spacing = (n - first) / Math.max(1, events);
  for (let k = 0; k < events; k++) {
    const at = Math.floor(first + spacing * (k + 0.5) + (rnd() - 0.5) * 0.2 * spacing);
    const afterClose = rnd() < 0.5;
    const estimate = round2(0.2 + 2 * rnd());
    const s = normal(rnd);
    const session = Math.min(n - 1, Math.max(first + 1, at));
    if (jump.has(session)) continue; // two releases on one session: the later one is dropped
    jump.set(session, 0.02 * s);
    earnings.push({ session, timing: afterClose ? 'after-close' : 'before-open', epsEstimate: estimate, epsActual: round2(estimate + 0.05 * s) });
  }
  return { bars: bars(rnd, first, n, p0, sigma, volBase, (t) => beta * m[t]! + sigma * normal(rnd) + (jump.get(t) ?? 0), jump), earnings };
}

/** OHLCV from `first` to `n` − 1: the close path from `p0` by `ret(t)`, then open, high, low and volume noise per session. */
function bars(rnd: () => number, first: number, n: number, p0: number, sigma: number, volBase: number, ret: (t: number) => number, reaction: { has(t: number): boolean }): SynthBars {
  const len = n - first;
  const open = new Float64Array(len);
  const high = new Float64Array(len);
  const low = new Float64Array(len);
  const close = new Float64Array(len);
  const volume = new Float64Array(len);
  let prev = p0;
  for (let j = 0; j < len; j++) {
    const t = first + j;
    const c = j === 0 ? p0 : prev * Math.exp(ret(t));
    const o = j === 0 ? p0 : prev * Math.exp(0.3 * sigma * normal(rnd));
    const h = Math.max(o, c) * (1 + 0.5 * sigma * Math.abs(normal(rnd)));
    const l = Math.min(o, c) * (1 - 0.5 * sigma * Math.abs(normal(rnd)));
    const v = Math.round(volBase * Math.exp(0.4 * normal(rnd)) * (reaction.has(t) ? 3 : 1));
    open[j] = round4(o);
    high[j] = round4(h);
    low[j] = round4(l);
    close[j] = round4(c);
    volume[j] = v;
    prev = c;
  }
  return { first, open, high, low, close, volume };
}
