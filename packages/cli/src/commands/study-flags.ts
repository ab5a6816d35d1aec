import type { Command } from 'commander';

/** The study options that say how to read the inputs: calendar, vendor layouts, symbols. */
export interface StudyInputOptions {
  readonly calendar: string;
  readonly columns?: string;
  readonly delimiter?: string;
  readonly dateFormat?: string;
  readonly eventKind?: string;
  readonly eventColumns?: string;
  readonly eventDelimiter?: string;
  readonly eventDateFormat?: string;
  readonly symbols?: string;
}

/** Adds the input-reading flags of `aftershock study`. */
export function studyInputFlags(cmd: Command): Command {
  return cmd
    .option('--calendar <kind>', "market: event time counts the market's own sessions (the dates it has a bar) | xnys: NYSE rules", 'market')
    .option('--columns <map>', 'price columns of a vendor file, field=column,… (fields: date, symbol, open, high, low, close, adjClose, volume)')
    .option('--delimiter <char>', 'price file field delimiter (one character, or "tab")')
    .option('--date-format <layout>', 'price file date layout, e.g. MM/DD/YYYY or DD.MM.YYYY (default YYYY-MM-DD)')
    .option('--event-kind <kind>', 'what the events file holds: earnings|lockup-expiry|ipo|custom|mixed (default: inferred)')
    .option('--event-columns <map>', 'event columns of a vendor file, field=column,… e.g. symbol=ticker,date=acceptance_date_et,time=session_et (time: HH:MM or BMO/AMC/DMH)')
    .option('--event-delimiter <char>', 'events file field delimiter')
    .option('--event-date-format <layout>', 'events file date layout')
    .option('--symbols <list>', "study only these symbols' events, comma-separated (rows of other symbols are not checked)");
}

