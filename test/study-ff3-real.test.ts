import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../packages/cli/src/index';
import { lstsq } from './support/householder';
import { FF3, PRICES, frenchDaily, readTable, universeColumn } from './support/reference-data';

/**
 * FF3 on real data: `aftershock study --model ff3` on eight events of the universe against SPY, with Ken French's
 * daily file read in place, checked against a least-squares fit written here: the universe CSVs and the French file
 * parsed by hand, excess returns regressed on [1, Mkt-RF, SMB, HML] by Householder QR (no normal equations).
 */
const EVENTS: [string, string][] = [['AAPL', '2023-08-04'], ['MSFT', '2024-01-31'], ['NVDA', '2024-05-23'], ['AMZN', '2022-10-28'], ['JPM', '2021-04-14'], ['XOM', '2020-11-02'], ['TSLA', '2025-01-30'], ['KO', '2020-10-21']];
const work = mkdtempSync(join(tmpdir(), 'aftershock-ff3-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('FF3 on the universe against an independent least-squares fit', () => {
  it('α̂, the three β̂ and the day-0 AR of eight real events', async () => {
    const events = join(work, 'events.csv');
    writeFileSync(events, 'symbol,event_date,timing\n' + EVENTS.map(([s, d]) => `${s},${d},before-open`).join('\n') + '\n');
    const out = join(work, 'out');
    const code = await runCli(['study', '--prices', PRICES, '--events', events, '--market', 'SPY', '--model', 'ff3', '--factors', FF3, '--estimation=-250:-11', '--window=-5:5', '--bootstrap', '0', '--out', out]);
    expect(code).toBe(0);
    const table = (f: string) => readTable(out, f);
    const betas = table('factor_betas.csv');
    const ar = table('ar.csv');
    expect(betas).toHaveLength(EVENTS.length);
    const spy = [...universeColumn('SPY', 'Close').keys()];
    const ff = frenchDaily();
    for (const [sym, date] of EVENTS) {
      const px = universeColumn(sym, 'Close');
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
