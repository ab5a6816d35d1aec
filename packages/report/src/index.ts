export { PAIR_METRIC, RESULT_SCHEMA_VERSION } from './result-types';
export type {
  AarRow,
  CarTest,
  CalendarTimeSummary,
  CalendarTimeTermRow,
  CarValue,
  FlaggedStat,
  VolumeSummary,
  ComparisonEventRow,
  ComparisonPair,
  PairFigure,
  ComparisonResult,
  Confounding,
  EventResult,
  PricePoint,
  ResultMeta,
  RunResult,
  SeriesPoint,
  SessionWindow,
  SpilloverResult,
  StrategyMetricsRow,
  StrategyResult,
  StudyGroup,
  StudyResult,
  SweepScore,
  SweepSummary,
  TestTable,
  TradeRow,
} from './result-types';
export { escapeHtml, money, num, offsetLabel, pct, stable, windowLabel } from './format';
export { parseResultJson, renderJson, renderJsonCompact } from './json';
export { renderMarkdown } from './markdown';
export { eventsCsv, spilloversCsv, tradesCsv } from './csv';
export { MAX_CHART_POINTS, MAX_EVENT_CHARTS, MAX_STRATEGY_CHARTS, renderHtml } from './html';
export { histogram, lineChart, niceTicks, PALETTE } from './svg';
export { lttbIndices } from './downsample';
export { REPORT_FILES, REPORT_FORMATS, checkReportFolder, renderReports, writeReports } from './write';
export { checkOutputFolder, writeFolder } from './folder-writer';
export type { FolderFile, FolderKind } from './folder-writer';
export type { ReportFormat } from './write';
export { MIN_PAIRS_FOR_VERDICT, diffDigits, verdict } from './verdict';
export { COMPARISON_HEADER, COMPARISON_NUMERIC, UNION_LABEL, comparisonMethod, comparisonRows } from './comparison-view';
export type { ComparisonRow } from './comparison-view';
