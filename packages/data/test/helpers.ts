import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temp folder; `write(name, text)` puts a file in it and returns its path. */
export function tempDir(): { dir: string; write(name: string, text: string): string } {
  const dir = mkdtempSync(join(tmpdir(), 'aftershock-data-'));
  return {
    dir,
    write(name, text) {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
  };
}

export const SHARED = new URL('../../../../shared/data/', import.meta.url).pathname;

/** An edit of a fuzz test: at `at` (modulo the text's length + 1), delete `del` characters and insert `ins`. */
export interface TextEdit {
  readonly at: number;
  readonly del: number;
  readonly ins: string;
}

/** `text` with `edits` applied in turn. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length === 0 ? 0 : e.at % (t.length + 1);
    t = t.slice(0, at) + e.ins + t.slice(at + e.del);
  }
  return t;
}
