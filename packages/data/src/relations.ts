import { Problems, type MarketEvent, type Related } from '@aftershock/core';
import { resolveColumns } from './columns';
import { readTextFile } from './csv';
import { throwNewErrors } from './dividends';
import { formatOf, readEventTables, type EventFormat } from './event-table';
import { FileProblems } from './file-problems';

const RELATION_COLUMNS = {
  symbol: ['symbol', 'ticker'],
  related: ['related', 'related_symbol', 'peer'],
  relation: ['relation', 'relationship', 'kind', 'type'],
  source: ['source', 'sources', 'source_url'],
} as const;

/**
 * Parses a relations file (`symbol,related,relation,source`; CSV, JSON or YAML) into symbol → related symbols, in
 * file order. Problems: RELATION_MISSING_COLUMN, RELATION_BAD_FIELD (empty symbol), RELATION_DUPLICATE (warning);
 * RELATION_UNKNOWN_COLUMN (warning).
 */
export function parseRelations(text: string, file: string, problems: Problems, format: EventFormat = formatOf(file)): Map<string, Related[]> {
  const fp = new FileProblems(problems, file);
  const out = new Map<string, Related[]>();
  for (const table of readEventTables(text, fp, format)) {
    if (table.columns.length === 0) continue;
    const { index, unknown } = resolveColumns(table.columns, RELATION_COLUMNS);
    for (const u of unknown) fp.warn('RELATION_UNKNOWN_COLUMN', `column ${JSON.stringify(table.columns[u])} is ignored`, table.headerLine, table.columns[u]);
    const missing = (['symbol', 'related'] as const).filter((k) => index[k] < 0);
    for (const k of missing) fp.error('RELATION_MISSING_COLUMN', `no ${k} column`, table.headerLine, k);
    if (missing.length > 0) continue;
    const get = (row: { values: Readonly<Record<string, string>> }, k: keyof typeof RELATION_COLUMNS): string =>
      index[k] >= 0 ? (row.values[table.columns[index[k]]!] ?? '').trim() : '';
    for (const row of table.rows) {
      const symbol = get(row, 'symbol');
      const related = get(row, 'related');
      if (symbol === '' || related === '') {
        fp.error('RELATION_BAD_FIELD', `empty ${symbol === '' ? 'symbol' : 'related'}`, row.line, symbol === '' ? 'symbol' : 'related');
        continue;
      }
      const relation = get(row, 'relation');
      const source = get(row, 'source');
      const list = out.get(symbol) ?? [];
      if (list.some((r) => r.symbol === related && (r.relation ?? '') === relation)) {
        fp.warn('RELATION_DUPLICATE', `${symbol} → ${related} (${relation}) is listed twice`, row.line);
        continue;
      }
      list.push({ symbol: related, ...(relation !== '' ? { relation } : {}), ...(source !== '' ? { source } : {}) });
      out.set(symbol, list);
    }
  }
  fp.close();
  return out;
}

/** Reads a relations file; throws a ValidationError listing every error. */
export function loadRelations(path: string, problems = new Problems()): Map<string, Related[]> {
  const before = problems.list.length;
  const out = parseRelations(readTextFile(path, 'relations file'), path, problems);
  throwNewErrors(problems, before);
  return out;
}

/** Returns the events with `related` set from the relations of their symbol (events without relations unchanged). */
export function attachRelated(events: readonly MarketEvent[], relations: ReadonlyMap<string, readonly Related[]>): MarketEvent[] {
  return events.map((e) => {
    const r = relations.get(e.symbol);
    return r && r.length > 0 ? { ...e, related: [...(e.related ?? []), ...r] } : e;
  });
}
