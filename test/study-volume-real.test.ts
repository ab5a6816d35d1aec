import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../packages/cli/src/index';
import { earningsOf, PRICES, readTable, universeColumn } from './support/reference-data';

/**
 * Abnormal volume on real data: `aftershock study --volume` on the 2021–2023 earnings of ten large caps
 * (Daniel-Bassett's calendar, read in place) against SPY, checked against a computation written here from the
 * universe CSVs' Volume column: log(1 + V), OLS on SPY's log(1 + V) over the estimation days where both are
 * positive (or the firm's mean), AV on the event days, AAV, its cross-sectional t and the CAAV of each window.
 * QUBT's 2019 shell history (zero-volume days) is excluded with the count of its zero days.
 */
const TICKERS = ['AAPL', 'MSFT', 'NVDA', 'JPM', 'XOM', 'KO', 'AMZN', 'META', 'WMT', 'PG'];
const work = mkdtempSync(join(tmpdir(), 'aftershock-vol-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const lv = (v: number | undefined) => (v !== undefined && v > 0 ? Math.log1p(v) : NaN);

describe('abnormal volume on real earnings against an independent computation', () => {
  const spyVol = universeColumn('SPY', 'Volume');
  const spy = [...spyVol.keys()];
  const session = new Map(spy.map((d, i) => [d, i]));
  const events = earningsOf(TICKERS, '2021-01-01', '2023-06-30', session);
  const QUBT: readonly [string, string] = ['QUBT', '2020-02-03'];
  const vol = new Map([...TICKERS, 'QUBT'].map((t) => [t, universeColumn(t, 'Volume')]));

  async function study(model: string) {
    const file = join(work, 'events.csv');
    writeFileSync(file, 'symbol,event_date,timing\n' + [...events, QUBT].map(([s, d]) => `${s},${d},before-open`).join('\n') + '\n');
    const out = join(work, model);
    const code = await runCli(['study', '--prices', PRICES, '--events', file, '--market', 'SPY', '--estimation=-250:-11', '--window=-5:5', '--car=0:1,-1:1', '--min-estimation', '200', '--bootstrap', '0', '--volume', model, '--out', out]);
    expect(code).toBe(0);
    const table = (f: string) => readTable(out, f);
    return { aav: table('volume_aav.csv'), car: table('volume_car.csv'), excluded: table('volume_excluded.csv'), model: table('volume_model.csv') };
  }

  /** Each event's AV over −5..5 by the model, written out. */
  function abnormal(model: 'market-model' | 'mean-adjusted') {
    return events.map(([s, d]) => {
      const m0 = session.get(d)!;
      const v = vol.get(s)!;
      const xs: number[] = [];
      const ys: number[] = [];
      for (let m = m0 - 250; m <= m0 - 11; m++) {
        const y = lv(v.get(spy[m]!));
        const x = lv(spyVol.get(spy[m]!));
        if (!Number.isFinite(y) || (model === 'market-model' && !Number.isFinite(x))) continue;
        ys.push(y);
        xs.push(x);
      }
      const my = ys.reduce((a, b) => a + b, 0) / ys.length;
      let a = my;
      let b = 0;
      if (model === 'market-model') {
        const mx = xs.reduce((p, q) => p + q, 0) / xs.length;
        b = xs.reduce((p, x, t) => p + (x - mx) * (ys[t]! - my), 0) / xs.reduce((p, x) => p + (x - mx) ** 2, 0);
        a = my - b * mx;
      }
      return { T: ys.length, a, b, av: Array.from({ length: 11 }, (_, k) => lv(v.get(spy[m0 - 5 + k]!)) - a - b * (model === 'market-model' ? lv(spyVol.get(spy[m0 - 5 + k]!)) : 0)) };
    });
  }

  for (const model of ['market-model', 'mean-adjusted'] as const) {
    it(`${model}: AAV, its cross-sectional t and CAAV per window; QUBT's zero-volume history excluded`, async () => {
      expect(events.length).toBeGreaterThan(80);
      const got = await study(model);
      const ref = abnormal(model);
      expect(got.model).toHaveLength(events.length);
      got.model.forEach((row) => {
        const i = events.findIndex(([s, d]) => s === row['symbol'] && d === row['event_date']);
        expect(Number(row['estimation_length'])).toBe(ref[i]!.T);
        if (model === 'market-model') expect(Math.abs(Number(row['beta']) - ref[i]!.b)).toBeLessThan(1e-9);
        // Market model: α̂; mean-adjusted: the normal log volume is the estimation mean.
        expect(Math.abs(Number(row[model === 'market-model' ? 'alpha' : 'mean_log_volume']) - ref[i]!.a)).toBeLessThan(1e-8);
      });
      got.aav.forEach((row, k) => {
        const x = ref.map((r) => r.av[k]!).filter(Number.isFinite);
        const mean = x.reduce((p, q) => p + q, 0) / x.length;
        const sd = Math.sqrt(x.reduce((p, q) => p + (q - mean) ** 2, 0) / (x.length - 1));
        expect(Number(row['rel_day'])).toBe(k - 5);
        expect(Number(row['n_firms'])).toBe(x.length);
        expect(Math.abs(Number(row['aav']) - mean)).toBeLessThan(1e-10);
        expect(Math.abs(Number(row['t_stat']) - mean / (sd / Math.sqrt(x.length)))).toBeLessThan(1e-7);
      });
      const day0 = got.aav.find((r) => r['rel_day'] === '0')!;
      expect(Number(day0['aav'])).toBeGreaterThan(0.3); // earnings days trade heavily
      expect(day0['t_signif']).toBe('***');
      for (const [c, [s, e]] of [[0, [0, 1]], [1, [-1, 1]]] as const) {
        const cav = ref.map((r) => r.av.slice(s + 5, e + 6).reduce((p, q) => p + q, 0));
        expect(Math.abs(Number(got.car[c]!['caav']) - cav.reduce((p, q) => p + q, 0) / cav.length)).toBeLessThan(1e-10);
      }
      // QUBT: of the 240 estimation sessions, count the zero-volume ones independently.
      const m0 = session.get(QUBT[1])!;
      const qv = vol.get('QUBT')!;
      let zero = 0;
      let ok = 0;
      let noSpy = 0;
      for (let m = m0 - 250; m <= m0 - 11; m++) {
        const v = qv.get(spy[m]!)!;
        if (v === 0) zero++;
        else if (model === 'market-model' && !(spyVol.get(spy[m]!)! > 0)) noSpy++;
        else ok++;
      }
      expect(zero).toBeGreaterThan(100);
      expect(noSpy).toBe(0);
      expect(got.excluded).toEqual([{ symbol: 'QUBT', event_date: '2020-02-03', code: 'VOLUME_SHORT_ESTIMATION', reason: `only ${ok} estimation days with volume in -250:-11 (minimum 200; ${zero} with zero volume)` }]);
    });
  }
});
