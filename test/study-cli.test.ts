import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCli } from './support/run-cli';

const PRICES = new URL('../../shared/data/estudy2/prices.csv', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'aftershock-study-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(work, name);
  writeFileSync(p, text);
  return p;
}

const run = captureCli;

const events = file('events.csv', 'symbol,event_date\nAMZN,2020-03-16\nNFLX,2020-03-16\nFB,2020-03-16\n');
const base = (out: string, ev = events) => ['study', '--prices', PRICES, '--events', ev, '--market', '^GSPC', '--estimation=-200:-11', '--window=-5:5', '--car=-1:1,0:0', '--out', join(work, out)];

describe('aftershock study: inputs and failures', () => {
  it('runs with the defaults (textbook) and writes every table atomically', async () => {
    const r = await run(base('ok'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('3 event(s), 0 excluded');
    const files = readdirSync(join(work, 'ok')).sort();
    expect(files).toEqual(
      ['aar.csv', 'ar.csv', 'caar_bootstrap.csv', 'car_firm.csv', 'car_tests.csv', 'confounded.csv', 'event_calendar.csv', 'excluded.csv', 'kp_bmp.csv', 'model.csv', 'nonparametric.csv', 'parametric.csv', 'summary.md'].sort(),
    );
    expect(readFileSync(join(work, 'ok', 'summary.md'), 'utf8')).toContain('Profile: **textbook**');
    const ar = readFileSync(join(work, 'ok', 'ar.csv'), 'utf8').trim().split('\n');
    expect(ar[0]).toBe('symbol,event_date,rel_day,date,window,ret,mkt,predicted,ar');
    // By default the event window's rows only: −5..5 for each event.
    expect(ar.length - 1).toBe(3 * 11);
    expect(ar.slice(1).every((l) => l.split(',')[4] === 'event')).toBe(true);
    expect(ar.slice(1, 12).map((l) => l.split(',')[2])).toEqual(['-5', '-4', '-3', '-2', '-1', '0', '1', '2', '3', '4', '5']);
  });

  it('--ar-rows all writes every row from the first estimation day on (estudy2\'s ar.csv), its event rows those of the default', async () => {
    const r = await run([...base('ar-all'), '--ar-rows', 'all']);
    expect(r.code).toBe(0);
    const all = readFileSync(join(work, 'ar-all', 'ar.csv'), 'utf8').trim().split('\n');
    expect(all.length - 1).toBe(3 * (5 + 1 + 200)); // rows −200..5 per event, gap −10..−6 included
    expect(all.filter((l) => l.includes(',gap,')).length).toBe(3 * 5);
    expect(all.filter((l) => l.includes(',estimation,')).length).toBe(3 * 190);
    const events = readFileSync(join(work, 'ok', 'ar.csv'), 'utf8').trim().split('\n');
    expect(all.filter((l, i) => i === 0 || l.includes(',event,'))).toEqual(events);
    // Every other table is the same file.
    for (const f of ['model.csv', 'aar.csv', 'parametric.csv', 'car_firm.csv', 'event_calendar.csv']) {
      expect(readFileSync(join(work, 'ar-all', f), 'utf8'), f).toBe(readFileSync(join(work, 'ok', f), 'utf8'));
    }
    const bad = await run([...base('ar-bad'), '--ar-rows', 'estimation']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--ar-rows must be one of event, all, got "estimation".*BAD_OPTION/);
    expect(() => readdirSync(join(work, 'ar-bad'))).toThrow();
  });

  it('--calendar-time writes its three tables and prints alpha; a reversed window or a lone --nw-lag → exit 2, nothing written', async () => {
    const r = await run([...base('ct'), '--calendar-time', '--nw-lag', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/calendar-time portfolio 0:5: alpha .*Newey–West, lag 1\), \d+ day\(s\), mean size 3\.0/);
    const fit = readFileSync(join(work, 'ct', 'calendar_time_fit.csv'), 'utf8').split('\n');
    expect(fit[1]).toMatch(/^0,5,Rp,\^GSPC,/);
    expect(readdirSync(join(work, 'ct'))).toEqual(expect.arrayContaining(['calendar_time.csv', 'calendar_time_fit.csv', 'calendar_time_days.csv']));
    const rev = await run([...base('ct-bad'), '--calendar-time', '3:1']);
    expect(rev.code).toBe(2);
    expect(rev.err).toMatch(/calendar-time window 3:1 must be whole sessions with start ≤ end.*BAD_WINDOW/);
    const lone = await run([...base('ct-bad'), '--nw-lag', '2']);
    expect(lone.code).toBe(2);
    expect(lone.err).toMatch(/--nw-lag needs --calendar-time/);
    const neg = await run([...base('ct-bad'), '--calendar-time', '--nw-lag', '-1']);
    expect(neg.code).toBe(2);
    expect(() => readdirSync(join(work, 'ct-bad'))).toThrow();
  });

  it('--volume on prices without a Volume column: every event left out of the volume study with its reason, the rest runs', async () => {
    const r = await run([...base('vol'), '--volume']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('abnormal volume (market-model): 0 event(s), 3 excluded; no event has enough volume');
    expect(r.out).toContain('volume: excluded AMZN 2020-03-16: only 0 estimation days with volume in -200:-11 (minimum 30; 190 without a volume value) [VOLUME_SHORT_ESTIMATION]');
    expect(readFileSync(join(work, 'vol', 'volume_aav.csv'), 'utf8').trim().split('\n')).toHaveLength(1);
    const bad = await run([...base('vol-bad'), '--volume', 'loud']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--volume must be one of market-model, mean-adjusted, got "loud"/);
  });

  it('unknown market symbol → exit 2 with a clear message', async () => {
    const r = await run([...base('m'), '--market', 'SPX']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/market symbol SPX is not in .*prices\.csv.*UNKNOWN_MARKET/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('no events → exit 2', async () => {
    const r = await run(base('n', file('none.csv', 'symbol,event_date\n')));
    expect(r.code).toBe(2);
    expect(r.err).toContain('NO_EVENTS');
  });

  it('overlapping windows → exit 2', async () => {
    const r = await run([...base('w'), '--estimation=-100:0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/overlaps .*BAD_WINDOW/);
  });

  it('a malformed prices file → exit 2 naming file and line', async () => {
    const bad = file('bad.csv', 'date,symbol,close\n2020-03-16,AMZN,abc\n2020-03-16,^GSPC,2490\n2020-03-17,^GSPC,2500\n');
    const r = await run(['study', '--prices', bad, '--events', events, '--market', '^GSPC', '--out', join(work, 'b')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.csv:2/);
  });

  it('unusable events are excluded and listed while the rest run; too little history for all → exit 2', async () => {
    const ev = file('some.csv', 'symbol,event_date\nAMZN,2020-03-16\nXYZ,2020-03-16\nNFLX,2019-05-01\nFB,2020-03-16\n');
    const r = await run(base('x', ev));
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 event(s), 2 excluded');
    const ex = readFileSync(join(work, 'x', 'excluded.csv'), 'utf8');
    expect(ex).toContain('XYZ,2020-03-16,NO_PRICES');
    expect(ex).toContain('NFLX,2019-05-01,SHORT_HISTORY');
    const all = await run(base('y', file('early.csv', 'symbol,event_date\nAMZN,2019-05-01\n')));
    expect(all.code).toBe(2);
    expect(all.err).toContain('SHORT_HISTORY');
  });

  it('a price folder, an earnings calendar and --group-by: per-group tables next to the overall ones', async () => {
    const root = new URL('../../shared/data/real/backtester39', import.meta.url).pathname;
    const earnings = new URL('../data/earnings.csv', import.meta.url).pathname;
    const out = join(work, 'groups');
    const r = await run(['study', '--prices', root, '--events', earnings, '--market', 'SPY', '--estimation=-120:-11', '--window=-5:5', '--car=0:1', '--group-by', 'surprise', '--bootstrap', '0', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/excluded CRWV 2025-05-14: only \d+ estimation returns/);
    const groups = readdirSync(join(out, 'groups')).sort();
    expect(groups).toEqual(['surprise=beat', 'surprise=miss', 'surprise=unknown']);
    expect(readdirSync(join(out, 'groups', 'surprise=miss')).sort()).toEqual(['aar.csv', 'car_tests.csv', 'kp_bmp.csv', 'nonparametric.csv', 'parametric.csv']);
    const n = (f: string) => Number(readFileSync(f, 'utf8').trim().split('\n')[1]!.split(',')[3]);
    const total = n(join(out, 'aar.csv'));
    expect(groups.reduce((a, g) => a + n(join(out, 'groups', g, 'aar.csv')), 0)).toBe(total);
    const cal = readFileSync(join(out, 'event_calendar.csv'), 'utf8');
    expect(cal).toContain('CRWV,2025-08-12,2025-08-13,');
  });

  it('bad option values → exit 2', async () => {
    expect((await run([...base('o'), '--model', 'capm'])).code).toBe(2);
    expect((await run([...base('o'), '--window', '5'])).code).toBe(2);
    expect((await run([...base('o'), '--car=-9:0'])).code).toBe(2);
  });
});
