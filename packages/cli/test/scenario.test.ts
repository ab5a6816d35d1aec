import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '@aftershock/core';
import { loadScenario, strategyCatalog, validateScenario } from '@aftershock/scenario';
import { didYouMean, editDistance } from '../../scenario/src/load/did-you-mean';
import { runCli } from '../src/program';

const FOCUS = fileURLToPath(new URL('../../../../shared/data/real/backtester39/focus', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aftershock-scenario-'));
writeFileSync(join(dir, 'events.csv'), 'symbol,kind,date,timing\nCRWV,earnings,2025-08-12,after-close\n');

const GOOD = `name: ok
data:
  root: ${FOCUS}
  benchmark: SPY
universe:
  symbols: [CRWV]
events:
  files: [events.csv]
strategies:
  - name: lockup-short
    params: { before: 2, after: 3 }
  - name: earnings-reaction
    params: { hold: 2, mode: fade }
`;

let n = 0;
function check(yaml: string): Problem[] {
  const f = join(dir, `s${n++}.yaml`);
  writeFileSync(f, yaml);
  return validateScenario(f, { catalog: strategyCatalog() }).problems.filter((p) => p.severity === 'error');
}

describe('scenario validation', () => {
  it('accepts a good scenario, fills defaults and resolves relative paths against the file', () => {
    const f = join(dir, 'good.yaml');
    writeFileSync(f, GOOD);
    const s = loadScenario(f, { catalog: strategyCatalog() });
    expect(s.events.files).toEqual([{ file: join(dir, 'events.csv'), kind: 'auto' }]);
    expect(s.study.window).toEqual([-5, 5]);
    expect(s.costs.slippageBps).toBe(5);
    expect(s.data.root).toEqual([FOCUS]);
  });

  it('reports bad YAML with its line', () => {
    const ps = check('name: x\ndata:\n  root: [a, b\n  benchmark: SPY\n');
    expect(ps.length).toBeGreaterThan(0);
    expect(ps[0]!.code).toBe('SCENARIO_YAML');
    expect(ps[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports an unknown key with path, line and a suggestion', () => {
    const ps = check(GOOD.replace('  benchmark: SPY', '  benchmark: SPY\n  dividnds: raw'));
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ code: 'SCENARIO_UNKNOWN_KEY', field: 'data.dividnds', line: 5 });
    expect(ps[0]!.message).toContain('did you mean "dividends"');
  });

  it('reports a wrong type', () => {
    const ps = check(GOOD + 'capital: lots\n');
    expect(ps).toEqual([expect.objectContaining({ code: 'SCENARIO_WRONG_TYPE', field: 'capital', line: 14 })]);
  });

  it('reports an out-of-range strategy parameter as in the issue', () => {
    const ps = check(GOOD.replace('params: { hold: 2, mode: fade }', 'params: { hold: -2, mode: fade }'));
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ code: 'SCENARIO_OUT_OF_RANGE', field: 'strategies[1].params.hold', line: 13 });
    expect(formatProblem(ps[0]!)).toContain('strategies[1].params.hold: expected a whole number ≥ 1');
    expect(ps[0]!.message).toContain('got -2');
  });

  it('reports an out-of-range schema value', () => {
    const ps = check(GOOD + 'study:\n  minEstimation: 0\n');
    expect(ps).toEqual([expect.objectContaining({ code: 'SCENARIO_OUT_OF_RANGE', field: 'study.minEstimation', line: 15 })]);
  });

  it('reports a missing file', () => {
    const ps = check(GOOD.replace('files: [events.csv]', 'files: [events.csv, missing.csv]'));
    expect(ps).toEqual([expect.objectContaining({ code: 'SCENARIO_MISSING_FILE', field: 'events.files[1]', line: 8 })]);
  });

  it('reports an unknown strategy with a suggestion', () => {
    const ps = check(GOOD.replace('name: lockup-short', 'name: lockup-shorts'));
    expect(ps).toEqual([expect.objectContaining({ code: 'SCENARIO_UNKNOWN_STRATEGY', field: 'strategies[0].name', line: 10 })]);
    expect(ps[0]!.message).toContain('did you mean "lockup-short"');
  });

  it('reports an unknown symbol', () => {
    const ps = check(GOOD.replace('symbols: [CRWV]', 'symbols: [CRWV, NOPE]'));
    expect(ps).toEqual([expect.objectContaining({ code: 'SCENARIO_UNKNOWN_SYMBOL', field: 'universe.symbols[1]', line: 6 })]);
  });

  it('reports every problem at once', () => {
    const bad = GOOD.replace('benchmark: SPY', 'benchmark: SPY\n  extra: 1')
      .replace('name: lockup-short', 'name: nope')
      .replace('hold: 2', 'hold: 0')
      .replace('files: [events.csv]', 'files: [gone.csv]');
    const codes = check(bad).map((p) => p.code).sort();
    expect(codes).toEqual(['SCENARIO_MISSING_FILE', 'SCENARIO_OUT_OF_RANGE', 'SCENARIO_UNKNOWN_KEY', 'SCENARIO_UNKNOWN_STRATEGY']);
  });

  it('reports a missing scenario file', () => {
    expect(validateScenario(join(dir, 'nothing.yaml')).problems[0]!.code).toBe('SCENARIO_MISSING_FILE');
  });

  it('validates a scenario object', () => {
    const r = validateScenario({ name: 'x', data: { root: FOCUS, benchmark: 'SPY' }, events: { list: [{ symbol: 'CRWV', date: '2025-08-12' }] } });
    expect(r.problems).toEqual([]);
    expect(r.scenario?.events.list[0]).toMatchObject({ kind: 'custom', timing: 'unknown' });
  });
});

describe('shipped scenarios', () => {
  const SCENARIOS = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));
  it('include the four of the issue and the reference', () => {
    expect(files.sort()).toEqual(expect.arrayContaining(['coreweave-2025.yaml', 'estudy2-replication.yaml', 'ipo-lockups.yaml', 'megacap-earnings.yaml', 'reference.yaml']));
  });
  for (const f of files) {
    it(`${f} is valid and documented at its top`, () => {
      expect(validateScenario(join(SCENARIOS, f), { catalog: strategyCatalog() }).problems).toEqual([]);
      expect(readFileSync(join(SCENARIOS, f), 'utf8').startsWith(`# ${f.replace('.yaml', '')} — `)).toBe(true);
    });
  }
});

describe('aftershock validate', () => {
  it('exits 0 for a good file and 2 with file:line: path messages for a bad one', async () => {
    const good = join(dir, 'cli-good.yaml');
    const bad = join(dir, 'cli-bad.yaml');
    writeFileSync(good, GOOD);
    writeFileSync(bad, GOOD.replace('hold: 2', 'hold: -2'));
    const errs: string[] = [];
    const orig = process.stderr.write.bind(process.stderr);
    const origOut = process.stdout.write.bind(process.stdout);
    process.stderr.write = ((s: string) => (errs.push(s), true)) as typeof process.stderr.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await runCli(['validate', good])).toBe(0);
      expect(await runCli(['validate', good, bad])).toBe(2);
    } finally {
      process.stderr.write = orig;
      process.stdout.write = origOut;
      process.exitCode = 0;
    }
    expect(errs.join('')).toContain(`${bad}:13: strategies[1].params.hold: expected a whole number ≥ 1`);
  });
});

describe('every error class through `aftershock validate`: exit 2, file:line: path in the message', () => {
  const cases: [string, string, string, string][] = [
    ['bad YAML', 'name: x\ndata:\n  root: [a, b\n  benchmark: SPY\n', ':4: ', 'SCENARIO_YAML'],
    ['unknown key', GOOD.replace('  benchmark: SPY', '  benchmark: SPY\n  dividnds: raw'), ':5: data.dividnds: unknown key', 'SCENARIO_UNKNOWN_KEY'],
    ['wrong type', GOOD + 'capital: lots\n', ':14: capital: expected a number > 0, got "lots"', 'SCENARIO_WRONG_TYPE'],
    ['out-of-range value', GOOD.replace('hold: 2', 'hold: -2'), ':13: strategies[1].params.hold: expected a whole number ≥ 1 and ≤ 250, got -2', 'SCENARIO_OUT_OF_RANGE'],
    ['missing file', GOOD.replace('files: [events.csv]', 'files: [missing.csv]'), ':8: events.files[0]: event calendar not found', 'SCENARIO_MISSING_FILE'],
    ['unknown strategy', GOOD.replace('name: lockup-short', 'name: lockup-shorts'), ':10: strategies[0].name: unknown strategy "lockup-shorts"', 'SCENARIO_UNKNOWN_STRATEGY'],
    ['unknown symbol', GOOD.replace('symbols: [CRWV]', 'symbols: [NOPE]'), ':6: universe.symbols[0]: unknown symbol "NOPE"', 'SCENARIO_UNKNOWN_SYMBOL'],
    ['k-fold of one block', GOOD.replace('params: { hold: 2, mode: fade }', 'params: { mode: fade }\n    grid: { hold: [1, 2] }\n    walkForward: { kfold: 1 }'), ':15: strategies[1].walkForward.kfold: expected a whole number ≥ 2, got 1', 'SCENARIO_OUT_OF_RANGE'],
    ['negative embargo', GOOD.replace('params: { hold: 2, mode: fade }', 'params: { mode: fade }\n    grid: { hold: [1, 2] }\n    walkForward: { kfold: 3, embargo: -2 }'), ':15: strategies[1].walkForward.embargo: expected a whole number ≥ 0, got -2', 'SCENARIO_OUT_OF_RANGE'],
    ['an embargo outside a k-fold', GOOD.replace('params: { hold: 2, mode: fade }', 'params: { mode: fade }\n    grid: { hold: [1, 2] }\n    walkForward: { folds: 2, embargo: 3 }'), ':15: strategies[1].walkForward.embargo: "embargo" goes only with { kfold, embargo }', 'SCENARIO_UNKNOWN_KEY'],
  ];
  for (const [what, yaml, where, code] of cases) {
    it(what, async () => {
      const f = join(dir, `cli-${what.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(f, yaml);
      const errs: string[] = [];
      const orig = process.stderr.write.bind(process.stderr);
      process.stderr.write = ((x: string) => (errs.push(x), true)) as typeof process.stderr.write;
      try {
        expect(await runCli(['validate', f])).toBe(2);
      } finally {
        process.stderr.write = orig;
        process.exitCode = 0;
      }
      const text = errs.join('');
      expect(text).toContain(f + where);
      expect(text).toContain(`[${code}]`);
    });
  }
});

describe('did you mean', () => {
  it('edit distance is a metric on small strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b, c) => {
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
        expect(editDistance(a, b)).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
    );
  });
  it('suggests close words only', () => {
    expect(didYouMean('benchmrk', ['root', 'benchmark'])).toBe('benchmark');
    expect(didYouMean('zzz', ['root', 'benchmark'])).toBeUndefined();
  });
});
