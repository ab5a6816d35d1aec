import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Runs vitest on files this test writes, with the suite's closing-line reporter, and reads that line.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = mkdtempSync(join(tmpdir(), 'aftershock-summary-'));
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

function run(files: Record<string, string>): { status: number | null; line: string; out: string } {
  const dir = mkdtempSync(join(DIR, 'case-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'vitest.config.mjs'), `export default { test: { include: ['*.test.mjs'], reporters: ['dot', ${JSON.stringify(join(ROOT, 'test', 'summary-reporter.ts'))}] } };\n`);
  const r = spawnSync(process.execPath, [VITEST, 'run', '--config', join(dir, 'vitest.config.mjs'), '--root', dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const out = r.stdout + r.stderr;
  const line = out.split('\n').filter((l) => l.startsWith('tests: ')).pop() ?? '';
  return { status: r.status, line, out };
}

describe('the closing line', () => {
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  it('counts a passing run', () => {
    const r = run({ 'a.test.mjs': `import { it, expect } from 'vitest';\nit('one', () => expect(1).toBe(1));\nit.${'skip'}('two', () => {});\n` });
    expect(r.status, r.out).toBe(0);
    expect(r.line).toBe('tests: 1 passed, 0 failed, 1 skipped');
  });

  it('counts a failing test and a failing beforeAll, and a file that cannot load', () => {
    const r = run({
      'a.test.mjs': `import { it, expect } from 'vitest';\nit('ok', () => expect(1).toBe(1));\nit('bad', () => expect(1).toBe(2));\n`,
      'b.test.mjs': `import { beforeAll, describe, it, expect } from 'vitest';\ndescribe('s', () => {\n  beforeAll(() => { throw new Error('set-up broke'); });\n  it('never runs', () => expect(1).toBe(1));\n});\n`,
      'c.test.mjs': `import './missing-module.mjs';\n`,
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('failures: 1 test(s), 1 hook(s), 1 file(s), 0 unhandled error(s)');
    expect(r.line).toMatch(/^tests: 1 passed, 3 failed(, \d+ skipped)?$/);
  });

  it('counts an unhandled error', () => {
    const r = run({ 'a.test.mjs': `import { it } from 'vitest';\nit('leaks', () => { setTimeout(() => { throw new Error('late'); }, 0); return new Promise((r) => setTimeout(r, 20)); });\n` });
    expect(r.status).not.toBe(0);
    expect(r.line).not.toMatch(/ 0 failed/);
  });
});
