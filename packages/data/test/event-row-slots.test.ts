import { describe, expect, it } from 'vitest';
import { Problems } from '@aftershock/core';
import { resolveColumns } from '../src/columns';
import { EVENT_COLUMN_ALIASES, type EventField } from '../src/event-columns';
import { RowContext } from '../src/event-row';
import { readEventTables } from '../src/event-table';
import { FileProblems } from '../src/file-problems';

/*
 * RowContext reads a row's fields through one constant slot table, not through the per-file column index (a
 * dictionary-mode object, with a hidden class of its own for every file read). Its answers must be the index's.
 */
function context(text: string): { ctx: RowContext; index: Record<EventField, number>; columns: readonly string[]; rows: readonly { line: number; values: Readonly<Record<string, string>> }[] } {
  const fp = new FileProblems(new Problems(), 'events.csv');
  const table = readEventTables(text, fp, 'csv')[0]!;
  const { index } = resolveColumns(table.columns, EVENT_COLUMN_ALIASES, {});
  return { ctx: new RowContext(table, index, fp, ''), index, columns: table.columns, rows: table.rows };
}

describe('RowContext field slots', () => {
  it('reads every field as the column index says, whatever the columns, their order and their aliases', () => {
    const files = [
      'symbol,event_date,timing\nAAPL,2025-07-31,after-close\n',
      'Ticker,Time,Date,EPS Estimate,eps_actual,Source,tags\nMSFT,BMO,2025-07-30,3.1,3.4,vendor,a=1;b=2\n',
      'ipo_date,symbol,offer_price,expiry_date,lockup_days,confirmed\n2025-03-28,CRWV,40,2025-08-14,180,yes\n',
    ];
    for (const text of files) {
      const { ctx, index, columns, rows } = context(text);
      ctx.row = rows[0]!;
      for (const f of Object.keys(EVENT_COLUMN_ALIASES) as EventField[]) {
        const i = index[f];
        expect(ctx.text(f), f).toBe(i >= 0 ? (rows[0]!.values[columns[i]!] ?? '') : '');
        expect(ctx.col(f), f).toBe(i >= 0 ? columns[i]! : EVENT_COLUMN_ALIASES[f][0]);
      }
    }
  });
});
