import { Portfolio, type PositionView, TradeTracker } from '@alphintra/engine';

/** How the ledgers value and round an instrument (from the portfolio spec's instrument terms). */
export interface LedgerInstrument {
  readonly id: string;
  readonly multiplier: number;
  readonly lotSize: number;
  readonly margined: boolean;
}

/**
 * One sleeve's virtual account: its cash, positions, realised P&L and fees (an engine
 * {@link Portfolio} fed with the fills of the sleeve's orders only), its round-trip trades (an
 * engine {@link TradeTracker}), and the capital rebalancing moved in or out. Positions are
 * valued at the account's marks, so the ledgers of all sleeves add up to the account: with one
 * sleeve the ledger repeats the account's arithmetic step for step and agrees to the last bit.
 */
export class SleeveLedger {
  readonly book: Portfolio;
  readonly trades: TradeTracker;
  readonly instruments: readonly LedgerInstrument[];
  /** Fills booked. */
  fills = 0;
  #transfers = 0;
  readonly #marks: readonly PositionView[];
  /** Instruments held, ascending (the book sums equity in the same order). */
  readonly #held: Int32Array;
  #heldCount = 0;

  /**
   * @param instruments the run's instruments, in the account's order
   * @param marks the account's live position views, whose `lastPrice` is the mark
   * @param capital the sleeve's starting capital
   */
  constructor(instruments: readonly LedgerInstrument[], marks: readonly PositionView[], capital: number) {
    this.instruments = instruments;
    this.#marks = marks;
    this.book = new Portfolio(
      instruments.map((i) => ({ id: i.id, multiplier: i.multiplier, margined: i.margined, marginRate: 0.1 })),
      { cash: capital, leverage: 1, allowShort: true },
    );
    this.trades = new TradeTracker(
      instruments.map((i) => i.id),
      instruments.map((i) => i.multiplier),
    );
    this.#held = new Int32Array(instruments.length);
  }

  /** Cash, including capital moved by rebalancing. */
  get cash(): number {
    return this.book.cash + this.#transfers;
  }

  /** Capital moved in (positive) or out by rebalancing so far. */
  get transfers(): number {
    return this.#transfers;
  }

  /** Signed units held of instrument `k`. */
  quantity(k: number): number {
    return this.book.quantity[k] as number;
  }

  /** Number of instruments held, and the `i`-th of them (ascending). */
  get heldCount(): number {
    return this.#heldCount;
  }
  heldAt(i: number): number {
    return this.#held[i] as number;
  }

  /** Cash plus every position at the account's current marks. */
  equity(): number {
    this.refreshMarks();
    return this.book.equity() + this.#transfers;
  }

  /** Copies the account's marks onto the held positions. */
  refreshMarks(): void {
    for (let i = 0; i < this.#heldCount; i++) {
      const k = this.#held[i] as number;
      this.book.mark(k, (this.#marks[k] as PositionView).lastPrice);
    }
  }

  /** Signed notional of the position in `k` at the account's mark. */
  notional(k: number): number {
    const q = this.book.quantity[k] as number;
    if (q === 0) return 0;
    return q * (this.#marks[k] as PositionView).lastPrice * (this.instruments[k] as LedgerInstrument).multiplier;
  }

  /**
   * Books a fill of `signed` units of `k` at `price` paying `fee`; `path` (as the engine's
   * trade tracker reads it) tells where on its bar's path the fill happened.
   */
  applyFill(k: number, signed: number, price: number, fee: number, time: number, path?: Float64Array): void {
    const last = (this.#marks[k] as PositionView).lastPrice;
    if (!Number.isNaN(last)) this.book.mark(k, last);
    const before = this.book.quantity[k] as number;
    const realized = this.book.applyFill(k, signed, price, fee);
    this.trades.onFill(k, before, signed, price, fee, realized, time, path);
    this.fills++;
    this.#track(k, before);
  }

  /** Books a cash flow tied to `k` (dividend, borrow, funding) against the position and its trade. */
  applyCarry(k: number, amount: number): void {
    this.book.applyCarry(k, amount);
    this.trades.onCarry(k, amount);
  }

  /** Applies a split of `ratio` new units per old one to the position in `k`. */
  applySplit(k: number, ratio: number): void {
    const before = this.book.quantity[k] as number;
    this.book.applySplit(k, ratio);
    this.trades.onSplit(k, ratio);
    this.#track(k, before);
  }

  /** Moves capital in (positive) or out of the sleeve. */
  transfer(amount: number): void {
    this.#transfers += amount;
  }

  #track(k: number, before: number): void {
    const after = this.book.quantity[k] as number;
    if (before === 0 && after !== 0) {
      let o = this.#heldCount;
      while (o > 0 && (this.#held[o - 1] as number) > k) {
        this.#held[o] = this.#held[o - 1] as number;
        o--;
      }
      this.#held[o] = k;
      this.#heldCount++;
    } else if (before !== 0 && after === 0) {
      let o = 0;
      while (this.#held[o] !== k) o++;
      this.#held.copyWithin(o, o + 1, this.#heldCount);
      this.#heldCount--;
    }
  }
}
