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
  /** Realised P&L after the trade's fees (and any carry booked while open), in account currency. */
  readonly pnl: number;
  /** `pnl` over the entry notional. */
  readonly returnFraction: number;
  readonly fees: number;
  /** Bars the trade was open on (counted at each bar it was held through). */
  readonly bars: number;
  /** Duration in µs from entry to exit. */
  readonly duration: number;
  /** Maximum adverse excursion: the worst open P&L seen, ≤ 0, in account currency. */
  readonly mae: number;
  /** Maximum favourable excursion: the best open P&L seen, ≥ 0. */
  readonly mfe: number;
}

interface OpenTrade {
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
}

/** Builds {@link Trade}s from fills, and tracks excursions of open trades bar by bar. */
export class TradeTracker {
  readonly trades: Trade[] = [];
  readonly #ids: readonly string[];
  readonly #multipliers: Float64Array;
  readonly #open: (OpenTrade | null)[];
  #next = 1;

  constructor(instrumentIds: readonly string[], multipliers: readonly number[]) {
    this.#ids = instrumentIds;
    this.#multipliers = Float64Array.from(multipliers);
    this.#open = instrumentIds.map(() => null);
  }

  /** The open trade's id on an instrument, or 0. */
  openTradeId(index: number): number {
    return this.#open[index]?.id ?? 0;
  }

  /** Records a fill of signed `quantity` at `price` (position before the fill: `before`). */
  onFill(
    index: number,
    before: number,
    quantity: number,
    price: number,
    fee: number,
    realized: number,
    time: number,
  ): void {
    let remaining = quantity;
    let feeLeft = fee;
    let open = this.#open[index] ?? null;
    if (open !== null && Math.sign(quantity) !== open.side) {
      const closing = Math.min(Math.abs(before), Math.abs(quantity));
      const share = closing / Math.abs(quantity);
      open.exitQuantity += closing;
      open.exitValue += closing * price;
      open.realized += realized;
      open.fees += fee * share;
      feeLeft = fee - fee * share;
      open.size -= closing;
      remaining = quantity + closing * open.side;
      if (open.size <= 1e-12 * open.maxSize) {
        this.#close(index, open, time);
        open = null;
      }
    } else if (open !== null) {
      open.entryPrice =
        (open.entryPrice * open.entryQuantity + Math.abs(quantity) * price) / (open.entryQuantity + Math.abs(quantity));
      open.entryQuantity += Math.abs(quantity);
      open.size += Math.abs(quantity);
      if (open.size > open.maxSize) open.maxSize = open.size;
      open.fees += fee;
      remaining = 0;
    }
    if (open === null && Math.abs(remaining) > 0) {
      const size = Math.abs(remaining);
      this.#open[index] = {
        id: this.#next++,
        side: remaining > 0 ? 1 : -1,
        entryTime: time,
        entryPrice: price,
        entryQuantity: size,
        size,
        maxSize: size,
        exitQuantity: 0,
        exitValue: 0,
        realized: 0,
        fees: feeLeft,
        carry: 0,
        bars: 0,
        best: 0,
        worst: 0,
      };
    }
  }

  /** Books carry (borrow, funding, dividends) against the open trade. */
  onCarry(index: number, amount: number): void {
    const open = this.#open[index];
    if (open != null) open.carry += amount;
  }

  /** Updates the open trade's excursions with bar `bar`'s range; counts the bar. */
  onBar(index: number, highs: Float64Array, lows: Float64Array, bar: number): void {
    const open = this.#open[index];
    if (open == null) return;
    const high = highs[bar] as number;
    const low = lows[bar] as number;
    open.bars++;
    const m = (this.#multipliers[index] as number) * open.size;
    const favourable = open.side > 0 ? (high - open.entryPrice) * m : (open.entryPrice - low) * m;
    const adverse = open.side > 0 ? (low - open.entryPrice) * m : (open.entryPrice - high) * m;
    if (favourable > open.best) open.best = favourable;
    if (adverse < open.worst) open.worst = adverse;
  }

  /** Applies a split to the open trade. */
  onSplit(index: number, ratio: number): void {
    const open = this.#open[index];
    if (open == null) return;
    open.entryPrice /= ratio;
    open.entryQuantity *= ratio;
    open.size *= ratio;
    open.maxSize *= ratio;
    open.exitQuantity *= ratio;
  }

  /** Trades still open at the end, summarised as if closed at `price` (not added to `trades`). */
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
      const open = this.#open[i];
      if (open != null) {
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

  #close(index: number, open: OpenTrade, time: number): void {
    const m = this.#multipliers[index] as number;
    const pnl = open.realized - open.fees + open.carry;
    const entryNotional = open.entryPrice * open.entryQuantity * m;
    this.trades.push({
      id: open.id,
      instrument: this.#ids[index] as string,
      side: open.side > 0 ? 'long' : 'short',
      entryTime: open.entryTime,
      entryPrice: open.entryPrice,
      quantity: open.maxSize,
      exitTime: time,
      exitPrice: open.exitValue / open.exitQuantity,
      pnl,
      returnFraction: entryNotional > 0 ? pnl / entryNotional : 0,
      fees: open.fees,
      bars: open.bars,
      duration: time - open.entryTime,
      mae: open.worst,
      mfe: open.best,
    });
    this.#open[index] = null;
  }
}
