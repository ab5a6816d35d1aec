import { describe, expect, it } from 'vitest';
import { Problems, ValidationError, xnysCalendar, type BarSeries, type EarningsEvent, type LockupEvent, type Problem } from '@aftershock/core';
import { attachRelated, checkEvents, loadEvents, loadRelations, parseEvents, parsePrices, parseTiming } from '../src/index';
import { tempDir } from './helpers';

const cal = xnysCalendar();
const EARN_HEAD = 'symbol,date,timing,fiscal_period,eps_actual,eps_estimate,revenue_actual,revenue_estimate,known_at,source\n';
const LOCK_HEAD = 'symbol,ipo_date,offer_price,expiry_date,lockup_days,timing,shares_unlocked_pct,confirmed,source\n';

function errorsOf(name: string, text: string, opts: Parameters<typeof loadEvents>[1] = {}): { errors: Problem[]; warnings: Problem[]; file: string } {
  const t = tempDir();
  const file = t.write(name, text);
  const problems = new Problems();
  try {
    loadEvents(file, { ...opts, problems });
    return { errors: [], warnings: problems.warnings, file };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { errors: e.problems.filter((p) => p.severity === 'error'), warnings: problems.warnings, file };
  }
}

describe('timing', () => {
  it('reads the canonical values and the usual aliases', () => {
    const cases: [string, string][] = [
      ['before-open', 'before-open'], ['BMO', 'before-open'], ['pre-market', 'before-open'], ['before market open', 'before-open'],
      ['during', 'during'], ['DMH', 'during'], ['after-close', 'after-close'], ['AMC', 'after-close'], ['post-market', 'after-close'],
      ['after market close', 'after-close'], ['at close of trading', 'after-close'], ['unknown', 'unknown'], ['', 'unknown'],
      ['08:00', 'before-open'], ['12:00', 'during'], ['16:00', 'after-close'], ['17:05', 'after-close'],
    ];
    for (const [s, want] of cases) expect(parseTiming(s), s).toBe(want);
    expect(parseTiming('tomorrow-ish')).toBeUndefined();
  });
});

describe('earnings calendars', () => {
  it('CRWV Q2-2025: ids, instants, surprise and surprise %', () => {
    const t = tempDir();
    const file = t.write('earnings.csv', EARN_HEAD + 'CRWV,2025-08-12,after-close,Q2 FY2025,-0.60,-0.23,1212788000,1080000000,,https://example.org/q2\n');
    const [e] = loadEvents(file) as EarningsEvent[];
    expect(e).toMatchObject({ id: 'CRWV:earnings:2025-08-12', symbol: 'CRWV', kind: 'earnings', timing: 'after-close', fiscalPeriod: 'Q2 FY2025', epsActual: -0.6, epsEstimate: -0.23, revenueActual: 1212788000, revenueEstimate: 1080000000, source: 'https://example.org/q2', origin: { file, line: 2 } });
    expect(e!.surprise).toBeCloseTo(-0.37, 12);
    expect(e!.surprisePct).toBeCloseTo((-0.37 / 0.23) * 100, 10);
    expect(e!.tsEvent).toBe(cal.closeAt('2025-08-12') + 60_000);
    // Known 14 sessions ahead by default, 2 hours before that session's open.
    expect(e!.tsKnown).toBe(cal.openAt(cal.shift('2025-08-12', -14)) - 2 * 3_600_000);
  });

  it('every numeric field is optional; known_at sets tsKnown', () => {
    const t = tempDir();
    const [e] = loadEvents(t.write('earnings.csv', EARN_HEAD + 'NVDA,2025-08-27,AMC,,,,,,2025-05-28,\n')) as EarningsEvent[];
    expect(e!.epsActual).toBeUndefined();
    expect(e!.surprise).toBeUndefined();
    expect(e!.tsKnown).toBe(cal.openAt('2025-05-28') - 2 * 3_600_000);
  });

  it('EVENT_MISSING_COLUMN', () => {
    const r = errorsOf('earnings.csv', 'symbol,timing,eps_actual\nX,AMC,1\n');
    expect(r.errors).toMatchObject([{ code: 'EVENT_MISSING_COLUMN', line: 1, field: 'date', file: r.file }]);
  });
  it('EVENT_BAD_DATE', () => {
    const r = errorsOf('earnings.csv', EARN_HEAD + 'X,2025-02-30,AMC,,,,,,,\n');
    expect(r.errors).toMatchObject([{ code: 'EVENT_BAD_DATE', line: 2, field: 'date' }]);
  });
  it('EVENT_BAD_FIELD: a bad number, a bad timing, an empty symbol', () => {
    const r = errorsOf('earnings.csv', EARN_HEAD + 'X,2025-08-12,AMC,,abc,,,,,\nX,2025-08-13,soon,,,,,,,\n,2025-08-14,AMC,,,,,,,\n');
    expect(r.errors.map((p) => [p.code, p.line, p.field])).toEqual([
      ['EVENT_BAD_FIELD', 2, 'eps_actual'],
      ['EVENT_BAD_FIELD', 3, 'timing'],
      ['EVENT_BAD_FIELD', 4, 'symbol'],
    ]);
  });
  it('EVENT_DUPLICATE', () => {
    const r = errorsOf('earnings.csv', EARN_HEAD + 'X,2025-08-12,AMC,,,,,,,\nX,2025-08-12,AMC,,,,,,,\n');
    expect(r.errors).toMatchObject([{ code: 'EVENT_DUPLICATE', line: 3 }]);
  });
  it('EVENT_FIELD_COUNT', () => {
    const r = errorsOf('earnings.csv', EARN_HEAD + 'X,2025-08-12,AMC\n');
    expect(r.errors).toMatchObject([{ code: 'EVENT_FIELD_COUNT', line: 2 }]);
  });
  it('EVENT_UNKNOWN_FORMAT when nothing says what the file holds', () => {
    const r = errorsOf('stuff.csv', 'symbol,date\nX,2025-08-12\n');
    expect(r.errors).toMatchObject([{ code: 'EVENT_UNKNOWN_FORMAT', line: 1 }]);
    expect(errorsOf('stuff.csv', 'symbol,date\nX,2025-08-12\n', { kind: 'earnings' }).errors).toEqual([]);
  });
  it('EVENT_UNKNOWN_COLUMN and EVENT_OUTSIDE_CALENDAR are warnings', () => {
    const r = errorsOf('earnings.csv', 'symbol,date,mood\nX,1989-06-01,good\nX,2025-08-12,good\n');
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((p) => [p.code, p.line])).toEqual([
      ['EVENT_UNKNOWN_COLUMN', 1],
      ['EVENT_OUTSIDE_CALENDAR', 2],
    ]);
  });
});

describe('lock-up calendars', () => {
  it('CRWV: expiry at the close of 2025-08-14, known from the IPO open', () => {
    const t = tempDir();
    const [e] = loadEvents(t.write('lockups.csv', LOCK_HEAD + 'CRWV,2025-03-28,40.00,2025-08-14,,after-close,84,yes,https://example.org\n')) as LockupEvent[];
    expect(e).toMatchObject({ id: 'CRWV:lockup-expiry:2025-08-14', date: '2025-08-14', ipoDate: '2025-03-28', offerPrice: 40, sharesUnlockedPct: 84, confirmed: true, tags: { confirmed: 'yes' } });
    expect(e!.tsKnown).toBe(cal.openAt('2025-03-28'));
    expect(e!.tsEvent).toBe(cal.closeAt('2025-08-14') + 60_000);
  });

  it('lockup_days → expiry = ipo_date + days; confirmed no/false', () => {
    const t = tempDir();
    const [e] = loadEvents(t.write('lockups.csv', LOCK_HEAD + 'PINS,2019-04-18,19,,180,after-close,,false,\n')) as LockupEvent[];
    expect(e).toMatchObject({ date: '2019-10-15', lockupDays: 180, confirmed: false });
  });

  it('an empty confirmed: a written expiry date is confirmed, one computed from days is estimated', () => {
    const t = tempDir();
    const evs = loadEvents(t.write('lockups.csv', LOCK_HEAD + 'A,2019-04-18,19,2019-10-15,180,after-close,,,\nB,2019-04-18,19,,180,after-close,,,\n')) as LockupEvent[];
    expect(evs.map((e) => [e.symbol, e.confirmed, e.tags['confirmed']])).toEqual([
      ['A', true, 'yes'],
      ['B', false, 'no'],
    ]);
  });

  it('EVENT_BAD_FIELD for neither expiry nor days, and for a bad confirmed value', () => {
    const r = errorsOf('lockups.csv', LOCK_HEAD + 'A,2019-04-18,19,,,after-close,,no,\nB,2019-04-18,19,2019-10-15,,after-close,,maybe,\n');
    expect(r.errors.map((p) => [p.code, p.line, p.field])).toEqual([
      ['EVENT_BAD_FIELD', 2, 'expiry_date'],
      ['EVENT_BAD_FIELD', 3, 'confirmed'],
    ]);
  });
});

describe('custom, IPO and mixed calendars; JSON and YAML', () => {
  it('custom events with k=v tags', () => {
    const t = tempDir();
    const [e] = loadEvents(t.write('custom.csv', 'symbol,date,timing,kind,tags,source\nCRWV,2025-07-07,before-open,merger,target=CORZ;ratio=0.1235,s\n'));
    expect(e).toMatchObject({ id: 'CRWV:custom:2025-07-07:merger', kind: 'custom', label: 'merger', tags: { kind: 'merger', target: 'CORZ', ratio: '0.1235' } });
    expect(e!.tsKnown).toBe(e!.tsEvent);
    const r = errorsOf('custom.csv', 'symbol,date,timing,kind,tags,source\nX,2025-07-07,,k,novalue,\n');
    expect(r.errors).toMatchObject([{ code: 'EVENT_BAD_FIELD', line: 2, field: 'tags' }]);
  });

  it('IPO files (symbol,ipo_date,offer_price,exchange,kind,source)', () => {
    const t = tempDir();
    const [e] = loadEvents(t.write('ipos.csv', 'symbol,ipo_date,offer_price,exchange,kind,source\nCRWV,2025-03-28,40.00,NASDAQ,ipo,s\n'));
    expect(e).toMatchObject({ id: 'CRWV:ipo:2025-03-28', kind: 'ipo', offerPrice: 40, tags: { exchange: 'NASDAQ' } });
  });

  it('YAML sections with real line numbers', () => {
    const t = tempDir();
    const yaml = ['earnings:', '  - symbol: CRWV', '    date: 2025-08-12', '    timing: AMC', '    eps_actual: -0.60', 'lockups:', '  - symbol: CRWV', '    ipo_date: 2025-03-28', '    expiry_date: 2025-08-14', '    timing: after-close', '    confirmed: yes', 'custom:', '  - symbol: CRWV', '    date: 2025-08-40', ''].join('\n');
    const r = errorsOf('cal.yaml', yaml);
    expect(r.errors).toMatchObject([{ code: 'EVENT_BAD_DATE', line: 13, field: 'date' }]);
    const ok = loadEvents(t.write('cal.yml', yaml.split('custom:')[0]!));
    expect(ok.map((e) => [e.id, e.origin?.line])).toEqual([
      ['CRWV:earnings:2025-08-12', 2],
      ['CRWV:lockup-expiry:2025-08-14', 7],
    ]);
  });

  it('JSON: a list of records, symbol from the file name (Alpha Vantage style)', () => {
    const t = tempDir();
    const json = JSON.stringify([{ fiscalDateEnding: '2024-12-31', reportedDate: '2025-01-29', reportedEPS: '3.23', estimatedEPS: '3.1054', surprise: '0.1246', reportTime: 'post-market' }]);
    const [e] = loadEvents(t.write('MSFT_earnings.json', json)) as EarningsEvent[];
    expect(e).toMatchObject({ id: 'MSFT:earnings:2025-01-29', timing: 'after-close', epsActual: 3.23, epsEstimate: 3.1054, fiscalPeriod: '2024-12-31' });
    expect(errorsOf('bad.json', '[{"symbol": "X",').errors[0]).toMatchObject({ code: 'EVENT_BAD_FILE', line: 1 });
  });

  it('mixed files with an event_type column; first_reaction_session is checked against the day-0 rule', () => {
    const text = 'ticker,event_type,event_date,timing,first_reaction_session,offer_price_usd\nX,ipo,2025-03-28,first trading day,2025-03-28,40\nX,lockup_expiry,2025-08-14,at close of trading,2025-08-14,\n';
    const r = errorsOf('mixed.csv', text);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toMatchObject([{ code: 'EVENT_DAY0_MISMATCH', line: 3, field: 'first_reaction_session' }]);
    const p = new Problems();
    const evs = parseEvents(text, 'mixed.csv', { problems: p });
    expect(evs.find((e) => e.kind === 'lockup-expiry')).toMatchObject({ ipoDate: '2025-03-28', timing: 'after-close' });
  });
});

describe('relations and checks against the data', () => {
  it('relations map symbol → related; attachRelated adds them to events', () => {
    const t = tempDir();
    const rel = loadRelations(t.write('relations.csv', 'symbol,related,relation,source\nCRWV,NVDA,supplier,s1\nCRWV,MSFT,customer,s2\n'));
    expect(rel.get('CRWV')).toEqual([
      { symbol: 'NVDA', relation: 'supplier', source: 's1' },
      { symbol: 'MSFT', relation: 'customer', source: 's2' },
    ]);
    const evs = loadEvents(t.write('earnings.csv', EARN_HEAD + 'CRWV,2025-08-12,AMC,,,,,,,\nNVDA,2025-08-27,AMC,,,,,,,\n'));
    const withRel = attachRelated(evs, rel);
    expect(withRel[0]!.related?.map((r) => r.symbol)).toEqual(['NVDA', 'MSFT']);
    expect(withRel[1]!.related).toBeUndefined();
    const p = new Problems();
    expect(() => loadRelations(t.write('r2.csv', 'symbol,relation\nA,x\n'), p)).toThrow(ValidationError);
    expect(p.list[0]).toMatchObject({ code: 'RELATION_MISSING_COLUMN', field: 'related' });
  });

  it('EVENT_UNKNOWN_SYMBOL and EVENT_OUTSIDE_DATA name the event file and line', () => {
    const t = tempDir();
    const file = t.write('earnings.csv', EARN_HEAD + 'AAA,2025-08-12,AMC,,,,,,,\nZZZ,2025-08-12,AMC,,,,,,,\nAAA,2025-08-13,AMC,,,,,,,\nAAA,2025-08-08,BMO,,,,,,,\n');
    const events = loadEvents(file);
    const bars: BarSeries = parsePrices('Date,Close\n2025-08-11,1\n2025-08-12,1\n2025-08-13,1\n', 'AAA.csv').get('AAA')!;
    const p = new Problems();
    const ok = checkEvents(events, new Map([['AAA', bars]]), p);
    expect(ok.map((e) => e.id)).toEqual(['AAA:earnings:2025-08-12']);
    expect(p.list.map((x) => [x.code, x.line, x.severity])).toEqual([
      ['EVENT_OUTSIDE_DATA', 5, 'error'],
      ['EVENT_UNKNOWN_SYMBOL', 3, 'error'],
      ['EVENT_OUTSIDE_DATA', 4, 'error'],
    ]);
    expect(p.list.every((x) => x.file === file)).toBe(true);
    const w = new Problems();
    checkEvents(events, new Map([['AAA', bars]]), w, { outsideData: 'warning' });
    expect(w.list.filter((x) => x.severity === 'warning').map((x) => x.code)).toEqual(['EVENT_OUTSIDE_DATA', 'EVENT_OUTSIDE_DATA']);
  });
});
