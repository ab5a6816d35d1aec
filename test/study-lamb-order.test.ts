import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../packages/cli/src/index';

/**
 * estudy2's Lamb test takes its market term (Rm_t − m̄)²/SS from the first event of the events file in input order.
 * With events on different dates, listed neither by date nor by symbol, that firm is neither the loader's first
 * (earliest date) nor the alphabetical first; the statistic is recomputed here from the written tables.
 */
const PRICES = new URL('../../shared/data/estudy2/prices.csv', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'aftershock-lamb-order-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Row = Record<string, string>;
function table(dir: string, name: string): Row[] {
  const [head, ...lines] = readFileSync(join(dir, name), 'utf8').trim().split('\n');
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [cols[i]!, c])));
}

/** Lamb's statistic per event day with the market term of firm `ref`, from model.csv, ar.csv and parametric.csv. */
function lambWith(dir: string, ref: string): Map<number, number> {
  const model = table(dir, 'model.csv');
  const ar = table(dir, 'ar.csv');
  const meanT = model.reduce((s, m) => s + Number(m['estimation_length']), 0) / model.length;
  const m = model.find((x) => x['symbol'] === ref)!;
  // S_A: sd (divisor k − 1) over estimation days of the cross-sectional mean AR.
  const byDay = new Map<number, number[]>();
  for (const r of ar) {
    if (r['window'] !== 'estimation' || r['ar'] === 'NA') continue;
    const d = Number(r['rel_day']);
    byDay.set(d, [...(byDay.get(d) ?? []), Number(r['ar'])]);
  }
  const means = [...byDay.values()].map((v) => v.reduce((a, b) => a + b, 0) / v.length);
  const mu = means.reduce((a, b) => a + b, 0) / means.length;
  const sA = Math.sqrt(means.reduce((s, v) => s + (v - mu) ** 2, 0) / (means.length - 1));
  const out = new Map<number, number>();
  for (const p of table(dir, 'parametric.csv')) {
    const day = Number(p['rel_day']);
    const mkt = Number(ar.find((r) => r['symbol'] === ref && Number(r['rel_day']) === day)!['mkt']);
    const c = 1 + 1 / meanT + (mkt - Number(m['est_mkt_mean'])) ** 2 / Number(m['est_mkt_ss']);
    out.set(day, Number(p['mean']) / (sA * Math.sqrt(c)));
  }
  return out;
}

describe('estudy2 profile: Lamb uses the first event of the events file', () => {
  it('events of different dates in a non-alphabetical, non-chronological order', async () => {
    const events = join(work, 'events.csv');
    // UBER first in the file; NFLX has the earliest date; AMZN is alphabetically first.
    writeFileSync(events, 'symbol,event_date\nUBER,2020-02-14\nAMZN,2020-03-16\nNFLX,2020-01-22\nZM,2020-03-02\nSHOP,2020-02-24\n');
    const out = join(work, 'out');
    const code = await runCli([
      'study', '--prices', PRICES, '--events', events, '--market', '^GSPC', '--estimation=-120:-11', '--window=-2:2',
      '--car=-2:2', '--profile', 'estudy2', '--bootstrap', '0', '--ar-rows', 'all', '--out', out,
    ]);
    expect(code).toBe(0);
    const got = new Map(table(out, 'parametric.csv').map((p) => [Number(p['rel_day']), Number(p['lmb_stat'])]));
    const uber = lambWith(out, 'UBER');
    const nflx = lambWith(out, 'NFLX');
    const amzn = lambWith(out, 'AMZN');
    let differs = 0;
    for (const [day, v] of got) {
      expect(v).toBeCloseTo(uber.get(day)!, 9);
      if (Math.abs(v - nflx.get(day)!) > 1e-3 && Math.abs(v - amzn.get(day)!) > 1e-3) differs++;
    }
    // The rule is visible: on most days the first-in-file firm's term gives another statistic than either alternative.
    expect(differs).toBeGreaterThanOrEqual(3);
    // car_lamb sums the daily statistics over the window / sqrt(L).
    const carLamb = table(out, 'car_tests.csv').find((c) => c['name'] === 'car_lamb')!;
    const sum = [...got.values()].reduce((a, b) => a + b, 0);
    expect(Number(carLamb['statistic'])).toBeCloseTo(sum / Math.sqrt(got.size), 9);
  });
});
