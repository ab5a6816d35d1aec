import type { Portfolio } from './portfolio';
import type { Universe } from './universe';

export type MarkField = 'open' | 'close';

/**
 * The prices positions are marked at. A phase asks for a mark (`request`); it is applied only when someone reads
 * the portfolio (`ensure`), and a second mark at the same price of the same session re-marks only the positions
 * whose last price a fill changed since the first: the others still hold that price.
 */
export class Marks {
  private pending: MarkField | undefined;
  /** Every held position is marked at `field` of `session`, except the symbols in `dirty`. */
  private field: MarkField | undefined;
  private session = -1;
  private readonly dirty: number[] = [];

  constructor(
    private readonly portfolio: Portfolio,
    private readonly universe: Universe,
  ) {}

  /** Positions must be marked at today's `field` before the portfolio is next read. */
  request(field: MarkField): void {
    this.pending = field;
  }

  /** A fill set the symbol's last price to the fill price. */
  filled(sym: number): void {
    this.dirty.push(sym);
  }

  /** Applies the requested mark, if any, for session `s`. */
  ensure(s: number): void {
    const f = this.pending;
    if (f === undefined) return;
    this.pending = undefined;
    if (f === this.field && s === this.session) this.markSome(f, this.dirty);
    else this.markSome(f, this.portfolio.held);
    this.field = f;
    this.session = s;
    this.dirty.length = 0;
  }

  /** Marks the held symbols of `syms` that trade today at today's `field`. */
  private markSome(field: MarkField, syms: readonly number[]): void {
    const pf = this.portfolio;
    const u = this.universe;
    const series = u.series;
    const chunk = u.closeChunk;
    const offset = u.closeOffset;
    const last = pf.last;
    const qty = pf.qty;
    for (let i = 0; i < syms.length; i++) {
      const k = syms[i]!;
      const b = u.barToday(k);
      if (b >= 0 && qty[k] !== 0) {
        // A packed close is read from its arena chunk (see ColumnArena), a stream's from its own column.
        const c = field === 'close' ? chunk[k] : undefined;
        const p = c !== undefined ? c[offset[k]! + b]! : field === 'open' ? series[k]!.open[b]! : series[k]!.close[b]!;
        last[k] = p;
        if (!(p >= 0)) pf.negativeMark = true;
      }
    }
  }
}
