import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TARGETS, makeCase } from './cases';
import { fuzzContext, runCase, type Outcome } from './run-case';

/*
 * The seeded fuzz suite of CI: a few hundred hostile price files, calendars (CSV, JSON, YAML), scenarios and
 * report.json files through the parsing and validation functions in this process, and a few through the real CLI.
 * Every case must end accepted or as coded problems naming the file, within the time limit. `pnpm fuzz` runs
 * thousands the same way (test/fuzz/main.ts).
 */

const PER_TARGET = 50;
const SEED = 2026;
const ROOT = new URL('../..', import.meta.url).pathname;
const ctx = fuzzContext();
afterAll(() => rmSync(ctx.dir, { recursive: true, force: true }));

describe('fuzz (seeded)', () => {
  for (const target of TARGETS) {
    it(`${target}: ${PER_TARGET} cases end accepted or coded, none crashes or hangs`, () => {
      const counts: Record<Outcome, number> = { accepted: 0, coded: 0, crash: 0, hang: 0 };
      const bad: string[] = [];
      for (let i = 0; i < PER_TARGET; i++) {
        const r = runCase(target, SEED * 1000 + i, ctx);
        counts[r.outcome]++;
        if (r.outcome === 'crash' || r.outcome === 'hang') bad.push(`seed ${SEED * 1000 + i}: ${r.outcome}: ${r.detail}`);
      }
      expect(bad).toEqual([]);
      // Both outcomes occur: the cases are neither all broken nor all harmless.
      expect(counts.coded).toBeGreaterThan(0);
      if (target !== 'report-json') expect(counts.accepted).toBeGreaterThan(0);
    });
  }

  it('a few cases through the CLI process: exit 0 or 2, no stack trace, within seconds', () => {
    for (const [target, cmd] of [['scenario', 'validate'], ['report-json', 'report'], ['calendar-yaml', 'data']] as const) {
      for (let i = 0; i < 2; i++) {
        const c = makeCase(target, SEED * 7 + i, ctx);
        const f = join(ctx.dir, `cli-${target}-${i}-${c.name}`);
        writeFileSync(f, c.text);
        const args = cmd === 'validate' ? ['validate', f] : cmd === 'report' ? ['report', f, '--out', join(ctx.dir, `out-${i}`)] : ['data', 'inspect', 'CRWV', '--root', ctx.root, '--events', f];
        const r = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/aftershock.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
        expect(r.signal, `${target} ${i}: killed (hang)`).toBeNull();
        expect([0, 2], `${target} ${i}: ${r.stderr}`).toContain(r.status);
        expect(r.stderr).not.toMatch(/\n\s+at |FATAL/);
      }
    }
  }, 120_000);
});
