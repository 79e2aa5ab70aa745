import { FOK, LIMIT, STOP, STOP_LIMIT, T_CANCEL, T_REJECT, T_TRIGGER, TRAILING_STOP } from '../orders/order-codes.js';
import type { OrderStore } from '../orders/order-store.js';
import { feeInput, type MutableFeeInput } from '../portfolio/buying-power.js';
import type { Book } from './exchange-book.js';
import type { FeeInput } from './fee-model.js';
import { restsAsLimit, trailingLevel } from './order-levels.js';
import type { SimulatedExchangeConfig } from './simulated-exchange-config.js';
import type { VenueListener } from './venue.js';

/**
 * How the simulated venue fills an order: whether a price reaches it (at the open, or where the
 * bar's path meets its level) and as maker or taker; then the fill itself: relative sizes resolved at the fill price,
 * reduce-only clipping, the volume budget, slippage for takers, fees (with the running notional
 * that fee tiers read), the account's check, and where on the bar's path the fill happens.
 */
export class ExchangeFills {
  readonly #config: SimulatedExchangeConfig;
  readonly #listener: VenueListener;
  readonly #store: OrderStore;
  readonly #feeInput: FeeInput & MutableFeeInput = feeInput();
  #cumulativeNotional = 0;

  constructor(config: SimulatedExchangeConfig, listener: VenueListener) {
    this.#config = config;
    this.#listener = listener;
    this.#store = listener.orders;
  }

  /** Checks an order against a single price (the open, or the price when a leg is placed). */
  checkAtPrice(book: Book, id: number, price: number, atOpen: boolean): void {
    const s = this.#store;
    const buy = (s.side[id] as number) > 0;
    const time = book.instrument.time[book.bar] as number;
    const kind = s.kind[id];
    const stop = s.stopPrice[id] as number;
    if (kind === STOP_LIMIT && s.triggered[id] === 0 && (buy ? price >= stop : price <= stop)) {
      s.triggered[id] = 1;
      this.#listener.onOrderTransition(id, T_TRIGGER, '', time);
    }
    if (restsAsLimit(s, id)) {
      const limit = s.limitPrice[id] as number;
      if (buy ? price <= limit : price >= limit) {
        // An order resting before this bar is in the book when the market opens through it.
        const resting = atOpen && (s.eligibleBar[id] as number) < book.bar && kind === LIMIT;
        if (!resting && s.postOnly[id] === 1) {
          this.#listener.onOrderTransition(id, T_REJECT, 'POST_ONLY_WOULD_TAKE', time);
          return;
        }
        this.fill(book, id, price, resting, time, book.bar);
      }
      return;
    }
    if (kind === STOP) {
      if (buy ? price >= stop : price <= stop) this.fill(book, id, price, false, time, book.bar);
    } else if (kind === TRAILING_STOP) {
      const level = trailingLevel(s, id, book.instrument.tickSize);
      if (buy ? price >= level : price <= level) this.fill(book, id, price, false, time, book.bar);
    }
  }

  /** Executes order `id` where the bar's path reaches its level: a limit fills there as maker, a stop-limit triggers. */
  execute(book: Book, id: number, level: number, time: number, bar: number): void {
    const s = this.#store;
    if (restsAsLimit(s, id)) {
      this.fill(book, id, level, true, time, bar);
      return;
    }
    if (s.kind[id] === STOP_LIMIT) {
      s.triggered[id] = 1;
      this.#listener.onOrderTransition(id, T_TRIGGER, '', time);
      // Triggered at the stop: it fills there if the limit allows, else rests as a limit.
      const limit = this.#store.limitPrice[id] as number;
      if ((this.#store.side[id] as number) > 0 ? level <= limit : level >= limit) {
        this.fill(book, id, level, false, time, bar);
      }
      return;
    }
    this.fill(book, id, level, false, time, bar);
  }

  /**
   * Fills order `id` at `price` (as maker, or as a taker that slips) within the book's volume
   * budget, once the listener accepts the fill; cancels or rejects it when the account cannot
   * take it, a reduce-only order has nothing to reduce or a fill-or-kill order cannot fill whole.
   */
  fill(book: Book, id: number, price: number, maker: boolean, time: number, bar: number): void {
    const listener = this.#listener;
    const index = book.index;
    const relative = Number.isNaN(this.#store.quantity[id] as number);
    if (relative && !this.#resolve(id, index, price, time)) return;
    if (this.#store.reduceOnly[id] === 1) {
      const position = listener.positionOf(index);
      const reducible = (this.#store.side[id] as number) > 0 ? Math.max(0, -position) : Math.max(0, position);
      if (reducible <= 0) {
        listener.onOrderTransition(id, T_CANCEL, 'REDUCE_ONLY_NOTHING_TO_REDUCE', time);
        return;
      }
      const s = this.#store;
      if ((s.quantity[id] as number) - (s.filled[id] as number) > reducible) {
        s.quantity[id] = (s.filled[id] as number) + reducible;
      }
    }
    for (let attempt = 0; ; attempt++) {
      const s = this.#store;
      const side = s.side[id] as number;
      const remaining = (s.quantity[id] as number) - (s.filled[id] as number);
      const available = book.sided ? (side > 0 ? book.availableBuy : book.availableSell) : book.available;
      const quantity = Math.min(remaining, available);
      if (s.timeInForce[id] === FOK && quantity < remaining) {
        listener.onOrderTransition(id, T_CANCEL, 'FOK_UNFILLED', time);
        return;
      }
      if (!(quantity > 0)) return; // volume exhausted this bar: the order keeps working
      const fillPrice = maker ? price : this.#slipped(book, side, price, quantity, bar);
      const ins = book.instrument;
      const notional = quantity * fillPrice * ins.multiplier;
      const input = this.#feeInput;
      input.instrument = ins.id;
      input.quantity = quantity;
      input.price = fillPrice;
      input.notional = notional;
      input.liquidity = maker ? 'maker' : 'taker';
      input.cumulativeNotional = this.#cumulativeNotional;
      const fee = this.#config.fees(input);
      const refusal = listener.checkFill(id, index, quantity, fillPrice, fee);
      if (refusal === '') {
        if (!book.sided) book.available -= quantity;
        else if (side > 0) book.availableBuy -= quantity;
        else book.availableSell -= quantity;
        this.#cumulativeNotional += notional * listener.rateOf(index); // fee tiers count account currency
        this.#tellPath(book);
        listener.onFill(id, index, quantity, fillPrice, fee, maker, time);
        return;
      }
      // A relative size was resolved before slippage; size it again at the price it gets.
      if (relative && attempt === 0 && refusal === 'INSUFFICIENT_BUYING_POWER' && s.filled[id] === 0) {
        s.quantity[id] = Number.NaN;
        if (!this.#resolve(id, index, fillPrice, time)) return;
        if (this.#store.side[id] === side) continue;
      }
      listener.onOrderTransition(id, (this.#store.filled[id] as number) > 0 ? T_CANCEL : T_REJECT, refusal, time);
      return;
    }
  }

  /**
   * Tells the listener where on the bar's path a fill at the book's price happens: the range
   * the path covered since the previous fill (or the open) and the range it covers after this
   * one. (Every fill sets `book.price` to where the path is first.)
   */
  #tellPath(book: Book): void {
    const price = book.price;
    const path = this.#listener.fillPath;
    if (Number.isNaN(book.to)) {
      path.fill(Number.NaN);
      return;
    }
    path[0] = Math.min(book.sinceLow, price);
    path[1] = Math.max(book.sinceHigh, price);
    path[2] = Math.min(price, book.to, book.aheadLow);
    path[3] = Math.max(price, book.to, book.aheadHigh);
    book.sinceLow = price;
    book.sinceHigh = price;
  }

  /** Resolves a relative size at `price`; false (and the order cancelled) when there is nothing to trade. */
  #resolve(id: number, index: number, price: number, time: number): boolean {
    const signed = this.#listener.resolveQuantity(id, index, price);
    if (signed === 0 || Number.isNaN(signed)) {
      this.#listener.onOrderTransition(id, T_CANCEL, 'NOTHING_TO_TRADE', time);
      return false;
    }
    const s = this.#store;
    s.side[id] = signed > 0 ? 1 : -1;
    s.quantity[id] = Math.abs(signed);
    return true;
  }

  #slipped(book: Book, side: number, price: number, quantity: number, bar: number): number {
    const ins = book.instrument;
    const slip = this.#config.slippage({
      side: side > 0 ? 'buy' : 'sell',
      price,
      quantity,
      barVolume: ins.volume[bar] as number,
      high: ins.high[bar] as number,
      low: ins.low[bar] as number,
      close: ins.close[bar] as number,
      rng: this.#config.rng,
    });
    if (!(slip > 0)) return price;
    // Not snapped to the tick grid: historical prices (split- or dividend-adjusted) are often
    // off it, and the model's cost should arrive in full, neither rounded away nor inflated.
    return side > 0 ? price + slip : price - slip;
  }
}

/** Units a bar of `volume` may fill under a volume limit (a fraction of the bar's volume). */
export function volumeBudget(volume: number, limit: number): number {
  if (limit === Number.POSITIVE_INFINITY || Number.isNaN(volume)) return Number.POSITIVE_INFINITY;
  return volume * limit;
}
