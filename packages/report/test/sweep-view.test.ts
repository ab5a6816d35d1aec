import { describe, expect, it } from 'vitest';
import type { SweepScore, SweepSummary } from '../src/result-types';
import { sweepRows } from '../src/sweep-view';

const score = (s: number): SweepScore => ({ score: s, events: 3, meanReturn: s, tStat: 1, trades: 3, hitRate: 0.5, netPnl: 10 });

describe('sweep point table', () => {
  it('orders the rows by the columns, each by its values as the grid lists them, whatever order the points came in', () => {
    // The sweep ran `before` outermost (the scenario's order); report.json sorts keys, so the columns are after, before.
    const points = [
      { params: { before: 5, after: 3 }, all: score(0.1) },
      { params: { before: 5, after: 1 }, all: score(0.2) },
      { params: { before: 1, after: 3 }, all: score(0.3) },
      { params: { before: 1, after: 1 }, all: score(0.4) },
    ];
    const sw = { label: 's', strategy: 'lockup-short', objective: 'event.meanReturn', base: {}, grid: { after: [3, 1], before: [5, 1] }, points, best: { params: { after: 1, before: 1 }, score: 0.4 }, walkForward: null, folds: [], outOfSample: null } as unknown as SweepSummary;
    const { header, rows } = sweepRows(sw);
    expect(header.slice(0, 2)).toEqual(['after', 'before']);
    expect(rows.map((r) => r.cells.slice(0, 2))).toEqual([['3', '5'], ['3', '1'], ['1', '5'], ['1', '1']]);
    expect(rows.map((r) => r.cells.at(-1))).toEqual(['', '', '', '★ best']);
  });
});
