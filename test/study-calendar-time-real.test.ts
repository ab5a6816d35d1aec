import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../packages/cli/src/index';

/**
 * The calendar-time portfolio on real data: `aftershock study --calendar-time 0:5` on the 2021–2023 earnings of ten
 * large caps (Daniel-Bassett's calendar, read in place) against SPY, checked against a computation written here:
 * the universe CSVs parsed by hand, the portfolio built per SPY session, the regression solved by Householder QR
 * (no normal equations) and Newey–West's sandwich from R⁻¹, with the lag rule floor(4·(T/100)^(2/9)) in sessions.
 */
const REAL = new URL('../../shared/data/real/', import.meta.url).pathname;
const PRICES = join(REAL, 'backtester39', 'universe', 'prices');
const FF3 = join(REAL, 'factors', 'F-F_Research_Data_Factors_daily.csv');
const EARNINGS = join(REAL, 'earnings', 'daniel-bassett', 'earnings.csv');
const TICKERS = ['AAPL', 'MSFT', 'NVDA', 'JPM', 'XOM', 'KO', 'AMZN', 'META', 'WMT', 'PG'];
const work = mkdtempSync(join(tmpdir(), 'aftershock-ct-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function closes(symbol: string): Map<string, number> {
  const lines = readFileSync(join(PRICES, `${symbol}.csv`), 'utf8').trim().split('\n');
  const head = lines[0]!.split(',');
  const d = head.indexOf('Date');
  const c = head.indexOf('Close');
  return new Map(lines.slice(1).map((l) => l.split(',')).map((f) => [f[d]!, Number(f[c])]));
}

function french(): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const l of readFileSync(FF3, 'utf8').split('\n')) {
    const f = l.split(',').map((x) => x.trim());
    if (/^\d{4}-?\d{2}-?\d{2}$/.test(f[0]!) && f.length === 5) out.set(f[0]!.length === 8 ? `${f[0]!.slice(0, 4)}-${f[0]!.slice(4, 6)}-${f[0]!.slice(6)}` : f[0]!, f.slice(1).map((v) => Number(v) / 100));
  }
  return out;
}

/** Householder QR of X (m × k): R (k × k, upper) and Qᵀy. */
function qr(X: number[][], y: number[]): { R: number[][]; qty: number[] } {
  const m = X.length;
  const k = X[0]!.length;
  const A = X.map((r) => [...r]);
  const b = [...y];
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let i = j; i < m; i++) norm += A[i]![j]! ** 2;
    norm = Math.sqrt(norm);
    const alpha = A[j]![j]! > 0 ? -norm : norm;
    const v = A.map((r, i) => (i < j ? 0 : r[j]!));
    v[j] = v[j]! - alpha;
    const vv = v.reduce((s, x) => s + x * x, 0);
    for (let c = j; c < k; c++) {
      const dot = v.reduce((s, x, i) => s + x * A[i]![c]!, 0);
      for (let i = j; i < m; i++) A[i]![c] = A[i]![c]! - (2 * dot * v[i]!) / vv;
    }
    const dot = v.reduce((s, x, i) => s + x * b[i]!, 0);
    for (let i = j; i < m; i++) b[i] = b[i]! - (2 * dot * v[i]!) / vv;
  }
  return { R: A.slice(0, k).map((r) => r.slice(0, k)), qty: b };
}

/** OLS by QR, OLS t's, and Newey–West t's with lags counted in `pos` units. */
function reference(X: number[][], y: number[], pos: number[], L: number) {
  const k = X[0]!.length;
  const T = y.length;
  const { R, qty } = qr(X, y);
  const b = new Array<number>(k).fill(0);
  for (let j = k - 1; j >= 0; j--) {
    let s = qty[j]!;
    for (let c = j + 1; c < k; c++) s -= R[j]![c]! * b[c]!;
    b[j] = s / R[j]![j]!;
  }
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
  const spyCloses = closes('SPY');
  const spy = [...spyCloses.keys()];
  const session = new Map(spy.map((d, i) => [d, i]));
  const events = readFileSync(EARNINGS, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((f) => TICKERS.includes(f[4]!) && f[0]! >= '2021-01-01' && f[0]! <= '2023-06-30' && f[2] !== '' && session.has(f[0]!))
    .map((f) => [f[4]!, f[0]!] as const);
  const px = new Map(TICKERS.map((t) => [t, closes(t)]));

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
    const table = (f: string) => {
      const [h, ...rows] = readFileSync(join(out, f), 'utf8').trim().split('\n');
      const cols = h!.split(',');
      return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i]!, v])));
    };
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
    const ff = french();
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
