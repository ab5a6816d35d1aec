export { PHASES, PRIORITY, compareMessages } from './messages';
export type {
  BarSlice,
  DividendMessage,
  EngineMessage,
  EventNotice,
  FillMessage,
  Phase,
  RejectMessage,
  ReleasedNotice,
  ScheduledEvent,
  ScheduledNotice,
  SessionMessage,
} from './messages';
export type { Fill, FillPoint, Order, OrderRequest, OrderStatus, OrderType, RejectCode, Rejection, Side, TimeInForce } from './orders';
export { commissionOf, slippagePerShare } from './costs';
export type { BorrowConfig, CommissionConfig, CostConfig, SlippageConfig } from './costs';
export type {
  BacktestResult,
  CostItem,
  CostKind,
  CostTotals,
  EquityPoint,
  PositionSnapshot,
  Trade,
  TradeCosts,
} from './results';
export { inMemorySource, isStreamingSource, streamingSource } from './source';
export type { BarSource, StreamingSource } from './source';
export { GrowingSeries } from './growing-series';
export type { BarRow } from './growing-series';
export type { Clock, Command, PortfolioView, SeriesView, Strategy, StrategyContext, StrategyOperator } from './strategy';
export type { BacktestConfig, MarginConfig, ReplayConfig } from './config';
export {
  averageTrueRange,
  returnStdDev,
  sizeFixedNotional,
  sizeFixedShares,
  sizeFractionOfEquity,
  sizeVolatilityTarget,
} from './sizing';
export type { VolatilityTarget } from './sizing';
export { backtest$, replay, runBacktest } from './backtest';
export { buildNotices, scheduledView } from './event-notices';
export { phaseInstant, POST_CLOSE_OFFSET, PRE_OPEN_OFFSET } from './phase-times';
export { atCloseBeforeEvent, sessionsAfterDay0, whenSurpriseKnown } from './event-triggers';
export type { EventTrigger, SurpriseKnown } from './event-triggers';
export { operatorStrategy } from './operator-strategy';
export { validateBacktestConfig } from './validate-config';
