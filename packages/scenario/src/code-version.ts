import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from './version';

function sources(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

let cached: string | undefined;

/**
 * The version a queued job carries and a worker must match: the release plus a hash of every package's sources
 * (`packages/<pkg>/src/**.ts`), so two checkouts that would compute differently never share jobs.
 *
 * @example codeVersion() // → '0.1.0+3f9c2a61d0b4'
 */
export function codeVersion(): string {
  if (cached !== undefined) return cached;
  const packages = fileURLToPath(new URL('../..', import.meta.url));
  const h = createHash('sha256');
  const files = readdirSync(packages, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => sources(join(packages, d.name, 'src')))
    .sort();
  for (const f of files) h.update(relative(packages, f)).update('\0').update(readFileSync(f)).update('\0');
  cached = files.length > 0 ? `${VERSION}+${h.digest('hex').slice(0, 12)}` : VERSION;
  return cached;
}
