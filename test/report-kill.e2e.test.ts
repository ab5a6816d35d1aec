import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResultJson, renderJson, renderReports, writeReports, type RunResult } from '@aftershock/report';
import { sampleResult } from '../packages/report/test/fixture';

/*
 * A real `aftershock report` process is SIGKILLed at every step of its write phase (AFTERSHOCK_TEST_WRITE_PAUSE=k
 * holds the writer at step k; the kill is a real SIGKILL of that process), and the folder is then always the old
 * complete report or the new complete one, byte for byte.
 */

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'packages/cli/bin/aftershock.mjs');
const base = mkdtempSync(join(tmpdir(), 'aftershock-kill-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const OLD: RunResult = sampleResult();
const NEW: RunResult = { ...sampleResult({ name: 'the new scenario' }), spillovers: [] };
const newJson = join(base, 'new.json');

function contents(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of readdirSync(dir)) out.set(n, readFileSync(join(dir, n), 'utf8'));
  return out;
}

function same(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

/** Runs `report NEW --out dir` held at write step k, then sends it `signal`; returns its exit and whether it paused. */
function runHeldAt(dir: string, k: number, signal: NodeJS.Signals): Promise<{ paused: boolean; code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, 'report', newJson, '--out', dir], {
      cwd: ROOT,
      env: { ...process.env, AFTERSHOCK_TEST_WRITE_PAUSE: String(k) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let paused = false;
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (!paused && err.includes(`test pause at write step ${k}\n`)) {
        paused = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, sig) => resolvePromise({ paused, code, signal: sig }));
  });
}

beforeAll(() => {
  writeFileSync(newJson, renderJson(NEW));
  // Build the CLI once (a stale bundle would be rebuilt by every process at once).
  expect(spawnSync(process.execPath, [BIN, '--version'], { cwd: ROOT, encoding: 'utf8' }).status).toBe(0);
});

async function oldReport(dir: string, real: boolean): Promise<void> {
  if (!real) {
    await writeReports(OLD, dir);
    return;
  }
  mkdirSync(dir);
  for (const [name, text] of renderReports(OLD)) writeFileSync(join(dir, name), text);
}

describe('a report write killed at any step', () => {
  const oldFiles = renderReports(OLD);
  // What `report` renders from the saved file (numbers as report.json keeps them).
  const newFiles = renderReports(parseResultJson(renderJson(NEW)));

  /** Kills a write held at step k over an old report; says what the folder then is ('done': k is past the end). */
  async function killAt(real: boolean, k: number): Promise<'old' | 'new' | 'aside' | 'done'> {
    const name = `${real ? 'real' : 'link'}-${k}`;
    const dir = join(base, name);
    await oldReport(dir, real);
    const r = await runHeldAt(dir, k, 'SIGKILL');
    if (r.paused) expect(r.signal).toBe('SIGKILL');
    else expect(r.code).toBe(0);
    let now: Map<string, string> | undefined;
    try {
      now = contents(dir);
    } catch {
      now = undefined;
    }
    let state: 'old' | 'new' | 'aside';
    if (now === undefined) {
      // Converting a real folder takes two renames, once: between them the old report sits, complete, beside it.
      expect(real, `step ${k}: the folder is missing`).toBe(true);
      const aside = readdirSync(base).filter((n) => n.startsWith(`.${name}.old`));
      expect(aside).toHaveLength(1);
      expect(same(contents(join(base, aside[0]!)), oldFiles)).toBe(true);
      state = 'aside';
    } else {
      const isOld = same(now, oldFiles);
      expect(isOld || same(now, newFiles), `step ${k}: the folder is neither the old nor the new report`).toBe(true);
      state = isOld ? 'old' : 'new';
    }
    // The next write tidies up whatever the killed one left.
    await writeReports(parseResultJson(renderJson(NEW)), dir);
    expect(readdirSync(base).filter((n) => n.startsWith(`.${name}.`))).toHaveLength(1);
    expect(lstatSync(dir).isSymbolicLink()).toBe(true);
    return r.paused ? state : 'done';
  }

  for (const real of [false, true]) {
    it(`leaves the old or the new complete report (${real ? 'over a real folder' : 'over a report written before'})`, async () => {
      const states: string[] = [];
      // Four kill points at a time, until a run passes its last step.
      for (let k = 1; !states.includes('done'); k += 4) states.push(...(await Promise.all([k, k + 1, k + 2, k + 3].map((j) => killAt(real, j)))));
      const held = states.slice(0, states.indexOf('done'));
      // Both outcomes occurred: the kills really fell before and after the swap.
      expect(held.filter((x) => x === 'old').length).toBeGreaterThanOrEqual(6);
      expect(held.filter((x) => x === 'new').length).toBeGreaterThanOrEqual(2);
      expect(held.filter((x) => x === 'aside').length).toBe(real ? 1 : 0);
    }, 120_000);
  }

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal} removes its temporary folder and leaves the old report`, async () => {
      const dir = join(base, `sig-${signal}`);
      await oldReport(dir, false);
      const before = readdirSync(base).filter((n) => n.startsWith(`.sig-${signal}.`));
      const r = await runHeldAt(dir, 3, signal);
      expect(r.paused).toBe(true);
      expect(r.code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(same(contents(dir), oldFiles)).toBe(true);
      expect(readdirSync(base).filter((n) => n.startsWith(`.sig-${signal}.`))).toEqual(before);
    }, 60_000);
  }
});
