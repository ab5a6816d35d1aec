import type { Command } from 'commander';
import { AR_ROWS, MODEL_KINDS, STUDY_PROFILES } from '@aftershock/study';
import { studyInputFlags, type StudyInputOptions } from './study-flags';

export interface StudyOptions extends StudyInputOptions {
  readonly prices: string;
  readonly events: string;
  readonly market: string;
  readonly estimation: string;
  readonly window: string;
  readonly car?: string;
  readonly model: string;
  readonly returns: string;
  readonly profile: string;
  readonly price: string;
  readonly nonSession: string;
  readonly unknownTiming: string;
  readonly minEstimation: string;
  readonly groupBy?: string;
  readonly bootstrap: string;
  readonly seed: string;
  readonly excludeConfounded?: boolean;
  readonly factors?: string;
  readonly calendarTime?: string | boolean;
  readonly nwLag?: string;
  readonly volume?: string | boolean;
  readonly arRows: string;
  readonly out: string;
  readonly shardEvents?: string;
  readonly queue?: string;
}

/** `aftershock study`: an event study of the events against a market index; writes estudy2-format tables. */
export function registerStudy(program: Command): void {
  const cmd = program
    .command('study')
    .description('event study: abnormal returns around events and their significance tests (estudy2-conformant tables)')
    .requiredOption('--prices <path>', 'long CSV date,symbol,close (the market among its symbols), a price folder, or a Parquet store (data ingest)')
    .requiredOption('--events <file>', 'events: symbol,event_date[,timing] CSV or any event calendar')
    .requiredOption('--market <symbol>', 'market index symbol (its sessions define event time)')
    .option('--estimation <a:b>', 'estimation window in sessions relative to day 0', '-250:-11')
    .option('--window <a:b>', 'event window in sessions relative to day 0', '-5:5')
    .option('--car <list>', 'CAR windows a:b,c:d,… inside the event window (default: the event window)')
    .option('--model <model>', MODEL_KINDS.join('|'), 'market-model')
    .option('--returns <kind>', 'simple|log', 'simple')
    .option('--profile <profile>', STUDY_PROFILES.join('|'), 'textbook')
    .option('--price <field>', 'close (raw) | adjusted (dividends added back)', 'close')
    .option('--non-session <policy>', 'event date that is not a session: next|previous|skip', 'next')
    .option('--unknown-timing <policy>', 'unknown timing: same-session|next-session', 'same-session')
    .option('--min-estimation <n>', 'minimum estimation returns; events below are excluded', '30')
    .option('--group-by <field>', 'also test groups of an event field (kind, timing, surprise, symbol, or a tag)')
    .option('--bootstrap <n>', 'bootstrap samples for the CAAR confidence interval (0: off)', '1000')
    .option('--seed <n>', 'bootstrap seed', '1')
    .option('--factors <files>', "Ken French's daily factor CSVs, comma-separated, for --model ff3|ff5|carhart (carhart: FF3 and the momentum file)")
    .option('--exclude-confounded', "leave events with another of the firm's events inside their window out of the tests (they stay in the tables)")
    .option('--calendar-time [a:b]', "calendar-time portfolio test: each session an equal-weighted portfolio of the firms within a:b sessions of their day 0 (default 0:end of --window), its return regressed on the market or the model's factors (calendar_time*.csv)")
    .option('--nw-lag <n>', 'Newey–West lag in sessions for --calendar-time (default auto: floor(4(T/100)^(2/9)))')
    .option('--shard-events <n>', 'study the events in shards of about n (a symbol\'s events stay together), each reading only its symbols and span from a Parquet --prices; same tables as unsharded')
    .option('--queue <url>', 'redis://HOST:PORT: run the shards (default 2,000 events each) as jobs on `aftershock worker` processes')
    .option('--volume [model]', 'abnormal log volume log(1+V): market-model (on the market\'s log volume, the default) | mean-adjusted (volume_*.csv)')
    .option('--ar-rows <rows>', `rows of ar.csv: ${AR_ROWS.join('|')} (event: the event window; all: from the first estimation day on, gap included, as estudy2 writes it)`, 'event')
    .requiredOption('--out <dir>', 'output folder');
  studyInputFlags(cmd).action(async (o: StudyOptions) => (await import('./study-action')).runStudyCommand(o));
}
