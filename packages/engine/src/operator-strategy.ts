import { Subject, type Subscription } from 'rxjs';
import type { EngineMessage } from './messages';
import type { Strategy, StrategyContext, StrategyOperator } from './strategy';

/**
 * A strategy written as an RxJS operator: it receives the message stream (every message, in order) and the
 * context, and returns a stream of commands (submit / cancel) that the engine executes at once.
 * @example
 * const s = operatorStrategy('buy-before-report', (m$, ctx) =>
 *   m$.pipe(atCloseBeforeEvent(), map((t) => ({ type: 'submit', order: { symbol: t.event.symbol, side: 'buy', quantity: 10, type: 'market-on-close', eventId: t.event.id } }) as const)));
 */
export function operatorStrategy(name: string, op: StrategyOperator): Strategy {
  let subject: Subject<EngineMessage> | undefined;
  let sub: Subscription | undefined;
  const start = (ctx: StrategyContext): void => {
    sub?.unsubscribe();
    subject = new Subject<EngineMessage>();
    sub = op(subject.asObservable(), ctx).subscribe((c) => {
      if (c.type === 'submit') ctx.submit(c.order);
      else ctx.cancel(c.orderId);
    });
  };
  return {
    name,
    init: start,
    onMessage: (m) => subject?.next(m),
    onEnd: () => {
      subject?.complete();
      sub?.unsubscribe();
      subject = undefined;
    },
  };
}
