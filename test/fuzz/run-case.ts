import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAftershockError, Problems, ValidationError, type Problem } from '@aftershock/core';
import { parseEvents, parsePrices } from '@aftershock/data';
import { parseResultJson, renderJson, renderReports } from '@aftershock/report';
import { strategyCatalog, validateScenario } from '@aftershock/scenario';
import { sampleResult } from '../../packages/report/test/fixture';
import { makeCase, type Target } from './cases';

/** How a case ended: the input was accepted, or refused with coded problems naming the file; anything else is a crash. */
export type Outcome = 'accepted' | 'coded' | 'crash' | 'hang';

export interface CaseResult {
  readonly outcome: Outcome;
  readonly ms: number;
  readonly detail?: string;
}

/** A case that takes longer than this in-process has hung (the inputs are a few kB). */
export const CASE_LIMIT_MS = 2000;

const FOCUS = new URL('../../../shared/data/real/backtester39/focus', import.meta.url).pathname;

/** The fixed inputs cases are built around: a data root, a valid calendar, a valid report.json. */
export function fuzzContext(): { dir: string; root: string; calendars: string; reportJson: string } {
  const dir = mkdtempSync(join(tmpdir(), 'aftershock-fuzz-'));
  const calendars = join(dir, 'cal.csv');
  writeFileSync(calendars, 'symbol,date,timing\nCRWV,2025-08-12,after-close\n');
  mkdirSync(join(dir, 'cases'));
  return { dir, root: FOCUS, calendars, reportJson: renderJson(sampleResult()) };
}

/** Problems are fine when every one has a code and names the file (and is no crash in disguise). */
function codedProblems(ps: readonly Problem[], file: string): string | undefined {
  for (const p of ps) {
    if (!/^[A-Z][A-Z0-9_]+$/.test(p.code)) return `problem without a code: ${JSON.stringify(p)}`;
    if (p.severity === 'error' && p.code !== 'TOO_MANY_PROBLEMS' && p.file === undefined) return `problem without a file: ${JSON.stringify(p)}`;
    if (p.severity === 'error' && p.file !== undefined && !p.file.endsWith(file.split('/').pop()!) && !p.file.includes('/')) return `problem names another file: ${JSON.stringify(p)}`;
  }
  return undefined;
}

function classify(run: () => Problem[] | undefined, file: string): Omit<CaseResult, 'ms'> {
  try {
    const ps = run() ?? [];
    const bad = codedProblems(ps, file);
    if (bad) return { outcome: 'crash', detail: bad };
    return { outcome: ps.some((p) => p.severity === 'error') ? 'coded' : 'accepted' };
  } catch (e) {
    if (e instanceof ValidationError) {
      const bad = codedProblems(e.problems, file);
      return bad ? { outcome: 'crash', detail: bad } : { outcome: 'coded' };
    }
    if (isAftershockError(e) && e.code !== 'INTERNAL') return { outcome: 'coded' };
    return { outcome: 'crash', detail: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e) };
  }
}

/** Runs one case of `target` in this process and says how it ended. */
export function runCase(target: Target, seed: number, ctx: ReturnType<typeof fuzzContext>): CaseResult & { name: string } {
  const c = makeCase(target, seed, ctx);
  const file = join(ctx.dir, 'cases', `${target}-${seed}-${c.name}`);
  const t0 = performance.now();
  let r: Omit<CaseResult, 'ms'>;
  switch (target) {
    case 'prices':
      r = classify(() => {
        const problems = new Problems();
        parsePrices(c.text, file, { symbol: 'AAA', problems });
        return problems.list;
      }, file);
      break;
    case 'calendar-csv':
    case 'calendar-json':
    case 'calendar-yaml':
      r = classify(() => {
        const problems = new Problems();
        parseEvents(c.text, file, { problems });
        return problems.list;
      }, file);
      break;
    case 'scenario':
      writeFileSync(file, c.text);
      r = classify(() => validateScenario(file, { catalog: strategyCatalog() }).problems, file);
      break;
    case 'report-json':
      r = classify(() => {
        // A saved result either is refused with a coded error or renders completely.
        renderReports(parseResultJson(c.text, file));
        return [];
      }, file);
      break;
  }
  const ms = performance.now() - t0;
  if (ms > CASE_LIMIT_MS && r.outcome !== 'crash') r = { outcome: 'hang', detail: `took ${ms.toFixed(0)} ms` };
  return { ...r, ms, name: c.name };
}
