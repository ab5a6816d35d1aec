import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, isoToDayNumber, mulberry32, weekdayOf } from '@aftershock/core';
import { captureCli } from './support/run-cli';

// An exchange that is not XNYS: weekdays 2024-01-02..2025-09-30 minus three holidays XNYS does not have
// (Labour Day 2024-05-01 and 2025-05-01, Boxing Day 2024-12-26), and trading on US Independence Day 2025-07-04.
const work = mkdtempSync(join(tmpdir(), 'aftershock-study-cal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const CLOSED = ['2024-05-01', '2024-12-26', '2025-05-01'];
const sessions: string[] = [];
for (let d = '2024-01-02'; d <= '2025-09-30'; d = addDays(d, 1)) {
  const wd = weekdayOf(isoToDayNumber(d));
  if (wd !== 0 && wd !== 6 && !CLOSED.includes(d)) sessions.push(d);
}
const rnd = mulberry32(2025);
const close: Record<string, number[]> = { IDX: [], AAA: [], BBB: [] };
for (const s of Object.keys(close)) {
  let p = 100;
  for (let i = 0; i < sessions.length; i++) close[s]!.push((p *= 1 + (rnd() - 0.5) * 0.04));
}
// Day 0 of AAA (after the close of 2025-07-03) is 2025-07-04 on this exchange: make it a clear +8% move.
const d0 = sessions.indexOf('2025-07-04');
for (let i = d0; i < sessions.length; i++) close['AAA']![i]! *= 1.08;
const rows = ['date,symbol,close', ...Object.keys(close).flatMap((s) => sessions.map((d, i) => `${d},${s},${close[s]![i]!.toFixed(6)}`))];
const prices = join(work, 'prices.csv');
writeFileSync(prices, rows.join('\n') + '\n');
const events = join(work, 'events.csv');
writeFileSync(events, 'symbol,event_date,timing\nAAA,2025-07-03,after-close\nBBB,2025-05-01,before-open\n');

const run = captureCli;

const args = (out: string, p = prices, extra: string[] = []) => ['study', '--prices', p, '--events', events, '--market', 'IDX', '--estimation=-120:-11', '--window=-5:5', '--car=0:0,-1:1', '--model', 'market-adjusted', '--bootstrap', '0', '--out', join(work, out), ...extra];
const table = (dir: string, name: string) => readFileSync(join(work, dir, name), 'utf8').trim().split('\n').map((l) => l.split(','));

describe('aftershock study on an exchange whose calendar is not XNYS', () => {
  it("runs in event time of the market's own sessions", async () => {
    const r = await run(args('mkt'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 event(s), 0 excluded');
    const cal = table('mkt', 'event_calendar.csv');
    expect(cal.slice(1).map((c) => [c[0], c[1], c[2]])).toEqual([
      ['BBB', '2025-05-01', '2025-05-02'], // a closed weekday: day 0 is the next session
      ['AAA', '2025-07-03', '2025-07-04'], // after the close: the next session is the US holiday this exchange trades
    ]);
    const ar = table('mkt', 'ar.csv');
    const h = ar[0]!;
    const at = (sym: string, rel: number) => ar.find((c) => c[0] === sym && c[h.indexOf('rel_day')] === String(rel))!;
    expect(at('AAA', 1)[h.indexOf('date')]).toBe('2025-07-07');
    expect(at('BBB', -1)[h.indexOf('date')]).toBe('2025-04-30');
    // Market-adjusted AR on day 0, recomputed from the closes as written to the file.
    const written = (s: string, i: number) => Number(close[s]![i]!.toFixed(6));
    const ret = (s: string) => written(s, d0) / written(s, d0 - 1) - 1;
    expect(Number(at('AAA', 0)[h.indexOf('ar')])).toBeCloseTo(ret('AAA') - ret('IDX'), 12);
    expect(ret('AAA') - ret('IDX')).toBeGreaterThan(0.03);
    // The estimation window counts this exchange's sessions: 120 back from day 0 skips Boxing Day 2024.
    const bbbFirst = cal.find((c) => c[0] === 'BBB')![3];
    expect(bbbFirst).toBe(sessions[sessions.indexOf('2025-05-02') - 120]);
  });

  it('with --calendar xnys the same file is refused: its row on 2025-07-04 names file and line', async () => {
    const r = await run(args('x', prices, ['--calendar', 'xnys']));
    expect(r.code).toBe(2);
    const line = rows.findIndex((l) => l.startsWith('2025-07-04,IDX')) + 1;
    expect(r.err).toContain(`${prices}:${line}: date: 2025-07-04 is not an XNYS session (Independence Day) [PRICE_NOT_A_SESSION]`);
  });

  it("a stock's row on a date the market does not trade is a coded problem naming file and line", async () => {
    const extra = join(work, 'extra.csv');
    writeFileSync(extra, [...rows, '2025-05-01,ZZZ,10', '2025-05-02,ZZZ,10.5'].join('\n') + '\n');
    const r = await run(args('z', extra));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${extra}:${rows.length + 1}: date: 2025-05-01 is not an IDX session (no IDX bar) [PRICE_NOT_A_SESSION]`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
