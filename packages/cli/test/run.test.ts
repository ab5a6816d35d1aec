import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderJson, type RunResult } from '@aftershock/report';
import { runCli } from '../src/program';
import { progressBar } from '../src/progress';
import { resultRows, runScenario, toDataFrames } from '@aftershock/scenario';
import { strategySpecs } from '../../scenario/src/run/strategies';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** A small scenario written as an object: CRWV's 2025 earnings and lock-up, NVDA alongside, two strategies. */
const SCENARIO = {
  name: 'crwv-small',
  data: { benchmark: 'SPY' },
  events: { files: ['data/earnings.csv', 'data/lockups.csv'], filters: { symbols: ['CRWV'], from: '2025-08-01', to: '2025-08-31' } },
  study: { estimation: [-65, -6], window: [-3, 3], car: [[0, 0], [0, 1]], minEstimation: 20 },
  related: { symbols: { CRWV: [{ symbol: 'NVDA', relation: 'supplier' }] } },
  strategies: [{ name: 'lockup-short' }, { name: 'earnings-reaction', params: { hold: 2 } }],
  period: { from: '2025-07-01', to: '2025-09-30' },
};

function quiet<T>(f: () => Promise<T>): Promise<{ value: T; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => (out.push(s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (err.push(s), true)) as typeof process.stderr.write;
  return f()
    .then((value) => ({ value, out: out.join(''), err: err.join('') }))
    .finally(() => {
      process.stdout.write = o;
      process.stderr.write = e;
      process.exitCode = 0;
    });
}

describe('runScenario from an object', () => {
  let result: RunResult;
  beforeAll(async () => {
    result = (await runScenario(SCENARIO, { baseDir: REPO })).result;
  });

  it('finds day 0 by the one rule and the raw day-0 return', () => {
    const q2 = result.events.find((e) => e.id === 'CRWV:earnings:2025-08-12')!;
    expect(q2.day0).toBe('2025-08-13');
    expect(q2.reaction.day0Return).toBeCloseTo(117.76 / 148.75 - 1, 3);
    expect(result.events.find((e) => e.kind === 'lockup-expiry')!.day0).toBe('2025-08-15');
    const p0 = q2.pricePath.find((p) => p.offset === 0)!;
    expect(p0.date).toBe('2025-08-13');
    expect(p0.close).toBeCloseTo(117.76, 4);
  });

  it('studies the related symbol on the event company’s day 0', () => {
    const nv = result.spillovers.find((s) => s.eventId === 'CRWV:earnings:2025-08-12' && s.symbol === 'NVDA')!;
    expect(nv).toMatchObject({ relation: 'supplier', day0: '2025-08-13', eventSymbol: 'CRWV' });
    expect(nv.car).toHaveLength(2);
    expect(result.spilloverStudy[0]!.name).toBe('all pairs');
  });

  it('runs and compares the strategies with no wall-clock time in the result', async () => {
    expect(result.strategies.map((s) => s.label)).toEqual(['lockup-short', 'earnings-reaction']);
    expect(result.comparison!.pairs).toHaveLength(1);
    expect(JSON.stringify(result)).not.toMatch(/T\d\d:\d\d:\d\d/);
    expect(renderJson((await runScenario(SCENARIO, { baseDir: REPO })).result)).toBe(renderJson(result));
  });

  it('converts to danfo DataFrames lazily', async () => {
    const frames = await toDataFrames(result);
    expect(frames.events.shape[0]).toBe(result.events.length);
    expect(frames.events.columns).toContain('car_0_1');
    expect(frames.strategies.shape[0]).toBe(2);
    expect(resultRows(result).trades.length).toBe(result.strategies.reduce((n, s) => n + s.trades.length, 0));
  });
});

describe('strategy grids', () => {
  it('are swept: every point scored, the walk-forward check, and the best point run as a strategy', async () => {
    const { result: r } = await runScenario(
      {
        ...SCENARIO,
        events: { files: ['data/lockups.csv'], filters: { from: '2019-01-01', to: '2025-12-31' } },
        study: { estimation: [-110, -11], window: [-3, 3], car: [[0, 0]] },
        related: undefined,
        strategies: [{ name: 'lockup-short', label: 'ls', grid: { before: [1, 2], after: [1, 3] }, walkForward: { folds: 2 } }, { name: 'buy-and-hold' }],
        period: { from: '2019-06-01', to: '2025-12-31' },
      },
      { baseDir: REPO },
    );
    const sw = r.sweeps[0]!;
    expect(sw.points.map((p) => p.params)).toEqual([{ before: 1, after: 1 }, { before: 1, after: 3 }, { before: 2, after: 1 }, { before: 2, after: 3 }]);
    expect(sw.folds).toHaveLength(2);
    expect(sw.outOfSample!.events).toBeGreaterThan(0);
    const bestScore = Math.max(...sw.points.map((p) => p.all.score ?? -Infinity));
    expect(sw.best!.score).toBe(bestScore);
    const tag = Object.entries(sw.best!.params).map(([k, v]) => `${k}=${v}`).join(',');
    expect(r.strategies.map((s) => s.label)).toEqual(['buy-and-hold', `ls(${tag})`]);
    expect(strategySpecs({ strategies: [{ name: 'buy-and-hold', params: {} }], sizing: { mode: 'fixed-notional', notional: 5000 }, capital: 1 } as never)).toEqual([
      { name: 'buy-and-hold', label: 'buy-and-hold', params: { notional: 5000 } },
    ]);
  });
});

describe('commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aftershock-run-'));

  it('run writes the reports and report re-renders them byte-identically from report.json', async () => {
    const f = join(dir, 'small.yaml');
    writeFileSync(f, JSON.stringify({ ...SCENARIO, events: { ...SCENARIO.events, files: SCENARIO.events.files.map((x) => join(REPO, x)) } }));
    const out = join(dir, 'out');
    const r = await quiet(() => runCli(['run', f, '--out', out]));
    expect(r.value).toBe(0);
    expect(r.out).toContain('CRWV:earnings:2025-08-12');
    expect(r.out).toMatch(/Done in \d+\.\d s/);
    expect(r.err).toBe(''); // no progress bar when stderr is not a terminal
    const again = join(dir, 'again');
    expect((await quiet(() => runCli(['report', join(out, 'report.json'), '--out', again]))).value).toBe(0);
    for (const name of readdirSync(out)) expect(readFileSync(join(again, name)), name).toEqual(readFileSync(join(out, name)));
  });

  it('escapes a <script> that comes in through the scenario name and description', async () => {
    const evil = '<script>alert(1)</script>';
    const f = join(dir, 'evil.yaml');
    const events = { ...SCENARIO.events, files: SCENARIO.events.files.map((x) => join(REPO, x)) };
    writeFileSync(f, JSON.stringify({ ...SCENARIO, name: `x${evil}`, description: evil, events, strategies: [], related: undefined, outputs: { formats: ['html', 'md'] } }));
    const out = join(dir, 'evil');
    expect((await quiet(() => runCli(['run', f, '--out', out]))).value).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain(evil);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(readdirSync(out).sort()).toEqual(['report.html', 'report.md']);
  });

  it('exits 2 for invalid input and 1 when the run fails', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: x\ndata: { benchmark: SPY }\nevents: { files: [nope.csv] }\n');
    const r = await quiet(() => runCli(['run', bad]));
    expect(r.value).toBe(2);
    expect(r.err).toContain('events.files[0]: event calendar not found');
    expect((await quiet(() => runCli(['report', join(dir, 'missing.json')]))).value).toBe(2);
    // A report folder that cannot be created (its parent is a file) is refused before the run: exit 2, no report.
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, '');
    const f = join(dir, 'small2.yaml');
    writeFileSync(f, JSON.stringify({ ...SCENARIO, strategies: [], related: undefined, events: { ...SCENARIO.events, files: SCENARIO.events.files.map((x) => join(REPO, x)) } }));
    const failed = await quiet(() => runCli(['run', f, '--out', join(blocker, 'sub')]));
    expect(failed.value).toBe(2);
    expect(failed.err).toContain('OUTPUT_NOT_A_FOLDER');
  });
});

describe('progress bar', () => {
  it('draws only on a terminal', () => {
    const writes: string[] = [];
    const fake = (isTTY: boolean) => ({ isTTY, write: (s: string) => (writes.push(s), true) }) as unknown as NodeJS.WriteStream;
    progressBar(fake(false)).update('x', 0.5);
    expect(writes).toEqual([]);
    const bar = progressBar(fake(true));
    bar.update('event study', 0.5);
    bar.end();
    expect(writes[0]).toContain('[############............] event study');
  });
});
