import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { CsvCursor } from './csv-cursor';
import type { FileProblems } from './file-problems';
import { parseYamlLimited } from './yaml-document';

/** One record of an event file: values by column name, and the line it starts on. */
export interface EventRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

/** Records read from one file (or one section of a JSON/YAML file), with every column seen, in order. */
export interface EventTable {
  readonly file: string;
  /** The section name of a JSON/YAML file (`earnings`, `lockups`, …), a hint for the event kind. */
  readonly section?: string;
  readonly headerLine: number;
  readonly columns: readonly string[];
  readonly rows: readonly EventRow[];
}

export type EventFormat = 'csv' | 'json' | 'yaml';

/** The format from a file name: `.json`, `.yaml`/`.yml`, else CSV. */
export function formatOf(file: string): EventFormat {
  const f = file.toLowerCase();
  if (f.endsWith('.json')) return 'json';
  if (f.endsWith('.yaml') || f.endsWith('.yml')) return 'yaml';
  return 'csv';
}

/**
 * Reads an event file into tables: a CSV file is one table; a JSON or YAML file is either a list of records (one
 * table) or a map of sections (`earnings:`, `lockups:`, `ipos:`, `custom:`, `relations:`), each a list of records.
 * Values become strings (numbers as written, booleans `true`/`false`, null as empty; a `tags` map as `k=v;k=v`).
 * Problems: EVENT_BAD_FILE (unparsable JSON/YAML, or a shape that is not records).
 */
export function readEventTables(text: string, fp: FileProblems, format: EventFormat = formatOf(fp.file), delimiter?: string): EventTable[] {
  return format === 'csv' ? [readCsvTable(text, fp, delimiter)] : readDocTables(text, fp);
}

function readCsvTable(text: string, fp: FileProblems, delimiter?: string): EventTable {
  const c = new CsvCursor(text, { file: fp.file, problems: fp.csvSink(), ...(delimiter !== undefined ? { delimiter } : {}) });
  if (!c.next()) return { file: fp.file, headerLine: 1, columns: [], rows: [] };
  const columns = c.fields().map((h) => h.trim());
  const headerLine = c.line;
  const rows: EventRow[] = [];
  while (c.next()) {
    if (c.count !== columns.length) {
      fp.error('EVENT_FIELD_COUNT', `${c.count} field(s) where the header has ${columns.length}`, c.line);
      continue;
    }
    const values: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) values[columns[i]!] = c.field(i).trim();
    rows.push({ line: c.line, values });
  }
  return { file: fp.file, headerLine, columns, rows };
}

function readDocTables(text: string, fp: FileProblems): EventTable[] {
  const parsed = parseYamlLimited(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { uniqueKeys: false });
  const doc = parsed.doc;
  const lc = parsed.lines;
  if (parsed.errors.length > 0 || !doc) {
    for (const e of parsed.errors) fp.error(e.limit ? 'EVENT_TOO_LARGE' : 'EVENT_BAD_FILE', e.message, e.line);
    return [];
  }
  const lineOf = (n: Node | null | undefined): number => (n?.range ? lc.linePos(n.range[0]).line : 1);
  const root = doc.contents;
  if (isSeq(root)) return [seqTable(root, undefined, fp, lineOf)];
  if (isMap(root)) {
    const out: EventTable[] = [];
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (isSeq(pair.value)) out.push(seqTable(pair.value, key, fp, lineOf));
      else fp.error('EVENT_BAD_FILE', `section ${JSON.stringify(key)} must be a list of records`, lineOf(pair.key as Node));
    }
    return out;
  }
  fp.error('EVENT_BAD_FILE', 'expected a list of event records, or a map of sections (earnings, lockups, ipos, custom) holding such lists', 1);
  return [];
}

function seqTable(seq: { items: unknown[] }, section: string | undefined, fp: FileProblems, lineOf: (n: Node | null | undefined) => number): EventTable {
  const columns: string[] = [];
  const seen = new Set<string>();
  const rows: EventRow[] = [];
  for (const item of seq.items) {
    const line = lineOf(item as Node);
    if (!isMap(item)) {
      fp.error('EVENT_BAD_FILE', 'each event must be a map of fields', line);
      continue;
    }
    const values: Record<string, string> = {};
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
      values[key] = toText((pair.value as Node | null)?.toJSON?.() ?? (isScalar(pair.value) ? pair.value.value : pair.value));
    }
    rows.push({ line, values });
  }
  return { file: fp.file, ...(section !== undefined ? { section } : {}), headerLine: lineOf(seq as unknown as Node), columns, rows };
}

function toText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(toText).join(';');
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}=${toText(x)}`).join(';');
  return String(v);
}
