import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from '@aftershock/core';

/** A parsed YAML file that still knows where each value came from. */
export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** Line (1-based) of the value at `path`, or of its nearest existing parent; the key's line for `keyOf`. */
  lineOf(path: readonly PropertyKey[], keyOf?: string): number | undefined;
}

/**
 * Parses YAML text keeping source positions. Syntax errors come back as problems (all of them, each with its line)
 * instead of a throw, so a caller can report everything at once.
 * @example parseYamlSource('name: x\n', 's.yaml').source?.data // { name: 'x' }
 */
export function parseYamlSource(text: string, file: string): { source?: YamlSource; problems: Problem[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const line = e.linePos?.[0]?.line ?? (e.pos[0] >= 0 ? lc.linePos(e.pos[0]).line : undefined);
    const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    problems.push({
      code: 'SCENARIO_YAML',
      message: `not valid YAML: ${msg}`,
      severity: doc.errors.includes(e as never) ? 'error' : 'warning',
      file,
      ...(line !== undefined ? { line } : {}),
    });
  }
  if (doc.errors.length > 0) return { problems };
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  return { source: { file, data, lineOf: (path, keyOf) => lineOf(doc, lc, path, keyOf) }, problems };
}

function lineOf(doc: Document, lc: LineCounter, path: readonly PropertyKey[], keyOf?: string): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    if (node === undefined || node === null) continue;
    if (keyOf !== undefined && n === path.length && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === keyOf);
      const k = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (k) return lc.linePos(k[0]).line;
    }
    const range = (node as { range?: [number, number, number] }).range;
    if (range) return lc.linePos(range[0]).line;
  }
  return undefined;
}
