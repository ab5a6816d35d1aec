import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureCli } from './run-cli';

/**
 * Re-renders a run's report folder with `aftershock report OUT/report.json --out FRESH` and lists every file whose
 * bytes differ from the run's own (or that only one side has). Empty means byte-identical.
 */
export async function reRenderDiffs(out: string): Promise<string[]> {
  const again = mkdtempSync(join(tmpdir(), 'aftershock-rerender-'));
  try {
    const r = await captureCli(['report', join(out, 'report.json'), '--out', again]);
    if (r.code !== 0) return [`aftershock report exited ${r.code}: ${r.err}`];
    const ran = readdirSync(out).sort();
    const redone = readdirSync(again).sort();
    const diffs = [...ran.filter((f) => !redone.includes(f)), ...redone.filter((f) => !ran.includes(f)).map((f) => `${f} (only re-rendered)`)];
    for (const f of ran) if (redone.includes(f) && !readFileSync(join(out, f)).equals(readFileSync(join(again, f)))) diffs.push(f);
    return diffs;
  } finally {
    rmSync(again, { recursive: true, force: true });
  }
}
