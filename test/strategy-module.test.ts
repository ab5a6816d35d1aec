import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '@aftershock/report';
import { runScenario } from '@aftershock/scenario';
import { runCli } from '../packages/cli/src/program';

const REAL = fileURLToPath(new URL('../../shared/data/real/backtester39', import.meta.url));

/**
 * A strategy module as a user writes it, with no imports at all: long `shares` of the event's symbol at the close of
 * day 0 of each released earnings event, out at the close `hold` sessions later. Its `params` export is a
 * hand-written Standard Schema (any schema library works; zod is one). The folder has no package.json, so tsx
 * hands its default export back wrapped (`{ default: { default: fn } }`), which the loader unwraps.
 */
const MODULE = `
interface Params { shares: number; hold: number }
interface Issue { message: string; path: string[] }

export const params = {
  '~standard': {
    version: 1,
    vendor: 'by-hand',
    validate(v: unknown): { value: Params } | { issues: Issue[] } {
      const o = (v ?? {}) as Record<string, unknown>;
      const issues: Issue[] = [];
      for (const k of Object.keys(o)) if (k !== 'shares' && k !== 'hold') issues.push({ message: 'unknown parameter "' + k + '"', path: [k] });
      const hold = o.hold ?? 3;
      const shares = o.shares ?? 100;
      if (typeof hold !== 'number' || !Number.isInteger(hold) || hold < 1) issues.push({ message: 'expected a whole number ≥ 1, got ' + String(hold), path: ['hold'] });
      if (typeof shares !== 'number' || shares <= 0) issues.push({ message: 'expected a positive number, got ' + String(shares), path: ['shares'] });
      return issues.length ? { issues } : { value: { shares: shares as number, hold: hold as number } };
    },
  },
};

export default function create(p: Params) {
  const plans: { id: string; symbol: string; entry: number; exit: number }[] = [];
  return {
    name: 'hand',
    onEvent(notice: any) {
      if (notice.stage !== 'released' || notice.event.kind !== 'earnings') return;
      const d0 = notice.day0.ordinal;
      plans.push({ id: notice.event.id, symbol: notice.event.symbol, entry: d0, exit: d0 + p.hold });
    },
    onSessionClose(msg: any, ctx: any) {
      for (const t of plans) {
        if (msg.session === t.entry) ctx.submit({ symbol: t.symbol, side: 'buy', quantity: p.shares, type: 'market-on-close', reason: 'entry', eventId: t.id });
        if (msg.session === t.exit) ctx.submit({ symbol: t.symbol, side: 'sell', quantity: p.shares, type: 'market-on-close', reason: 'exit', eventId: t.id });
      }
    },
  };
}
`;

function scenario(dir: string, threads: number): string {
  const f = join(dir, `module-${threads}.yaml`);
  writeFileSync(
    f,
    [
      `name: module-${threads}`,
      'data:',
      `  root: ${REAL}`,
      '  benchmark: SPY',
      'universe: { symbols: [CRWV] }',
      'events:',
      '  list:',
      '    - { symbol: CRWV, date: 2025-08-12, kind: earnings, timing: after-close, id: crwv-q2 }',
      '    - { symbol: CRWV, date: 2025-11-10, kind: earnings, timing: after-close, id: crwv-q3 }',
      'strategies:',
      '  - module: ./hand.ts',
      '    label: hand',
      '    params: { shares: 100, hold: 3 }',
      '  - module: ./hand.ts',
      '    label: hand-sweep',
      '    params: { shares: 100 }',
      '    grid: { hold: [1, 2, 3, 4, 5, 6] }',
      '  - name: buy-and-hold',
      `threads: ${threads}`,
      'period: { from: 2025-07-01, to: 2025-12-31 }',
      '',
    ].join('\n'),
  );
  return f;
}

/** Closes of CRWV from the raw file, by date. */
function closes(): Map<string, number> {
  const rows = readFileSync(join(REAL, 'focus', 'CRWV.csv'), 'utf8').trim().split('\n').slice(1);
  return new Map(rows.map((r) => [r.split(',')[0]!, Number(r.split(',')[4])]));
}

describe('a strategy module named by a scenario', () => {
  let dir: string;
  let one: RunResult;
  let two: RunResult;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aftershock-module-'));
    writeFileSync(join(dir, 'hand.ts'), MODULE);
    one = (await runScenario(scenario(dir, 1))).result;
    two = (await runScenario(scenario(dir, 2))).result;
  });

  it('trades exactly what a hand computation from the raw bars says, to the cent', () => {
    const c = closes();
    const dates = [...c.keys()];
    const hand = one.strategies.find((s) => s.label === 'hand')!;
    expect(hand.module).toBe('hand.ts');
    expect(hand.trades).toHaveLength(2);
    // Day 0 of an after-close release is the next session; out 3 sessions after it, at the close. Costs: slippage
    // 5 bp of the close against the trader on each fill, commission max($1, 100 × $0.005) = $1 a fill.
    for (const [t, release] of [[hand.trades[0]!, '2025-08-12'], [hand.trades[1]!, '2025-11-10']] as const) {
      const d0 = dates[dates.indexOf(release) + 1]!;
      const out = dates[dates.indexOf(d0) + 3]!;
      const buy = c.get(d0)! * (1 + 5 / 10_000);
      const sell = c.get(out)! * (1 - 5 / 10_000);
      const net = 100 * (sell - buy) - 2;
      expect([t.entryDate, t.exitDate, t.quantity, t.direction]).toEqual([d0, out, 100, 'long']);
      expect(Math.round(t.pnl * 100)).toBe(Math.round(net * 100));
    }
    const q2 = hand.trades[0]!;
    expect(q2.entryDate).toBe('2025-08-13');
    expect(q2.exitDate).toBe('2025-08-18');
  });

  it('goes through the same comparison and sweeps as the built-ins', () => {
    const labels = one.strategies.map((s) => s.label);
    expect(labels.slice(0, 2)).toEqual(['hand', 'buy-and-hold']);
    expect(labels[2]).toMatch(/^hand-sweep\(hold=\d\)$/);
    expect(one.comparison!.pairs.length).toBeGreaterThan(0);
    const sw = one.sweeps[0]!;
    expect(sw.strategy).toBe('hand');
    expect(sw.points).toHaveLength(6);
    // Point hold = 3 is the plain run's configuration: the same mean return per event.
    const perEvent = one.comparison!.events.map((e) => e.returns['hand']!);
    const mean = perEvent.reduce((a, b) => a + b, 0) / perEvent.length;
    expect(sw.points[2]!.all.meanReturn).toBeCloseTo(mean, 12);
  });

  it('a sweep on two worker threads gives exactly the one-thread result', () => {
    expect(two.sweeps).toEqual(one.sweeps);
    expect(two.strategies.map((s) => s.trades)).toEqual(one.strategies.map((s) => s.trades));
  });
});

describe('validate with strategy modules', () => {
  const quiet = async (argv: string[]) => {
    const out: string[] = [];
    const o = process.stdout.write.bind(process.stdout);
    const e = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((s: string) => (out.push(s), true)) as typeof process.stdout.write;
    process.stderr.write = ((s: string) => (out.push(s), true)) as typeof process.stderr.write;
    try {
      return { code: await runCli(argv), out: out.join('') };
    } finally {
      process.stdout.write = o;
      process.stderr.write = e;
      process.exitCode = 0;
    }
  };
  const write = (dir: string, body: string) => {
    const f = join(dir, 's.yaml');
    writeFileSync(f, [`name: s`, 'data:', `  root: ${REAL}`, '  benchmark: SPY', 'events:', '  list: [{ symbol: CRWV, date: 2025-08-12 }]', 'strategies:', body, ''].join('\n'));
    return f;
  };

  it('rejects a missing module at its line, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aftershock-module-'));
    const f = write(dir, '  - name: buy-and-hold\n  - module: ./nope.ts\n    label: mine');
    const r = await quiet(['validate', f]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${f}:9: strategies[1].module: strategy module not found`);
    expect(r.out).toContain('STRATEGY_MODULE_NOT_FOUND');
  });

  it('rejects a module without a default function, one that throws at creation, and bad params, each at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aftershock-module-'));
    writeFileSync(join(dir, 'none.ts'), 'export const x = 1;\n');
    writeFileSync(join(dir, 'throws.ts'), 'export default function () { throw new Error("no data for me"); }\n');
    writeFileSync(join(dir, 'hand.ts'), MODULE);
    const f = write(dir, ['  - module: ./none.ts', '  - module: ./throws.ts', '  - module: ./hand.ts', '    params: { hold: 0, size: 3 }', '    grid: { hold: [2, -1] }'].join('\n'));
    const r = await quiet(['validate', f]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${f}:8: strategies[0].module: a strategy module must export a function as default`);
    expect(r.out).toContain(`${f}:9: strategies[1].module: the strategy module threw while creating its strategy: no data for me`);
    expect(r.out).toContain(`${f}:11: strategies[2].params.hold: expected a whole number ≥ 1, got 0`);
    expect(r.out).toContain(`${f}:11: strategies[2].params.size: unknown parameter "size" [SCENARIO_INVALID_VALUE]`);
    expect(r.out).toContain(`${f}:12: strategies[2].grid.hold[1]: expected a whole number ≥ 1, got -1`);
  });
});
