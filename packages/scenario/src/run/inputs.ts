import {
  Problems,
  releaseInstant,
  scheduledInstant,
  surpriseSign,
  type BarSeries,
  type CustomEvent,
  type MarketEvent,
  type Related,
  type TradingCalendar,
} from '@aftershock/core';
import { findSymbolFiles, isParquetPath, loadEvents, loadLongPrices, loadPriceFile, loadRelations, loadSymbol, parquetSymbols, readParquetPrices, type EventFileInput } from '@aftershock/data';
import { resolvePriceRoots } from '../load/roots';
import { eventReadInput, longPriceFile, priceReadOptions, symbolPriceFiles } from '../load/vendor-files';
import type { Scenario } from '../load/scenario';

/** Everything a run reads, loaded once. */
export interface RunInputs {
  /** The scenario's events after kinds and filters, sorted by date then id. */
  readonly events: readonly MarketEvent[];
  /** Every event of the calendars before filtering (for spillover contamination checks). */
  readonly allEvents: readonly MarketEvent[];
  /** Related symbols per event company. */
  readonly related: ReadonlyMap<string, readonly Related[]>;
  readonly prices: ReadonlyMap<string, BarSeries>;
  readonly benchmark: BarSeries;
  /** Price (and dividend) files read, for provenance hashes. */
  readonly priceFiles: readonly string[];
  /** What the user must be told about where the prices came from (the embedded sample says so). */
  readonly notes: readonly string[];
}

function inlineEvents(s: Scenario, cal: TradingCalendar): MarketEvent[] {
  return s.events.list.map((e): MarketEvent => {
    const base = {
      id: e.id ?? `${e.symbol}:${e.kind}:${e.date}`,
      symbol: e.symbol,
      date: e.date,
      timing: e.timing,
      tsEvent: releaseInstant(cal, e.date, e.timing),
      tsKnown: scheduledInstant(cal, e.date),
      tags: {},
      origin: { file: s.file ?? '(scenario)', line: 0 },
    };
    if (e.kind === 'custom') return { ...base, kind: 'custom', ...(e.label !== undefined ? { label: e.label } : {}) } satisfies CustomEvent;
    return { ...base, kind: e.kind };
  });
}

function passes(s: Scenario, e: MarketEvent): boolean {
  const f = s.events.filters;
  if (s.events.kinds && !s.events.kinds.includes(e.kind)) return false;
  if (f.timing && !f.timing.includes(e.timing)) return false;
  if (f.surprise && !f.surprise.includes(surpriseSign(e))) return false;
  if (f.symbols && !f.symbols.includes(e.symbol)) return false;
  if (f.from && e.date < f.from) return false;
  if (f.to && e.date > f.to) return false;
  if (f.confirmed !== undefined && (e.kind !== 'lockup-expiry' || e.confirmed !== f.confirmed)) return false;
  if (s.universe !== 'events' && !s.universe.symbols.includes(e.symbol)) return false;
  return true;
}

function relatedOf(s: Scenario, events: readonly MarketEvent[]): Map<string, Related[]> {
  const out = new Map<string, Related[]>();
  if (!s.related) return out;
  const add = (company: string, r: Related) => {
    if (s.related?.only && !s.related.only.includes(r.symbol)) return;
    const list = out.get(company) ?? [];
    const same = list.findIndex((x) => x.symbol === r.symbol);
    // One pair per related symbol: several relations (supplier, investor) are joined into one label.
    if (same >= 0) {
      const prev = list[same]!;
      const labels = [prev.relation, r.relation].filter((x): x is string => !!x);
      list[same] = { ...prev, relation: [...new Set(labels)].join(', ') };
    } else list.push(r);
    out.set(company, list);
  };
  if (s.related.file) for (const [company, list] of loadRelations(s.related.file)) for (const r of list) add(company, r);
  for (const [company, list] of Object.entries(s.related.symbols)) for (const r of list) add(company, { symbol: r.symbol, ...(r.relation ? { relation: r.relation } : {}), ...(r.source ? { source: r.source } : {}) });
  for (const e of events) for (const r of e.related ?? []) add(e.symbol, r);
  return out;
}

/**
 * The symbols whose event rows a scenario reads, or undefined for every row: the symbols its filters and universe
 * keep, and their related symbols (whose own events mark spillover pairs as contaminated). Rows of other symbols are
 * skipped before any check, so a vendor file's bad row of an unused symbol neither fails nor warns.
 */
function eventSymbols(s: Scenario): Set<string> | undefined {
  const f = s.events.filters.symbols;
  const u = s.universe !== 'events' ? s.universe.symbols : undefined;
  if (!f && !u) return undefined;
  const used = new Set(f && u ? f.filter((x) => u.includes(x)) : (f ?? u));
  const out = new Set(used);
  if (s.related) {
    for (const x of s.related.only ?? []) out.add(x);
    for (const [company, list] of Object.entries(s.related.symbols)) if (used.has(company)) for (const r of list) out.add(r.symbol);
    if (s.related.file) for (const [company, list] of loadRelations(s.related.file)) if (used.has(company)) for (const r of list) out.add(r.symbol);
  }
  return out;
}

/** Each event file of the scenario with its reading options, in @aftershock/data's terms. */
function eventFileInputs(s: Scenario, cal: TradingCalendar): EventFileInput[] {
  const wanted = eventSymbols(s);
  return s.events.files.map((e) => {
    const own = e.symbols ? new Set(e.symbols) : undefined;
    const symbols = own && wanted ? new Set([...own].filter((x) => wanted.has(x))) : (own ?? wanted);
    return {
      ...eventReadInput(e),
      calendar: cal,
      ...(symbols ? { symbols } : {}),
    };
  });
}

/**
 * Loads the events, relations and every price series the scenario needs. Throws coded errors for bad files. A
 * root that is a Parquet store is read through DuckDB with only the symbols the run needs.
 */
export async function loadInputs(s: Scenario, cal: TradingCalendar): Promise<RunInputs> {
  const problems = new Problems();
  const fromFiles = s.events.files.length ? loadEvents(eventFileInputs(s, cal), { problems }) : [];
  const allEvents = [...fromFiles, ...inlineEvents(s, cal)];
  const events = allEvents.filter((e) => passes(s, e)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const related = relatedOf(s, events);
  // Strategies that trade a related symbol (spillover-reaction) read it from the event, as a calendar would carry it.
  const withRelated = events.map((e) => (related.has(e.symbol) ? ({ ...e, related: related.get(e.symbol)! } as MarketEvent) : e));
  const want = new Set<string>([s.data.benchmark, ...events.map((e) => e.symbol)]);
  for (const e of withRelated) for (const r of e.related ?? []) want.add(r.symbol);
  for (const st of s.strategies) {
    const listed = st.params['symbols'];
    if (typeof listed === 'string' && listed !== 'benchmark' && listed !== 'events') for (const x of listed.split(',')) if (x.trim()) want.add(x.trim());
  }
  const prices = new Map<string, BarSeries>();
  const priceFiles: string[] = [];
  const long = longPriceFile(s.data.files);
  if (long) {
    for (const [sym, bars] of loadLongPrices(long.file, { calendar: cal, ...priceReadOptions(long) })) if (want.has(sym)) prices.set(sym, bars);
    priceFiles.push(long.file);
  }
  for (const [sym, f] of Object.entries(symbolPriceFiles(s.data.files))) {
    if (!want.has(sym)) continue;
    prices.set(sym, loadPriceFile(f.file, { symbol: sym, calendar: cal, ...priceReadOptions(f) }));
    priceFiles.push(f.file);
  }
  const { dirs: roots, notes } = resolvePriceRoots(s.data, s.dir);
  const stores = new Map<string, Set<string>>();
  for (const r of roots) if (isParquetPath(r)) stores.set(r, new Set(await parquetSymbols(r)));
  const has = (r: string, sym: string) => stores.get(r)?.has(sym) ?? findSymbolFiles(r, sym) !== undefined;
  const fromStore = new Map<string, string[]>();
  for (const sym of [...want].sort()) {
    if (prices.has(sym)) continue;
    const root = roots.find((r) => has(r, sym));
    if (root === undefined) continue;
    if (stores.has(root)) {
      fromStore.set(root, [...(fromStore.get(root) ?? []), sym]);
      continue;
    }
    const f = findSymbolFiles(root, sym)!;
    prices.set(sym, loadSymbol(root, sym, { calendar: cal, problems }));
    priceFiles.push(f.prices, ...(f.dividends ? [f.dividends] : []));
  }
  for (const [store, symbols] of fromStore) {
    for (const [sym, bars] of await readParquetPrices(store, { symbols, calendar: cal, problems })) prices.set(sym, bars);
    priceFiles.push(store);
  }
  if (stores.size > 0) {
    // The symbols a scenario names, which validation could not look up in a store without reading it.
    const named: [string, string][] = [
      ...(s.universe !== 'events' ? s.universe.symbols.map((x, i): [string, string] => [x, `universe.symbols[${i}]`]) : []),
      ...(s.events.filters.symbols ?? []).map((x, i): [string, string] => [x, `events.filters.symbols[${i}]`]),
      ...s.events.list.map((e, i): [string, string] => [e.symbol, `events.list[${i}].symbol`]),
    ];
    for (const [sym, field] of named) {
      if (!prices.has(sym) && !roots.some((r) => has(r, sym))) {
        problems.error('SCENARIO_UNKNOWN_SYMBOL', `unknown symbol "${sym}": no price data for it in ${roots.join(', ')}`, { field, ...(s.file ? { file: s.file } : {}) });
      }
    }
  }
  const benchmark = prices.get(s.data.benchmark);
  if (!benchmark) {
    problems.error('DATA_UNKNOWN_SYMBOL', `no prices for the benchmark ${s.data.benchmark}`, { field: 'data.benchmark', ...(s.file ? { file: s.file } : {}) });
  }
  problems.throwIfErrors();
  return { events: withRelated, allEvents, related, prices, benchmark: benchmark!, priceFiles, notes };
}
