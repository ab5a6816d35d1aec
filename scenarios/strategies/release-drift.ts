/**
 * release-drift — a strategy module in the RxJS operator form: the default export returns
 * `(messages$, ctx) => Observable<Command>` instead of a Strategy object.
 *
 * When an earnings release is public at a session's post-close (after-close releases are), buy at the next session's
 * open and sell `hold` sessions later at the close: the drift after the news. Fixed `shares` per trade.
 */
import { filter, mergeMap, type Observable } from 'rxjs';
import { z } from 'zod';

export const params = z.strictObject({
  hold: z.number().int().min(1).max(60).default(5).describe('sessions held, entry session included'),
  shares: z.number().int().positive().default(50).describe('shares per trade'),
});
type Params = z.infer<typeof params>;

interface Msg {
  type: string;
  phase?: string;
  session?: number;
  events?: readonly { stage: string; event: { id: string; symbol: string; kind: string } }[];
}
type Command = { type: 'submit'; order: Record<string, unknown> };

export default function releaseDrift(p: Params) {
  return (messages$: Observable<Msg>): Observable<Command> => {
    // Orders to send, by session: entries at its pre-open (market-on-open), exits at its close (market-on-close).
    const entries = new Map<number, Command[]>();
    const exits = new Map<number, Command[]>();
    const later = (m: Map<number, Command[]>, s: number, c: Command) => m.set(s, [...(m.get(s) ?? []), c]);
    return messages$.pipe(
      filter((m) => m.type === 'session'),
      mergeMap((m) => {
        const s = m.session ?? 0;
        if (m.phase === 'pre-open') return entries.get(s) ?? [];
        if (m.phase === 'close') return exits.get(s) ?? [];
        if (m.phase === 'post-close') {
          for (const n of m.events ?? []) {
            if (n.stage !== 'released' || n.event.kind !== 'earnings') continue;
            const order = { symbol: n.event.symbol, quantity: p.shares, eventId: n.event.id };
            later(entries, s + 1, { type: 'submit', order: { ...order, side: 'buy', type: 'market-on-open', reason: 'entry' } });
            later(exits, s + p.hold, { type: 'submit', order: { ...order, side: 'sell', type: 'market-on-close', reason: 'exit' } });
          }
        }
        return [];
      }),
    );
  };
}
