import type { IsoDate } from '@aftershock/core';
import type { CostItem, CostKind, CostTotals } from './results';
import { objectArray } from './object-array';
import { grown } from './grown';

const KINDS: readonly CostKind[] = ['commission', 'slippage', 'borrow', 'dividend'];
export const KIND = { commission: 0, slippage: 1, borrow: 2, dividend: 3 } as const;

/** How a cost line's note is written from its numbers (`a`–`d`), when it is read. */
export const NOTE = {
  none: 0,
  /** `q × |price − reference|` */
  slippage: 1,
  /** `days day(s) × rate% / basis on value` */
  borrow: 2,
  /** `q × perShare ex date` */
  dividend: 3,
} as const;
export type NoteKind = (typeof NOTE)[keyof typeof NOTE];

const NUMS = 6;

/**
 * The run's itemised costs as typed columns, made into `CostItem` objects (with their notes written) only when
 * someone reads them; the totals are summed from the columns in the same order as the items. Each item is built
 * once. Amounts are stored as given, so a total is the same floating-point number however it is read.
 */
export class CostLog {
  private n = 0;
  /** Per line: amount, instant, and the note's numbers a–d. */
  private num = new Float64Array(0);
  /** Per line: universe index, session, order id (0: none). */
  private ints = new Int32Array(0);
  private codes = new Uint8Array(0);
  private readonly eventIds = objectArray<string | undefined>();
  private readonly built = objectArray<CostItem>();

  constructor(
    private readonly symbols: readonly string[],
    /** The calendar (its `date` of a session: a method, the same call target in every run). */
    private readonly dates: { date(session: number): IsoDate },
  ) {}

  get length(): number {
    return this.n;
  }

  /** Appends a cost line (`orderId` 0 for none) whose note is written from `a`–`d` as `note` says. */
  append(kind: number, sym: number, amount: number, ts: number, session: number, orderId: number, eventId: string | undefined, note: NoteKind, a = 0, b = 0, c = 0, d = 0): void {
    const i = this.n;
    if (i === this.codes.length / 2) this.grow(Math.max(64, i * 2));
    const x = i * NUMS;
    this.num[x] = amount;
    this.num[x + 1] = ts;
    this.num[x + 2] = a;
    this.num[x + 3] = b;
    this.num[x + 4] = c;
    this.num[x + 5] = d;
    this.ints[i * 3] = sym;
    this.ints[i * 3 + 1] = session;
    this.ints[i * 3 + 2] = orderId;
    this.codes[i * 2] = kind;
    this.codes[i * 2 + 1] = note;
    this.eventIds.push(eventId);
    this.n = i + 1;
  }

  private grow(cap: number): void {
    this.num = grown(this.num, cap * NUMS);
    this.ints = grown(this.ints, cap * 3);
    this.codes = grown(this.codes, cap * 2);
  }

  /** Per kind, the sum of the first `n` lines' amounts, in line order, and their total. */
  totals(n = this.n): CostTotals {
    const t = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) t[this.codes[i * 2]!]! += this.num[i * NUMS]!;
    const [commission, slippage, borrow, dividend] = t as [number, number, number, number];
    return { commission, slippage, borrow, dividend, total: commission + slippage + borrow + dividend };
  }

  /** Line `i` as a `CostItem` (built on first request; optional fields present only when given). */
  item(i: number): CostItem {
    const had = this.built[i];
    if (had !== undefined) return had;
    const x = i * NUMS;
    const session = this.ints[i * 3 + 1]!;
    const date = this.dates.date(session);
    const c: { -readonly [K in keyof CostItem]: CostItem[K] } = {
      kind: KINDS[this.codes[i * 2]!]!,
      symbol: this.symbols[this.ints[i * 3]!]!,
      amount: this.num[x]!,
      ts: this.num[x + 1]!,
      session,
      date,
    };
    const orderId = this.ints[i * 3 + 2]!;
    const eventId = this.eventIds[i];
    if (orderId !== 0) c.orderId = orderId;
    if (eventId !== undefined) c.eventId = eventId;
    const a = this.num[x + 2]!;
    const b = this.num[x + 3]!;
    const cc = this.num[x + 4]!;
    const d = this.num[x + 5]!;
    switch (this.codes[i * 2 + 1]) {
      case NOTE.slippage:
        c.note = `${a} × |${b} − ${cc}|`;
        break;
      case NOTE.borrow:
        c.note = `${a} day(s) × ${(b * 100).toFixed(2)}% / ${cc} on ${d.toFixed(2)}`;
        break;
      case NOTE.dividend:
        c.note = `${a} × ${b} ex ${date}`;
        break;
    }
    this.built[i] = c;
    return c;
  }

  /** The first `n` lines (default all), in the order they were charged. */
  all(n = this.n): CostItem[] {
    const out = new Array<CostItem>(Math.min(n, this.n));
    for (let i = 0; i < out.length; i++) out[i] = this.item(i);
    return out;
  }
}
