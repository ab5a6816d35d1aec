import type { StrategyMetrics } from './metrics';

/** Below this many sessions with a non-zero return, a period ratio (Sharpe, Sortino, volatility) says little. */
export const MIN_MOVING_SESSIONS = 20;
/** At or below this many trades, a per-trade ratio (Sortino's downside, profit factor) rests on one or two numbers. */
export const FEW_TRADES = 2;
/** Below this drawdown (1%), Calmar divides by almost nothing. */
export const SMALL_DRAWDOWN = 0.01;

/**
 * Why a metric is not meaningful for this run, by metric key (keys of the report's metrics row): a flat or nearly
 * flat equity curve for Sharpe/Sortino, one or two trades for Sortino and the profit factor, no losing trade, no
 * drawdown, no benchmark. Reports show the caveat with the number instead of a bare figure.
 */
export function metricCaveats(m: StrategyMetrics, movingSessions: number): Record<string, string> {
  const out: Record<string, string> = {};
  const t = m.trade.trades;
  const fewTrades = t <= FEW_TRADES ? `only ${t} trade${t === 1 ? '' : 's'}` : undefined;
  const flat = movingSessions === 0 ? 'flat equity curve' : movingSessions < MIN_MOVING_SESSIONS ? `equity moved on only ${movingSessions} session${movingSessions === 1 ? '' : 's'}` : undefined;
  if (flat) {
    out['sharpe'] = flat;
    out['volatility'] = flat;
  }
  const sortino = [flat, fewTrades].filter(Boolean).join('; ');
  if (sortino) out['sortino'] = sortino;
  if (t === 0) out['profitFactor'] = 'no trades';
  else if (m.trade.profitFactor === Infinity) out['profitFactor'] = fewTrades ? `${fewTrades}, none losing` : 'no losing trade';
  else if (fewTrades) out['profitFactor'] = fewTrades;
  if (!(m.period.maxDrawdown > 0)) out['calmar'] = 'no drawdown';
  else if (m.period.maxDrawdown < SMALL_DRAWDOWN) out['calmar'] = `max drawdown only ${(m.period.maxDrawdown * 100).toFixed(2)}%`;
  if (!Number.isFinite(m.period.beta)) {
    out['alpha'] = 'no benchmark returns';
    out['beta'] = 'no benchmark returns';
  }
  return out;
}

/** Sessions whose equity changed. */
export function movingSessions(equity: ArrayLike<number>): number {
  let k = 0;
  for (let i = 1; i < equity.length; i++) if (equity[i] !== equity[i - 1]) k++;
  return k;
}
