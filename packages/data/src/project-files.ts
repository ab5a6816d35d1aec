import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from './data-root';

/** The project's own event calendars: the files in `<repo>/data/`, split into event calendars and relations. */
export interface ProjectCalendars {
  readonly dir: string;
  readonly events: readonly string[];
  readonly relations?: string;
}

/**
 * Finds the event calendars that ship with the project (`data/*.csv|json|yaml` of the checkout containing `start`,
 * or of this package); `relations.*` is returned apart. Undefined when there is no such folder.
 */
export function projectCalendars(start: string = process.cwd()): ProjectCalendars | undefined {
  const repo = findRepoRoot(start) ?? findRepoRoot();
  if (!repo) return undefined;
  const dir = join(repo, 'data');
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir)
    .filter((f) => /\.(csv|json|ya?ml)$/i.test(f))
    .sort();
  const rel = files.find((f) => /^relations\./i.test(f));
  return {
    dir,
    events: files.filter((f) => f !== rel).map((f) => join(dir, f)),
    ...(rel !== undefined ? { relations: join(dir, rel) } : {}),
  };
}
