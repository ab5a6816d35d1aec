import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { focusBar } from './focus-rows';

// End to end: `aftershock run scenarios/coreweave-2025.yaml` writes report.json with a spillover section. For
// CoreWeave's Q2-2025 report (after the close on 2025-08-12, day 0 = 2025-08-13), the day-0 returns of NVDA, MSFT
// and QQQ must equal the closes in the shared focus files, read here independently of every loader.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = mkdtempSync(join(tmpdir(), 'aftershock-spillover-'));

function closeOn(symbol: string, date: string): number {
  return focusBar(symbol, date).close;
}

interface Pair {
  eventId: string;
  eventSymbol: string;
  symbol: string;
  relation: string;
  day0: string | null;
  day0Return: number | null;
  day0Abnormal: number | null;
  car: { window: [number, number]; car: number | null }[];
  contaminated: boolean;
  carPath: { offset: number; car: number | null }[];
}

describe('coreweave-2025 report.json: spillover section', () => {
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('the run succeeds and report.json lists the pairs of every CRWV event', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', 'run', 'scenarios/coreweave-2025.yaml', '--out', OUT], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, AFTERSHOCK_DATA: '' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(join(OUT, 'report.json'), 'utf8')) as { spillovers: Pair[]; meta: { windows: { car: [number, number][] } } };
    const q2 = report.spillovers.filter((p) => p.eventId === 'CRWV:earnings:2025-08-12');
    expect(q2.map((p) => [p.eventSymbol, p.symbol, p.relation, p.day0])).toEqual([
      ['CRWV', 'NVDA', 'supplier/investor', '2025-08-13'],
      ['CRWV', 'MSFT', 'customer', '2025-08-13'],
      ['CRWV', 'QQQ', 'sector-etf', '2025-08-13'],
    ]);
    for (const p of q2) {
      const expected = closeOn(p.symbol, '2025-08-13') / closeOn(p.symbol, '2025-08-12') - 1;
      expect(p.day0Return, p.symbol).toBeCloseTo(expected, 12);
      expect(p.contaminated, p.symbol).toBe(false);
      expect(p.car.map((c) => c.window)).toEqual(report.meta.windows.car);
      expect(p.car.every((c) => typeof c.car === 'number'), p.symbol).toBe(true);
      // CAR[0,0] is the day-0 abnormal return; the path ends at the event window's last day.
      expect(p.car[0]!.car).toBeCloseTo(p.day0Abnormal!, 14);
      expect(p.carPath.at(-1)!.offset).toBe(5);
    }
    // NVDA −0.86%, MSFT −1.64%, QQQ +0.05% on CoreWeave's −20.8% day.
    expect(q2.map((p) => Math.round(p.day0Return! * 10000) / 100)).toEqual([-0.86, -1.64, 0.05]);
  });
});
