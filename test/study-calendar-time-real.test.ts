import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../packages/cli/src/index';
import { backSolve, householderQr } from './support/householder';
import { earningsOf, FF3, PRICES, frenchDaily, readTable, universeColumn } from './support/reference-data';

/**
 * The calendar-time portfolio on real data: `aftershock study --calendar-time 0:5` on the 2021–2023 earnings of ten
 * large caps (Daniel-Bassett's calendar, read in place) against SPY, checked against a computation written here:
 * the universe CSVs parsed by hand, the portfolio built per SPY session, the regression solved by Householder QR
 * (no normal equations) and Newey–West's sandwich from R⁻¹, with the lag rule floor(4·(T/100)^(2/9)) in sessions.
 */
const TICKERS = ['AAPL', 'MSFT', 'NVDA', 'JPM', 'XOM', 'KO', 'AMZN', 'META', 'WMT', 'PG'];
const work = mkdtempSync(join(tmpdir(), 'aftershock-ct-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** OLS by QR, OLS t's, and Newey–West t's with lags counted in `pos` units. */
function reference(X: number[][], y: number[], pos: number[], L: number) {
  const k = X[0]!.length;
  const T = y.length;
  const { R, qty } = householderQr(X, y);
  const b = backSolve(R, qty);
  // R⁻¹ by back substitution; (XᵀX)⁻¹ = R⁻¹ R⁻ᵀ.
  const Ri = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let c = 0; c < k; c++) {
    for (let j = k - 1; j >= 0; j--) {
      let s = j === c ? 1 : 0;
      for (let l = j + 1; l < k; l++) s -= R[j]![l]! * Ri[l]![c]!;
      Ri[j]![c] = s / R[j]![j]!;
    }
  }
  const B = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => Ri[i]!.reduce((s, v, l) => s + v * Ri[j]![l]!, 0)));
  const e = y.map((v, t) => v - X[t]!.reduce((s, x, j) => s + x * b[j]!, 0));
  const s2 = e.reduce((s, v) => s + v * v, 0) / (T - k);
  const S = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let t = 0; t < T; t++) {
    for (let u = 0; u < T; u++) {
      const l = Math.abs(pos[t]! - pos[u]!);
      if (l > L) continue;
      const w = (1 - l / (L + 1)) * e[t]! * e[u]!;
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) S[i]![j]! += w * X[t]![i]! * X[u]![j]!;
    }
  }
  const nw = (i: number) => {
    let v = 0;
    for (let a = 0; a < k; a++) for (let c = 0; c < k; c++) v += B[i]![a]! * S[a]![c]! * B[c]![i]!;
    return v;
  };
  return b.map((est, i) => ({ est, tOls: est / Math.sqrt(s2 * B[i]![i]!), tNw: est / Math.sqrt(nw(i)) }));
}

describe('calendar-time portfolio on real earnings against an independent computation', () => {
  const spyCloses = universeColumn('SPY', 'Close');
  const spy = [...spyCloses.keys()];
  const session = new Map(spy.map((d, i) => [d, i]));
  const events = earningsOf(TICKERS, '2021-01-01', '2023-06-30', session);
  const px = new Map(TICKERS.map((t) => [t, universeColumn(t, 'Close')]));

  /** The portfolio per SPY session: members within [0, 5] of day 0 (each symbol once), their mean simple return. */
  function portfolio() {
    const held = new Map<number, Set<string>>();
    for (const [s, d] of events) {
      const m0 = session.get(d)!;
      for (let t = m0; t <= m0 + 5; t++) (held.get(t) ?? held.set(t, new Set()).get(t)!).add(s);
    }
    return [...held.keys()].sort((a, b) => a - b).map((t) => {
      const rets = [...held.get(t)!].map((s) => px.get(s)!.get(spy[t]!)! / px.get(s)!.get(spy[t - 1]!)! - 1);
      return { t, n: rets.length, rp: rets.reduce((a, v) => a + v, 0) / rets.length, rm: spyCloses.get(spy[t]!)! / spyCloses.get(spy[t - 1]!)! - 1 };
    });
  }

  async function study(args: string[]) {
    const file = join(work, 'events.csv');
    writeFileSync(file, 'symbol,event_date,timing\n' + events.map(([s, d]) => `${s},${d},before-open`).join('\n') + '\n');
    const out = join(work, args.length ? 'ff3' : 'market-model');
    const code = await runCli(['study', '--prices', PRICES, '--events', file, '--market', 'SPY', '--estimation=-250:-11', '--window=-5:5', '--bootstrap', '0', '--calendar-time', '0:5', ...args, '--out', out]);
    expect(code).toBe(0);
    const table = (f: string) => readTable(out, f);
    return { terms: table('calendar_time.csv'), fit: table('calendar_time_fit.csv')[0]!, days: table('calendar_time_days.csv') };
  }

  it('market model: Rp on SPY, alpha and loading with OLS and Newey–West t, days and mean size', async () => {
    expect(events.length).toBeGreaterThan(80);
    const pf = portfolio();
    const got = await study([]);
    const T = pf.length;
    const L = Math.floor(4 * (T / 100) ** (2 / 9));
    expect(Number(got.fit['days'])).toBe(T);
    expect(Number(got.fit['nw_lag'])).toBe(L);
    expect(Number(got.fit['events'])).toBe(events.length);
    expect(Number(got.fit['mean_size'])).toBeCloseTo(pf.reduce((s, p) => s + p.n, 0) / T, 12);
    expect(got.days.map((d) => d['date'])).toEqual(pf.map((p) => spy[p.t]));
    const ref = reference(pf.map((p) => [1, p.rm]), pf.map((p) => p.rp), pf.map((p) => p.t), L);
    got.terms.forEach((row, i) => {
      expect(row['term']).toBe(['alpha', 'SPY'][i]);
      expect(Math.abs(Number(row['estimate']) - ref[i]!.est)).toBeLessThan(1e-12);
      expect(Math.abs(Number(row['t_ols']) - ref[i]!.tOls)).toBeLessThan(1e-8);
      expect(Math.abs(Number(row['t_nw']) - ref[i]!.tNw)).toBeLessThan(1e-8);
    });
    expect(Number(got.fit['alpha_annual'])).toBeCloseTo(252 * ref[0]!.est, 12);
  });

  it('ff3: Rp − RF on Mkt-RF, SMB, HML', async () => {
    const pf = portfolio();
    const ff = frenchDaily();
    const got = await study(['--model', 'ff3', '--factors', FF3]);
    const T = pf.length;
    const L = Math.floor(4 * (T / 100) ** (2 / 9));
    const f = pf.map((p) => ff.get(spy[p.t]!)!);
    const ref = reference(f.map((x) => [1, x[0]!, x[1]!, x[2]!]), pf.map((p, i) => p.rp - f[i]![3]!), pf.map((p) => p.t), L);
    expect(got.terms.map((r) => r['term'])).toEqual(['alpha', 'Mkt-RF', 'SMB', 'HML']);
    got.terms.forEach((row, i) => {
      expect(Math.abs(Number(row['estimate']) - ref[i]!.est)).toBeLessThan(1e-11 * Math.max(1, Math.abs(ref[i]!.est)));
      expect(Math.abs(Number(row['t_ols']) - ref[i]!.tOls)).toBeLessThan(1e-7);
      expect(Math.abs(Number(row['t_nw']) - ref[i]!.tNw)).toBeLessThan(1e-7);
    });
  });
});
