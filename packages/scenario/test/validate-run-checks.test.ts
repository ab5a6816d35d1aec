import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strategyCatalog, validateScenario } from '../src/index';

/* What `run` used to reject only after reading prices (often without a file or line), now found by `validate`. */
const FOCUS = new URL('../../../../shared/data/real/backtester39/focus', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'aftershock-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problems(body: string, opts: { maxGridPoints?: number } = {}): { code: string; line?: number; field?: string }[] {
  const f = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, `name: v\ndata: { benchmark: SPY, root: ${FOCUS} }\n${body}`);
  return validateScenario(f, { catalog: strategyCatalog(), ...opts }).problems.filter((p) => p.severity === 'error').map((p) => ({ code: p.code, ...(p.line !== undefined ? { line: p.line } : {}), ...(p.field !== undefined ? { field: p.field } : {}) }));
}

const EVENT = 'events: { list: [{ symbol: CRWV, date: 2025-08-12, kind: earnings }] }\n';

describe('validate makes the checks run would make', () => {
  it('an impossible date in events.list', () => {
    expect(problems('events: { list: [{ symbol: CRWV, date: 2025-02-30 }] }\n')).toEqual([{ code: 'SCENARIO_INVALID_VALUE', line: 3, field: 'events.list[0].date' }]);
  });
  it('a reversed period', () => {
    expect(problems(EVENT + 'period: { from: 2025-12-01, to: 2025-06-01 }\n')).toEqual([{ code: 'SCENARIO_OUT_OF_RANGE', line: 4, field: 'period.to' }]);
  });
  it('two strategies with one label', () => {
    expect(problems(EVENT + 'strategies: [{ name: buy-and-hold, label: a }, { name: buy-and-hold, label: a }]\n')).toEqual([{ code: 'SCENARIO_DUPLICATE_LABEL', line: 4, field: 'strategies[1].label' }]);
    expect(problems(EVENT + 'strategies: [{ name: buy-and-hold }, { name: buy-and-hold }]\n')).toEqual([{ code: 'SCENARIO_DUPLICATE_LABEL', line: 4, field: 'strategies[1].name' }]);
  });
  it('a filter that does not parse', () => {
    expect(problems(EVENT + 'strategies: [{ name: earnings-reaction, params: { filters: "rsi(14) <> 30" } }]\n')).toEqual([expect.objectContaining({ line: 4, field: 'strategies[0].params.filters' })]);
  });
  it('a date window outside the calendar, and a CAR window outside a date-form event window', () => {
    expect(problems(EVENT + 'study: { window: { from: 2025-08-08, to: 2041-02-20 } }\n')).toContainEqual({ code: 'SCENARIO_OUT_OF_RANGE', line: 4, field: 'study.window.to' });
    expect(problems(EVENT + 'study: { window: { from: 2025-08-08, to: 2025-08-20 }, estimation: { from: 2025-04-01, to: 2025-07-31 }, car: [[-5, 5]] }\n')).toEqual([{ code: 'SCENARIO_OUT_OF_RANGE', line: 4, field: 'study.car[0]' }]);
  });
  it('date windows that give two events different relative sessions', () => {
    expect(problems('events: { list: [{ symbol: CRWV, date: 2025-08-12 }, { symbol: CRWV, date: 2025-08-14 }] }\nstudy: { window: { from: 2025-08-01, to: 2025-08-29 }, estimation: [-60, -20] }\n')).toEqual([expect.objectContaining({ code: 'SCENARIO_INVALID_VALUE', field: 'study.window' })]);
  });
  it('a grid above the limit (default 10,000 points; settable), the message giving its size', () => {
    const grid = `strategies: [{ name: earnings-reaction, grid: { hold: [${Array.from({ length: 40 }, (_, i) => i + 1).join(', ')}], atrPeriod: [${Array.from({ length: 40 }, (_, i) => i + 1).join(', ')}], threshold: [${Array.from({ length: 40 }, (_, i) => i + 1).join(', ')}] } }]\n`;
    const f = join(dir, 'grid.yaml');
    writeFileSync(f, `name: v\ndata: { benchmark: SPY, root: ${FOCUS} }\n${EVENT}${grid}`);
    const ps = validateScenario(f, { catalog: strategyCatalog() }).problems;
    expect(ps).toEqual([expect.objectContaining({ code: 'SCENARIO_GRID_TOO_LARGE', line: 4, field: 'strategies[0].grid' })]);
    expect(ps[0]!.message).toContain('64,000 points (40 × 40 × 40), more than the limit of 10,000');
    expect(problems(EVENT + grid, { maxGridPoints: 64_000 })).toEqual([]);
  });
  it('a valid scenario stays valid', () => {
    expect(problems(EVENT + 'study: { window: { from: 2025-08-05, to: 2025-08-19 }, estimation: { from: 2025-04-01, to: 2025-07-31 }, car: [[0, 1]] }\nperiod: { from: 2025-06-02, to: 2025-10-31 }\n')).toEqual([]);
  });
});
