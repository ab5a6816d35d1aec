import type { EngineMessage } from './messages';
import type { Strategy, StrategyContext } from './strategy';

/**
 * Routes one message to a strategy's callbacks: onMessage first, then by type — for a session message each
 * event notice (onEvent), onSession, then the phase callback (the close phase calls onBar, then onSessionClose).
 */
export function dispatch(st: Strategy, m: EngineMessage, ctx: StrategyContext): void {
  st.onMessage?.(m, ctx);
  switch (m.type) {
    case 'session': {
      if (st.onEvent !== undefined) for (const n of m.events) st.onEvent(n, m, ctx);
      st.onSession?.(m, ctx);
      switch (m.phase) {
        case 'pre-open':
          st.onPreOpen?.(m, ctx);
          break;
        case 'open':
          st.onOpen?.(m, ctx);
          break;
        case 'close':
          st.onBar?.(m, ctx);
          st.onSessionClose?.(m, ctx);
          break;
        case 'post-close':
          st.onPostClose?.(m, ctx);
          break;
      }
      break;
    }
    case 'fill':
      st.onFill?.(m.fill, ctx);
      break;
    case 'reject':
      st.onReject?.(m.rejection, ctx);
      break;
    case 'dividend':
      break;
  }
}
