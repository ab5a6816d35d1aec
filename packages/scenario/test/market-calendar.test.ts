import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, isoToDayNumber, mulberry32, weekdayOf } from '@aftershock/core';
import { runScenario, validateScenario } from '../src/index';

// A scenario on an exchange that is not XNYS (weekdays minus Labour Day and Boxing Day, trading on 2025-07-04):
// calendar: market runs the study, the strategies and a sweep on the benchmark's own sessions.
const work = mkdtempSync(join(tmpdir(), 'aftershock-mktcal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const CLOSED = ['2024-05-01', '2024-12-26', '2025-05-01'];
const sessions: string[] = [];
for (let d = '2024-01-02'; d <= '2025-09-30'; d = addDays(d, 1)) {
  const wd = weekdayOf(isoToDayNumber(d));
  if (wd !== 0 && wd !== 6 && !CLOSED.includes(d)) sessions.push(d);
}
const rnd = mulberry32(7);
const lines = ['date,symbol,open,high,low,close,volume'];
for (const sym of ['IDX', 'AAA']) {
  let p = 50;
  for (const d of sessions) {
    const o = p;
    p *= 1 + (rnd() - 0.5) * 0.03;
    if (sym === 'AAA' && d === '2025-07-04') p *= 1.1;
    lines.push(`${d},${sym},${o.toFixed(4)},${(Math.max(o, p) * 1.01).toFixed(4)},${(Math.min(o, p) * 0.99).toFixed(4)},${p.toFixed(4)},1000000`);
  }
}
const prices = join(work, 'prices.csv');
writeFileSync(prices, lines.join('\n') + '\n');

const scenario = (calendar: unknown) => ({
  name: 'non-xnys',
  data: { files: prices, benchmark: 'IDX' },
  calendar,
  events: { list: [{ symbol: 'AAA', date: '2025-07-03', kind: 'earnings', timing: 'after-close' }] },
  study: { estimation: [-120, -11], window: [-3, 3], car: [[0, 0]] },
  strategies: [
    { name: 'earnings-reaction', params: { mode: 'follow', threshold: 3, hold: 2 } },
    { name: 'earnings-reaction', label: 'sweep', params: { mode: 'follow', threshold: 3 }, grid: { hold: [1, 2] } },
  ],
  period: { from: '2025-06-02', to: '2025-07-31' },
  outputs: { formats: ['json'] },
});

describe('calendar: market', () => {
  it('runs the study, strategies and sweeps in the sessions of the benchmark', async () => {
    const { result } = await runScenario(scenario('market'), { baseDir: work });
    const e = result.events[0]!;
    expect(e.day0).toBe('2025-07-04');
    expect(e.pricePath.map((p) => p.date)).toContain('2025-07-04');
    const follow = result.strategies.find((s) => s.label === 'earnings-reaction');
    expect(follow?.trades.length).toBe(1);
    // Day 0's move is known at its close; the trade enters at the next open (2025-07-07) and holds 2 sessions.
    expect(follow!.trades[0]).toMatchObject({ symbol: 'AAA', entryDate: '2025-07-07', exitDate: '2025-07-08' });
    expect(result.sweeps[0]!.points.length).toBe(2);
    expect(result.sweeps[0]!.points.every((p) => p.all.trades === 1)).toBe(true);
  });

  it('states its hours, and XNYS refuses the same data with the file and line of the first row on a US holiday', async () => {
    const hours = validateScenario(scenario({ kind: 'market', open: '09:00', close: '17:30', zone: 'Europe/Berlin' }), { baseDir: work });
    expect(hours.problems).toEqual([]);
    const bad = validateScenario(scenario({ kind: 'market', open: '9h' }), { baseDir: work });
    expect(bad.problems).toMatchObject([{ code: 'SCENARIO_INVALID_VALUE', field: 'calendar.open', message: 'expected a time HH:MM, got "9h"' }]);
    await expect(runScenario(scenario('xnys'), { baseDir: work })).rejects.toThrow(/prices\.csv:\d+: date: 2025-07-04 is not an XNYS session \(Independence Day\) \[PRICE_NOT_A_SESSION\]/);
  });
});
