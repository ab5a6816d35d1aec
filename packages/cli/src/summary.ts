import { COMPARISON_HEADER, COMPARISON_NUMERIC, comparisonRows, num, pct, windowLabel, type RunResult } from '@aftershock/report';

function table(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => r.map((c, i) => (right[i] ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join('  ').trimEnd();
  return [line(header), w.map((x) => '─'.repeat(x)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** The short terminal summary of a run: events with their reaction, then the strategies. */
export function summaryText(r: RunResult): string {
  const car = r.meta.windows.car[0];
  const parts = [`${r.meta.scenario}: ${r.events.length} event(s), ${r.strategies.length} strateg${r.strategies.length === 1 ? 'y' : 'ies'}, data ${r.meta.dataRange.from} … ${r.meta.dataRange.to}\n`];
  parts.push(
    table(
      ['event', 'day 0', 'day-0 return', car ? `CAR ${windowLabel(car)}` : 'CAR'],
      r.events.map((e) => [e.id, e.day0 ?? '–', pct(e.reaction.day0Return, 1), e.excluded ? 'excluded' : pct(e.reaction.car[0]?.car ?? null, 1)]),
      [false, false, true, true],
    ),
  );
  if (r.strategies.length) {
    parts.push(
      table(
        ['strategy', 'total return', 'Sharpe', 'max drawdown', 'trades', 'hit rate'],
        r.strategies.map((s) => [s.label, pct(s.metrics.totalReturn), num(s.metrics.sharpe), pct(s.metrics.maxDrawdown), String(s.metrics.trades), pct(s.metrics.hitRate, 0)]),
        [false, true, true, true, true, true],
      ),
    );
  }
  return parts.join('\n');
}

/** The comparison as terminal text: each pair's mean difference on true pairs, its 95% interval and t. */
export function comparisonText(r: RunResult): string {
  const c = r.comparison;
  if (!c || c.pairs.length === 0) return 'No comparison: the scenario needs at least two strategies.\n';
  return (
    `Paired bootstrap (${c.resamples} resamples, seed ${c.seed}) on the events both strategies traded, or on daily returns when no event was traded by both:\n` +
    table(COMPARISON_HEADER, comparisonRows(c).map((x) => [...x.cells]), COMPARISON_NUMERIC)
  );
}
