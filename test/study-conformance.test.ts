import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../packages/cli/src/index';

/**
 * The estudy2 conformance target: `aftershock study --profile estudy2` on estudy2's shipped example must reproduce
 * every number of the six published runs to 1e-6 (relative, or absolute below 1e-6) and every flag exactly.
 * Calendar time: every event on 2020-03-16, estimation 2019-04-01..2020-03-13 = the 240 sessions before day 0,
 * event window days 0..4, CAR windows [0,4], [0,0], [1,4].
 */
const ESTUDY2 = new URL('../../shared/data/estudy2/', import.meta.url).pathname;
const SYMBOLS = ['AMZN', 'ZM', 'UBER', 'NFLX', 'SHOP', 'FB', 'UPWK'];
const REL: Record<string, number> = { '2020-03-16': 0, '2020-03-17': 1, '2020-03-18': 2, '2020-03-19': 3, '2020-03-20': 4 };
const FILES = ['model.csv', 'ar.csv', 'aar.csv', 'parametric.csv', 'nonparametric.csv', 'car_firm.csv', 'car_tests.csv'] as const;

type Row = Record<string, string>;
function parse(text: string): Row[] {
  const [head, ...lines] = text.trim().split('\n');
  const cols = head!.split(',');
  return lines.map((l) => {
    const c = l.split(',');
    return Object.fromEntries(cols.map((k, i) => [k, c[i]!]));
  });
}

/** How a row is identified: expected files are keyed by date, ours by rel_day (ar.csv keeps both). */
function key(file: string, r: Row, expected: boolean): string {
  const rel = (d: string) => (expected ? String(REL[d]) : d);
  switch (file) {
    case 'model.csv':
      return r['symbol']!;
    case 'ar.csv':
      return `${r['symbol']}|${r['date']}`;
    case 'car_firm.csv':
      return `${r['symbol']}|${rel(r['car_start']!)}|${rel(r['car_end']!)}`;
    case 'car_tests.csv':
      return `${rel(r['car_start']!)}|${rel(r['car_end']!)}|${r['name']}`;
    default:
      return expected ? String(REL[r['date']!]) : r['rel_day']!;
  }
}

function close(expected: string, got: string): boolean {
  const a = Number(expected);
  const b = Number(got);
  if (expected === 'NA' || expected === '' || Number.isNaN(a)) return got === expected;
  const tol = Math.abs(a) < 1e-6 ? 1e-6 : 1e-6 * Math.abs(a);
  return Math.abs(a - b) <= tol;
}

const work = mkdtempSync(join(tmpdir(), 'aftershock-estudy2-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const eventsFile = join(work, 'events.csv');
writeFileSync(eventsFile, 'symbol,event_date\n' + SYMBOLS.map((s) => `${s},2020-03-16`).join('\n') + '\n');

const RUNS = [
  ['discrete', 'sim', 'simple', 'market-model'],
  ['discrete', 'mrkt_adj', 'simple', 'market-adjusted'],
  ['discrete', 'mean_adj', 'simple', 'constant-mean'],
  ['continuous_shipped', 'sim', 'log', 'market-model'],
  ['continuous_shipped', 'mrkt_adj', 'log', 'market-adjusted'],
  ['continuous_shipped', 'mean_adj', 'log', 'constant-mean'],
] as const;

describe('estudy2 conformance (aftershock study --profile estudy2)', () => {
  for (const [ret, m, returns, model] of RUNS) {
    it(`${ret}_${m}: every value to 1e-6 and every flag`, async () => {
      const out = join(work, `${ret}_${m}`);
      const code = await runCli([
        'study', '--prices', join(ESTUDY2, 'prices.csv'), '--events', eventsFile, '--market', '^GSPC',
        '--estimation=-240:-1', '--window=0:4', '--car=0:4,0:0,1:4', '--model', model, '--returns', returns,
        '--profile', 'estudy2', '--ar-rows', 'all', '--out', out,
      ]);
      expect(code).toBe(0);
      let checked = 0;
      const bad: string[] = [];
      for (const f of FILES) {
        const exp = parse(readFileSync(join(ESTUDY2, 'expected', `${ret}_${m}`, f), 'utf8'));
        const got = parse(readFileSync(join(out, f), 'utf8'));
        expect(got.length, f).toBe(exp.length);
        const byKey = new Map(got.map((r) => [key(f, r, false), r]));
        for (const e of exp) {
          const g = byKey.get(key(f, e, true));
          expect(g, `${f} ${key(f, e, true)}`).toBeDefined();
          for (const [col, v] of Object.entries(e)) {
            if ((col === 'date' && f !== 'ar.csv') || col === 'car_start' || col === 'car_end') continue;
            expect(g![col], `${f} has column ${col}`).toBeDefined();
            checked++;
            if (!close(v, g![col]!)) bad.push(`${f} ${key(f, e, true)} ${col}: expected ${v}, got ${g![col]}`);
          }
        }
      }
      expect(bad).toEqual([]);
      expect(checked).toBeGreaterThan(10_000);
      // The rel_day ↔ date mapping of the event window.
      const cal = parse(readFileSync(join(out, 'event_calendar.csv'), 'utf8'));
      expect(cal.map((r) => [r['day0_date'], r['est_first_date'], r['est_last_date'], r['evt_last_date']])).toEqual(
        SYMBOLS.map(() => ['2020-03-16', '2019-04-02', '2020-03-13', '2020-03-20']),
      );
    });
  }
});
