import { Observable, filter } from 'rxjs';
import type { BacktestConfig, ReplayConfig } from './config';
import type { EngineMessage, SessionMessage } from './messages';
import type { BacktestResult } from './results';
import { Run } from './run';

/**
 * Runs a strategy over the replay and returns fills, itemised costs, trades and equity per session.
 * @example
 * const r = runBacktest({ source: [crwv], strategy, initialCash: 100_000, start: '2025-08-01', end: '2025-08-29' });
 * r.equity.at(-1)?.equity
 */
export function runBacktest(config: BacktestConfig): BacktestResult {
  return new Run(config, undefined).execute();
}

/**
 * The same run as a cold, synchronous Observable of every message in the one total order (ts, priority, seq).
 * Each subscription runs the engine afresh (give a fresh strategy object when it keeps state).
 */
export function backtest$(config: BacktestConfig): Observable<EngineMessage> {
  return new Observable<EngineMessage>((sub) => {
    const run = new Run(config, (m) => sub.next(m));
    run.execute(() => sub.closed);
    sub.complete();
  });
}

/**
 * The market replay alone: one message per session phase, with its bar slice and the event notices that became
 * public since the previous phase.
 * @example
 * replay({ source: [crwv], events, start: '2025-08-11', end: '2025-08-15' }).subscribe((m) => console.log(m.date, m.phase));
 */
export function replay(config: ReplayConfig): Observable<SessionMessage> {
  return backtest$({ ...config, strategy: { name: 'replay' }, initialCash: 0 }).pipe(filter((m): m is SessionMessage => m.type === 'session'));
}
