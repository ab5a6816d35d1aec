import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReports, writeReports } from '../src/write';
import { sampleResult } from './fixture';

const base = mkdtempSync(join(tmpdir(), 'aftershock-folder-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Every file under `dir` (through its link), relative name → content. */
function contents(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), join(rel, e.name));
      else out.set(join(rel, e.name), readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(dir, '');
  return out;
}

const older = () => sampleResult(); // has spillovers → spillovers.csv
const newer = () => ({ ...sampleResult({ name: 'another scenario' }), spillovers: [] });

describe('a report folder is replaced as a whole', () => {
  it('leaves no file of an older report beside the new one (spillovers.csv of another scenario)', async () => {
    const dir = join(base, 'whole');
    await writeReports(older(), dir);
    expect(readdirSync(dir)).toContain('spillovers.csv');
    await writeReports(newer(), dir);
    expect(contents(dir)).toEqual(renderReports(newer()));
    // One version folder remains, the one the link shows: the older version was removed.
    expect(readdirSync(base).filter((n) => n.startsWith('.whole.'))).toEqual([readlinkSync(dir)]);
  });

  it('replaces a real folder written before (an older report) and leaves nothing of it', async () => {
    const dir = join(base, 'real');
    mkdirSync(dir);
    for (const [name, text] of renderReports(older())) writeFileSync(join(dir, name), text);
    await writeReports(newer(), dir);
    expect(lstatSync(dir).isSymbolicLink()).toBe(true);
    expect(contents(dir)).toEqual(renderReports(newer()));
    expect(readdirSync(base).filter((n) => n.startsWith('.real.'))).toEqual([readlinkSync(dir)]);
  });

  it('re-renders into the folder of the report.json it read, named through its version folder too', async () => {
    const dir = join(base, 'self');
    await writeReports(older(), dir);
    const version = join(base, readlinkSync(dir));
    await writeReports(newer(), version);
    expect(contents(dir)).toEqual(renderReports(newer()));
  });

  it('refuses, before writing anything, a folder holding files that are not a report', async () => {
    const dir = join(base, 'mine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'thesis.tex'), 'precious');
    await expect(writeReports(older(), dir)).rejects.toMatchObject({ code: 'OUTPUT_NOT_A_REPORT', file: dir });
    expect(readdirSync(dir)).toEqual(['thesis.tex']);
    expect(readdirSync(base).filter((n) => n.startsWith('.mine.'))).toEqual([]);
  });

  it('refuses /proc and a path through a file at once (a recursive mkdir under /proc loops for ever)', async () => {
    await expect(writeReports(older(), '/proc/aftershock/out')).rejects.toMatchObject({ code: 'OUTPUT_NOT_WRITABLE' });
    const file = join(base, 'a-file');
    writeFileSync(file, '');
    await expect(writeReports(older(), join(file, 'out'))).rejects.toMatchObject({ code: 'OUTPUT_NOT_A_FOLDER' });
    await expect(writeReports(older(), file)).rejects.toMatchObject({ code: 'OUTPUT_NOT_A_FOLDER' });
  });

  it('sweeps up the version folder a killed run left behind', async () => {
    const dir = join(base, 'swept');
    await writeReports(older(), dir);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // a pid that has exited
    const left = join(base, `.swept.v${dead}-abc123`);
    mkdirSync(left);
    writeFileSync(join(left, 'report.json'), '{');
    await writeReports(newer(), dir);
    expect(existsSync(left)).toBe(false);
  });
});

describe('a full disk', () => {
  it('fails with IO_FAILED, leaves the old report as it was, and no temporary file filling the disk', async () => {
    const mnt = join(base, 'small-disk');
    mkdirSync(mnt);
    // A real full file system: a 512 KiB tmpfs (the tests run as root, as CI does).
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mnt]);
    try {
      const dir = join(mnt, 'report');
      await writeReports(older(), dir);
      const before = contents(dir);
      const huge = { ...newer(), meta: { ...newer().meta, description: 'x'.repeat(600_000) } };
      await expect(writeReports(huge, dir)).rejects.toMatchObject({ code: 'IO_FAILED', file: dir });
      expect(contents(dir)).toEqual(before);
      expect(readdirSync(mnt).sort()).toEqual([readlinkSync(dir), 'report'].sort());
    } finally {
      execFileSync('umount', [mnt]);
    }
  });
});
