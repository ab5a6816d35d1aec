import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCli } from './support/run-cli';
import { reRenderDiffs } from './support/rerender';

// `aftershock report report.json` gives the run's own files byte for byte, for every scenario shipped in scenarios/.
// Scenarios another end-to-end test already runs through `aftershock run` are checked there, on that run (one run
// per scenario in the suite); the rest are run here.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCENARIOS = join(ROOT, 'scenarios');
const CHECKED_ELSEWHERE: Record<string, string> = {
  'coreweave-2025.yaml': 'e2e-coreweave.test.ts',
  'estudy2-replication.yaml': 'e2e-estudy2.test.ts',
};
const shipped = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml')).sort();
const base = mkdtempSync(join(tmpdir(), 'aftershock-rerender-all-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('aftershock report re-renders every shipped scenario byte-identically', () => {
  it('covers every scenario: the ones run elsewhere make the same check on their run', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(7);
    for (const [f, test] of Object.entries(CHECKED_ELSEWHERE)) {
      expect(shipped, f).toContain(f);
      const text = readFileSync(join(ROOT, 'test', test), 'utf8');
      expect(text, test).toContain(f);
      expect(text, test).toContain('reRenderDiffs(');
    }
  });

  for (const f of shipped.filter((s) => !(s in CHECKED_ELSEWHERE))) {
    it(f, async () => {
      const out = join(base, f.replace('.yaml', ''));
      const run = await captureCli(['run', join(SCENARIOS, f), '--out', out]);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(readdirSync(out)).toContain('report.md');
      expect(await reRenderDiffs(out)).toEqual([]);
    }, 60_000);
  }
});
