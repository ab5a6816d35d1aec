/** Deepest nesting of `[`/`{` a JSON or YAML input file may have: real calendars and scenarios use fewer than 8. */
export const MAX_DOCUMENT_DEPTH = 64;

/** Most aliases (`*a`) a YAML document may resolve: enough for shared anchors, too few for an alias bomb. */
export const MAX_YAML_ALIASES = 100;

/**
 * Finds nesting deeper than `max` in JSON or YAML text and returns the 1-based line where it crosses the limit
 * (undefined when within it): flow collections (`[`, `{`) outside quoted strings and comments, and block nesting
 * (indentation and compact `- `, `? `, `: ` indicators at the start of a line, counted up to 2 × max columns). Runs
 * before a parser ever sees the text: the YAML parser's regular expressions run out of memory (a native abort, not
 * an exception) on a few thousand nested brackets, and its time grows steeply with compact `? - ` nesting. A quote
 * counts as opening a string only where a token can start, so the apostrophe of `CoreWeave's` hides nothing.
 *
 * @example nestingTooDeep('['.repeat(100) + ']'.repeat(100)) // → 1
 */
export function nestingTooDeep(text: string, max = MAX_DOCUMENT_DEPTH): number | undefined {
  let depth = 0;
  let line = 1;
  let prev = 10; // the character before: line start counts as a token boundary
  if (leadingRun(text, 0) > 2 * max) return 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      if (leadingRun(text, i + 1) > 2 * max) return line;
    }
    if (c === 34 || c === 39) {
      if (isBoundary(prev)) {
        // A quoted string: skip to its end ("…" with backslash escapes, '…' with '' escapes).
        for (i++; i < text.length; i++) {
          const d = text.charCodeAt(i);
          if (d === 10) line++;
          if (c === 34 && d === 92) i++;
          else if (d === c) {
            if (c === 39 && text.charCodeAt(i + 1) === 39) i++;
            else break;
          }
        }
      }
    } else if (c === 35 && (prev === 32 || prev === 9 || prev === 10)) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 10) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > max) return line;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    }
    prev = text.charCodeAt(i);
  }
  return undefined;
}

/** Columns of indentation and block indicators (`- `, `? `, `: `) opening the line at `i`. */
function leadingRun(text: string, i: number): number {
  let n = 0;
  for (; i < text.length; i++, n++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if (c === 45 || c === 63 || c === 58) {
      const d = text.charCodeAt(i + 1);
      if (d === 32 || d === 9 || d === 10 || Number.isNaN(d)) continue;
    }
    break;
  }
  return n;
}

function isBoundary(c: number): boolean {
  // start of line, space, tab, and the YAML/JSON indicators after which a scalar may start
  return c === 10 || c === 13 || c === 32 || c === 9 || c === 58 || c === 44 || c === 91 || c === 123 || c === 45 || c === 63;
}

/**
 * The nesting depth of a parsed value, iteratively (a recursive walk is what deep input is meant to break), stopping
 * as soon as it passes `max`.
 */
export function depthExceeds(value: unknown, max = MAX_DOCUMENT_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d >= max) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) if (x !== null && typeof x === 'object') stack.push([x, d + 1]);
  }
  return false;
}
