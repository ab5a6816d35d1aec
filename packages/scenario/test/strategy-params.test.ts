import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '@aftershock/core';
import { createStrategy } from '@aftershock/strategy';
import { strategyCatalog } from '../src/run/strategy-catalog';
import { validateScenario } from '../src/load/load';

const FOCUS = fileURLToPath(new URL('../../../../shared/data/real/backtester39/focus', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aftershock-params-'));
let n = 0;

/** Problems of a scenario whose strategies section is `body` (its first strategy is on line 9). */
function problems(body: string): string[] {
  const f = join(dir, `p${n++}.yaml`);
  writeFileSync(f, ['name: p', 'data:', `  root: ${FOCUS}`, '  benchmark: SPY', 'universe: { symbols: [CRWV] }', 'events:', '  list: [{ symbol: CRWV, date: 2025-08-12 }]', 'strategies:', body, ''].join('\n'));
  return validateScenario(f, { catalog: strategyCatalog() }).problems.map((p) => formatProblem({ ...p, file: 'p.yaml' }));
}

describe('percent parameters: one unit, ranges checked, ambiguity refused', () => {
  it('accepts percents, and a small percent written with its sign', () => {
    expect(problems('  - name: earnings-reaction\n    params: { threshold: 5, stopPct: 10 }\n  - name: surprise-drift\n    params: { minSurprisePct: "0.5%", stopPct: "0.5%" }')).toEqual([]);
  });

  it('refuses stopPct: 0.05 (a fraction by the old unit) as ambiguous, at its line', () => {
    const ps = problems('  - name: hold-through\n    params:\n      before: 1\n      stopPct: 0.05');
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatch(/^p\.yaml:12: strategies\[0\]\.params\.stopPct: ambiguous: 0\.05 is in percent \(0\.05%\), not a fraction; write 5 for 5%, or "0\.05%" if you mean 0\.05% \[SCENARIO_OUT_OF_RANGE\]$/);
  });

  it('refuses a percent out of range, and in a grid names the grid value', () => {
    const ps = problems('  - name: lockup-short\n    params: { minUnlockedPct: 120 }\n    grid: { stopPct: [5, 250, 0.2] }');
    expect(ps).toEqual([
      'p.yaml:10: strategies[0].params.minUnlockedPct: expected a percentage ≥ 0 and ≤ 100, got 120 [SCENARIO_OUT_OF_RANGE]',
      'p.yaml:11: strategies[0].grid.stopPct[1]: expected a percentage ≥ 0 and ≤ 100, got 250 [SCENARIO_OUT_OF_RANGE]',
      expect.stringMatching(/^p\.yaml:11: strategies\[0\]\.grid\.stopPct\[2\]: ambiguous: 0\.2 is in percent/),
    ]);
  });

  it('unknown parameters get a suggestion; wrong types and words are named', () => {
    const ps = problems('  - name: earnings-reaction\n    params: { hols: 3, mode: fadee, threshold: "x" }');
    expect(ps).toEqual([
      'p.yaml:10: strategies[0].params.mode: expected one of follow, fade, got "fadee" (did you mean "fade"?) [SCENARIO_INVALID_VALUE]',
      expect.stringMatching(/^p\.yaml:10: strategies\[0\]\.params\.threshold: expected a percentage .*got "x" \[SCENARIO_WRONG_TYPE\]$/),
      expect.stringMatching(/^p\.yaml:10: strategies\[0\]\.params\.hols: unknown parameter "hols" of earnings-reaction \(did you mean "hold"\?\); allowed: mode, threshold, hold, /),
    ]);
  });

  it('the stop fires at stopPct percent from the entry, from code as from a scenario', () => {
    const s = createStrategy('earnings-reaction', { stopPct: '2.5%' });
    expect(s.name).toBe('earnings-reaction');
    expect(() => createStrategy('earnings-reaction', { stopPct: 0.1 })).toThrow(/ambiguous: 0\.1 is in percent/);
  });
});
