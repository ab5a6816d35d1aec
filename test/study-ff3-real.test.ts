import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../packages/cli/src/index';

/**
 * FF3 on real data: `aftershock study --model ff3` on eight events of the universe against SPY, with Ken French's
 * daily file read in place, checked against a least-squares fit written here: the universe CSVs and the French file
 * parsed by hand, excess returns regressed on [1, Mkt-RF, SMB, HML] by Householder QR (no normal equations).
 */
const REAL = new URL('../../shared/data/real/', import.meta.url).pathname;
const PRICES = join(REAL, 'backtester39', 'universe', 'prices');
const FF3 = join(REAL, 'factors', 'F-F_Research_Data_Factors_daily.csv');
const EVENTS: [string, string][] = [['AAPL', '2023-08-04'], ['MSFT', '2024-01-31'], ['NVDA', '2024-05-23'], ['AMZN', '2022-10-28'], ['JPM', '2021-04-14'], ['XOM', '2020-11-02'], ['TSLA', '2025-01-30'], ['KO', '2020-10-21']];
const work = mkdtempSync(join(tmpdir(), 'aftershock-ff3-'));
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

/** Least squares by Householder QR: min ‖y − Xb‖. */
function lstsq(X: number[][], y: number[]): number[] {
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
  const out = new Array<number>(k).fill(0);
  for (let j = k - 1; j >= 0; j--) {
    let s = b[j]!;
    for (let c = j + 1; c < k; c++) s -= A[j]![c]! * out[c]!;
    out[j] = s / A[j]![j]!;
  }
  return out;
}

describe('FF3 on the universe against an independent least-squares fit', () => {
  it('α̂, the three β̂ and the day-0 AR of eight real events', async () => {
    const events = join(work, 'events.csv');
    writeFileSync(events, 'symbol,event_date,timing\n' + EVENTS.map(([s, d]) => `${s},${d},before-open`).join('\n') + '\n');
    const out = join(work, 'out');
    const code = await runCli(['study', '--prices', PRICES, '--events', events, '--market', 'SPY', '--model', 'ff3', '--factors', FF3, '--estimation=-250:-11', '--window=-5:5', '--bootstrap', '0', '--out', out]);
    expect(code).toBe(0);
    const table = (f: string) => {
      const [h, ...rows] = readFileSync(join(out, f), 'utf8').trim().split('\n');
      const cols = h!.split(',');
      return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i]!, v])));
    };
    const betas = table('factor_betas.csv');
    const ar = table('ar.csv');
    expect(betas).toHaveLength(EVENTS.length);
    const spy = [...closes('SPY').keys()];
    const ff = french();
    for (const [sym, date] of EVENTS) {
      const px = closes(sym);
      const m0 = spy.indexOf(date);
      expect(m0).toBeGreaterThan(250);
      const X: number[][] = [];
      const y: number[] = [];
      for (let m = m0 - 250; m <= m0 - 11; m++) {
        const c = px.get(spy[m]!);
        const p = px.get(spy[m - 1]!);
        const f = ff.get(spy[m]!);
        if (c === undefined || p === undefined || !f) continue;
        y.push(c / p - 1 - f[3]!);
        X.push([1, f[0]!, f[1]!, f[2]!]);
      }
      const b = lstsq(X, y);
      const row = betas.find((r) => r['symbol'] === sym)!;
      expect(Number(row['estimation_length'])).toBe(y.length);
      const got = [row['alpha'], row['beta_Mkt-RF'], row['beta_SMB'], row['beta_HML']].map(Number);
      got.forEach((g, k) => expect(Math.abs(g - b[k]!)).toBeLessThan(1e-10 * Math.max(1, Math.abs(b[k]!))));
      const f0 = ff.get(date)!;
      const r0 = px.get(date)! / px.get(spy[m0 - 1]!)! - 1;
      const ar0 = r0 - f0[3]! - (b[0]! + b[1]! * f0[0]! + b[2]! * f0[1]! + b[3]! * f0[2]!);
      const mine = Number(ar.find((r) => r['symbol'] === sym && r['rel_day'] === '0')!['ar']);
      expect(Math.abs(mine - ar0)).toBeLessThan(1e-12);
    }
  });
});
