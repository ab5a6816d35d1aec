import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../packages/cli/src/program';
import { reRenderDiffs } from './support/rerender';

// scenarios/estudy2-replication.yaml reproduces estudy2's published example; its report must carry estudy2's numbers.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXPECTED = fileURLToPath(new URL('../../shared/data/estudy2/expected/continuous_shipped_sim/', import.meta.url));
const GOLDEN = join(ROOT, 'test', 'golden', 'estudy2-replication.report.md');
const OUT = mkdtempSync(join(tmpdir(), 'aftershock-e2e-estudy2-'));

function csv(file: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(join(EXPECTED, file), 'utf8').trim().split('\n');
  const cols = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i]!, v])));
}

interface Group {
  name: string;
  aar: { offset: number; n: number; aar: number; caar: number }[];
  tests: { tests: string[]; rows: { offset: number; stats: (number | null)[]; signif: string[] }[] };
  carTests: { window: [number, number]; test: string; stat: number; signif: string }[];
}

describe('estudy2-replication', () => {
  let report: { study: { groups: Group[] }; events: { symbol: string; day0: string }[] };
  beforeAll(async () => {
    const out = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await runCli(['run', join(ROOT, 'scenarios', 'estudy2-replication.yaml'), '--out', OUT])).toBe(0);
    } finally {
      process.stdout.write = out;
    }
    report = JSON.parse(readFileSync(join(OUT, 'report.json'), 'utf8')) as typeof report;
  });
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('re-renders byte-identically with aftershock report report.json', async () => {
    expect(await reRenderDiffs(OUT)).toEqual([]);
  });

  it('puts all seven events on 2020-03-16', () => {
    expect(report.events.map((e) => e.day0)).toEqual(new Array(7).fill('2020-03-16'));
  });

  it('reproduces estudy2’s AAR/CAAR table', () => {
    const all = report.study.groups[0]!;
    const exp = csv('aar.csv');
    expect(all.aar).toHaveLength(exp.length);
    exp.forEach((row, k) => {
      expect(all.aar[k]!.n).toBe(Number(row['n_firms']));
      expect(all.aar[k]!.aar).toBeCloseTo(Number(row['aar']), 9);
      expect(all.aar[k]!.caar).toBeCloseTo(Number(row['caar']), 9);
    });
  });

  it('reproduces estudy2’s daily tests and CAR tests with their significance marks', () => {
    const all = report.study.groups[0]!;
    const par = csv('parametric.csv');
    const col = (name: string) => all.tests.tests.indexOf(name);
    par.forEach((row, k) => {
      const r = all.tests.rows[k]!;
      for (const [name, key] of [['t-test', 't_test'], ['BW 1985', 'bw_1985'], ['Patell', 'pt'], ['BMP', 'bh']] as const) {
        expect(r.stats[col(name)]!, `${name} day ${k}`).toBeCloseTo(Number(row[`${key}_stat`]), 6);
        expect(r.signif[col(name)], `${name} day ${k}`).toBe(row[`${key}_signif`] ?? '');
      }
    });
    const names: Record<string, string> = { car_brown_warner_1985: 'Brown–Warner 1985', car_lamb: 'Lamb', car_rank_test: 'rank (Cowan)' };
    const exp = csv('car_tests.csv');
    expect(all.carTests).toHaveLength(exp.length);
    exp.forEach((row, k) => {
      expect(all.carTests[k]!.test).toBe(names[row['name']!]);
      expect(all.carTests[k]!.stat).toBeCloseTo(Number(row['statistic']), 6);
      expect(all.carTests[k]!.signif).toBe(row['significance'] ?? '');
    });
  });

  it('matches the golden report.md (UPDATE_GOLDEN=1 rewrites it)', () => {
    const md = readFileSync(join(OUT, 'report.md'), 'utf8');
    if (process.env['UPDATE_GOLDEN'] === '1') {
      mkdirSync(join(ROOT, 'test', 'golden'), { recursive: true });
      writeFileSync(GOLDEN, md);
    }
    expect(existsSync(GOLDEN), `${GOLDEN} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(md).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
