import { isMap, isPair, isScalar, type Document, type LineCounter } from 'yaml';
import type { Problem } from '@aftershock/core';
import { parseYamlLimited } from '@aftershock/data';

/** A parsed YAML file that still knows where each value came from. */
export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** Line (1-based) of the value at `path`, or of its nearest existing parent; the key's line for `keyOf`. */
  lineOf(path: readonly PropertyKey[], keyOf?: string): number | undefined;
}

/**
 * Parses YAML text keeping source positions. Syntax errors come back as problems (all of them, each with its line)
 * instead of a throw, so a caller can report everything at once; a document past the limits of `parseYamlLimited`
 * (nesting, aliases) is SCENARIO_TOO_LARGE at its line.
 * @example parseYamlSource('name: x\n', 's.yaml').source?.data // { name: 'x' }
 */
export function parseYamlSource(text: string, file: string): { source?: YamlSource; problems: Problem[] } {
  const parsed = parseYamlLimited(text, { uniqueKeys: true });
  const problems: Problem[] = [];
  const add = (severity: 'error' | 'warning', code: string, message: string, line?: number) =>
    problems.push({ code, message, severity, file, ...(line !== undefined ? { line } : {}) });
  for (const e of parsed.errors) add('error', e.limit ? 'SCENARIO_TOO_LARGE' : 'SCENARIO_YAML', e.limit ? e.message : `not valid YAML: ${tidy(e.message)}`, e.line);
  for (const w of parsed.warnings) add('warning', 'SCENARIO_YAML', `not valid YAML: ${tidy(w.message)}`, w.line);
  if (parsed.errors.length > 0 || !parsed.doc) return { problems };
  const doc = parsed.doc;
  const lc = parsed.lines;
  return { source: { file, data: parsed.data, lineOf: (path, keyOf) => lineOf(doc, lc, path, keyOf) }, problems };
}

function tidy(msg: string): string {
  return msg.replace(/ at line \d+, column \d+:?$/, '');
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
