import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Problems, xnysCalendar, type MarketEvent } from '@aftershock/core';
import { parseEvents, type EventLoadOptions } from '../src/index';

const cal = xnysCalendar();

interface Read {
  events: MarketEvent[];
  problems: Problems;
  /** Whether the file was read a second time. */
  again: boolean;
}

/**
 * How aftershock study reads an events file of no given kind: as `opts` says; when the only errors are "cannot tell
 * which events this file holds", again as custom. Before fallbackKind every such file was read twice.
 */
function studyRead(text: string, file: string, opts: EventLoadOptions): Read {
  const first = new Problems();
  const events = parseEvents(text, file, { ...opts, problems: first });
  const errors = first.list.filter((p) => p.severity === 'error');
  if (errors.length === 0 || !errors.every((p) => p.code === 'EVENT_UNKNOWN_FORMAT')) return { events, problems: first, again: false };
  const again = new Problems();
  return { events: parseEvents(text, file, { ...opts, kind: 'custom', problems: again }), problems: again, again: true };
}

function oneRead(text: string, file: string, opts: EventLoadOptions): Read {
  const problems = new Problems();
  return { events: parseEvents(text, file, { ...opts, fallbackKind: 'custom', problems }), problems, again: false };
}

const cell = fc.oneof(
  fc.constantFrom('AAPL', 'MSFT', '', ' NVDA ', '2025-08-12', '2025-08-09', '2025-02-30', '1990-01-02', '2025-13-01', 'x'),
  fc.constantFrom('before-open', 'AMC', 'during', '', 'whenever', '08:00', 'kind=a', 'a=1;b=2', '"q,uoted"', '"open'),
);
/** Headers a file's kind cannot be told from (the custom reading applies), and a few it can, or that are relations. */
const header = fc.constantFrom('symbol,event_date', 'symbol,event_date,timing', 'ticker,date,timing', 'symbol,date', 'date,timing', 'symbol,date,tags', 'symbol,date,eps_actual', 'symbol,related,relation', 'symbol,ipo_date');

describe('fallbackKind reads a file of unknown kind once, as study\'s second read would', () => {
  it('the same events and problems (file, line, field, message) on random files', () => {
    fc.assert(
      fc.property(header, fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 12 }), fc.constantFrom('events.csv', 'calendar.csv', 'x_custom.csv', 'earnings.csv'), (head, rows, name) => {
        const text = [head, ...rows.map((r) => r.join(','))].join('\n') + '\n';
        const file = `/data/${name}`;
        const a = studyRead(text, file, { calendar: cal });
        const b = studyRead(text, file, { calendar: cal, fallbackKind: 'custom' });
        expect(b.events).toEqual(a.events);
        expect(b.problems.list).toEqual(a.problems.list);
        // A file read twice before, with no other error than "cannot tell", is now read once (relations files
        // still take the second read).
        if (a.again && !head.includes('related')) expect(b.again).toBe(false);
      }),
      { seed: 20261201, numRuns: 400 },
    );
  });

  it('a bare symbol,event_date file becomes custom events; a file that names its kind is read as that kind', () => {
    const bare = oneRead('symbol,event_date,timing\nAAPL,2025-08-12,BMO\n', '/d/events.csv', { calendar: cal });
    expect(bare.events.map((e) => [e.id, e.kind, e.timing])).toEqual([['AAPL:custom:2025-08-12', 'custom', 'before-open']]);
    expect(bare.problems.list).toEqual([]);
    const earnings = oneRead('symbol,date,eps_actual\nAAPL,2025-08-12,1.5\n', '/d/events.csv', { calendar: cal });
    expect(earnings.events.map((e) => e.kind)).toEqual(['earnings']);
  });

  it('a file with another error keeps "cannot tell which events this file holds" beside it', () => {
    const r = oneRead('symbol,event_date\nAAPL,2025-08-12,extra\n', '/d/events.csv', { calendar: cal });
    expect(r.problems.list.map((p) => [p.code, p.line])).toEqual([
      ['EVENT_FIELD_COUNT', 2],
      ['EVENT_UNKNOWN_FORMAT', 1],
    ]);
  });
});
