import { resolve } from 'node:path';
import type { Scenario } from '../load/scenario';

/** A scenario name as a folder name: letters, digits, `.`, `_` and `-`; anything else becomes `-`. */
export function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'scenario';
}

/** Where reports go: `--out`, else the scenario's `outputs.folder`, else `reports/<scenario-name>/` under `cwd`. */
export function outputDir(s: Scenario, out: string | undefined, cwd: string = process.cwd()): string {
  if (out !== undefined) return resolve(cwd, out);
  if (s.outputs.folder !== undefined) return s.outputs.folder;
  return resolve(cwd, 'reports', safeName(s.name));
}
