import { basename } from 'node:path';
import type { EventKind } from '@aftershock/core';
import { normalizeColumn } from './columns';
import type { EventTable } from './event-table';

/** What one event file holds; `mixed` files say it per row in an `event_type` column. */
export type EventFileKind = 'earnings' | 'lockup-expiry' | 'ipo' | 'custom' | 'mixed';

/** Column names accepted for each event field (compared case- and punctuation-insensitively). */
export const EVENT_COLUMN_ALIASES = {
  symbol: ['symbol', 'ticker'],
  date: ['date', 'event_date', 'reported_date', 'report_date', 'announcement_date', 'earnings_date', 'dates'],
  timing: ['timing', 'report_time', 'time_et', 'time', 'session', 'when'],
  eventType: ['event_type'],
  fiscalPeriod: ['fiscal_period', 'fiscal_quarter', 'quarter', 'period', 'fiscal_date_ending'],
  epsActual: ['eps_actual', 'reported_eps', 'eps', 'eps_gaap_diluted_actual', 'actual_eps'],
  epsEstimate: ['eps_estimate', 'estimated_eps', 'eps_consensus', 'consensus_eps'],
  revenueActual: ['revenue_actual', 'revenue', 'revenue_actual_usd', 'actual_revenue'],
  revenueEstimate: ['revenue_estimate', 'revenue_consensus', 'revenue_consensus_usd', 'estimated_revenue'],
  knownAt: ['known_at', 'announced_at', 'date_known'],
  ipoDate: ['ipo_date', 'first_trade_date', 'listing_date'],
  expiryDate: ['expiry_date', 'lockup_expiry', 'lockup_expiry_date', 'expiration_date'],
  lockupDays: ['lockup_days', 'lock_up_days'],
  offerPrice: ['offer_price', 'ipo_price', 'offer_price_usd'],
  sharesUnlockedPct: ['shares_unlocked_pct', 'unlocked_pct', 'shares_pct'],
  confirmed: ['confirmed'],
  kind: ['kind', 'label', 'event_kind'],
  tags: ['tags'],
  exchange: ['exchange'],
  firstReactionSession: ['first_reaction_session'],
  source: ['source', 'sources', 'source_url', 'source_urls'],
} as const;

export type EventField = keyof typeof EVENT_COLUMN_ALIASES;

/** Columns of known sources that are derived or descriptive; read silently and not used. */
export const IGNORED_COLUMNS = new Set(
  ['surprise', 'surprise_percentage', 'eps_surprise_pct', 'eps_pct_diff', 'detail', 'notes', 'note', 'name', 'company', 'value', 'revenue_yoy', 'country', 'category'].map(normalizeColumn),
);

/** Words naming an event kind, in sections, `event_type` values and file names. */
export const KIND_WORDS: Readonly<Record<string, EventKind>> = {
  earnings: 'earnings',
  earning: 'earnings',
  lockups: 'lockup-expiry',
  lockup: 'lockup-expiry',
  lockupexpiry: 'lockup-expiry',
  lockupexpiries: 'lockup-expiry',
  ipo: 'ipo',
  ipos: 'ipo',
  custom: 'custom',
  events: 'custom',
};

/** Infers what a table holds from its section, columns and file name. */
export function detectKind(table: EventTable, idx: Record<EventField, number>, kind: EventFileKind | 'auto' = 'auto'): EventFileKind | 'relations' | undefined {
  if (kind !== 'auto') return kind;
  if (table.section !== undefined) {
    const k = normalizeColumn(table.section);
    if (k === 'relations') return 'relations';
    if (KIND_WORDS[k]) return KIND_WORDS[k];
  }
  const norm = new Set(table.columns.map(normalizeColumn));
  if (norm.has('related')) return 'relations';
  if (idx.eventType >= 0) return 'mixed';
  if (idx.expiryDate >= 0 || idx.lockupDays >= 0) return 'lockup-expiry';
  if (idx.ipoDate >= 0) return 'ipo';
  if (idx.epsActual >= 0 || idx.epsEstimate >= 0 || idx.revenueActual >= 0 || idx.revenueEstimate >= 0 || idx.fiscalPeriod >= 0 || idx.knownAt >= 0) return 'earnings';
  if (idx.kind >= 0 || idx.tags >= 0) return 'custom';
  const name = basename(table.file).toLowerCase();
  for (const [w, k] of Object.entries(KIND_WORDS)) if (name.includes(w) && w !== 'events') return k;
  return undefined;
}
