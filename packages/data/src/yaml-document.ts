import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { MAX_DOCUMENT_DEPTH, MAX_YAML_ALIASES, depthExceeds, nestingTooDeep } from '@aftershock/core';

/** A YAML (or JSON) document parsed within limits, or the reasons it was refused. */
export interface LimitedYaml {
  readonly doc?: Document;
  /** Its plain value (`doc.toJS()`), when the document parsed without errors. */
  readonly data?: unknown;
  readonly lines: LineCounter;
  /** Syntax errors and limit refusals, each with its line; `limit` marks a refusal by size rather than syntax. */
  readonly errors: readonly { readonly message: string; readonly line?: number; readonly limit: boolean }[];
  readonly warnings: readonly { readonly message: string; readonly line?: number }[];
}

/**
 * Parses YAML or JSON text for a file a user handed over, so that hostile input ends as an error with a line and
 * never as a native abort, a hang or an exponential blow-up: nesting deeper than MAX_DOCUMENT_DEPTH is refused
 * before parsing; more than MAX_YAML_ALIASES aliases (`*a`) is refused at the first one over; the value is built
 * with yaml's own alias-expansion guard on top.
 *
 * @example parseYamlLimited('a: &x 1\nb: *x\n').data // { a: 1, b: 1 }
 */
export function parseYamlLimited(text: string, opts: { readonly uniqueKeys?: boolean } = {}): LimitedYaml {
  const lines = new LineCounter();
  const deep = nestingTooDeep(text);
  if (deep !== undefined) {
    return { lines, errors: [{ message: `nested more than ${MAX_DOCUMENT_DEPTH} levels deep`, line: deep, limit: true }], warnings: [] };
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: opts.uniqueKeys ?? true });
  } catch (e) {
    // The parser recurses per level of block nesting: input the scan above lets through can still exhaust the stack.
    if (e instanceof RangeError) return { lines, errors: [{ message: `nested too deeply to read (${e.message})`, line: 1, limit: true }], warnings: [] };
    throw e;
  }
  const at = (pos: number): number | undefined => (pos >= 0 ? lines.linePos(pos).line : undefined);
  const warnings = doc.warnings.map((w) => ({ message: w.message.split('\n')[0]!, ...lineOf(w.pos[0], at) }));
  if (doc.errors.length > 0) return { doc, lines, errors: doc.errors.map((e) => ({ message: e.message.split('\n')[0]!, ...lineOf(e.pos[0], at), limit: false })), warnings };
  let aliases = 0;
  let over: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (++aliases > MAX_YAML_ALIASES) {
        over = node.range?.[0] ?? -1;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (over !== undefined) return { doc, lines, errors: [{ message: `more than ${MAX_YAML_ALIASES} aliases (*name): refused as a possible alias bomb`, ...lineOf(over, at), limit: true }], warnings };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    return { doc, lines, errors: [{ message: `cannot be read: ${(e as Error).message}`, line: 1, limit: true }], warnings };
  }
  if (depthExceeds(data)) return { doc, lines, errors: [{ message: `nested more than ${MAX_DOCUMENT_DEPTH} levels deep`, line: 1, limit: true }], warnings };
  return { doc, data, lines, errors: [], warnings };
}

function lineOf(pos: number, at: (pos: number) => number | undefined): { line?: number } {
  const line = at(pos);
  return line !== undefined ? { line } : {};
}
