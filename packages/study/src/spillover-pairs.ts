import type { MarketEvent, Related } from '@aftershock/core';
import type { RelationsBySymbol } from './spillover-types';

/** Relation label used when a related symbol has none. */
export const DEFAULT_RELATION = 'related';

/** One event and one related symbol, with every relation label and source naming it. */
export interface PairSpec {
  readonly event: MarketEvent;
  readonly symbol: string;
  readonly relations: readonly string[];
  readonly sources: readonly string[];
}

function relationsOf(rel: RelationsBySymbol | undefined, symbol: string): readonly Related[] {
  if (!rel) return [];
  if (rel instanceof Map) return (rel as ReadonlyMap<string, readonly Related[]>).get(symbol) ?? [];
  return Object.hasOwn(rel, symbol) ? (rel as Readonly<Record<string, readonly Related[]>>)[symbol]! : [];
}

/**
 * The (event, related symbol) pairs: each event's own `related` list, then the relations of its company, in that
 * order. A symbol named twice for one event (e.g. NVDA as CoreWeave's supplier and investor) is one pair carrying
 * both labels; the event's own symbol is never its own pair.
 * @example
 * spilloverPairs([crwvQ2], new Map([['CRWV', [{ symbol: 'NVDA', relation: 'supplier' }]]]))
 * // [{ event: crwvQ2, symbol: 'NVDA', relations: ['supplier'], sources: [] }]
 */
export function spilloverPairs(events: readonly MarketEvent[], relations?: RelationsBySymbol, only?: readonly string[]): PairSpec[] {
  const keep = only ? new Set(only) : undefined;
  const out: PairSpec[] = [];
  for (const event of events) {
    const bySymbol = new Map<string, { relations: string[]; sources: string[] }>();
    for (const r of [...(event.related ?? []), ...relationsOf(relations, event.symbol)]) {
      if (r.symbol === event.symbol || (keep && !keep.has(r.symbol))) continue;
      const p = bySymbol.get(r.symbol) ?? { relations: [], sources: [] };
      for (const label of relationLabels(r.relation)) if (!p.relations.includes(label)) p.relations.push(label);
      if (r.source !== undefined && r.source !== '' && !p.sources.includes(r.source)) p.sources.push(r.source);
      bySymbol.set(r.symbol, p);
    }
    for (const [symbol, p] of bySymbol) {
      // A label given without one elsewhere is more specific: drop the default label then.
      const labels = p.relations.length > 1 ? p.relations.filter((l) => l !== DEFAULT_RELATION) : p.relations;
      out.push({ event, symbol, relations: labels, sources: p.sources });
    }
  }
  return out;
}

/** The labels of one relation: several may be given in one text, separated by `,` or `/` (`supplier, investor`). */
export function relationLabels(relation: string | undefined): string[] {
  const labels = (relation ?? '').split(/[,/]/).map((l) => l.trim()).filter((l) => l !== '');
  return labels.length > 0 ? labels : [DEFAULT_RELATION];
}

/** The id of a pair's study event: the event id and the related symbol. */
export function pairId(eventId: string, symbol: string): string {
  return `${eventId}>${symbol}`;
}

/**
 * The event as the study sees it for a pair: the event company's date, timing and kind (so day 0 is the event
 * company's), on the related symbol's prices.
 */
export function pairEvent(p: PairSpec): MarketEvent {
  const { related: _related, ...rest } = p.event;
  return { ...rest, id: pairId(p.event.id, p.symbol), symbol: p.symbol, tags: { ...p.event.tags, spilloverOf: p.event.symbol } } as MarketEvent;
}
