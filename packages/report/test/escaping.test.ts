import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/html';
import { renderJsonCompact } from '../src/json';
import type { RunResult } from '../src/result-types';
import { sampleResult } from './fixture';

/** Closes any element and the data <script>, then opens a script of its own. */
const EVIL = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';

/** Every text a user supplies (scenario, calendars, strategies, relations) that a report shows, with EVIL in it. */
function hostile(evil = EVIL): RunResult {
  const r = sampleResult();
  const x = (s: string) => `${s}${evil}`;
  const tags = { [x('tag')]: x('value') };
  const group = (g: RunResult['study']['groups'][number]) => ({ ...g, name: x(g.name), tests: { ...g.tests, tests: g.tests.tests.map(x) }, carTests: g.carTests.map((t) => ({ ...t, test: x(t.test) })) });
  return {
    ...r,
    meta: { ...r.meta, scenario: x(r.meta.scenario), description: x(r.meta.description), benchmark: x(r.meta.benchmark), notes: r.meta.notes.map(x), inputs: r.meta.inputs.map((i) => ({ ...i, file: x(i.file) })) },
    events: r.events.map((e, i) => ({ ...e, id: x(e.id), symbol: x(e.symbol), groups: { kind: x('earnings'), [x('group')]: x('g') }, tags, day0Explanation: x(e.day0Explanation), ...(i === 1 ? { excluded: x('too few estimation returns') } : {}) })),
    study: { groups: [...r.study.groups.map(group), group({ ...r.study.groups[0]!, name: 'surprise: miss' })] },
    strategies: r.strategies.map((s) => ({ ...s, name: x(s.name), label: x(s.label), params: { ...s.params, mode: x('text param') }, trades: s.trades.map((t) => ({ ...t, symbol: x(t.symbol), eventId: x(t.eventId ?? '') })) })),
    comparison: {
      ...r.comparison!,
      table: r.strategies.map((s) => ({ label: x(s.label), ...s.metrics })),
      pairs: r.comparison!.pairs.map((p) => ({ ...p, a: x(p.a), b: x(p.b), metric: x(p.metric) })),
      events: r.comparison!.events.map((e) => ({ ...e, eventId: x(e.eventId), symbol: x(e.symbol), returns: Object.fromEntries(Object.entries(e.returns).map(([k, v]) => [x(k), v])) })),
    },
    sweeps: r.sweeps.map((s) => ({ ...s, label: x(s.label), strategy: x(s.strategy), walkForward: x(s.walkForward ?? ''), grid: { [x('param')]: [1, x('v')] }, base: { [x('base')]: x('b') } })),
    spillovers: r.spillovers.map((s) => ({ ...s, eventId: x(s.eventId), eventSymbol: x(s.eventSymbol), symbol: x(s.symbol), relation: x(s.relation) })),
    spilloverStudy: r.study.groups.map((g) => group({ ...g, name: 'relation: supplier' })),
  };
}

/** The opening tags of the page, each with its attributes (a user's text must never add one). */
function tags(html: string): string[] {
  return [...html.matchAll(/<(script|img|iframe|svg|a)\b[^>]*>/gi)].map((m) => m[0]!.replace(/\s.*$/s, '')).sort();
}

describe('every user-supplied text is escaped in report.html', () => {
  const r = hostile();
  const html = renderHtml(r, renderJsonCompact(r));
  // The same result with harmless text in the same places (so it has the same charts and scripts).
  const same = hostile('-safe');
  const clean = renderHtml(same, renderJsonCompact(same));

  it('no hostile markup survives, in the page or in its embedded data', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('</script><script>');
  });

  it('the page has exactly the elements of a clean report (a name cannot open or close a script)', () => {
    expect(tags(html).filter((t) => t === '<script')).toEqual(tags(clean).filter((t) => t === '<script'));
    expect(tags(html).filter((t) => t === '<img')).toEqual([]);
  });

  it('each kind of field really is shown (so the test cannot pass by leaving a field out)', () => {
    for (const shown of ['sample', 'e1', 'CRWV', 'lockup-short', 'supplier', 'all', 'surprise: miss', 'relation: supplier', ]) {
      expect(html, shown).toContain(`${shown}&lt;/script&gt;`);
    }
  });
});
