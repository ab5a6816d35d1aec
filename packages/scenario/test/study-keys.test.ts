import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario, strategyCatalog, validateScenario } from '../src/index';
import { studyConfig } from '../src/run/study-config';

/* `study.calendarTime` (true, false or { window, lag }), `study.volume` and `study.shardEvents`: every bad value a coded problem at its file, line and field. */
const FOCUS = new URL('../../../../shared/data/real/backtester39/focus', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'aftershock-ct-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EVENT = 'events: { list: [{ symbol: CRWV, date: 2025-08-12, kind: earnings }] }\n';

function file(body: string): string {
  const f = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, `name: v\ndata: { benchmark: SPY, root: ${FOCUS} }\n${EVENT}study:\n  window: [-5, 5]\n${body}`);
  return f;
}

function problems(body: string) {
  const f = file(body);
  return validateScenario(f, { catalog: strategyCatalog() }).problems.filter((p) => p.severity === 'error').map((p) => ({ file: p.file, line: p.line, field: p.field, message: p.message, f }));
}

describe('study.calendarTime', () => {
  it('true, false, and { window, lag } become the study setting (off by default)', () => {
    const cfg = (body: string) => studyConfig(loadScenario(file(body)));
    expect(cfg('').calendarTime).toBeUndefined();
    expect(cfg('  calendarTime: false\n').calendarTime).toBeUndefined();
    expect(cfg('  calendarTime: true\n').calendarTime).toEqual({ lag: 'auto' });
    expect(cfg('  calendarTime: { window: [1, 3], lag: 2 }\n').calendarTime).toEqual({ window: { start: 1, end: 3 }, lag: 2 });
    expect(cfg('  calendarTime: { lag: auto }\n').calendarTime).toEqual({ lag: 'auto' });
  });

  it('a reversed window, a negative or wordy lag, an unknown key and a number are refused at their line', () => {
    const one = (body: string) => {
      const ps = problems(body);
      expect(ps).toHaveLength(1);
      expect(ps[0]!.file).toBe(ps[0]!.f);
      return ps[0]!;
    };
    expect(one('  calendarTime: { window: [3, 1] }\n')).toMatchObject({ line: 6, field: 'study.calendarTime.window', message: expect.stringContaining('from ≤ to') });
    expect(one('  calendarTime:\n    lag: -1\n')).toMatchObject({ line: 7, field: 'study.calendarTime.lag', message: expect.stringContaining('whole number ≥ 0') });
    expect(one('  calendarTime: { lag: often }\n')).toMatchObject({ line: 6, field: 'study.calendarTime.lag' });
    expect(one('  calendarTime: { windw: [0, 5] }\n')).toMatchObject({ line: 6, field: 'study.calendarTime.windw', message: 'unknown key "windw"' });
    expect(one('  calendarTime: 5\n')).toMatchObject({ line: 6, field: 'study.calendarTime', message: expect.stringContaining('expected true, false or { window') });
  });
});

describe('study.volume', () => {
  it('market-model or mean-adjusted (off by default); anything else is refused at its line', () => {
    expect(studyConfig(loadScenario(file(''))).volume).toBeUndefined();
    expect(studyConfig(loadScenario(file('  volume: mean-adjusted\n'))).volume).toBe('mean-adjusted');
    const ps = problems('  volume: loud\n');
    expect(ps).toEqual([expect.objectContaining({ line: 6, field: 'study.volume', message: 'expected one of market-model, mean-adjusted, got "loud"' })]);
  });
});

describe('study.shardEvents', () => {
  it('2,000 by default, any whole number ≥ 1; anything else is refused at its line', () => {
    expect(loadScenario(file('')).study.shardEvents).toBe(2000);
    expect(loadScenario(file('  shardEvents: 10\n')).study.shardEvents).toBe(10);
    for (const bad of ['0', '2.5', 'many']) {
      const ps = problems(`  shardEvents: ${bad}\n`);
      expect(ps).toEqual([expect.objectContaining({ line: 6, field: 'study.shardEvents', message: expect.stringContaining('whole number ≥ 1') })]);
    }
  });
});
