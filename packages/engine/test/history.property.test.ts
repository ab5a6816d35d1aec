import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAftershockError, type BarSeries } from '@aftershock/core';
import { runBacktest, streamingSource, type BarSlice, type Phase, type SeriesView, type Strategy } from '../src/index';
import { SliceColumns } from '../src/slice-columns';
import { cal, series, type Row } from './bars';

// The slices, today's bars and the history views, checked against a model computed from the input series alone:
// a session's slice holds every symbol with a bar dated that session, in universe order; a view shows the bars
// before today, plus today's bar from the open (only its open, date, session and dividend during the open phase).

const DATES = cal.sessionsBetween('2025-03-03', '2025-04-11');

/** A symbol: which sessions it trades (a listing later, gaps, an early end) and its prices. */
const symbolArb = fc.record({
  from: fc.integer({ min: 0, max: DATES.length - 1 }),
  span: fc.integer({ min: 0, max: DATES.length }),
  gaps: fc.array(fc.boolean(), { minLength: DATES.length, maxLength: DATES.length }),
  gapless: fc.boolean(),
  seed: fc.integer({ min: 1, max: 1000 }),
  divEvery: fc.constantFrom(0, 7, 13),
});

type SymbolSpec = { from: number; span: number; gaps: boolean[]; gapless: boolean; seed: number; divEvery: number };

function build(specs: readonly SymbolSpec[]): BarSeries[] {
  return specs.map((sp, k) => {
    const rows: Row[] = [];
    for (let d = sp.from; d < Math.min(DATES.length, sp.from + sp.span); d++) {
      if (!sp.gapless && sp.gaps[d]) continue;
      const p = 10 + ((sp.seed * (d + 3)) % 97) / 7;
      const div = sp.divEvery > 0 && d % sp.divEvery === 0 ? 0.1 : 0;
      rows.push([DATES[d]!, p, p * 1.02, p * 0.97, p * 1.01, div]);
    }
    return series(`S${k}`, rows);
  });
}

/** What a read returns, or that it was refused as look-ahead. */
function read(f: () => number | string): number | string {
  try {
    return f();
  } catch (e) {
    if (isAftershockError(e) && e.code === 'LOOK_AHEAD') return 'LOOK_AHEAD';
    throw e;
  }
}

const PROBES = (n: number): number[] => [-1, n - 2, n - 1, n, n - 1.5];

/**
 * Every read of every view at a phase: length, closedLength, and fields at the probe indices. The views are the
 * same objects from the first phase on (made at init, before a later symbol loads), and a streamed series grows
 * past its first capacity (16 bars), so the reads also show that a view follows its series' columns.
 */
function snapshot(views: readonly SeriesView[]): unknown[] {
  return views.map((v) => ({
    length: v.length,
    closedLength: v.closedLength,
    probes: PROBES(v.length).map((i) => [read(() => v.open(i)), read(() => v.high(i)), read(() => v.low(i)), read(() => v.close(i)), read(() => v.date(i))]),
    adjClose: v.closedLength > 0 ? v.adjClose(v.closedLength - 1) : undefined,
  }));
}

/** A streamed series' adjClose: the forward total-return index from the first close (see GrowingSeries). */
function forwardIndex(b: BarSeries): Float64Array {
  const a = new Float64Array(b.length);
  for (let i = 0; i < b.length; i++) a[i] = i === 0 ? b.close[0]! : (a[i - 1]! * (b.close[i]! + b.dividend[i]!)) / b.close[i - 1]!;
  return a;
}

/** The model's reads: bars before session s, today's bar from the open, today's full bar from the close. */
function model(all: readonly BarSeries[], s: number, phase: Phase | 'init', streamed: boolean): unknown[] {
  return all.map((b) => {
    const adj = streamed ? forwardIndex(b) : b.adjClose;
    let before = 0;
    while (before < b.length && b.session[before]! < s) before++;
    const today = before < b.length && b.session[before] === s;
    const length = before + (today && phase !== 'pre-open' && phase !== 'init' ? 1 : 0);
    const closedLength = length - (today && phase === 'open' ? 1 : 0);
    const ok = (i: number, n: number): boolean => Number.isInteger(i) && i >= 0 && i < n;
    const at = (i: number, n: number, col: { readonly [j: number]: number | string }): number | string => (ok(i, n) ? col[i]! : 'LOOK_AHEAD');
    return {
      length,
      closedLength,
      probes: PROBES(length).map((i) => [at(i, length, b.open), at(i, closedLength, b.high), at(i, closedLength, b.low), at(i, closedLength, b.close), at(i, length, b.dates)]),
      adjClose: closedLength > 0 ? adj[closedLength - 1] : undefined,
    };
  });
}

function modelSlice(all: readonly BarSeries[], s: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  all.forEach((b, k) => {
    const i = b.session.indexOf(s);
    if (i >= 0) out.push([k, i]);
  });
  return out;
}

const entries = (sl: BarSlice): Array<[number, number]> => {
  const out: Array<[number, number]> = [];
  for (let k = sl.start; k < sl.end; k++) out.push([sl.symbols[k]!, sl.bars[k]!]);
  return out;
};

describe('slices and history views (property)', () => {
  it('every phase shows exactly the model: slice entries, view lengths, reads and LOOK_AHEAD refusals; slices stay valid after their session', () => {
    fc.assert(
      fc.property(fc.array(symbolArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 10 }), fc.boolean(), (specs, startAt, streamed) => {
        const all = build(specs);
        if (all.every((b) => b.length === 0)) return;
        const start = DATES[startAt]!;
        const kept: Array<{ slice: BarSlice; was: Array<[number, number]> }> = [];
        let checked = 0;
        const check = (phase: Phase | 'init', ctx: Parameters<NonNullable<Strategy['init']>>[0]): void => {
          const views = all.map((b) => ctx.series(b.symbol));
          const s = phase === 'init' ? cal.ordinalOnOrAfter(start) : ctx.clock.session;
          expect(snapshot(views)).toEqual(model(all, s, phase, streamed));
          checked++;
        };
        const strategy: Strategy = {
          name: 'probe',
          init: (ctx) => check('init', ctx),
          onSession(m, ctx) {
            check(m.phase, ctx);
            if (m.phase === 'close') {
              expect(entries(m.slice)).toEqual(modelSlice(all, m.session));
              kept.push({ slice: m.slice, was: entries(m.slice) });
            }
          },
        };
        const source = streamed ? streamingSource(all) : all;
        runBacktest({ source, start, end: DATES[DATES.length - 1]!, initialCash: 1_000, strategy });
        expect(checked).toBeGreaterThan(1);
        for (const k of kept) expect(entries(k.slice)).toEqual(k.was);
      }),
      { numRuns: 25 },
    );
  });

  it('slice columns: a slice keeps its entries when later sessions fill the chunk and move to a new one', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 6 }), { maxLength: 60 }), (sessions) => {
        const cols = new SliceColumns(6, 16);
        const views = sessions.map((vals) => {
          const at = cols.reserve();
          vals.forEach((v, j) => {
            cols.symbols[at + j] = v;
            cols.bars[at + j] = v + 1;
          });
          cols.used(vals.length);
          return { s: cols.symbols.subarray(at, at + vals.length), b: cols.bars.subarray(at, at + vals.length) };
        });
        views.forEach((v, i) => {
          expect([...v.s]).toEqual(sessions[i]);
          expect([...v.b]).toEqual(sessions[i]!.map((x) => x + 1));
        });
      }),
    );
  });
});
