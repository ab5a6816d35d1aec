import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '@aftershock/report';
import { runScenario } from '@aftershock/scenario';
import { parseCsv } from '@aftershock/data';

// scenarios/vendor-earnings-2025q2.yaml reads Yahoo's earnings-dates file and the SEC 8-K file in place through a
// column mapping. The same events, written by this test in the project's own format (symbol,date,timing,…) from
// the raw rows, must give the same study, number for number.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCENARIO = join(ROOT, 'scenarios', 'vendor-earnings-2025q2.yaml');
const REAL = join(ROOT, '..', 'shared', 'data', 'real', 'earnings');
const work = mkdtempSync(join(tmpdir(), 'aftershock-vendor-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const YAHOO = ['AAPL', 'MSFT', 'GOOGL', 'META', 'AMZN', 'NVDA', 'JPM', 'JNJ', 'BAC', 'GS', 'KO', 'CVX'];
const EDGAR = ['PG', 'WMT', 'PFE', 'DIS', 'GE'];
const inWindow = (d: string) => d >= '2025-07-01' && d <= '2025-08-31';

/** HH:MM in New York → our timing words, by the rule (before 09:30, from 16:00, otherwise during). */
function timingOfClock(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const min = h * 60 + m;
  return min < 570 ? 'before-open' : min >= 960 ? 'after-close' : 'during';
}

/** The raw rows of a CSV as records (by the generic CSV reader, not the event loader). */
function records(file: string): Record<string, string>[] {
  const [head, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  return rows.map((r) => Object.fromEntries(head!.fields.map((h, i) => [h, r.fields[i] ?? ''])));
}

function ownFormatCalendar(): string {
  const lines = ['symbol,date,timing,eps_actual,eps_estimate,source'];
  for (const r of records(join(REAL, 'yfinance-investiq', 'earnings_dates.csv'))) {
    if (YAHOO.includes(r['ticker']!) && inWindow(r['date']!)) lines.push([r['ticker'], r['date'], timingOfClock(r['time_et']!), r['eps_actual'], r['eps_estimate'], 'yahoo'].join(','));
  }
  const words: Record<string, string> = { BMO: 'before-open', AMC: 'after-close', DMH: 'during' };
  for (const r of records(join(REAL, 'edgar-8k-item202', 'edgar_8k_item202.csv'))) {
    if (EDGAR.includes(r['ticker']!) && inWindow(r['acceptance_date_et']!)) lines.push([r['ticker'], r['acceptance_date_et'], words[r['session_et']!], '', '', 'sec'].join(','));
  }
  const file = join(work, 'earnings.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('scenarios/vendor-earnings-2025q2.yaml: vendor calendars read in place', () => {
  let vendor: RunResult;
  let own: RunResult;
  beforeAll(async () => {
    vendor = (await runScenario(SCENARIO)).result;
    const text = readFileSync(SCENARIO, 'utf8');
    const files = text.slice(text.indexOf('  files:'), text.indexOf('  kinds:'));
    const ownScenario = join(work, 'own.yaml');
    writeFileSync(ownScenario, text.replace(files, `  files: [${ownFormatCalendar()}]\n`).replace(/^data:\n/m, `data:\n  root: ${join(ROOT, '..', 'shared', 'data', 'real', 'backtester39')}\n`));
    own = (await runScenario(ownScenario)).result;
  }, 120_000);

  it('reads all 17 reports, with day 0 the same session before the open and the next one after the close', () => {
    const rows = vendor.events.map((e) => [e.symbol, e.eventDate, e.timing, e.day0]);
    expect(rows).toEqual([
      ['JPM', '2025-07-15', 'before-open', '2025-07-15'],
      ['BAC', '2025-07-16', 'before-open', '2025-07-16'],
      ['GS', '2025-07-16', 'before-open', '2025-07-16'],
      ['JNJ', '2025-07-16', 'before-open', '2025-07-16'],
      ['GE', '2025-07-17', 'before-open', '2025-07-17'],
      ['KO', '2025-07-22', 'before-open', '2025-07-22'],
      ['GOOGL', '2025-07-23', 'after-close', '2025-07-24'],
      ['PG', '2025-07-29', 'before-open', '2025-07-29'],
      ['META', '2025-07-30', 'after-close', '2025-07-31'],
      ['MSFT', '2025-07-30', 'after-close', '2025-07-31'],
      ['AAPL', '2025-07-31', 'after-close', '2025-08-01'],
      ['AMZN', '2025-07-31', 'after-close', '2025-08-01'],
      ['CVX', '2025-08-01', 'before-open', '2025-08-01'],
      ['PFE', '2025-08-05', 'before-open', '2025-08-05'],
      ['DIS', '2025-08-06', 'before-open', '2025-08-06'],
      ['WMT', '2025-08-21', 'before-open', '2025-08-21'],
      ['NVDA', '2025-08-27', 'after-close', '2025-08-28'],
    ]);
    expect(vendor.events.every((e) => e.excluded === null || e.excluded === undefined)).toBe(true);
  });

  it('gives the same study numbers as the same events in our own format', () => {
    const strip = (r: RunResult) => r.events.map((e) => ({ id: e.id, day0: e.day0, reaction: e.reaction, pricePath: e.pricePath }));
    expect(strip(vendor)).toEqual(strip(own));
    expect(vendor.study).toEqual(own.study);
    // All 17 events in the tests, and a group per timing (before-open 11, after-close 6).
    expect(vendor.study.groups.map((g) => g.n).sort((a, b) => b - a)).toEqual([17, 11, 6]);
  });

  it('shows a real reaction: NVDA day 0 2025-08-28 is its close over the previous close', () => {
    const nvda = vendor.events.find((e) => e.symbol === 'NVDA')!;
    const bars = readFileSync(join(ROOT, '..', 'shared', 'data', 'real', 'backtester39', 'focus', 'NVDA.csv'), 'utf8').split('\n');
    const close = (d: string) => Number(bars.find((l) => l.startsWith(d))!.split(',')[4]);
    expect(nvda.reaction.day0Return).toBeCloseTo(close('2025-08-28') / close('2025-08-27') - 1, 10);
  });
});
