import { grow } from '../support/columns.js';

/** A round trip: from flat to flat (a reversal closes one trade and opens the next). */
export interface Trade {
  readonly id: number;
  readonly instrument: string;
  readonly side: 'long' | 'short';
  readonly entryTime: number;
  /** Average entry price. */
  readonly entryPrice: number;
  /** Largest absolute size held during the trade. */
  readonly quantity: number;
  readonly exitTime: number;
  /** Average exit price. */
  readonly exitPrice: number;
  /**
   * Realised P&L after the trade's fees (and any carry booked while open), in the account
   * currency (accrued in the instrument's currency and converted at the exit's rate).
   */
  readonly pnl: number;
  /** P&L over the entry notional, both in the instrument's currency (a currency-free fraction). */
  readonly returnFraction: number;
  /** Fees, in the account currency (converted at the exit's rate). */
  readonly fees: number;
  /** Bars the trade was open on (counted at each bar it was held through). */
  readonly bars: number;
  /** Duration in µs from entry to exit. */
  readonly duration: number;
  /** Maximum adverse excursion: the worst open P&L seen, ≤ 0, in account currency (at the exit's rate). */
  readonly mae: number;
  /** Maximum favourable excursion: the best open P&L seen, ≥ 0. */
  readonly mfe: number;
}

interface OpenTrade {
  /** Whether this slot holds an open trade. */
  active: boolean;
  id: number;
  side: 1 | -1;
  entryTime: number;
  entryPrice: number;
  entryQuantity: number;
  size: number;
  maxSize: number;
  exitQuantity: number;
  exitValue: number;
  realized: number;
  fees: number;
  carry: number;
  bars: number;
  best: number;
  worst: number;
  /**
   * Range of the current bar's path after the trade's last fill in it, which replaces the
   * bar's whole range at the end of the bar (NaN: the whole bar).
   */
  restLow: number;
  restHigh: number;
}

const emptySlot = (): OpenTrade => ({
  active: false,
  id: 0,
  side: 1,
  entryTime: 0,
  entryPrice: 0,
  entryQuantity: 0,
  size: 0,
  maxSize: 0,
  exitQuantity: 0,
  exitValue: 0,
  realized: 0,
  fees: 0,
  carry: 0,
  bars: 0,
  best: 0,
  worst: 0,
  restLow: Number.NaN,
  restHigh: Number.NaN,
});

/**
 * Builds {@link Trade}s from fills, and tracks excursions of open trades bar by bar. Each
 * instrument has one reusable slot for its open trade, and closed trades are kept in typed
 * columns ({@link TradeTracker.at}, {@link TradeTracker.toArray} build `Trade`s on demand), so
 * a run with many trades allocates nothing per trade.
 */
export class TradeTracker {
  /** Number of closed trades. */
  count = 0;
  readonly #ids: readonly string[];
  readonly #multipliers: Float64Array;
  readonly #open: OpenTrade[];
  readonly #exitRate: ((index: number) => number) | undefined;
  #next = 1;
  #id = new Int32Array(64);
  #instrument = new Int32Array(64);
  #side = new Int8Array(64);
  #numbers = new Float64Array(64 * 12);

  /**
   * `exitRate`, in multi-currency accounts, gives the value of an instrument's quote currency
   * in the account currency now: a trade's P&L, fees and excursions accrue in the quote
   * currency and are converted at its exit.
   */
  constructor(instrumentIds: readonly string[], multipliers: readonly number[], exitRate?: (index: number) => number) {
    this.#exitRate = exitRate;
    this.#ids = instrumentIds;
    this.#multipliers = Float64Array.from(multipliers);
    this.#open = instrumentIds.map(emptySlot);
  }

  /** The open trade's id on an instrument, or 0. */
  openTradeId(index: number): number {
    const open = this.#open[index] as OpenTrade;
    return open.active ? open.id : 0;
  }

  /** Id of the last closed trade, or 0. */
  lastClosedId(): number {
    return this.count > 0 ? (this.#id[this.count - 1] as number) : 0;
  }

  /**
   * Records a fill of signed `quantity` at `price` (position before the fill: `before`).
   * `path` tells where on its bar's price path the fill happened (see `VenueListener.fillPath`):
   * the trade held before the fill saw the prices since the previous fill; the one held after
   * it sees only the rest of the bar. NaN cells: unknown, the whole bar counts.
   */
  onFill(
    index: number,
    before: number,
    quantity: number,
    price: number,
    fee: number,
    realized: number,
    time: number,
    path?: Float64Array,
  ): void {
    let remaining = quantity;
    let feeLeft = fee;
    const open = this.#open[index] as OpenTrade;
    if (open.active && path !== undefined) this.#widen(index, open, path, 1, path, 0);
    if (open.active && Math.sign(quantity) !== open.side) {
      const closing = Math.min(Math.abs(before), Math.abs(quantity));
      const share = closing / Math.abs(quantity);
      open.exitQuantity += closing;
      open.exitValue += closing * price;
      open.realized += realized;
      open.fees += fee * share;
      feeLeft = fee - fee * share;
      open.size -= closing;
      remaining = quantity + closing * open.side;
      if (open.size <= 1e-12 * open.maxSize) this.#close(index, open, time);
    } else if (open.active) {
      open.entryPrice =
        (open.entryPrice * open.entryQuantity + Math.abs(quantity) * price) / (open.entryQuantity + Math.abs(quantity));
      open.entryQuantity += Math.abs(quantity);
      open.size += Math.abs(quantity);
      if (open.size > open.maxSize) open.maxSize = open.size;
      open.fees += fee;
      remaining = 0;
    }
    if (!open.active && Math.abs(remaining) > 0) {
      const size = Math.abs(remaining);
      open.active = true;
      open.id = this.#next++;
      open.side = remaining > 0 ? 1 : -1;
      open.entryTime = time;
      open.entryPrice = price;
      open.entryQuantity = size;
      open.size = size;
      open.maxSize = size;
      open.exitQuantity = 0;
      open.exitValue = 0;
      open.realized = 0;
      open.fees = feeLeft;
      open.carry = 0;
      open.bars = 0;
      open.best = 0;
      open.worst = 0;
    }
    if (open.active) {
      open.restLow = path === undefined ? Number.NaN : (path[2] as number);
      open.restHigh = path === undefined ? Number.NaN : (path[3] as number);
    }
  }

  /** Books carry (borrow, funding, dividends) against the open trade. */
  onCarry(index: number, amount: number): void {
    const open = this.#open[index] as OpenTrade;
    if (open.active) open.carry += amount;
  }

  /**
   * Updates the open trade's excursions with bar `bar`'s range — only the part after its last
   * fill in the bar, when it traded in it — and counts the bar.
   */
  onBar(index: number, highs: Float64Array, lows: Float64Array, bar: number): void {
    const open = this.#open[index] as OpenTrade;
    if (!open.active) return;
    open.bars++;
    let high = highs[bar] as number;
    let low = lows[bar] as number;
    if (!Number.isNaN(open.restLow)) {
      high = open.restHigh;
      low = open.restLow;
      open.restLow = Number.NaN;
      open.restHigh = Number.NaN;
    }
    // Written out here rather than calling #widen: this runs on every bar, often inside a
    // replay loop that has used up V8's inlining budget.
    const m = (this.#multipliers[index] as number) * open.size;
    const favourable = open.side > 0 ? (high - open.entryPrice) * m : (open.entryPrice - low) * m;
    const adverse = open.side > 0 ? (low - open.entryPrice) * m : (open.entryPrice - high) * m;
    if (favourable > open.best) open.best = favourable;
    if (adverse < open.worst) open.worst = adverse;
  }

  /**
   * Widens the open trade's excursions with prices from `lows[lo]` to `highs[hi]` at its
   * current size (NaN: nothing). Prices travel in arrays so that no double crosses the call.
   */
  #widen(index: number, open: OpenTrade, highs: Float64Array, hi: number, lows: Float64Array, lo: number): void {
    const high = highs[hi] as number;
    const low = lows[lo] as number;
    if (Number.isNaN(high) || Number.isNaN(low)) return;
    const m = (this.#multipliers[index] as number) * open.size;
    const favourable = open.side > 0 ? (high - open.entryPrice) * m : (open.entryPrice - low) * m;
    const adverse = open.side > 0 ? (low - open.entryPrice) * m : (open.entryPrice - high) * m;
    if (favourable > open.best) open.best = favourable;
    if (adverse < open.worst) open.worst = adverse;
  }

  /**
   * Updates the open trade's excursions with the stretch of the bar's path before a fill it
   * took no part in (cells 0 and 1 of `path`, as in {@link onFill}; NaN: nothing), as when
   * books sharing an instrument each keep their own trades; counts nothing.
   */
  onPath(index: number, path: Float64Array): void {
    const open = this.#open[index] as OpenTrade;
    if (open.active) this.#widen(index, open, path, 1, path, 0);
  }

  /** Updates the open trade's excursions with one price (a tick); counts nothing. */
  onPrice(index: number, price: number): void {
    const open = this.#open[index] as OpenTrade;
    if (!open.active) return;
    const pnl = (price - open.entryPrice) * open.side * (this.#multipliers[index] as number) * open.size;
    if (pnl > open.best) open.best = pnl;
    if (pnl < open.worst) open.worst = pnl;
  }

  /** Applies a split to the open trade. */
  onSplit(index: number, ratio: number): void {
    const open = this.#open[index] as OpenTrade;
    if (!open.active) return;
    open.entryPrice /= ratio;
    open.entryQuantity *= ratio;
    open.size *= ratio;
    open.maxSize *= ratio;
    open.exitQuantity *= ratio;
  }

  /** Trades still open at the end, summarised as if closed at `price` (not added to the closed trades). */
  openTrades(): {
    readonly index: number;
    readonly id: number;
    readonly side: 'long' | 'short';
    readonly size: number;
    readonly entryPrice: number;
    readonly entryTime: number;
  }[] {
    const out = [];
    for (let i = 0; i < this.#open.length; i++) {
      const open = this.#open[i] as OpenTrade;
      if (open.active) {
        out.push({
          index: i,
          id: open.id,
          side: open.side > 0 ? ('long' as const) : ('short' as const),
          size: open.size,
          entryPrice: open.entryPrice,
          entryTime: open.entryTime,
        });
      }
    }
    return out;
  }

  /** Closed trade `i` (0-based, in closing order) as an object. */
  at(i: number): Trade {
    const f = this.#numbers;
    const o = i * 12;
    return {
      id: this.#id[i] as number,
      instrument: this.#ids[this.#instrument[i] as number] as string,
      side: this.#side[i] === 1 ? 'long' : 'short',
      entryTime: f[o] as number,
      entryPrice: f[o + 1] as number,
      quantity: f[o + 2] as number,
      exitTime: f[o + 3] as number,
      exitPrice: f[o + 4] as number,
      pnl: f[o + 5] as number,
      returnFraction: f[o + 6] as number,
      fees: f[o + 7] as number,
      bars: f[o + 8] as number,
      duration: f[o + 9] as number,
      mae: f[o + 10] as number,
      mfe: f[o + 11] as number,
    };
  }

  /** Every closed trade, in closing order. */
  toArray(): Trade[] {
    const out: Trade[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.at(i);
    return out;
  }

  /** Number of closed trades with a positive P&L. */
  winners(): number {
    let n = 0;
    for (let i = 0; i < this.count; i++) if ((this.#numbers[i * 12 + 5] as number) > 0) n++;
    return n;
  }

  #close(index: number, open: OpenTrade, time: number): void {
    const m = this.#multipliers[index] as number;
    const entryNotional = open.entryPrice * open.entryQuantity * m;
    let pnl = open.realized - open.fees + open.carry;
    const returnFraction = entryNotional > 0 ? pnl / entryNotional : 0;
    let fees = open.fees;
    let worst = open.worst;
    let best = open.best;
    if (this.#exitRate !== undefined) {
      const rate = this.#exitRate(index);
      pnl *= rate;
      fees *= rate;
      worst *= rate;
      best *= rate;
    }
    const i = this.count;
    if (i === this.#id.length) {
      const n = i * 2;
      this.#id = grow(this.#id, n);
      this.#instrument = grow(this.#instrument, n);
      this.#side = grow(this.#side, n);
      this.#numbers = grow(this.#numbers, n * 12);
    }
    this.#id[i] = open.id;
    this.#instrument[i] = index;
    this.#side[i] = open.side;
    const f = this.#numbers;
    const o = i * 12;
    f[o] = open.entryTime;
    f[o + 1] = open.entryPrice;
    f[o + 2] = open.maxSize;
    f[o + 3] = time;
    f[o + 4] = open.exitValue / open.exitQuantity;
    f[o + 5] = pnl;
    f[o + 6] = returnFraction;
    f[o + 7] = fees;
    f[o + 8] = open.bars;
    f[o + 9] = time - open.entryTime;
    f[o + 10] = worst;
    f[o + 11] = best;
    this.count = i + 1;
    open.active = false;
  }
}
